//! The lesson's breaker beside resilience4j's, on hand-computed sequences:
//! `open_from = "last_failure"` (a late failure keeps it open longer) and
//! `half_open_calls = "all"` (every call passes, the first result decides).

use super::*;
use crate::base::settable::Settable;
use crate::base::time::{Dur, SimTime, NANOS_PER_SEC};

const S: u64 = NANOS_PER_SEC;

fn cfg(open_from: OpenFrom, half_open_calls: HalfOpenCalls) -> BreakerConfig {
    BreakerConfig {
        open_from,
        half_open_calls,
        ..BreakerConfig::default()
    }
}

fn permit(b: &mut CircuitBreaker, cfg: &BreakerConfig, now: SimTime) -> Permit {
    b.try_acquire(cfg, now).0.expect("permitted")
}

/// Calls admitted at 0 s (one slow call) and at 1 … 5 s failing at once:
/// the fifth failure opens the breaker at 5 s. Returns the slow call's permit.
fn open_at_five_with_a_call_inside(b: &mut CircuitBreaker, cfg: &BreakerConfig) -> Permit {
    let slow = permit(b, cfg, 0);
    for i in 1..=5 {
        let p = permit(b, cfg, i * S);
        let t = b.on_result(cfg, p, i * S, true, Dur(0));
        assert_eq!(t.is_some(), i == 5, "failure {i}");
    }
    assert_eq!(b.state(), BreakerState::Open);
    slow
}

#[test]
fn last_failure_a_late_failure_extends_the_open_period() {
    let c = cfg(OpenFrom::LastFailure, HalfOpenCalls::Calls(1));
    let mut b = CircuitBreaker::new(&c);
    let slow = open_at_five_with_a_call_inside(&mut b, &c);
    assert_eq!(
        b.probe_at(&c),
        Some(65 * S),
        "60 s from the opening failure"
    );
    // The call admitted at 0 s fails at 20 s, while the breaker is open: the
    // lesson's `last_failure_time` moves, and the 60 s count from there.
    assert_eq!(b.on_result(&c, slow, 20 * S, true, Dur(20 * S)), None);
    assert_eq!(
        b.state(),
        BreakerState::Open,
        "a late result decides nothing"
    );
    assert_eq!(b.probe_at(&c), Some(80 * S));
    assert!(b.try_acquire(&c, 65 * S).0.is_err(), "still open at 65 s");
    assert!(b.try_acquire(&c, 80 * S - 1).0.is_err());
    let (answer, t) = b.try_acquire(&c, 80 * S);
    assert!(answer.is_ok(), "the probe passes at 80 s");
    let t = t.expect("half-open");
    assert_eq!((t.to, t.at), (BreakerState::HalfOpen, 80 * S));
    assert_eq!(
        t.reason.in_language("en"),
        "1:00 since the last failure; probing"
    );
    assert_eq!(b.open_time(80 * S), Dur(75 * S));
}

#[test]
fn opened_the_same_late_failure_changes_nothing() {
    let c = cfg(OpenFrom::Opened, HalfOpenCalls::Calls(1));
    let mut b = CircuitBreaker::new(&c);
    let slow = open_at_five_with_a_call_inside(&mut b, &c);
    assert_eq!(b.on_result(&c, slow, 20 * S, true, Dur(20 * S)), None);
    assert_eq!(
        b.probe_at(&c),
        Some(65 * S),
        "resilience4j: 60 s from opening"
    );
    let (answer, t) = b.try_acquire(&c, 65 * S);
    assert!(answer.is_ok());
    let t = t.expect("half-open");
    assert_eq!(
        (t.at, t.reason.in_language("en").as_str()),
        (65 * S, "open for 1:00 elapsed; probing")
    );
}

#[test]
fn last_failure_a_late_success_neither_closes_nor_extends() {
    let c = cfg(OpenFrom::LastFailure, HalfOpenCalls::Calls(1));
    let mut b = CircuitBreaker::new(&c);
    let slow = open_at_five_with_a_call_inside(&mut b, &c);
    assert_eq!(b.on_result(&c, slow, 20 * S, false, Dur(20 * S)), None);
    assert_eq!(b.state(), BreakerState::Open);
    assert_eq!(b.probe_at(&c), Some(65 * S));
}

