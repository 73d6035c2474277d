//! `semantics = "lesson"` against a transcription of the lesson's class
//! (/work/shared/lesson/000_08558873bc5dd59d.txt, `CircuitBreaker`): random
//! arrivals, results in any order and time passing, with calls overlapping;
//! the machine and the class agree on every decision and every state.

use super::*;
use crate::base::time::{Dur, SimTime, NANOS_PER_SEC};
use proptest::prelude::*;

const S: u64 = NANOS_PER_SEC;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ClassState {
    Closed,
    Open,
    HalfOpen,
}

/// The class, line for line; `call` is split where the real one runs `func`:
/// `admit` is its check, `on_success`/`on_failure` what follows `func`.
struct Class {
    failure_threshold: u32,
    timeout: u64,
    failure_count: u32,
    last_failure_time: Option<SimTime>,
    state: ClassState,
}

impl Class {
    fn new(failure_threshold: u32, timeout: u64) -> Class {
        Class {
            failure_threshold,
            timeout,
            failure_count: 0,
            last_failure_time: None,
            state: ClassState::Closed,
        }
    }
    /// `if self.state == OPEN: if now - last_failure_time > timeout: HALF_OPEN
    /// else: raise "Circuit breaker is OPEN"`.
    fn admit(&mut self, now: SimTime) -> bool {
        if self.state == ClassState::Open {
            let last = self.last_failure_time.expect("OPEN after a failure");
            if now - last > self.timeout {
                self.state = ClassState::HalfOpen;
            } else {
                return false;
            }
        }
        true
    }
    fn on_success(&mut self) {
        self.failure_count = 0;
        self.state = ClassState::Closed;
    }
    fn on_failure(&mut self, now: SimTime) {
        self.failure_count += 1;
        self.last_failure_time = Some(now);
        if self.failure_count >= self.failure_threshold {
            self.state = ClassState::Open;
        }
    }
}

fn same(b: BreakerState, c: ClassState) -> bool {
    matches!(
        (b, c),
        (BreakerState::Closed, ClassState::Closed)
            | (BreakerState::Open, ClassState::Open)
            | (BreakerState::HalfOpen, ClassState::HalfOpen)
    )
}

fn lesson(threshold: u32, open_for: Dur) -> BreakerConfig {
    BreakerConfig {
        semantics: Semantics::Lesson,
        failure_threshold: threshold,
        open_for,
        ..BreakerConfig::default()
    }
}

#[derive(Clone, Debug)]
enum Op {
    /// A call arrives.
    Arrive,
    /// The `i`-th (mod the number) call still out returns.
    Return { i: usize, failed: bool },
    /// Time passes (the engine polls the breaker, as at a tick).
    Advance(u64),
}

