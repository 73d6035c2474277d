//! Honest numbers (issue 20, item 6) in the reports: beside `attempts` and
//! `latency_ms`, the calls that made an attempt (their attempts per call is
//! never below 1) and the latency of the calls that reached the downstream,
//! which the instant answers of the breaker, bulkhead and caller pool do not
//! drag to 0 ms.

mod common;

use breakwater::base::outcome::Outcome;
use breakwater::report::json;
use common::{builtin, run, run_ticks, service};

const BUILTINS: [&str; 10] = [
    "seed-lesson",
    "breaker-opens",
    "brownout",
    "bulkhead-isolation",
    "half-open-flapping",
    "hedging",
    "retry-budget",
    "retry-storm",
    "thundering-herd",
    "timeout-fallback",
];

#[test]
fn seed_lessons_payment_is_slow_where_it_is_reached_not_0_ms() {
    let s = run(&builtin("seed-lesson"));
    let p = service(&s, "payment");
    // Today's measure: most of payment's answers are instant (short-circuited).
    assert_eq!(p.latency.p50, 0.0, "{:?}", p.latency);
    // The calls that reached payment took time.
    assert!(p.latency_reached.p50 > 100.0, "{:?}", p.latency_reached);
    assert!(p.latency_reached.mean > p.latency.mean);
    assert!(p.counts.reached_calls < p.counts.finished());
    let j = json::to_json(&s);
    let pj = &j["services"]["payment"];
    assert_eq!(pj["reached_calls"].as_u64(), Some(p.counts.reached_calls));
    assert!(pj["latency_reached_ms"]["p50"].as_f64().unwrap() > 100.0);
    assert_eq!(pj["latency_ms"]["p50"].as_f64(), Some(0.0));
}

#[test]
fn attempts_per_call_that_made_one_is_never_below_1_and_adds_up() {
    for name in BUILTINS {
        let sc = builtin(name);
        let (s, ticks) = run_ticks(&sc);
        for (i, svc) in s.services.iter().enumerate() {
            let c = &svc.counts;
            assert!(
                c.attempts_per_attempted_call() >= 1.0,
                "{name}/{}: {c:?}",
                svc.name
            );
            assert!(c.attempted_attempts >= c.attempted_calls);
            // Only calls turned away before any attempt are left out.
            assert!(c.attempted_calls <= c.finished() - c.outcome(Outcome::ClientRejected));
            assert!(c.reached_calls <= c.attempted_calls, "{name}/{}", svc.name);
            // The time series adds up to the totals.
            let sum = |f: fn(&breakwater::sim::metrics::Counts) -> u64| -> u64 {
                ticks.iter().map(|t| f(&t.services[i].counts)).sum()
            };
            assert_eq!(sum(|c| c.attempted_calls), c.attempted_calls);
            assert_eq!(sum(|c| c.attempted_attempts), c.attempted_attempts);
            assert_eq!(sum(|c| c.reached_calls), c.reached_calls);
        }
        let t = &s.totals;
        assert_eq!(
            t.reached_calls,
            s.services
                .iter()
                .map(|x| x.counts.reached_calls)
                .sum::<u64>()
        );
        assert!(t.attempts_per_attempted_call() >= 1.0);
    }
}

#[test]
fn a_tick_where_no_call_reached_has_no_reached_latency() {
    let (_, ticks) = run_ticks(&builtin("seed-lesson"));
    let mut seen_empty = false;
    for t in &ticks {
        for s in &t.services {
            if s.counts.reached_calls == 0 {
                seen_empty |= s.counts.finished() > 0;
                assert_eq!(s.latency_reached.p50, 0.0);
            } else {
                assert!(s.latency_reached.max >= s.latency_reached.p50);
                assert!(s.latency_reached.max > 0.0);
            }
        }
    }
    assert!(
        seen_empty,
        "payment short-circuits whole ticks in seed-lesson"
    );
}
