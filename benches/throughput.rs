//! `cargo bench`: simulated calls per second on one core, in process, for the
//! benchmark scenarios in `benches/`, with the events each call costs, and
//! events and attempts per second of wall time (the rates the limits per run
//! in `sim::limits` are set from). Files given after `--` are measured
//! instead (`cargo bench --bench throughput -- FILE.toml…`). The
//! whole-process figures (start-up, parsing and output included) come from
//! `benches/run.sh`; `benches/reference.rs` compares the engine with a minimal
//! hand-written M/M/c.

use breakwater::report::Summary;
use breakwater::scenario::parse_scenario;
use breakwater::sim::Simulation;
use std::time::Instant;

fn bench(path: &str, rounds: usize) {
    let text = std::fs::read(path).expect("bench scenario");
    let scenario = parse_scenario(path, &text).expect("valid bench scenario");
    let mut best = f64::MAX;
    let (mut calls, mut attempts, mut events) = (0, 0, 0);
    for _ in 0..rounds {
        let t = Instant::now();
        let mut sim = Simulation::new(&scenario);
        // As `breakwater run` without --timeseries.
        sim.measure_ticks(false);
        sim.run(&mut |_| {});
        let wall = t.elapsed().as_secs_f64();
        let totals = Summary::of(&sim, &scenario.name, wall).totals;
        calls = totals.calls;
        attempts = totals.attempts;
        events = sim.events_handled();
        best = best.min(wall);
    }
    let name = path.rsplit('/').next().unwrap_or(path);
    println!(
        "{name:<20} {calls:>10} calls in {best:.3} s (best of {rounds}) = {:.2} M simulated calls/s, {:.2} events per call, {:.2} M events/s, {:.2} M attempts/s",
        calls as f64 / best / 1e6,
        events as f64 / calls.max(1) as f64,
        events as f64 / best / 1e6,
        attempts as f64 / best / 1e6
    );
}

fn main() {
    // `cargo bench` passes --bench; other arguments are files.
    let files: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    if files.is_empty() {
        for f in ["mmc-80.toml", "all-patterns.toml", "moderate.toml"] {
            bench(&format!("{}/benches/{f}", env!("CARGO_MANIFEST_DIR")), 5);
        }
    } else {
        for f in &files {
            bench(f, 3);
        }
    }
}
