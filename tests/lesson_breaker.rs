//! `semantics = "lesson"` against the lesson's own class: the numbers below
//! were printed by /work/shared/lesson/run_lesson_breaker.py, which runs the
//! class verbatim in virtual time with overlapping calls (constant arrivals
//! every GAP from 0, constant LATENCY, the service failing every call that
//! *starts* in [DEAD_FROM, DEAD_TO), stopping at DURATION), as
//!
//! ```text
//! python3 /work/shared/lesson/run_lesson_breaker.py GAP LATENCY DURATION DEAD_FROM DEAD_TO
//! ```
//!
//! The same run in Breakwater differs in two places it has to be told about:
//! - a constant load's first call arrives one GAP after 0, not at 0: every
//!   time here is the class's plus GAP, and the run lasts DURATION + GAP (less
//!   1 ms, so that a call due exactly at the end is not let in);
//! - the service draws failure when an attempt *ends* (the failure rate in
//!   force then), so the timeline sets `failure_rate = 1.0` LATENCY after
//!   DEAD_FROM and back to 0 LATENCY after DEAD_TO (1 ms early, so that no
//!   change lands on the same instant as an attempt's end; no call starts
//!   within 1 ms of either edge in these cases).
//!
//! The cases were chosen so that nothing ties in real arithmetic (no arrival
//! exactly `open_for` after a failure, no arrival or end exactly at an edge):
//! the class's floating-point clock would otherwise decide a tie by rounding.

mod common;
use breakwater::patterns::circuit_breaker::BreakerState;
use breakwater::sim::notices::NoticeKind;
use common::*;

/// One run of the class: its arguments (in ms) and what it printed.
struct Case {
    gap: u64,
    latency: u64,
    duration: u64,
    dead_from: u64,
    dead_to: u64,
    /// Calls that reached the service (`attempts`).
    attempts: u64,
    short_circuited: u64,
    failed: u64,
    ok: u64,
    opened: u64,
    half_opened: u64,
    /// When it opened, each time (the class's clock, ms).
    opens_at: &'static [u64],
}

const MS: u64 = 1_000_000;

fn toml(c: &Case, semantics: &str) -> String {
    format!(
        r#"
name = "the lesson's class, held out"
seed = 1
duration = "{duration}ms"
[load]
kind = "constant"
rate = {rate}
[[services]]
name = "svc"
workers = 100000
queue = 0
failure_rate = 0.0
latency = "{latency}ms"
[patterns.circuit_breaker]
{semantics}
failure_threshold = 5
open_for = "60s"
[[timeline]]
at = "{down}ms"
set = {{ "services.svc.failure_rate" = 1.0 }}
[[timeline]]
at = "{up}ms"
set = {{ "services.svc.failure_rate" = 0.0 }}
"#,
        duration = c.duration + c.gap - 1,
        rate = 1000.0 / c.gap as f64,
        latency = c.latency,
        down = c.dead_from + c.gap + c.latency - 1,
        up = c.dead_to + c.gap + c.latency - 1,
    )
}