#[test]
fn last_failure_the_latest_of_several_late_failures_counts() {
    let c = cfg(OpenFrom::LastFailure, HalfOpenCalls::Calls(1));
    let mut b = CircuitBreaker::new(&c);
    let (p1, p2) = (permit(&mut b, &c, 0), permit(&mut b, &c, 0));
    for i in 1..=5 {
        let p = permit(&mut b, &c, i * S);
        b.on_result(&c, p, i * S, true, Dur(0));
    }
    // Reported out of order: 30 s, then 12 s. The wait ends at 30 + 60 s.
    b.on_result(&c, p2, 30 * S, true, Dur(0));
    b.on_result(&c, p1, 12 * S, true, Dur(0));
    assert_eq!(b.probe_at(&c), Some(90 * S));
}

#[test]
fn all_every_call_passes_while_half_open_and_the_first_success_closes() {
    let c = cfg(OpenFrom::Opened, HalfOpenCalls::All);
    let mut b = CircuitBreaker::new(&c);
    open_at_five_with_a_call_inside(&mut b, &c);
    // Half-open at 65 s: a hundred calls all pass (resilience4j would let one).
    let (first, t) = b.try_acquire(&c, 65 * S);
    let first = first.expect("passes");
    assert_eq!(
        t.expect("half-open").reason.in_language("en"),
        "open for 1:00 elapsed; every call passes, the first result decides"
    );
    let others: Vec<Permit> = (1..100).map(|i| permit(&mut b, &c, 65 * S + i)).collect();
    assert_eq!(b.state(), BreakerState::HalfOpen);
    // The first result to come back decides: a success closes it …
    let t = b
        .on_result(&c, others[42], 66 * S, false, Dur(S))
        .expect("decides");
    assert_eq!(
        (t.to, t.reason.in_language("en").as_str()),
        (BreakerState::Closed, "first result succeeded")
    );
    // … and the other 99 results, failures all, were admitted before it
    // closed: they count for nothing, so five of them do not re-open it.
    assert_eq!(b.on_result(&c, first, 67 * S, true, Dur(2 * S)), None);
    for (i, p) in others.iter().enumerate().take(10) {
        assert_eq!(b.on_result(&c, *p, 68 * S + i as u64, true, Dur(0)), None);
    }
    assert_eq!(b.state(), BreakerState::Closed);
}

#[test]
fn all_the_first_failure_reopens_and_with_last_failure_the_stragglers_extend_it() {
    let c = cfg(OpenFrom::LastFailure, HalfOpenCalls::All);
    let mut b = CircuitBreaker::new(&c);
    let slow = open_at_five_with_a_call_inside(&mut b, &c);
    b.on_result(&c, slow, 20 * S, true, Dur(0)); // open until 80 s
    let permits: Vec<Permit> = (0..5).map(|i| permit(&mut b, &c, 80 * S + i)).collect();
    assert_eq!(b.state(), BreakerState::HalfOpen);
    let t = b
        .on_result(&c, permits[0], 83 * S, true, Dur(3 * S))
        .expect("decides");
    assert_eq!(
        (t.to, t.reason.in_language("en").as_str()),
        (BreakerState::Open, "first result failed")
    );
    assert_eq!(b.times_opened(), 2);
    assert_eq!(b.probe_at(&c), Some(143 * S));
    // The other four, let through while half-open, fail later still.
    for (i, p) in permits[1..].iter().enumerate() {
        assert_eq!(b.on_result(&c, *p, (84 + i as u64) * S, true, Dur(0)), None);
    }
    assert_eq!(b.probe_at(&c), Some(147 * S), "60 s from the last of them");
    assert!(b.try_acquire(&c, 146 * S).0.is_err());
    assert!(b.try_acquire(&c, 147 * S).0.is_ok());
}

#[test]
fn all_with_a_rate_breaker_the_first_result_decides_too() {
    let c = BreakerConfig {
        kind: BreakerKind::Rate,
        window_size: WindowSize::Calls(10),
        min_calls: 10,
        half_open_calls: HalfOpenCalls::All,
        ..BreakerConfig::default()
    };
    let mut b = CircuitBreaker::new(&c);
    for i in 0..10 {
        let p = permit(&mut b, &c, i);
        b.on_result(&c, p, i, true, Dur(0));
    }
    assert_eq!(b.state(), BreakerState::Open);
    let ps: Vec<Permit> = (0..3).map(|i| permit(&mut b, &c, 70 * S + i)).collect();
    let t = b
        .on_result(&c, ps[2], 71 * S, false, Dur(0))
        .expect("decides");
    assert_eq!(t.to, BreakerState::Closed);
}

