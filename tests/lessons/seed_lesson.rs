//! `seed-lesson`, phase by phase: each claim of its lesson text as numbers,
//! and for each phase the counterfactual: the pattern that does the work
//! turned off hurts what the text says it protects.

use super::*;
use breakwater::base::time::Dur;
use breakwater::patterns::circuit_breaker::Semantics;
use breakwater::patterns::PatternKind;

const MS: u64 = 1_000_000;

fn lesson() -> Run {
    run("seed-lesson")
}

#[test]
fn the_lessons_values_semantics_and_composition() {
    let s = common::builtin("seed-lesson");
    let w = &s.world;
    // The lesson's four layers as it nests them (hedging, which it does not
    // use, is placed by the registry just outside the timeout).
    let listed: Vec<PatternKind> = w
        .order
        .iter()
        .copied()
        .filter(|k| *k != PatternKind::Hedging)
        .collect();
    assert_eq!(
        listed,
        [
            PatternKind::Bulkhead,
            PatternKind::CircuitBreaker,
            PatternKind::Retry,
            PatternKind::Fallback,
            PatternKind::Timeout
        ],
        "pool.submit(lambda: breaker.call(retried_function)), each request as \
         call_with_timeout makes it (timeout=5, its except answering the timeout)"
    );
    let pools: Vec<u32> = w
        .services
        .iter()
        .map(|x| x.patterns.bulkhead.max_concurrent)
        .collect();
    assert_eq!(pools, [10, 20, 5], "user, order, payment");
    let p = &w.services[2].patterns;
    assert_eq!(p.circuit_breaker.failure_threshold, 5);
    assert_eq!(p.circuit_breaker.open_for, Dur::from_secs(60));
    // The class read literally: OPEN waits from the last failure, checked at
    // a call; every result acts (a success closes it in any state).
    assert_eq!(p.circuit_breaker.semantics, Semantics::Lesson);
    assert_eq!(p.retry.max_attempts, 3);
    let waits = [p.retry.backoff.delay(1), p.retry.backoff.delay(2)];
    assert_eq!(waits, [Dur::from_secs(1), Dur::from_secs(2)]);
    assert_eq!(p.timeout.per_attempt, Dur::from_secs(5));
    assert_eq!(p.fallback.answer, "{'error': 'Service timeout'}");
    assert_eq!(w.client.as_ref().map(|c| c.threads), Some(20));
}

/// 0:20 – 1:00: payment fails 1 attempt in 5; Retry does the work.
#[test]
fn retry_phase_retries_rescue_the_calls_and_wait_inside_the_pool() {
    let r = lesson();
    let c = r.window("payment", 20, 60);
    let failed_attempts = c.attempt_outcomes[Outcome::Failed.index()];
    assert!(c.retries > 20, "retries: {}", c.retries);
    assert!(
        c.outcome(Outcome::Failed) * 10 <= failed_attempts,
        "almost no call fails: {} failed calls for {failed_attempts} failed attempts",
        c.outcome(Outcome::Failed)
    );
    assert!(
        r.transitions("payment").iter().all(|x| x.0 >= 60 * S),
        "the breaker stays CLOSED: no call fails 5 times in a row"
    );
    // The waits happen inside payment's pool of 5, which fills at moments.
    assert_eq!(r.peak_in_use("payment", 20, 60), 5);
    assert!(c.outcome(Outcome::BulkheadRejected) > 0);
    // Counterfactual: without Retry, payment's callers see the failures.
    let off = run_with("seed-lesson", &["services.payment.retry.enabled=false"]);
    let f = off.window("payment", 20, 60).outcome(Outcome::Failed);
    assert!(
        f >= 5 * c.outcome(Outcome::Failed).max(4),
        "retry off: {f} failed calls vs {}",
        c.outcome(Outcome::Failed)
    );
}

