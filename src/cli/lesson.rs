//! `breakwater lesson`: a scenario's lesson for a handout — its name,
//! description, lesson and phases (the timeline entries with a note), in the
//! reader's language, wrapped whole by words; or one JSON object.

use super::failure::Outcome;
use super::shell::{json_text, load_raw, say, spec_name};
use breakwater::base::escape::{escape, escape_keep_newlines};
use breakwater::base::localised::Localised;
use breakwater::base::wrap::wrap;
use breakwater::scenario::lesson::{self, Phase};
use breakwater::scenario::variants::Side;
use breakwater::scenario::Scenario;
use breakwater::t;
use serde_json::json;

/// The width a handout's lines keep to (a terminal of 80 columns, a page).
const WIDTH: usize = 78;
/// How far the lesson and the phases' notes are indented.
const INDENT: &str = "  ";

#[derive(clap::Args)]
pub struct LessonArgs {
    scenario: String,
    #[arg(long)]
    json: bool,
}

pub fn lesson(a: LessonArgs) -> Outcome {
    let s = load_raw(&a.scenario)?;
    let text = if a.json {
        json_text(&as_json(&s))?
    } else {
        as_text(&s)
    };
    say(&text)
}

/// A side's label, or its letter when it declares none.
fn label(s: &Scenario, side: Side) -> Option<String> {
    let v = s.variants.as_ref()?.side(side);
    Some(
        v.label
            .as_ref()
            .map_or(side.letter().to_uppercase(), |l| l.get().to_string()),
    )
}

/// `text` wrapped to the handout's width after `indent` (a lesson's, an
/// exercise's task).
pub(super) fn paragraph(out: &mut String, text: &str, indent: &str) {
    for line in wrap(text, WIDTH - indent.chars().count()) {
        if line.is_empty() {
            out.push('\n');
        } else {
            out.push_str(&format!("{indent}{line}\n"));
        }
    }
}

fn as_text(s: &Scenario) -> String {
    let mut out = format!("{}\n", escape(&s.name));
    paragraph(&mut out, &escape_keep_newlines(&s.description), "");
    if let (Some(a), Some(b)) = (label(s, Side::A), label(s, Side::B)) {
        let sides = t!("list-sides", a = escape(&a), b = escape(&b));
        paragraph(&mut out, &sides, "");
    }
    out.push_str(&format!("\n{}\n", t!("lesson-cmd-lesson")));
    let story: &Localised = lesson::text(s);
    paragraph(&mut out, &escape_keep_newlines(story), INDENT);
    let phases = lesson::phases(s);
    out.push_str(&format!(
        "\n{}\n",
        t!("lesson-cmd-phases", n = phases.len())
    ));
    // The notes start in one column, after the longest time.
    let stamp = Phase::stamp;
    let col = Phase::stamp_width(&phases);
    for p in &phases {
        let hang = " ".repeat(INDENT.len() + col + 2);
        let note = escape(&p.note);
        let lines = wrap(&note, WIDTH - hang.len());
        for (k, line) in lines.iter().enumerate() {
            if k == 0 {
                out.push_str(&format!("{INDENT}{:<col$}  {line}\n", stamp(p)));
            } else {
                out.push_str(&format!("{hang}{line}\n"));
            }
        }
    }
    out
}

/// The same, as data: the texts in the reader's language (a handout's),
/// which the `lang` key names.
fn as_json(s: &Scenario) -> serde_json::Value {
    let phases: Vec<serde_json::Value> = lesson::phases(s)
        .iter()
        .map(|p| {
            let mut v = json!({
                "at_s": p.at.0 as f64 / 1e9,
                "note": p.note.get(),
            });
            if let Some(side) = p.side {
                v["side"] = json!(side.letter());
            }
            v
        })
        .collect();
    let mut v = json!({
        "scenario": spec_name(s),
        "lang": breakwater::i18n::current(),
        "name": s.name.get(),
        "description": s.description.get(),
        "lesson": lesson::text(s).get(),
        "phases": phases,
    });
    if let (Some(a), Some(b)) = (label(s, Side::A), label(s, Side::B)) {
        v["sides"] = json!({ "a": a, "b": b });
    }
    v
}
