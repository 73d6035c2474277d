//! The reference floor for the engine's speed: a minimal, hand-written
//! discrete-event simulation of the same M/M/c model as `benches/mmc-80.toml`
//! (Poisson arrivals at 8000/s, 100 workers, exponential service of mean
//! 10 ms, a FIFO queue), with one binary heap of arrivals and departures,
//! a seeded ChaCha8 generator (the engine keys SplitMix64 streams instead) and the same exponential draws (`sim::sampling::exp1`) — and
//! nothing else: no patterns, no metrics beyond a count and a sum. The ratio
//! of the engine's wall time to this one's measures what the engine's
//! generality costs. The bar: at most 1.35×.
//!
//! `cargo bench --bench reference`.

use breakwater::report::Summary;
use breakwater::scenario::parse_scenario;
use breakwater::sim::sampling::exp1;
use breakwater::sim::Simulation;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};
use std::time::Instant;

const RATE: f64 = 8000.0;
const WORKERS: u32 = 100;
const MEAN_SERVICE_S: f64 = 0.010;
const DURATION_S: f64 = 1000.0;

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Arrival,
    Departure,
}

/// Runs the minimal M/M/c; returns (calls, mean response time in seconds).
fn reference(seed: u64) -> (u64, f64) {
    let ns = |s: f64| (s * 1e9 + 0.5) as u64;
    let end = ns(DURATION_S);
    let mut arrivals = ChaCha8Rng::seed_from_u64(seed);
    let mut service = ChaCha8Rng::seed_from_u64(seed ^ 0x5eed);
    // (time, sequence, kind, arrival time of the job it concerns)
    let mut heap: BinaryHeap<Reverse<(u64, u64, Kind, u64)>> = BinaryHeap::new();
    let mut seq = 0u64;
    let mut queue: VecDeque<u64> = VecDeque::new();
    let mut busy = 0u32;
    let (mut calls, mut done, mut response_sum) = (0u64, 0u64, 0u128);
    let gap = |rng: &mut ChaCha8Rng| {
        let e = exp1(rng);
        ns(e / RATE).max(1)
    };
    let first = gap(&mut arrivals);
    heap.push(Reverse((first, seq, Kind::Arrival, 0)));
    while let Some(Reverse((t, _, kind, arrived))) = heap.pop() {
        if t > end {
            break;
        }
        match kind {
            Kind::Arrival => {
                calls += 1;
                if busy < WORKERS {
                    busy += 1;
                    let e = exp1(&mut service);
                    seq += 1;
                    heap.push(Reverse((
                        t + ns(e * MEAN_SERVICE_S),
                        seq,
                        Kind::Departure,
                        t,
                    )));
                } else {
                    queue.push_back(t);
                }
                seq += 1;
                heap.push(Reverse((t + gap(&mut arrivals), seq, Kind::Arrival, 0)));
            }
            Kind::Departure => {
                done += 1;
                response_sum += (t - arrived) as u128;
                match queue.pop_front() {
                    Some(a) => {
                        let e = exp1(&mut service);
                        seq += 1;
                        heap.push(Reverse((
                            t + ns(e * MEAN_SERVICE_S),
                            seq,
                            Kind::Departure,
                            a,
                        )));
                    }
                    None => busy -= 1,
                }
            }
        }
    }
    (calls, response_sum as f64 / done.max(1) as f64 / 1e9)
}

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::MAX;
    let mut out = None;
    for _ in 0..runs {
        let t = Instant::now();
        let r = f();
        best = best.min(t.elapsed().as_secs_f64());
        out = Some(r);
    }
    (best, out.expect("at least one run"))
}

fn main() {
    let path = format!("{}/benches/mmc-80.toml", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read(&path).expect("bench scenario");
    let scenario = parse_scenario(&path, &text).expect("valid bench scenario");
    let engine = || {
        let mut sim = Simulation::new(&scenario);
        // As `breakwater run` without --timeseries.
        sim.measure_ticks(false);
        sim.run(&mut |_| {});
        let s = Summary::of(&sim, &scenario.name, 0.0);
        (s.totals.calls, s.totals_latency.mean / 1e3)
    };
    // Interleaved, best of each: a busy neighbour slows both alike.
    let (mut ref_wall, mut eng_wall) = (f64::MAX, f64::MAX);
    let (mut r, mut e) = ((0, 0.0), (0, 0.0));
    for _ in 0..7 {
        let (w, out) = best_of(1, || reference(1));
        (ref_wall, r) = (ref_wall.min(w), out);
        let (w, out) = best_of(1, engine);
        (eng_wall, e) = (eng_wall.min(w), out);
    }
    let ((ref_calls, ref_r), (eng_calls, eng_r)) = (r, e);
    println!(
        "reference M/M/c: {ref_calls} calls in {ref_wall:.3} s ({:.2} M calls/s), mean response {:.2} ms",
        ref_calls as f64 / ref_wall / 1e6,
        ref_r * 1e3
    );
    println!(
        "engine    M/M/c: {eng_calls} calls in {eng_wall:.3} s ({:.2} M calls/s), mean response {:.2} ms",
        eng_calls as f64 / eng_wall / 1e6,
        eng_r * 1e3
    );
    println!(
        "engine / reference wall time: {:.2}× (bar: ≤ 1.35×)",
        eng_wall / ref_wall
    );
}