/// 1:00 – 3:10: payment fails every call; the Circuit Breaker does the work,
/// with the lesson's semantics.
#[test]
fn breaker_phase_opens_counts_from_the_last_failure_lets_all_through_and_closes() {
    let r = lesson();
    let t = r.transitions("payment");
    let states: Vec<BreakerState> = t.iter().map(|x| x.1).collect();
    use BreakerState::*;
    assert_eq!(states, [Open, HalfOpen, Open, HalfOpen, Closed], "{t:?}");
    let (opened, _, reason) = &t[0];
    assert_eq!(reason, "5 consecutive failures");
    assert!((60 * S..66 * S).contains(opened), "opened at {opened}");
    // OPEN waits 60 s from the last failure: calls still retrying when it
    // opened failed later and pushed the probe back.
    let half = t[1].0;
    let last_failure = r
        .ticks_of("payment", *opened, half)
        .into_iter()
        .rev()
        .find(|(_, c)| c.outcome(Outcome::Failed) > 0)
        .map(|(end, _)| end)
        .expect("late failures");
    assert!(last_failure > *opened, "a failure after it opened");
    // The class checks `now - last_failure > timeout` when a call arrives:
    // HALF_OPEN comes with the first call more than 60 s after the last
    // failure (which is in the tick ending at `last_failure`).
    assert!(
        half > last_failure - 100 * MS + 60 * S && half <= last_failure + 61 * S,
        "HALF_OPEN at {half}, at a call 60 s after the last failure (in the tick ending {last_failure})"
    );
    assert!(
        t[1].2
            .starts_with("a call came more than 1:00 after the last failure"),
        "{t:?}"
    );
    assert!(
        half > opened + 60 * S,
        "later than resilience4j's 60 s from opening"
    );
    // While OPEN and nothing is left retrying, payment receives nothing and
    // its callers are answered at once.
    let quiet = r.ticks_of("payment", last_failure, half - 100 * MS);
    assert!(quiet.iter().all(|(_, c)| c.downstream_attempts == 0));
    let calls: u64 = quiet.iter().map(|(_, c)| c.calls).sum();
    let short: u64 = quiet
        .iter()
        .map(|(_, c)| c.outcome(Outcome::ShortCircuited))
        .sum();
    assert!(short as f64 > 0.95 * calls as f64, "{short} of {calls}");
    // HALF_OPEN lets every call through (up to the pool of 5): more than one
    // reaches payment before the first result decides; that failure re-opens.
    let reopened = t[2].0;
    let first_attempts: u64 = r
        .ticks_of("payment", half, half + S)
        .iter()
        .map(|(_, c)| c.downstream_attempts)
        .sum();
    assert!(first_attempts > 1, "{first_attempts} calls let through");
    // The class's count lasts until a success: the first failure re-opens,
    // counted on top of the failures before.
    let again: u32 = t[2]
        .2
        .strip_suffix(" consecutive failures")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("re-opened by the count: {t:?}"));
    assert!(again > 5, "{t:?}");
    assert!(reopened < 150 * S);
    // After the recovery at 2:30, the next HALF_OPEN's first success closes it.
    let (closed, _, why) = &t[4];
    assert!(t[3].0 > 150 * S && *closed > t[3].0, "{t:?}");
    assert_eq!(why, "a success closes it (the lesson's class)");
    assert!(r.ok_fraction("payment", closed / S + 1, 210) > 0.9);
    // Counterfactual: without the breaker, the failing payment keeps
    // receiving three attempts per call through the whole outage.
    let off = run_with(
        "seed-lesson",
        &["services.payment.circuit_breaker.enabled=false"],
    );
    let (with, without) = (
        r.window("payment", 60, 150).downstream_attempts,
        off.window("payment", 60, 150).downstream_attempts,
    );
    assert!(
        without > 5 * with,
        "attempts reaching failing payment: {without} without the breaker, {with} with it"
    );
}

/// 3:30 – 4:30: payment slows down; the Timeout and its Fallback bound the
/// wait, the Bulkhead keeps user and order serving.
#[test]
fn slow_phase_timeout_cuts_fallback_answers_bulkhead_isolates() {
    let r = lesson();
    let c = r.window("payment", 210, 270);
    assert!(c.outcome(Outcome::TimedOut) > 10);
    assert_eq!(
        c.fallbacks,
        c.outcome(Outcome::TimedOut),
        "every timeout answered"
    );
    // Tick percentiles come from a 2-significant-digit histogram: 1 % slack.
    let p99 = r.max_p99("payment", 210, 275);
    assert!(p99 <= 5_050.0, "waits are cut at 5 s: p99 {p99:.0} ms");
    assert_eq!(r.peak_in_use("payment", 210, 270), 5, "the pool is full");
    assert!(c.outcome(Outcome::BulkheadRejected) > 100);
    assert!(
        r.transitions("payment").iter().all(|x| x.0 < 200 * S),
        "the breaker stays out of it: the fallback inside the retry answers \
         every timeout, so the breaker sees successes"
    );
    for svc in ["user", "order"] {
        let ok = r.ok_fraction(svc, 210, 270);
        assert!(ok >= 0.99, "{svc} keeps serving: {ok:.3}");
    }
    // Counterfactual: without payment's bulkhead, its slow calls take the
    // caller's 20 threads and user and order are turned away.
    // Nothing hides it: the breaker, which sees the fallback's answers as
    // successes, stays closed, so they lose calls for the whole phase.
    let off = run_with("seed-lesson", &["services.payment.bulkhead.enabled=false"]);
    for svc in ["user", "order"] {
        let ok = off.ok_fraction(svc, 210, 270);
        assert!(ok < 0.9, "payment's bulkhead off: {svc} ok {ok:.3}");
        for from in (210..270).step_by(10) {
            let lost = off
                .window(svc, from, from + 10)
                .outcome(Outcome::ClientRejected);
            assert!(
                lost > 5,
                "{svc} loses calls in {from}-{} s: {lost}",
                from + 10
            );
        }
    }
    assert!(
        off.transitions("payment")
            .iter()
            .all(|x| x.0 < 200 * S || x.0 > 270 * S),
        "payment's breaker stays closed in the slow phase"
    );
    // Counterfactual: without the timeout, payment's callers wait far longer.
    let off = run_with("seed-lesson", &["services.payment.timeout.enabled=false"]);
    let p99 = off.max_p99("payment", 210, 275);
    assert!(p99 > 10_000.0, "timeout off: p99 {p99:.0} ms");
    assert_eq!(off.window("payment", 210, 270).fallbacks, 0);
}

