//! The engine's speed in the tab, measured on the scenario the native
//! benchmark uses (`benches/mmc-80.toml`), the same way
//! (`benches/throughput.rs`: no ticks measured, as `breakwater run`).

use breakwater::report::Summary;
use breakwater::scenario::parse_scenario;
use breakwater::sim::Simulation;
use web_time::Instant;

const MMC_80: &str = include_str!("../../benches/mmc-80.toml");

/// One run of plain M/M/c at 80 % load: JSON with the calls simulated, the
/// wall seconds and calls per second.
pub fn mmc() -> String {
    let s = match parse_scenario("benches/mmc-80.toml", MMC_80.as_bytes()) {
        Ok(s) => s,
        Err(e) => return serde_json::json!({ "error": e.say("en") }).to_string(),
    };
    let t = Instant::now();
    let mut sim = Simulation::new(&s);
    sim.measure_ticks(false);
    sim.run(&mut |_| {});
    let wall = t.elapsed().as_secs_f64();
    let calls = Summary::of(&sim, &s.name, wall).totals.calls;
    serde_json::json!({
        "scenario": "benches/mmc-80.toml",
        "calls": calls,
        "seconds": wall,
        "calls_per_second": calls as f64 / wall.max(1e-9),
    })
    .to_string()
}
