//! Memory follows what is in flight, not how long the run is: stale timers and
//! abandoned waiters are swept.

mod common;
use breakwater::sim::Simulation;

#[test]
fn disarmed_timeouts_do_not_pile_up_in_the_event_heap() {
    // 20 000 calls/s answered in 1 ms, each with a 300 s timeout: about 20
    // calls in flight, but 6 million timers would be armed over 300 s.
    let s = common::scenario(
        r#"
name = "long timeouts"
duration = "30s"
[load]
kind = "constant"
rate = 20000
[[services]]
name = "a"
workers = 100
latency = "1ms"
[patterns.timeout]
per_attempt = "300s"
"#,
    );
    let mut peak = 0;
    let mut sim2 = Simulation::new(&s);
    for step in 1..=30u64 {
        sim2.advance_to(step * 1_000_000_000, &mut |_| {});
        peak = peak.max(sim2.pending_events());
    }
    assert!(
        peak < 20_000,
        "{peak} events pending for ~20 calls in flight"
    );
    assert!(sim2.in_flight() < 100);
}

#[test]
fn waiters_that_gave_up_are_swept_from_a_bulkhead_queue() {
    let s = common::scenario(
        r#"
name = "stuck bulkhead"
duration = "5s"
[load]
kind = "constant"
rate = 20000
[[services]]
name = "a"
latency = "1d"
[patterns.bulkhead]
max_concurrent = 1
max_queue = 1000
max_wait = "10ms"
"#,
    );
    let sim = common::finished(&s);
    let b = sim.bulkhead(0);
    assert!(
        b.queue_len() <= 2 * b.waiting() as usize + 16,
        "{} entries for {} waiters",
        b.queue_len(),
        b.waiting()
    );
    assert!(
        sim.pending_events() < 20_000,
        "{} events pending",
        sim.pending_events()
    );
}
