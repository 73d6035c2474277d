//! `breakwater exercise list`: the built-in exercises with their names in
//! the reader's language. `breakwater exercise NAME|FILE`: an exercise's
//! task, the world it starts from, what may change and its goals; on a
//! terminal (unless `--text`), the dashboard on the exercise's world with
//! the task on screen and `g` to grade the live settings.

use super::dashboard::{live, ready, DashOptions};
use super::failure::{Failure, Outcome};
use super::lesson::paragraph;
use super::shell::say;
use breakwater::base::escape::{escape, escape_keep_newlines};
use breakwater::report::grade::{bound_text, change_text, goal_text};
use breakwater::scenario::exercise::{self, builtin, Exercise};
use breakwater::t;
use breakwater::tui::app::App;
use std::io::IsTerminal;

/// How far the task and goals are indented (as a lesson's phases).
const INDENT: &str = "  ";

#[derive(clap::Args)]
pub struct ExerciseArgs {
    #[arg(value_name = "NAME|FILE")]
    exercise: String,
    #[arg(long)]
    text: bool,
    #[command(flatten)]
    options: DashOptions,
}

pub fn exercise(a: ExerciseArgs) -> Outcome {
    if a.exercise == "list" {
        return list();
    }
    let ex = load(&a.exercise)?;
    if a.text || !std::io::stdout().is_terminal() {
        return say(&as_text(&ex, &a.exercise));
    }
    let options = a.options;
    ready(
        &options,
        format!("breakwater exercise {} --text", escape(&a.exercise)),
    )?;
    let s = ex.scenario.clone();
    let (seed, names) = (s.seed, [s.name.to_string()]);
    let mut app = App::new(s, seed);
    app.open_exercise(ex);
    live(app, options, &names)
}

/// An exercise by name or file, or exit 2 saying where it is wrong.
pub fn load(spec: &str) -> Result<Exercise, Failure> {
    let ex =
        exercise::load(spec).map_err(|e| Failure::with(2, e.say(breakwater::i18n::current())))?;
    breakwater::output::file::note_input(spec);
    Ok(ex)
}

fn list() -> Outcome {
    let mut text = String::new();
    for (name, _) in builtin::BUILTINS {
        match exercise::load(name) {
            Ok(ex) => text.push_str(&format!(
                "{name:<24} {} ({})\n",
                escape(ex.name.get()),
                escape(&ex.scenario_spec)
            )),
            Err(e) => text.push_str(&format!(
                "{name:<24} ({})\n",
                t!("list-broken", reason = e.say(breakwater::i18n::current()))
            )),
        }
    }
    say(&text)
}

fn as_text(ex: &Exercise, spec: &str) -> String {
    let mut out = format!("{}\n", escape(ex.name.get()));
    out.push_str(&format!(
        "{}\n\n{}\n",
        t!("exercise-scenario", scenario = escape(&ex.scenario_spec)),
        t!("exercise-task")
    ));
    paragraph(&mut out, &escape_keep_newlines(ex.task.get()), INDENT);
    if !ex.start.is_empty() {
        out.push_str(&format!("\n{}\n", t!("exercise-start")));
        for (path, value) in &ex.start {
            out.push_str(&format!("{INDENT}{}\n", change_text(path, value)));
        }
    }
    out.push('\n');
    paragraph(
        &mut out,
        &t!("exercise-may-change", max = ex.max_changes),
        "",
    );
    for p in &ex.may_change {
        out.push_str(&format!("{INDENT}{}\n", escape(p)));
    }
    out.push_str(&format!("\n{}\n", t!("exercise-goals")));
    for g in &ex.goals {
        out.push_str(&format!("{INDENT}{}\n", goal_text(g)));
        out.push_str(&format!("{INDENT}{INDENT}{}\n", bound_text(g)));
    }
    out.push('\n');
    paragraph(
        &mut out,
        &t!("exercise-how-to-grade", exercise = escape(spec)),
        "",
    );
    out
}
