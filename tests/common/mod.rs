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
