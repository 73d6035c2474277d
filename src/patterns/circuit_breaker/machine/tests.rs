//! The state machine pinned down transition by transition.

use super::*;
use crate::base::time::NANOS_PER_SEC;

const S: u64 = NANOS_PER_SEC;

/// Asks for a permit, keeping any transition in `log`.
fn acquire(
    b: &mut CircuitBreaker,
    cfg: &BreakerConfig,
    now: SimTime,
    log: &mut Vec<Transition>,
) -> Result<Permit, ShortCircuited> {
    let (answer, transition) = b.try_acquire(cfg, now);
    log.extend(transition);
    answer
}

fn fail(b: &mut CircuitBreaker, cfg: &BreakerConfig, now: SimTime) -> Option<Transition> {
    let p = b.try_acquire(cfg, now).0.expect("permitted");
    b.on_result(cfg, p, now, true, Dur(0))
}

#[test]
fn lesson_breaker_opens_after_five_failures_and_probes_after_sixty_seconds() {
    let cfg = BreakerConfig::default();
    let mut b = CircuitBreaker::new(&cfg);
    for i in 0..4 {
        assert_eq!(
            fail(&mut b, &cfg, i * S),
            None,
            "failure {} must not open",
            i + 1
        );
        assert_eq!(b.state(), BreakerState::Closed);
    }
    let t = fail(&mut b, &cfg, 4 * S).expect("fifth failure opens");
    assert_eq!((t.from, t.to), (BreakerState::Closed, BreakerState::Open));
    assert_eq!(t.reason.in_language("en"), "5 consecutive failures");
    let mut log = vec![];
    // Opened at 4 s: 59.9 s later it is still open.
    assert!(acquire(&mut b, &cfg, 4 * S + 59_900_000_000, &mut log).is_err());
    assert!(log.is_empty());
    // 60.1 s later a probe passes; the transition is dated at exactly 64 s.
    let p = acquire(&mut b, &cfg, 4 * S + 60_100_000_000, &mut log).expect("probe");
    assert_eq!(log[0].to, BreakerState::HalfOpen);
    assert_eq!(log[0].at, 64 * S);
    // Only one probe at a time.
    assert!(acquire(&mut b, &cfg, 4 * S + 60_200_000_000, &mut log).is_err());
    let t = b
        .on_result(&cfg, p, 65 * S, false, Dur(0))
        .expect("success closes");
    assert_eq!(
        (t.to, t.reason.in_language("en").as_str()),
        (BreakerState::Closed, "probe succeeded")
    );
}

#[test]
fn failed_probe_reopens() {
    let cfg = BreakerConfig::default();
    let mut b = CircuitBreaker::new(&cfg);
    for i in 0..5 {
        fail(&mut b, &cfg, i);
    }
    let t = fail(&mut b, &cfg, 61 * S).expect("probe failure re-opens");
    assert_eq!(
        (t.to, t.reason.in_language("en").as_str()),
        (BreakerState::Open, "probe failed")
    );
    assert_eq!(b.times_opened(), 2);
}

#[test]
fn success_resets_consecutive_count() {
    let cfg = BreakerConfig::default();
    let mut b = CircuitBreaker::new(&cfg);
    for i in 0..4 {
        fail(&mut b, &cfg, i);
    }
    let mut log = vec![];
    let p = acquire(&mut b, &cfg, 5, &mut log).unwrap();
    b.on_result(&cfg, p, 5, false, Dur(0));
    for i in 0..4 {
        assert!(fail(&mut b, &cfg, 6 + i).is_none());
    }
    assert_eq!(b.state(), BreakerState::Closed);
}

fn rate_cfg() -> BreakerConfig {
    BreakerConfig {
        kind: BreakerKind::Rate,
        window_size: WindowSize::Calls(10),
        min_calls: 10,
        failure_rate: 0.5,
        ..BreakerConfig::default()
    }
}

#[test]
fn rate_breaker_waits_for_min_calls_then_trips_at_threshold() {
    let cfg = rate_cfg();
    let mut b = CircuitBreaker::new(&cfg);
    // Nine failures: 100 % failure rate but below min_calls.
    for i in 0..9 {
        assert!(fail(&mut b, &cfg, i).is_none());
    }
    // The tenth call succeeds: 9/10 = 90 % ≥ 50 % with min_calls reached.
    let mut log = vec![];
    let p = acquire(&mut b, &cfg, 10, &mut log).unwrap();
    let t = b.on_result(&cfg, p, 10, false, Dur(0)).expect("opens");
    assert_eq!(
        t.reason.in_language("en"),
        "failure rate 90 % ≥ 50 % over the last 10 calls"
    );
}

#[test]
fn rate_breaker_below_threshold_stays_closed() {
    let cfg = rate_cfg();
    let mut b = CircuitBreaker::new(&cfg);
    let mut log = vec![];
    // 4 failures in each 10: 40 % < 50 %, for 100 calls.
    for i in 0..100u64 {
        let p = acquire(&mut b, &cfg, i, &mut log).unwrap();
        assert!(
            b.on_result(&cfg, p, i, i % 10 < 4, Dur(0)).is_none(),
            "call {i}"
        );
    }
}

#[test]
fn time_window_forgets_old_failures() {
    let cfg = BreakerConfig {
        window: WindowKind::Time,
        window_size: WindowSize::Time(Dur::from_secs(10)),
        min_calls: 4,
        ..rate_cfg()
    };
    let mut b = CircuitBreaker::new(&cfg);
    fail(&mut b, &cfg, 0);
    fail(&mut b, &cfg, S);
    let mut log = vec![];
    // 20 s later the two failures are out of the window: 1 failure in 4 = 25 %.
    for i in 0..3 {
        let p = acquire(&mut b, &cfg, 20 * S + i, &mut log).unwrap();
        assert!(b.on_result(&cfg, p, 20 * S + i, false, Dur(0)).is_none());
    }
    assert!(fail(&mut b, &cfg, 20 * S + 5).is_none());
    assert_eq!(b.state(), BreakerState::Closed);
}

