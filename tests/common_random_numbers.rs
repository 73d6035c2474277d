//! Common random numbers: draws are keyed by (service, call, attempt), not
//! consumed in event order, so two worlds that differ in their patterns meet
//! the same luck. Under a shared sequential stream these tests fail: a retry
//! would consume draws and shift every later call's.

mod common;
use breakwater::base::Outcome;
use common::*;

const BASE: &str = r#"
name = "crn"
seed = 11
duration = "120s"

[load]
kind = "poisson"
rate = 200

[[services]]
name = "api"
workers = 100000
queue = 0
failure_rate = 0.3
latency = { dist = "lognormal", p50 = "40ms", p99 = "400ms" }
"#;

#[test]
fn a_retry_does_not_change_the_luck_of_other_calls() {
    let plain = run(&scenario(BASE));
    // The same world with one retry per failed call, at once: every call
    // whose first attempt failed retries exactly once.
    let retried = run(&scenario(&format!(
        "{BASE}\n[patterns.retry]\nmax_attempts = 2\nbackoff = \"0s\"\n"
    )));
    let (a, b) = (service(&plain, "api"), service(&retried, "api"));
    assert!(a.counts.calls > 20_000, "{} calls", a.counts.calls);
    // Same arrivals.
    assert_eq!(a.counts.calls, b.counts.calls);
    // The same first attempts failed on both sides.
    assert_eq!(
        b.counts.retries,
        a.counts.outcome(Outcome::Failed),
        "calls retried with a retry ({}) vs calls failed without ({})",
        b.counts.retries,
        a.counts.outcome(Outcome::Failed)
    );
    // And the second attempts draw their own coin: about 30 % of them fail.
    let second_failed = b.counts.outcome(Outcome::Failed) as f64 / b.counts.retries as f64;
    assert!((second_failed - 0.3).abs() < 0.02, "{second_failed}");
}

#[test]
fn a_scenario_compared_with_itself_draws_the_same_numbers() {
    let s = scenario(&format!(
        "{BASE}\n[patterns.retry]\nmax_attempts = 3\njitter = \"full\"\nbackoff = \"50ms\"\n"
    ));
    let (x, y) = (run(&s), run(&s));
    assert_eq!(format!("{:?}", x.services), format!("{:?}", y.services));
}
