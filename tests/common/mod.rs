//! Helpers shared by the integration tests.
#![allow(dead_code)]

use breakwater::report::Summary;
use breakwater::scenario::{parse_scenario, Scenario};
use breakwater::sim::metrics::Tick;
use breakwater::sim::Simulation;

pub fn scenario(toml: &str) -> Scenario {
    parse_scenario("test.toml", toml.as_bytes())
        .unwrap_or_else(|e| panic!("test scenario invalid: {e}\n{toml}"))
}

/// Runs to the end and returns the summary and every tick.
pub fn run_ticks(s: &Scenario) -> (Summary, Vec<Tick>) {
    let mut sim = Simulation::new(s);
    let mut ticks = Vec::new();
    sim.run(&mut |t| ticks.push(t.clone()));
    (Summary::of(&sim, &s.name, 0.0), ticks)
}

pub fn run(s: &Scenario) -> Summary {
    let mut sim = Simulation::new(s);
    sim.run(&mut |_| {});
    Summary::of(&sim, &s.name, 0.0)
}

pub fn service<'a>(s: &'a Summary, name: &str) -> &'a breakwater::report::summary::ServiceSummary {
    s.services
        .iter()
        .find(|x| x.name == name)
        .expect("service in summary")
}

/// The `breakwater` binary built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_breakwater");

/// A command for the binary, with a neutral environment for colours.
pub fn breakwater() -> std::process::Command {
    let mut c = std::process::Command::new(BIN);
    c.env_remove("NO_COLOR");
    c
}

/// Runs the binary with `args`: (exit code, stdout, stderr). A run ended by
/// a signal reports -1.
pub fn bw(args: &[&str]) -> (i32, String, String) {
    let out = breakwater().args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// A fresh empty directory for one test.
pub fn temp_dir(tag: &str) -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "breakwater-{tag}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A small valid scenario, with `extra` TOML appended at the top level
/// (before the tables) and `timeline` entries appended at the end.
pub fn small_scenario(name: &str, top: &str, tail: &str) -> String {
    format!(
        "name = \"{name}\"\n{top}\nduration = \"10s\"\n\n[load]\nkind = \"poisson\"\nrate = 50\n\n\
         [[services]]\nname = \"api\"\nworkers = 8\nqueue = 100\nlatency = \"20ms\"\n{tail}"
    )
}