#[test]
fn slow_calls_trip_a_rate_breaker_without_errors() {
    let cfg = BreakerConfig {
        slow_call_duration: Some(Dur::from_secs(1)),
        slow_call_rate: 0.6,
        ..rate_cfg()
    };
    let mut b = CircuitBreaker::new(&cfg);
    let mut log = vec![];
    let mut opened = None;
    for i in 0..10u64 {
        let p = acquire(&mut b, &cfg, i, &mut log).unwrap();
        if let Some(t) = b.on_result(&cfg, p, i, false, Dur(2 * S)) {
            opened = Some((i, t));
            break;
        }
    }
    let (i, t) = opened.expect("opens on slow calls");
    assert_eq!(i, 9, "only once min_calls is reached");
    assert!(
        t.reason
            .in_language("en")
            .starts_with("slow-call rate 100 % ≥ 60 %"),
        "{}",
        t.reason.in_language("en")
    );
}

#[test]
fn half_open_limit_and_multi_probe_close() {
    let cfg = BreakerConfig {
        half_open_calls: HalfOpenCalls::Calls(3),
        ..BreakerConfig::default()
    };
    let mut b = CircuitBreaker::new(&cfg);
    for i in 0..5 {
        fail(&mut b, &cfg, i);
    }
    let mut log = vec![];
    let now = 70 * S;
    let permits: Vec<_> = (0..3)
        .map(|_| acquire(&mut b, &cfg, now, &mut log).expect("probe"))
        .collect();
    assert!(
        acquire(&mut b, &cfg, now, &mut log).is_err(),
        "a fourth call is short-circuited"
    );
    assert!(b.on_result(&cfg, permits[0], now, false, Dur(0)).is_none());
    assert!(b.on_result(&cfg, permits[1], now, false, Dur(0)).is_none());
    let t = b.on_result(&cfg, permits[2], now, false, Dur(0)).unwrap();
    assert_eq!(
        (t.to, t.reason.in_language("en").as_str()),
        (BreakerState::Closed, "3 probes succeeded")
    );
}

#[test]
fn forced_states_override_judgement() {
    let normal = BreakerConfig::default();
    let forced = BreakerConfig {
        force: Force::ForcedOpen,
        ..normal.clone()
    };
    let disabled = BreakerConfig {
        force: Force::Disabled,
        ..normal.clone()
    };
    let mut b = CircuitBreaker::new(&normal);
    let mut log = vec![];
    let t = b.reconfigure(&normal, &forced, 1).unwrap();
    assert_eq!(t.to, BreakerState::ForcedOpen);
    assert!(acquire(&mut b, &forced, 2, &mut log).is_err());
    b.reconfigure(&forced, &disabled, 3);
    for i in 0..50 {
        let p = acquire(&mut b, &disabled, 4 + i, &mut log).expect("disabled lets all through");
        assert!(b.on_result(&disabled, p, 4 + i, true, Dur(0)).is_none());
    }
    let t = b.reconfigure(&disabled, &normal, 100).unwrap();
    assert_eq!(t.to, BreakerState::Closed);
}

#[test]
fn late_results_from_before_a_transition_are_ignored() {
    let cfg = BreakerConfig::default();
    let mut b = CircuitBreaker::new(&cfg);
    let mut log = vec![];
    let old = acquire(&mut b, &cfg, 0, &mut log).unwrap();
    for i in 0..5 {
        fail(&mut b, &cfg, i);
    }
    assert_eq!(b.state(), BreakerState::Open);
    let _probe = acquire(&mut b, &cfg, 61 * S, &mut log).unwrap();
    // The old call's success must not close the half-open breaker.
    assert!(b.on_result(&cfg, old, 61 * S, false, Dur(0)).is_none());
    assert_eq!(b.state(), BreakerState::HalfOpen);
}

/// Issue 26, seen 4: an hour's time window at a high rate passes 2^32
/// calls; the counts do not wrap, so a failure rate never reached (1 % of
/// calls fail, the threshold is 100 %) never opens the breaker, and the
/// window still sees the old calls after the boundary.
#[test]
fn a_time_window_past_two_to_the_32_calls_does_not_wrap() {
    let cfg = BreakerConfig {
        window: WindowKind::Time,
        window_size: WindowSize::Time(Dur::from_secs(3600)),
        failure_rate: 1.0,
        min_calls: 10,
        ..rate_cfg()
    };
    let mut b = CircuitBreaker::new(&cfg);
    let near = (1u64 << 32) - 5;
    b.window.preload(
        286 * S,
        Counts {
            calls: near,
            failures: near / 100,
            slow: 0,
        },
    );
    let mut log = vec![];
    for i in 0..20u64 {
        let now = 287 * S + i;
        let p = acquire(&mut b, &cfg, now, &mut log).unwrap();
        let failed = i % 2 == 0;
        assert!(
            b.on_result(&cfg, p, now, failed, Dur(0)).is_none(),
            "call {i} opened it"
        );
    }
    assert!(log.is_empty(), "{log:?}");
    assert_eq!(b.state(), BreakerState::Closed);
    assert_eq!(b.window.totals.calls, near + 20, "past 2^32, not wrapped");
    assert_eq!(b.window.totals.failures, near / 100 + 10);
    assert_eq!(b.times_opened(), 0);
}
