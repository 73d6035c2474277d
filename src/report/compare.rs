//! The headless comparison: A, B and Δ per measure and service, as a table
//! or as JSON (`{ "a": { "label", …run object… }, "b": { … } }`).

use crate::base::escape::escape;
use crate::report::json;
use crate::report::metrics::Metric;
use crate::report::summary::Summary;
use crate::t;
use serde_json::Value;
use std::fmt::Write;

/// Both sides' summaries, with their labels.
pub struct Compared<'a> {
    pub a: &'a Summary,
    pub b: &'a Summary,
    pub label_a: &'a str,
    pub label_b: &'a str,
}

/// An undefined measure (goodput after a timeline the run did not reach)
/// is a dash, never `NaN`.
fn fmt(x: f64, decimals: usize) -> String {
    if x.is_finite() {
        crate::i18n::number(x, decimals)
    } else {
        "—".into()
    }
}

fn delta(a: f64, b: f64, decimals: usize) -> String {
    let d = b - a;
    if !d.is_finite() {
        return "—".into();
    }
    if d.abs() < 0.5 * crate::base::maths::powi(10.0, -(decimals as i32)) {
        "=".into()
    } else {
        let sign = if d < 0.0 { "-" } else { "+" };
        format!("{sign}{}", crate::i18n::number(d.abs(), decimals))
    }
}

/// The table: a block per service (and one for all services when there are
/// several), a line per measure.
pub fn to_table(c: &Compared) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        t!(
            "compare-heading",
            scenario = escape(&c.a.scenario).into_owned(),
            seed = c.a.seed.to_string(),
            simulated = crate::i18n::number(c.a.sim_seconds, 1),
            wall = crate::i18n::number(c.a.wall_seconds + c.b.wall_seconds, 2)
        )
    );
    let _ = writeln!(out, "A = {}", escape(c.label_a));
    let _ = writeln!(out, "B = {}", escape(c.label_b));
    // The labels' column as wide as the longest label (or title), so every
    // row lines up in every language.
    let titles: Vec<String> =
        c.a.services
            .iter()
            .map(|s| escape(&s.name).into_owned())
            .chain(std::iter::once(t!("compare-all-services")))
            .collect();
    let labels = Metric::ALL
        .iter()
        .map(|m| m.label())
        .chain(std::iter::once(t!("compare-calls")));
    let lw = labels.map(|l| l.chars().count()).max().unwrap_or(0).max(
        titles
            .iter()
            .map(|t| t.chars().count().saturating_sub(2))
            .max()
            .unwrap_or(0),
    );
    let mut block = |title: &str, a: Option<usize>| {
        let _ = writeln!(out);
        let tw = lw + 2;
        let _ = writeln!(
            out,
            "{:<tw$} {:>12} {:>12} {:>12}",
            title, "A", "B", "Δ (B − A)"
        );
        let calls = |s: &Summary| match a {
            Some(i) => s.services[i].counts.calls,
            None => s.totals.calls,
        };
        let _ = writeln!(
            out,
            "  {:<lw$} {:>12} {:>12} {:>12}",
            t!("compare-calls"),
            crate::base::units::count(calls(c.a)),
            crate::base::units::count(calls(c.b)),
            delta(calls(c.a) as f64, calls(c.b) as f64, 0)
        );
        for m in Metric::ALL {
            let va = m.value(c.a, a.map(|i| &c.a.services[i]));
            let vb = m.value(c.b, a.map(|i| &c.b.services[i]));
            let d = m.decimals();
            let _ = writeln!(
                out,
                "  {:<lw$} {:>12} {:>12} {:>12}",
                m.label(),
                fmt(va, d),
                fmt(vb, d),
                delta(va, vb, d)
            );
        }
    };
    for (i, title) in titles.iter().take(c.a.services.len()).enumerate() {
        block(title, Some(i));
    }
    if c.a.services.len() > 1 {
        block(&titles[c.a.services.len()], None);
    }
    out
}

/// The JSON: each side is the `run --json` object with its `label`.
pub fn to_json(c: &Compared) -> Value {
    let side = |s: &Summary, label: &str| {
        let mut v = json::to_json(s);
        if let Value::Object(m) = &mut v {
            let mut with_label = serde_json::Map::new();
            with_label.insert("label".into(), Value::String(label.into()));
            with_label.extend(std::mem::take(m));
            *m = with_label;
        }
        v
    };
    serde_json::json!({ "a": side(c.a, c.label_a), "b": side(c.b, c.label_b) })
}
