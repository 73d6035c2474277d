//! The patterns composed in the simulation, checked against theory and
//! against their invariants.

mod common;
use breakwater::base::time::Dur;
use breakwater::base::Outcome;
use breakwater::patterns::circuit_breaker::BreakerState;
use breakwater::sim::notices::NoticeKind;
use common::*;
use proptest::prelude::*;

/// A call failing its 3 attempts with the lesson's backoff answers
/// 1 s + 2 s after it started, plus three service times.
#[test]
fn lesson_retry_timing_is_one_plus_two_seconds_plus_service_times() {
    let s = scenario(
        r#"
name = "one failing call"
duration = "15s"
[load]
kind = "constant"
rate = 0.1
[[services]]
name = "svc"
failure_rate = 1.0
latency = "100ms"
[patterns.retry]
max_attempts = 3
backoff = { kind = "exponential", multiplier = "1s", min = "1s", max = "10s" }
"#,
    );
    let sum = run(&s);
    let svc = service(&sum, "svc");
    // One arrival at 10 s (constant load at 0.1/s), three attempts.
    assert_eq!(svc.counts.calls, 1);
    assert_eq!(svc.counts.attempts, 3);
    assert_eq!(svc.counts.retries, 2);
    assert_eq!(svc.counts.outcome(Outcome::Failed), 1);
    assert!(
        (svc.latency.mean - 3300.0).abs() < 1e-6,
        "latency {} ms, expected 1000 + 2000 + 3 × 100",
        svc.latency.mean
    );
}

fn amplification_scenario(p: f64, attempts: u32, budget: &str) -> String {
    format!(
        r#"
name = "amplification"
seed = 3
duration = "2000s"
[load]
kind = "poisson"
rate = 100
[[services]]
name = "svc"
workers = 1000
queue = 0
failure_rate = {p}
latency = {{ dist = "exponential", mean = "10ms" }}
[patterns.retry]
max_attempts = {attempts}
backoff = "10ms"
{budget}
"#
    )
}

/// With failure probability p and N retries, attempts per call = Σ_{{k=0..N}} p^k
/// and the success rate is 1 − p^(N+1).
#[test]
fn retry_amplification_matches_geometric_sum() {
    for (p, attempts) in [(0.1, 3), (0.3, 3), (0.5, 4), (0.9, 3), (0.7, 6)] {
        let sum = run(&scenario(&amplification_scenario(p, attempts, "")));
        let c = &service(&sum, "svc").counts;
        let n = (c.finished()) as f64;
        let amp = c.attempts as f64 / c.calls as f64;
        let expected: f64 = (0..attempts).map(|k| p.powi(k as i32)).sum();
        let success = c.outcome(Outcome::Ok) as f64 / n;
        let expected_success = 1.0 - p.powi(attempts as i32);
        assert!(
            (amp / expected - 1.0).abs() < 0.01,
            "p={p} N+1={attempts}: attempts/call {amp:.4} vs Σp^k {expected:.4}"
        );
        assert!(
            (success - expected_success).abs() < 0.005,
            "p={p}: success {success:.4} vs 1-p^(N+1) {expected_success:.4}"
        );
        // Every attempt after a call's first is a retry (calls still in flight have made theirs).
        assert_eq!(c.retries, c.attempts - c.calls);
    }
}

/// A gRPC-style budget keeps amplification bounded as p → 1, where plain
/// retries multiply the load by max_attempts.
#[test]
fn retry_budget_bounds_amplification_as_failures_approach_certainty() {
    let budget = "budget = { max_tokens = 10, token_ratio = 0.1 }";
    for p in [0.9, 0.99, 1.0] {
        let plain = run(&scenario(&amplification_scenario(p, 3, "")));
        let limited = run(&scenario(&amplification_scenario(p, 3, budget)));
        let amp = |s: &breakwater::report::Summary| {
            let c = &service(s, "svc").counts;
            c.attempts as f64 / c.calls as f64
        };
        let expected_plain: f64 = (0..3).map(|k| p.powi(k)).sum();
        assert!((amp(&plain) / expected_plain - 1.0).abs() < 0.01);
        // Retries are allowed only while tokens > 5; each success earns 0.1, each
        // failure costs 1: at p the budget sustains about 0.1(1−p)/p retries per call.
        let bound = 1.0 + (0.1 * (1.0 - p) / p).max(0.0) + 0.01;
        assert!(
            amp(&limited) <= bound,
            "p={p}: with a budget attempts/call {} > {bound}",
            amp(&limited)
        );
    }
}