#[test]
fn user_and_order_stay_healthy_throughout() {
    let r = lesson();
    for svc in ["user", "order"] {
        let ok = r.ok_fraction(svc, 0, 300);
        assert!(ok >= 0.99, "{svc}: {ok:.4}");
        assert_eq!(r.window(svc, 0, 300).outcome(Outcome::ClientRejected), 0);
        assert!(r.transitions(svc).is_empty());
    }
}

/// The "must show", on the command's own output.
#[test]
fn run_json_shows_all_four_patterns() {
    let out = common::bw_ok(&["run", "seed-lesson", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let p = &v["services"]["payment"];
    let n = |k: &str| p[k].as_u64().unwrap_or_else(|| panic!("{k}"));
    assert!(n("timed_out") > 0 && n("fallbacks") > 0 && n("retries") > 0);
    assert!(p["breaker"]["opened"].as_u64() >= Some(1));
    assert_eq!(p["bulkhead"]["peak_in_use"], 5);
    assert!(n("bulkhead_rejected") > 0);
    for svc in ["user", "order"] {
        let s = &v["services"][svc];
        let ok = s["ok"].as_f64().unwrap() / s["calls"].as_f64().unwrap();
        assert!(ok >= 0.99, "{svc}: {ok:.4}");
    }
}

/// A traced call of the lesson, as `breakwater trace seed-lesson --json`.
fn traced(at: &str, calls: &str) -> Vec<serde_json::Value> {
    let out = common::bw_ok(&[
        "trace",
        "seed-lesson",
        "--service",
        "payment",
        "--at",
        at,
        "--calls",
        calls,
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    v["calls"].as_array().expect("calls").clone()
}

/// The README's step "Retry": the call that fails twice and then succeeds
/// waits 1 s, then 2 s, inside its bulkhead slot.
#[test]
fn a_traced_retry_waits_1s_then_2s() {
    let calls = traced("22.4s", "2");
    let c = calls.iter().find(|c| c["index"] == 126).expect("call #126");
    assert_eq!(c["outcome"], "ok");
    let steps = c["steps"].as_array().unwrap();
    let waits: Vec<f64> = steps
        .iter()
        .filter(|s| s["kind"] == "backoff")
        .map(|s| s["wait_ms"].as_f64().unwrap())
        .collect();
    assert_eq!(waits, [1000.0, 2000.0]);
    let failed = steps
        .iter()
        .filter(|s| s["kind"] == "attempt_ended" && s["outcome"] == "failed")
        .count();
    assert_eq!(failed, 2, "fails twice, then succeeds");
    assert_eq!(steps[1]["kind"], "bulkhead_slot", "the waits hold a slot");
}

/// The README's step "Timeout": a slow attempt is cut at 5 s and the
/// fallback answers with the lesson's text.
#[test]
fn a_traced_slow_call_is_cut_at_5s_and_answered_by_the_fallback() {
    let calls = traced("210.1s", "1");
    let c = &calls[0];
    assert_eq!(c["index"], 1267);
    assert_eq!(c["outcome"], "timed_out");
    assert_eq!(c["fallback"], true);
    assert_eq!(c["answer"], "{'error': 'Service timeout'}");
    assert_eq!(c["latency_ms"].as_f64(), Some(5000.0));
    let text = common::bw_ok(&[
        "trace",
        "seed-lesson",
        "--service",
        "payment",
        "--at",
        "210.1s",
    ]);
    assert!(text.contains("{'error': 'Service timeout'}"), "{text}");
}
