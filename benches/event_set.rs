//! `cargo bench --bench event_set`: the event set alone, in the classic hold
//! model (Vaucher & Duval 1975): N events pending; each hold pops the earliest
//! and pushes one at that time plus an exponential draw (mean 1 s, in
//! nanoseconds, as the engine keys time), so N stays constant. Nanoseconds per
//! hold at N = 10² … 10⁶ for the engine's `EventQueue` (a radix heap over the
//! virtual clock) and for a `std` binary heap over the same (time, class,
//! sequence) key with the same 16-byte payload, as the engine's event list was.
//! Best of 5 rounds, each the same seeded sequence of draws.

use breakwater::sim::event_queue::EventQueue;
use breakwater::sim::sampling::exp1;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::hint::black_box;
use std::time::Instant;

/// The payload: the size of the engine's events.
type Payload = [u32; 4];

fn draws(n: usize, seed: u64) -> Vec<u64> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..n).map(|_| (exp1(&mut rng) * 1e9) as u64 + 1).collect()
}

/// Seconds for the holds (the filling not counted).
fn radix(pending: usize, holds: &[u64]) -> f64 {
    let mut q = EventQueue::default();
    for (i, &d) in draws(pending, 1).iter().enumerate() {
        q.push(d, [i as u32; 4]);
    }
    let mut sum = 0u64;
    let start = Instant::now();
    for &d in holds {
        let (t, e): (u64, Payload) = q.pop().expect("pending events");
        sum = sum.wrapping_add(e[0] as u64);
        q.push(t + d, e);
    }
    black_box(sum);
    start.elapsed().as_secs_f64()
}

/// Seconds for the holds (the filling not counted).
fn binary(pending: usize, holds: &[u64]) -> f64 {
    let key = |t: u64, seq: u64| ((t as u128) << 64) | seq as u128;
    let mut q: BinaryHeap<Reverse<(u128, Payload)>> = BinaryHeap::new();
    let mut seq = 0;
    for (i, &d) in draws(pending, 1).iter().enumerate() {
        seq += 1;
        q.push(Reverse((key(d, seq), [i as u32; 4])));
    }
    let mut sum = 0u64;
    let start = Instant::now();
    for &d in holds {
        let Reverse((k, e)) = q.pop().expect("pending events");
        sum = sum.wrapping_add(e[0] as u64);
        seq += 1;
        q.push(Reverse((key((k >> 64) as u64 + d, seq), e)));
    }
    black_box(sum);
    start.elapsed().as_secs_f64()
}

fn best_ns_per_hold(f: impl Fn(usize, &[u64]) -> f64, pending: usize, holds: &[u64]) -> f64 {
    (0..5).map(|_| f(pending, holds)).fold(f64::MAX, f64::min) * 1e9 / holds.len() as f64
}

fn main() {
    println!("pending    radix heap ns/hold   binary heap ns/hold   (best of 5)");
    for pending in [100, 1_000, 10_000, 100_000, 1_000_000] {
        // Enough holds that each pending event is popped several times.
        let holds = draws((10 * pending).max(2_000_000), 2);
        let r = best_ns_per_hold(radix, pending, &holds);
        let b = best_ns_per_hold(binary, pending, &holds);
        println!("{pending:>9} {r:>20.1} {b:>21.1}");
    }
}
