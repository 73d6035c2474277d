//! `cargo bench`: simulated calls per second on one core, in process, for the
//! benchmark scenarios in `benches/`, with the events each call costs. The
//! whole-process figures (start-up, parsing and output included) come from
//! `benches/run.sh`; `benches/reference.rs` compares the engine with a minimal
//! hand-written M/M/c.

use breakwater::report::Summary;
use breakwater::scenario::parse_scenario;
use breakwater::sim::Simulation;
use std::time::Instant;

fn bench(file: &str) {
    let path = format!("{}/benches/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read(&path).expect("bench scenario");
    let scenario = parse_scenario(&path, &text).expect("valid bench scenario");
    let mut best = f64::MAX;
    let (mut calls, mut events) = (0, 0);
    for _ in 0..5 {
        let t = Instant::now();
        let mut sim = Simulation::new(&scenario);
        // As `breakwater run` without --timeseries.
        sim.measure_ticks(false);
        sim.run(&mut |_| {});
        let wall = t.elapsed().as_secs_f64();
        calls = Summary::of(&sim, &scenario.name, wall).totals.calls;
        events = sim.events_handled();
        best = best.min(wall);
    }
    println!(
        "{file:<20} {calls:>10} calls in {best:.3} s (best of 5) = {:.2} M simulated calls/s, {:.2} events per call",
        calls as f64 / best / 1e6,
        events as f64 / calls.max(1) as f64
    );
}

fn main() {
    // `cargo bench` passes --bench; ignore arguments.
    bench("mmc-80.toml");
    bench("all-patterns.toml");
    bench("moderate.toml");
}