#[test]
fn switching_open_from_live_moves_the_end_of_the_wait() {
    let lesson = cfg(OpenFrom::LastFailure, HalfOpenCalls::Calls(1));
    let r4j = cfg(OpenFrom::Opened, HalfOpenCalls::Calls(1));
    let mut b = CircuitBreaker::new(&lesson);
    let slow = open_at_five_with_a_call_inside(&mut b, &lesson);
    b.on_result(&lesson, slow, 20 * S, true, Dur(0));
    assert_eq!(b.probe_at(&lesson), Some(80 * S));
    assert_eq!(b.probe_at(&r4j), Some(65 * S));
    // Late failures are remembered under either setting.
    let mut b = CircuitBreaker::new(&r4j);
    let slow = open_at_five_with_a_call_inside(&mut b, &r4j);
    b.on_result(&r4j, slow, 20 * S, true, Dur(0));
    assert_eq!(b.probe_at(&lesson), Some(80 * S));
}

#[test]
fn the_keys_read_as_the_design_names_them() {
    let mut c = BreakerConfig::default();
    assert_eq!(
        c.get("open_from"),
        Some(toml::Value::String("opened".into()))
    );
    assert_eq!(c.get("half_open_calls"), Some(toml::Value::Integer(1)));
    c.set("open_from", &toml::Value::String("last_failure".into()))
        .unwrap();
    c.set("half_open_calls", &toml::Value::String("all".into()))
        .unwrap();
    assert_eq!(
        (c.open_from, c.half_open_calls),
        (OpenFrom::LastFailure, HalfOpenCalls::All)
    );
    assert_eq!(
        c.get("half_open_calls"),
        Some(toml::Value::String("all".into()))
    );
    c.set("half_open_calls", &toml::Value::Integer(20)).unwrap();
    assert_eq!(c.half_open_calls, HalfOpenCalls::Calls(20));
    for bad in [
        toml::Value::Integer(0),
        toml::Value::Integer(10_001),
        toml::Value::String("every".into()),
    ] {
        let e = c.set("half_open_calls", &bad).unwrap_err().say("en");
        assert!(e.contains("\"all\""), "{e}");
    }
    let e = c
        .set("open_from", &toml::Value::String("last_failures".into()))
        .unwrap_err()
        .say("en");
    assert!(e.contains("did you mean `last_failure`?"), "{e}");
}

#[test]
fn a_new_kind_applied_while_open_starts_closed_at_once() {
    // half-open-flapping's side A: one failure opens it for 2 s.
    let flapping = BreakerConfig {
        failure_threshold: 1,
        open_for: Dur::from_secs(2),
        ..BreakerConfig::default()
    };
    let mut b = CircuitBreaker::new(&flapping);
    let p = permit(&mut b, &flapping, 0);
    b.on_result(&flapping, p, S, true, Dur(0)).expect("opens");
    // Its fix (side B's values) lands at 1.5 s, while it is open: resilience4j
    // would build a new breaker, which starts CLOSED. Waiting out the new
    // 30 s from the opening would show the fix only 29.5 s later.
    let fix = BreakerConfig {
        kind: BreakerKind::Rate,
        min_calls: 50,
        half_open_calls: HalfOpenCalls::Calls(20),
        open_for: Dur::from_secs(30),
        ..flapping.clone()
    };
    let t = b.reconfigure(&flapping, &fix, S + S / 2).expect("closes");
    assert_eq!((t.to, t.at), (BreakerState::Closed, S + S / 2));
    assert_eq!(
        t.reason.in_language("en"),
        "reconfigured (kind = rate): starts closed, as a new breaker does"
    );
    assert!(b.try_acquire(&fix, S + S / 2).0.is_ok());
    // A change of threshold or wait is not a new way of judging: it stays open.
    let mut b = CircuitBreaker::new(&flapping);
    let p = permit(&mut b, &flapping, 0);
    b.on_result(&flapping, p, S, true, Dur(0));
    let longer = BreakerConfig {
        open_for: Dur::from_secs(30),
        failure_threshold: 5,
        ..flapping.clone()
    };
    assert_eq!(b.reconfigure(&flapping, &longer, 2 * S), None);
    assert_eq!(b.state(), BreakerState::Open);
}