const OPEN_FOR: u64 = 10 * S;

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => Just(Op::Arrive),
        4 => (any::<usize>(), prop::bool::weighted(0.6))
            .prop_map(|(i, failed)| Op::Return { i, failed }),
        // Up to 3 × open_for, and exactly open_for and a nanosecond more,
        // where "strictly greater" decides.
        3 => (0..3 * OPEN_FOR).prop_map(Op::Advance),
        1 => Just(Op::Advance(OPEN_FOR)),
        1 => Just(Op::Advance(OPEN_FOR + 1)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn the_machine_is_the_class(threshold in 1u32..7, ops in prop::collection::vec(op(), 1..300)) {
        let cfg = lesson(threshold, Dur(OPEN_FOR));
        let mut b = CircuitBreaker::new(&cfg);
        let mut class = Class::new(threshold, OPEN_FOR);
        let mut now: SimTime = 0;
        let mut out: Vec<(Permit, SimTime)> = Vec::new();
        let mut opened = 0;
        for op in ops {
            let before = b.state();
            let t = match op {
                Op::Arrive => {
                    let (answer, t) = b.try_acquire(&cfg, now);
                    let admitted = class.admit(now);
                    prop_assert_eq!(answer.is_ok(), admitted, "decision at {}", now);
                    if let Ok(p) = answer {
                        out.push((p, now));
                    }
                    t
                }
                Op::Return { i, failed } => {
                    if out.is_empty() {
                        continue;
                    }
                    let (p, entered) = out.swap_remove(i % out.len());
                    if failed {
                        class.on_failure(now);
                    } else {
                        class.on_success();
                    }
                    b.on_result(&cfg, p, now, failed, Dur(now - entered))
                }
                Op::Advance(dt) => {
                    now += dt;
                    // Never on a tick: only a call moves it.
                    prop_assert_eq!(b.moves_at(&cfg), None);
                    b.poll(&cfg, now)
                }
            };
            prop_assert!(same(b.state(), class.state), "{:?} vs {:?} at {}", b.state(), class.state, now);
            // A change of state is reported, with its time; no change is not.
            match t {
                Some(t) => {
                    prop_assert_eq!((t.from, t.to, t.at), (before, b.state(), now));
                    prop_assert_ne!(t.from, t.to);
                    opened += (t.to == BreakerState::Open) as u32;
                }
                None => prop_assert_eq!(before, b.state()),
            }
            prop_assert_eq!(b.times_opened(), opened);
            if b.state() == BreakerState::Open {
                let last = class.last_failure_time.expect("open after a failure");
                prop_assert_eq!(b.probe_at(&cfg), Some(last + OPEN_FOR));
            }
        }
    }
}

fn permit(b: &mut CircuitBreaker, cfg: &BreakerConfig, now: SimTime) -> Permit {
    b.try_acquire(cfg, now).0.expect("permitted")
}

/// Calls admitted at 0 s and 1 … 5 s failing at once: opened at 5 s.
fn opened_at_five(b: &mut CircuitBreaker, cfg: &BreakerConfig) -> Permit {
    let slow = permit(b, cfg, 0);
    for i in 1..=5 {
        let p = permit(b, cfg, i * S);
        let t = b.on_result(cfg, p, i * S, true, Dur(0));
        assert_eq!(t.is_some(), i == 5, "failure {i}");
    }
    slow
}

/// The opposite of resilience4j's (`lesson_semantics_tests`): after the
/// first success closes it, five failures of calls let in while it was
/// HALF_OPEN do re-open it, as the class's `_on_failure` does.
#[test]
fn five_late_failures_re_open_it() {
    let c = lesson(5, Dur::from_secs(60));
    let mut b = CircuitBreaker::new(&c);
    opened_at_five(&mut b, &c);
    assert!(b.try_acquire(&c, 65 * S).0.is_err(), "not strictly after");
    let (first, t) = b.try_acquire(&c, 65 * S + 1);
    let first = first.expect("passes");
    let t = t.expect("half-open at the call");
    assert_eq!((t.to, t.at), (BreakerState::HalfOpen, 65 * S + 1));
    assert_eq!(
        t.reason.in_language("en"),
        "a call came more than 1:00 after the last failure; it and every call after it pass (the lesson's class)"
    );
    let others: Vec<Permit> = (2..100).map(|i| permit(&mut b, &c, 65 * S + i)).collect();
    let t = b
        .on_result(&c, others[42], 66 * S, false, Dur(S))
        .expect("closes");
    assert_eq!(
        (t.to, t.reason.in_language("en").as_str()),
        (
            BreakerState::Closed,
            "a success closes it (the lesson's class)"
        )
    );
    assert_eq!(b.on_result(&c, first, 67 * S, true, Dur(2 * S)), None);
    for (i, p) in others.iter().enumerate().take(3) {
        assert_eq!(b.on_result(&c, *p, 68 * S + i as u64, true, Dur(0)), None);
    }
    let t = b
        .on_result(&c, others[3], 69 * S, true, Dur(0))
        .expect("the fifth failure re-opens it");
    assert_eq!(
        (t.to, t.reason.in_language("en").as_str()),
        (BreakerState::Open, "5 consecutive failures")
    );
    assert_eq!(b.times_opened(), 2);
}

