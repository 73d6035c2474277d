//! `breakwater check`: a scenario (with its `--set`s) validated, not run,
//! and the work a run of it would be: calls, attempts and events, and a
//! rough wall time.

use super::failure::Outcome;
use super::flags::Sets;
use super::shell::{load, say};
use breakwater::base::escape::escape;
use breakwater::base::units::millis;
use breakwater::sim::estimate::estimate;
use breakwater::t;

#[derive(clap::Args)]
pub struct CheckArgs {
    scenario: String,
    #[command(flatten)]
    sets: Sets,
}

pub fn check(a: CheckArgs) -> Outcome {
    let s = load(&a.scenario, &a.sets.set, None)?;
    let e = estimate(&s.world, &s.timeline, s.duration);
    let (fastest, slowest) = e.wall_secs();
    // Questions for the class, when it asks some (`--predict`).
    let questions = if s.questions.is_empty() {
        String::new()
    } else {
        format!("\n{}", t!("check-questions", n = s.questions.len()))
    };
    say(&format!(
        "{}: {}{questions}\n{}\n",
        escape(&a.scenario),
        t!(
            "check-ok",
            name = escape(&s.name),
            services = s.world.services.len(),
            changes = s.timeline.len(),
            duration = breakwater::base::time::span_words(s.duration)
        ),
        t!(
            "check-work",
            calls = e.calls.round(),
            attempts = e.attempts.round(),
            events = e.events.round(),
            // As the panels write a span: `12ms`, `4,2s`, `3:10`.
            fastest = millis(fastest * 1000.0),
            slowest = millis(slowest * 1000.0)
        )
    ))
}