fn check(c: &Case) {
    let s = scenario(&toml(c, r#"semantics = "lesson""#));
    let sim = finished(&s);
    let summary = breakwater::report::Summary::of(&sim, &s.name, 0.0);
    let svc = service(&summary, "svc");
    let transitions: Vec<(u64, BreakerState)> = sim
        .notices()
        .iter()
        .filter_map(|(_, n)| match &n.kind {
            NoticeKind::Breaker { to, .. } => Some((n.at, *to)),
            _ => None,
        })
        .collect();
    let opens: Vec<u64> = transitions
        .iter()
        .filter(|(_, to)| *to == BreakerState::Open)
        .map(|(at, _)| at / MS - c.gap)
        .collect();
    let half_opened = transitions
        .iter()
        .filter(|(_, to)| *to == BreakerState::HalfOpen)
        .count() as u64;
    use breakwater::base::Outcome::*;
    let got = (
        svc.counts.downstream_attempts,
        svc.counts.outcome(ShortCircuited),
        svc.counts.outcome(Failed),
        svc.counts.outcome(Ok),
        svc.breaker_opened as u64,
        half_opened,
        opens,
    );
    let want = (
        c.attempts,
        c.short_circuited,
        c.failed,
        c.ok,
        c.opened,
        c.half_opened,
        c.opens_at.to_vec(),
    );
    assert_eq!(
        got, want,
        "(attempts, short-circuited, failed, ok, opened, half-opened, opened at ms)"
    );
}

/// The issue's reproduction: 4 calls/s, 0.9 s each, the service failing
/// from 60 s to 61.2 s. A call let in before the breaker opened succeeds
/// 0.25 s after: the class closes (1 call short-circuited).
/// `python3 run_lesson_breaker.py 0.25 0.9 120 60 61.2` printed
/// {"attempts": 479, "short_circuited": 1, "failed": 5, "ok": 471, "opened": 1,
///  "half_opened": 0, "first_open_at": 61.9, "reopen_times": []}
#[test]
fn a_late_success_closes_it_as_the_class_does() {
    let c = Case {
        gap: 250,
        latency: 900,
        duration: 120_000,
        dead_from: 60_000,
        dead_to: 61_200,
        attempts: 479,
        short_circuited: 1,
        failed: 5,
        ok: 471,
        opened: 1,
        half_opened: 0,
        opens_at: &[61_900],
    };
    check(&c);
    // It closed at 62.15 s (the class's clock), by that success.
    let sim = finished(&scenario(&toml(&c, r#"semantics = "lesson""#)));
    let closed = sim
        .notices()
        .iter()
        .find_map(|(_, n)| match &n.kind {
            NoticeKind::Breaker { to, reason, .. } if *to == BreakerState::Closed => {
                Some((n.at / MS - c.gap, reason.in_language("en")))
            }
            _ => None,
        })
        .expect("it closes");
    assert_eq!(
        closed,
        (
            62_150,
            "a success closes it (the lesson's class)".to_string()
        )
    );
}

/// The same run with resilience4j's machine and seed-lesson's keys
/// (`open_from = "last_failure"`, `half_open_calls = "all"`) stays OPEN for
/// 60 s: the difference the lesson's semantics exists for.
#[test]
fn resilience4j_with_the_lessons_keys_stays_open_instead() {
    let c = Case {
        gap: 250,
        latency: 900,
        duration: 120_000,
        dead_from: 60_000,
        dead_to: 61_200,
        attempts: 0,
        short_circuited: 0,
        failed: 0,
        ok: 0,
        opened: 0,
        half_opened: 0,
        opens_at: &[],
    };
    let text = toml(
        &c,
        "open_from = \"last_failure\"\nhalf_open_calls = \"all\"",
    );
    let summary = run(&scenario(&text));
    let svc = service(&summary, "svc");
    assert_eq!(
        svc.counts
            .outcome(breakwater::base::Outcome::ShortCircuited),
        232
    );
}

/// A minute's outage: it opens once, waits 60 s from the last failure of a
/// call let in before it opened, and the first call after closes it.
/// `python3 run_lesson_breaker.py 0.25 0.9 300 60 120` printed
/// {"attempts": 957, "short_circuited": 243, "failed": 8, "ok": 946, "opened": 1,
///  "half_opened": 1, "first_open_at": 61.9, "reopen_times": []}
#[test]
fn a_minutes_outage() {
    check(&Case {
        gap: 250,
        latency: 900,
        duration: 300_000,
        dead_from: 60_000,
        dead_to: 120_000,
        attempts: 957,
        short_circuited: 243,
        failed: 8,
        ok: 946,
        opened: 1,
        half_opened: 1,
        opens_at: &[61_900],
    });
}

/// Slow calls (2.2 s, 2 per second), dead 70 s: the calls let through while
/// HALF_OPEN fail and re-open it once.
/// `python3 run_lesson_breaker.py 0.5 2.2 300.25 30 100` printed
/// {"attempts": 353, "short_circuited": 248, "failed": 14, "ok": 335, "opened": 2,
///  "half_opened": 2, "first_open_at": 34.2, "reopen_times": [98.7]}
#[test]
fn slow_calls_re_open_it_once() {
    check(&Case {
        gap: 500,
        latency: 2200,
        duration: 300_250,
        dead_from: 30_000,
        dead_to: 100_000,
        attempts: 353,
        short_circuited: 248,
        failed: 14,
        ok: 335,
        opened: 2,
        half_opened: 2,
        opens_at: &[34_200, 98_700],
    });
}

/// A long outage at 10 calls/s: opened three times.
/// `python3 run_lesson_breaker.py 0.1 0.35 200.02 20.05 150.05` printed
/// {"attempts": 217, "short_circuited": 1784, "failed": 16, "ok": 201, "opened": 3,
///  "half_opened": 2, "first_open_at": 20.85, "reopen_times": [81.55, 142.25]}
#[test]
fn a_long_outage_at_ten_calls_a_second() {
    check(&Case {
        gap: 100,
        latency: 350,
        duration: 200_020,
        dead_from: 20_050,
        dead_to: 150_050,
        attempts: 217,
        short_circuited: 1784,
        failed: 16,
        ok: 201,
        opened: 3,
        half_opened: 2,
        opens_at: &[20_850, 81_550, 142_250],
    });
}

/// 150 s dead at 5 calls/s with 1.5 s calls: three openings, the last
/// HALF_OPEN closed by a success after the service is back.
/// `python3 run_lesson_breaker.py 0.2 1.5 400.05 50.1 200.1` printed
/// {"attempts": 1080, "short_circuited": 921, "failed": 28, "ok": 1044, "opened": 3,
///  "half_opened": 3, "first_open_at": 52.5, "reopen_times": [115.5, 178.5]}
#[test]
fn a_long_outage_with_slow_calls() {
    check(&Case {
        gap: 200,
        latency: 1500,
        duration: 400_050,
        dead_from: 50_100,
        dead_to: 200_100,
        attempts: 1080,
        short_circuited: 921,
        failed: 28,
        ok: 1044,
        opened: 3,
        half_opened: 3,
        opens_at: &[52_500, 115_500, 178_500],
    });
}

/// What the class refuses to be: a rate breaker, or N probes.
#[test]
fn the_lessons_breaker_refuses_a_rate_kind_and_n_probes() {
    for (extra, field, words) in [
        ("kind = \"rate\"", "kind", "kind must be \"consecutive\""),
        (
            "half_open_calls = 3",
            "half_open_calls",
            "3 probes are resilience4j's",
        ),
    ] {
        let text = format!(
            "name = \"x\"\nduration = \"1s\"\n[load]\nrate = 1\n[[services]]\nname = \"svc\"\n\
             [patterns.circuit_breaker]\nsemantics = \"lesson\"\n{extra}\n"
        );
        let e = breakwater::scenario::parse_scenario("x.toml", text.as_bytes())
            .expect_err("refused")
            .say("en");
        assert!(e.contains(words), "{field}: {e}");
        assert!(e.contains("semantics = \"lesson\""), "{e}");
    }
}