/// Outer timeout bounds the whole retry loop; inner timeout bounds each attempt.
#[test]
fn timeout_outside_retry_bounds_all_attempts() {
    let make = |order: &str| {
        scenario(&format!(
            r#"
name = "order"
duration = "600s"
[load]
kind = "poisson"
rate = 20
[[services]]
name = "svc"
workers = 1000
failure_rate = 0.5
latency = "200ms"
[patterns]
order = {order}
[patterns.retry]
max_attempts = 5
backoff = "300ms"
[patterns.timeout]
per_attempt = "1s"
"#
        ))
    };
    let outer = run(&make(r#"["timeout", "retry"]"#));
    let inner = run(&make(r#"["retry", "timeout"]"#));
    let o = service(&outer, "svc");
    let i = service(&inner, "svc");
    // Outside: no call takes longer than the timeout.
    assert!(
        o.latency.max <= 1000.0 + 1.0,
        "outer timeout max latency {}",
        o.latency.max
    );
    assert!(o.counts.outcome(Outcome::TimedOut) > 0);
    // Inside: each 200 ms attempt finishes well within 1 s, so nothing times out and
    // failing calls run 5 attempts + 4 backoffs = 2.2 s.
    assert_eq!(i.counts.outcome(Outcome::TimedOut), 0);
    assert!(
        (i.latency.max - 2200.0).abs() < 5.0,
        "inner timeout max latency {}",
        i.latency.max
    );
}

/// With the breaker outside the retry it sees one result per call; inside, every attempt.
#[test]
fn breaker_outside_retry_sees_calls_not_attempts() {
    let make = |order: &str| {
        scenario(&format!(
            r#"
name = "breaker order"
duration = "100s"
[load]
kind = "constant"
rate = 1
[[services]]
name = "svc"
failure_rate = 1.0
latency = "10ms"
[patterns]
order = {order}
[patterns.retry]
max_attempts = 3
backoff = "100ms"
[patterns.circuit_breaker]
failure_threshold = 5
open_for = "1000s"
"#
        ))
    };
    let outside = run(&make(r#"["circuit_breaker", "retry"]"#));
    let inside = run(&make(r#"["retry", "circuit_breaker"]"#));
    // Outside: 5 calls (15 attempts) reach the downstream before it opens.
    assert_eq!(service(&outside, "svc").counts.downstream_attempts, 15);
    // Inside: 5 attempts (2 calls, the second cut short) open it.
    assert_eq!(service(&inside, "svc").counts.downstream_attempts, 5);
}

/// With the bulkhead outside the retry, its slot is held through the backoff.
#[test]
fn bulkhead_outside_retry_holds_its_slot_through_backoff() {
    let make = |order: &str| {
        scenario(&format!(
            r#"
name = "bulkhead order"
duration = "300s"
[load]
kind = "constant"
rate = 10
[[services]]
name = "svc"
workers = 100
failure_rate = 1.0
latency = "10ms"
[patterns]
order = {order}
[patterns.retry]
max_attempts = 3
backoff = "1s"
[patterns.bulkhead]
max_concurrent = 5
"#
        ))
    };
    let outside = run(&make(r#"["bulkhead", "retry"]"#));
    let inside = run(&make(r#"["retry", "bulkhead"]"#));
    // Outside: each call holds a slot ~2 s; at 10 calls/s five slots reject most calls.
    let o = &service(&outside, "svc").counts;
    assert!(
        o.outcome(Outcome::BulkheadRejected) as f64 > 0.7 * o.calls as f64,
        "{o:?}"
    );
    // Inside: a slot is held only 10 ms per attempt: nothing is rejected.
    assert_eq!(
        service(&inside, "svc")
            .counts
            .outcome(Outcome::BulkheadRejected),
        0
    );
}

#[derive(Debug, Clone)]
struct BreakerCase {
    seed: u64,
    failure_rate: f64,
    threshold: u32,
    open_ms: u64,
    /// 0 stands for `"all"` (the lesson's half-open).
    probes: u32,
    /// `open_from = "last_failure"` (the lesson's) rather than `"opened"`.
    last_failure: bool,
    rate: f64,
    retry_outside: bool,
    timeout_ms: Option<u64>,
}

fn breaker_case() -> impl Strategy<Value = BreakerCase> {
    (
        0u64..1_000_000,
        0.0..1.0f64,
        1u32..8,
        100u64..3000,
        0u32..4,
        any::<bool>(),
        5.0..200.0f64,
        any::<bool>(),
        prop::option::of(20u64..400),
    )
        .prop_map(
            |(
                seed,
                failure_rate,
                threshold,
                open_ms,
                probes,
                last_failure,
                rate,
                retry_outside,
                timeout_ms,
            )| {
                BreakerCase {
                    seed,
                    failure_rate,
                    threshold,
                    open_ms,
                    probes,
                    last_failure,
                    rate,
                    retry_outside,
                    timeout_ms,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// An open breaker forwards nothing: in every tick during which it stayed
    /// OPEN, no attempt reached the downstream; in every half-open episode at
    /// most `half_open_calls` probes were let through. With either
    /// semantics: resilience4j's or the lesson's (`open_from = "last_failure"`,
    /// `half_open_calls = "all"`).
    #[test]
    fn open_breaker_forwards_nothing_but_probes(c in breaker_case()) {
        let retry = if c.retry_outside { "[patterns.retry]\nmax_attempts = 3\nbackoff = \"50ms\"\njitter = \"full\"\n" } else { "" };
        let timeout = c.timeout_ms.map(|t| format!("[patterns.timeout]\nper_attempt = \"{t}ms\"\n")).unwrap_or_default();
        let text = format!(r#"
name = "breaker property"
seed = {seed}
duration = "30s"
[load]
kind = "poisson"
rate = {rate}
[[services]]
name = "svc"
workers = 50
failure_rate = {fr}
latency = {{ dist = "exponential", mean = "40ms" }}
[patterns.circuit_breaker]
failure_threshold = {th}
open_for = "{open}ms"
half_open_calls = {probes}
open_from = "{from}"
{retry}{timeout}
"#, seed = c.seed, rate = c.rate, fr = c.failure_rate, th = c.threshold, open = c.open_ms,
            probes = if c.probes == 0 { "\"all\"".to_string() } else { c.probes.to_string() },
            from = if c.last_failure { "last_failure" } else { "opened" });
        let s = scenario(&text);
        let mut ticks = Vec::new();
        let sim = run_each(&s, |t| ticks.push((t.t - t.len, t.t, t.services[0].counts.downstream_attempts)));
        // Transitions, in order (the run is short enough that none are dropped).
        let transitions: Vec<(u64, BreakerState)> = sim.notices().iter().filter_map(|(_, n)| match &n.kind {
            NoticeKind::Breaker { to, .. } => Some((n.at, *to)),
            _ => None,
        }).collect();
        prop_assert!(sim.notices().total() < 500);
        let state_at = |t: u64| transitions.iter().take_while(|(at, _)| *at <= t).last().map_or(BreakerState::Closed, |x| x.1);
        for (start, end, attempts) in ticks {
            let changed = transitions.iter().any(|(at, _)| *at > start && *at <= end);
            if !changed && state_at(start) == BreakerState::Open {
                prop_assert_eq!(attempts, 0, "tick ({}, {}] open throughout but forwarded", start, end);
            }
        }
        prop_assert!(sim.breaker(0).times_opened() as usize <= transitions.len());
    }
}

/// The half-open limit, on the state machine directly with random results.
#[test]
fn half_open_never_permits_more_than_its_probes() {
    use breakwater::patterns::circuit_breaker::{BreakerConfig, CircuitBreaker, HalfOpenCalls};
    use rand::{Rng, SeedableRng};
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(5);
    for probes in 1..5 {
        let cfg = BreakerConfig {
            half_open_calls: HalfOpenCalls::Calls(probes),
            failure_threshold: 2,
            ..BreakerConfig::default()
        };
        let mut b = CircuitBreaker::new(&cfg);
        let mut outstanding = Vec::new();
        let mut permitted_this_episode = 0;
        let mut t = 0u64;
        for _ in 0..20_000 {
            t += rng.random_range(0..2_000_000_000u64);
            let before = b.state();
            if rng.random_bool(0.5) {
                if let (Ok(p), _) = b.try_acquire(&cfg, t) {
                    if b.state() == BreakerState::HalfOpen {
                        if before != BreakerState::HalfOpen {
                            permitted_this_episode = 0;
                        }
                        permitted_this_episode += 1;
                        assert!(permitted_this_episode <= probes);
                    }
                    assert_ne!(
                        b.state(),
                        BreakerState::Open,
                        "an open breaker permitted a call"
                    );
                    outstanding.push(p);
                }
            } else if let Some(p) = outstanding.pop() {
                b.on_result(&cfg, p, t, rng.random_bool(0.6), Dur(0));
                if b.state() != BreakerState::HalfOpen {
                    permitted_this_episode = 0;
                }
            }
        }
    }
}