/// Opening does not reset the count: a call let in before it opened fails
/// while OPEN (the wait now counts from it), and the first failure while
/// HALF_OPEN re-opens it, the count at 7.
#[test]
fn the_count_lasts_until_a_success() {
    let c = lesson(5, Dur::from_secs(60));
    let mut b = CircuitBreaker::new(&c);
    let slow = opened_at_five(&mut b, &c);
    assert_eq!(b.on_result(&c, slow, 20 * S, true, Dur(20 * S)), None);
    assert_eq!(b.state(), BreakerState::Open);
    assert_eq!(b.probe_at(&c), Some(80 * S), "60 s from the last failure");
    assert_eq!(b.poll(&c, 200 * S), None, "no tick moves it");
    assert_eq!(b.state(), BreakerState::Open);
    let p = permit(&mut b, &c, 200 * S);
    let t = b.on_result(&c, p, 201 * S, true, Dur(S)).expect("re-opens");
    assert_eq!(
        (t.from, t.to, t.reason.in_language("en").as_str()),
        (
            BreakerState::HalfOpen,
            BreakerState::Open,
            "7 consecutive failures"
        )
    );
    // Its open time runs from each opening to the next move.
    assert_eq!(b.open_time(201 * S), Dur(195 * S));
}

/// A success arriving while OPEN closes it at once (the call #377).
#[test]
fn a_success_while_open_closes_it() {
    let c = lesson(5, Dur::from_secs(60));
    let mut b = CircuitBreaker::new(&c);
    let slow = opened_at_five(&mut b, &c);
    let t = b
        .on_result(&c, slow, 6 * S, false, Dur(6 * S))
        .expect("closes");
    assert_eq!((t.from, t.to), (BreakerState::Open, BreakerState::Closed));
    assert!(b.try_acquire(&c, 6 * S).0.is_ok());
}

/// The teacher's overrides stay the teacher's; switching semantics live is
/// a new way of judging, as a new kind is: an open breaker starts closed.
#[test]
fn forced_states_and_a_live_switch() {
    let c = lesson(5, Dur::from_secs(60));
    let forced = BreakerConfig {
        force: Force::ForcedOpen,
        ..c.clone()
    };
    let mut b = CircuitBreaker::new(&forced);
    assert!(b.try_acquire(&forced, 0).0.is_err());
    let mut b = CircuitBreaker::new(&c);
    opened_at_five(&mut b, &c);
    let r4j = BreakerConfig {
        semantics: Semantics::Resilience4j,
        ..c.clone()
    };
    let t = b.reconfigure(&c, &r4j, 10 * S).expect("starts closed");
    assert_eq!(
        (t.to, t.reason.in_language("en").as_str()),
        (
            BreakerState::Closed,
            "reconfigured (semantics = resilience4j): starts closed, as a new breaker does"
        )
    );
}

#[test]
fn the_key_reads_and_refuses_as_declared() {
    use crate::base::settable::Settable;
    let mut c = BreakerConfig::default();
    assert_eq!(
        c.get("semantics"),
        Some(toml::Value::String("resilience4j".into()))
    );
    c.set("semantics", &toml::Value::String("lesson".into()))
        .unwrap();
    assert_eq!(c.semantics, Semantics::Lesson);
    assert_eq!(c.validate(), Ok(()), "the default half_open_calls is fine");
    c.half_open_calls = HalfOpenCalls::All;
    assert_eq!(c.validate(), Ok(()));
    c.half_open_calls = HalfOpenCalls::Calls(2);
    assert_eq!(c.validate().unwrap_err().0, "half_open_calls");
    c.half_open_calls = HalfOpenCalls::Calls(1);
    c.kind = BreakerKind::Rate;
    assert_eq!(c.validate().unwrap_err().0, "kind");
    let e = c
        .set("semantics", &toml::Value::String("lessons".into()))
        .unwrap_err()
        .say("en");
    assert!(e.contains("did you mean `lesson`?"), "{e}");
}
