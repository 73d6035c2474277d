//! An exercise graded by the simulator: the scenario (with the exercise's
//! start and the student's changes) run once, each goal's metric measured
//! over its window (`report::answers::Snapshots`, as a question's answer
//! is), met or missed; said as text for a person or JSON for an autograder.

use crate::base::escape::escape;
use crate::base::metric::{Kind, Metric};
use crate::base::wrap::wrap;
use crate::report::answers::Snapshots;
use crate::scenario::exercise::changes::Proposed;
use crate::scenario::exercise::{in_goal_units, Exercise, Goal};
use crate::scenario::Scenario;
use crate::t;
use serde_json::{json, Value};

/// The width a person's text keeps to (a terminal of 80 columns).
const WIDTH: usize = 78;

/// A goal and what the run measured for it (in the window's units: percent
/// 0–100, ms; NaN when nothing could be measured).
#[derive(Clone, Debug)]
pub struct Graded {
    pub goal: Goal,
    pub value: f64,
    pub holds: bool,
}

/// Every goal of an exercise, graded.
#[derive(Clone, Debug)]
pub struct Grade {
    pub goals: Vec<Graded>,
}

impl Grade {
    /// Whether every goal holds.
    pub fn passed(&self) -> bool {
        self.goals.iter().all(|g| g.holds)
    }

    pub fn missed(&self) -> usize {
        self.goals.iter().filter(|g| !g.holds).count()
    }
}

/// Runs `s` to its end and grades `goals` over it.
pub fn grade(s: &Scenario, goals: &[Goal]) -> Grade {
    let times: Vec<_> = goals.iter().flat_map(|g| [g.from.0, g.to.0]).collect();
    let snaps = Snapshots::of_run(s, &times);
    Grade {
        goals: goals
            .iter()
            .map(|g| {
                let value = snaps
                    .window(g.from.0, g.to.0, g.service)
                    .map_or(f64::NAN, |w| w.value(g.metric));
                Graded {
                    goal: g.clone(),
                    value,
                    holds: g.holds(value),
                }
            })
            .collect(),
    }
}

/// Decimals a goal's numbers are shown with: enough to see a percentage
/// near its bound.
fn decimals(metric: Metric) -> usize {
    match metric.kind() {
        Kind::Percent => 2,
        Kind::Millis | Kind::Count => 0,
        Kind::Number => metric.decimals(),
    }
}

/// A value in the window's units as the tables print it ("—" when none).
pub fn value_text(metric: Metric, v: f64) -> String {
    if v.is_finite() {
        crate::i18n::number(v, decimals(metric))
    } else {
        "—".into()
    }
}

/// Whose, which metric, over which window: `user · ok fraction (%) · 210s to 270s`.
pub fn goal_text(g: &Goal) -> String {
    let service = match g.service {
        Some(_) => escape(&g.service_name).into_owned(),
        None => t!("exercise-all-services"),
    };
    t!(
        "exercise-goal-line",
        service = service,
        metric = t!(g.metric.label_id()),
        from = g.from.to_string(),
        to = g.to.to_string()
    )
}

/// The goal's bounds: `at least 99.00`, `at most 6000`, `between … and …`.
pub fn bound_text(g: &Goal) -> String {
    let v = |x: f64| value_text(g.metric, x);
    match (g.at_least, g.at_most) {
        (Some(lo), Some(hi)) => t!("exercise-bound-between", low = v(lo), high = v(hi)),
        (Some(lo), None) => t!("exercise-bound-at-least", value = v(lo)),
        (None, Some(hi)) => t!("exercise-bound-at-most", value = v(hi)),
        (None, None) => String::new(),
    }
}

/// A change as `path = value` (the value as TOML writes it).
pub fn change_text(path: &str, value: &toml::Value) -> String {
    escape(&format!("{path} = {value}")).into_owned()
}

/// The graded goals for a person: each with its verdict in a symbol and a
/// word, its bound and the measured value; then the verdict of the whole.
pub fn to_text(ex: &Exercise, s: &Scenario, changes: &[Proposed], g: &Grade) -> String {
    let mut out = t!(
        "grade-header",
        name = escape(ex.name.get()).into_owned(),
        scenario = escape(&ex.scenario_spec).into_owned(),
        seed = s.seed.to_string()
    );
    out.push_str("\n\n");
    if changes.is_empty() {
        out.push_str(&format!("{}\n", t!("grade-no-changes")));
    } else {
        out.push_str(&format!("{}\n", t!("grade-changes")));
        for c in changes {
            out.push_str(&format!("  {}\n", change_text(&c.path, &c.value)));
        }
    }
    out.push_str(&format!("\n{}\n", t!("exercise-goals")));
    let met = t!("grade-met");
    let missed = t!("grade-missed");
    let width = met.chars().count().max(missed.chars().count());
    let indent = " ".repeat(width + 4);
    // Each goal's words wrapped to the terminal's 80 columns, hanging after
    // its verdict.
    let wrapped = |text: &str| wrap(text, WIDTH.saturating_sub(indent.len()).max(20));
    for r in &g.goals {
        let verdict = if r.holds { &met } else { &missed };
        let pad = " ".repeat(width - verdict.chars().count());
        let measured = t!("grade-measured", value = value_text(r.goal.metric, r.value));
        let bound = format!("{} · {measured}", bound_text(&r.goal));
        for (k, line) in wrapped(&goal_text(&r.goal)).iter().enumerate() {
            match k {
                0 => out.push_str(&format!("  {verdict}{pad}  {line}\n")),
                _ => out.push_str(&format!("{indent}{line}\n")),
            }
        }
        for line in wrapped(&bound) {
            out.push_str(&format!("{indent}{line}\n"));
        }
    }
    out.push('\n');
    let n = g.goals.len();
    out.push_str(&if g.passed() {
        t!("grade-passed", n = n)
    } else {
        t!("grade-failed", missed = g.missed(), n = n)
    });
    out.push('\n');
    out
}

/// For an autograder: the changes applied, every goal with its bounds and
/// measured value in the goal's units (fractions 0–1, seconds), met or not.
pub fn to_json(ex: &Exercise, spec: &str, s: &Scenario, changes: &[Proposed], g: &Grade) -> Value {
    let unit = |m: Metric| match m.kind() {
        Kind::Percent => "fraction",
        Kind::Millis => "s",
        Kind::Count => "count",
        Kind::Number => "number",
    };
    let number = |m: Metric, v: f64| {
        let x = in_goal_units(m, v);
        if x.is_finite() {
            json!(x)
        } else {
            Value::Null
        }
    };
    let goals: Vec<Value> = g
        .goals
        .iter()
        .map(|r| {
            let m = r.goal.metric;
            json!({
                "service": r.goal.service_name,
                "metric": m.name(),
                "from_s": r.goal.from.as_secs_f64(),
                "to_s": r.goal.to.as_secs_f64(),
                "unit": unit(m),
                "at_least": r.goal.at_least.map_or(Value::Null, |b| number(m, b)),
                "at_most": r.goal.at_most.map_or(Value::Null, |b| number(m, b)),
                "value": number(m, r.value),
                "passed": r.holds,
            })
        })
        .collect();
    let changes: Vec<Value> = changes
        .iter()
        .map(|c| json!({ "path": c.path, "value": c.value, "source": c.source }))
        .collect();
    json!({
        "exercise": spec,
        "name": ex.name.en(),
        "scenario": ex.scenario_spec,
        "seed": s.seed,
        "passed": g.passed(),
        "goals_met": g.goals.len() - g.missed(),
        "goals": goals,
        "changes": changes,
    })
}
