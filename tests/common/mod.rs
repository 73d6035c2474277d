//! Helpers shared by the integration tests: scenarios from TOML text or by
//! built-in name, runs to the end, and paths in the repository. The binary's
//! helpers are in `cli.rs` (re-exported here), the dashboard's in `app.rs`.
//!
//! Every test file that says `mod common;` compiles all of this, and each
//! uses only some of it (hence the `allow`: unused helpers and re-exports).
#![allow(dead_code, unused_imports)]

pub mod app;
mod cli;

pub use cli::*;

use breakwater::report::Summary;
use breakwater::scenario::{parse_scenario, Scenario};
use breakwater::sim::metrics::Tick;
use breakwater::sim::Simulation;
use std::path::{Path, PathBuf};

/// A scenario from TOML text; panics with the error and the text if invalid.
pub fn scenario(toml: &str) -> Scenario {
    parse_scenario("test.toml", toml.as_bytes())
        .unwrap_or_else(|e| panic!("test scenario invalid: {}\n{toml}", e.say("en")))
}

/// A built-in scenario by name (as `breakwater run NAME` loads it).
pub fn builtin(name: &str) -> Scenario {
    breakwater::scenario::load(name).unwrap_or_else(|e| panic!("built-in {name}: {}", e.say("en")))
}

/// Runs `s` to the end, handing every tick to `each`; returns the finished
/// simulation.
pub fn run_each(s: &Scenario, mut each: impl FnMut(&Tick)) -> Simulation {
    let mut sim = Simulation::new(s);
    sim.run(&mut |t| each(t));
    sim
}

/// Runs `s` to the end.
pub fn finished(s: &Scenario) -> Simulation {
    run_each(s, |_| {})
}

/// Runs to the end and returns the summary and every tick.
pub fn run_ticks(s: &Scenario) -> (Summary, Vec<Tick>) {
    let mut ticks = Vec::new();
    let sim = run_each(s, |t| ticks.push(t.clone()));
    (Summary::of(&sim, &s.name, 0.0), ticks)
}

/// Runs a simulation that was asked to trace until the traced calls are
/// done (or the run ends); their stories, in index order.
pub fn run_trace(sim: &mut Simulation) -> Vec<breakwater::sim::trace::CallTrace> {
    while !sim.traces_complete() && !sim.is_finished() {
        sim.advance_within(sim.end(), 10_000, &mut |_| {});
    }
    sim.take_traces(true)
}

/// Runs to the end and returns the summary.
pub fn run(s: &Scenario) -> Summary {
    Summary::of(&finished(s), &s.name, 0.0)
}

pub fn service<'a>(s: &'a Summary, name: &str) -> &'a breakwater::report::summary::ServiceSummary {
    s.services
        .iter()
        .find(|x| x.name == name)
        .expect("service in summary")
}

/// The repository's root (where `Cargo.toml` is).
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh empty directory for one test, removed when the test drops it (so a
/// run of the suite leaves nothing behind in the machine's temporary folder).
pub fn temp_dir(tag: &str) -> TempDir {
    TempDir(
        tempfile::Builder::new()
            .prefix(&format!("breakwater-{tag}-"))
            .tempdir()
            .expect("temp dir"),
    )
}

/// A test's scratch directory: a path while the test runs, gone afterwards.
pub struct TempDir(tempfile::TempDir);

impl std::ops::Deref for TempDir {
    type Target = Path;
    fn deref(&self) -> &Path {
        self.0.path()
    }
}

impl AsRef<Path> for TempDir {
    fn as_ref(&self) -> &Path {
        self.0.path()
    }
}

/// A small valid scenario, with `extra` TOML appended at the top level
/// (before the tables) and `timeline` entries appended at the end.
pub fn small_scenario(name: &str, top: &str, tail: &str) -> String {
    format!(
        "name = \"{name}\"\n{top}\nduration = \"10s\"\n\n[load]\nkind = \"poisson\"\nrate = 50\n\n\
         [[services]]\nname = \"api\"\nworkers = 8\nqueue = 100\nlatency = \"20ms\"\n{tail}"
    )
}
