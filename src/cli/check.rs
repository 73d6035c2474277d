//! `breakwater check`: a scenario (with its `--set`s) validated, not run.

use super::failure::Outcome;
use super::flags::Sets;
use super::shell::{load, say};
use breakwater::base::escape::escape;
use breakwater::t;

#[derive(clap::Args)]
pub struct CheckArgs {
    scenario: String,
    #[command(flatten)]
    sets: Sets,
}

pub fn check(a: CheckArgs) -> Outcome {
    let s = load(&a.scenario, &a.sets.set, None)?;
    say(&format!(
        "{}: {}\n",
        escape(&a.scenario),
        t!(
            "check-ok",
            name = escape(&s.name),
            services = s.world.services.len(),
            changes = s.timeline.len(),
            duration = s.duration.to_string()
        )
    ))
}
