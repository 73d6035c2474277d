//! The one change mechanism: every field can be changed by path while running,
//! bad values are refused without effect, and ramps move linearly.

mod common;
use breakwater::base::settable::Settable;
use breakwater::patterns::PATTERN_NAMES;
use breakwater::sim::Simulation;

fn fields(pattern: &str) -> &'static [&'static str] {
    use breakwater::patterns::*;
    match pattern {
        "circuit_breaker" => circuit_breaker::BreakerConfig::FIELDS,
        "retry" => retry::RetryConfig::FIELDS,
        "bulkhead" => bulkhead::BulkheadConfig::FIELDS,
        "timeout" => timeout::TimeoutConfig::FIELDS,
        _ => fallback::FallbackConfig::FIELDS,
    }
}

#[test]
fn every_pattern_field_of_every_service_can_be_changed_while_running() {
    let s = common::builtin("seed-lesson");
    let mut sim = Simulation::new(&s);
    sim.advance_to(10_000_000_000, &mut |_| {});
    let mut changed = 0;
    for svc in ["user", "order", "payment"] {
        for p in PATTERN_NAMES {
            for f in fields(p) {
                let path = format!("services.{svc}.{p}.{f}");
                // Fields without a value (an unset budget or deadline) have nothing to read back.
                let Some(v) = sim.world().get(&path) else {
                    continue;
                };
                sim.change_now(&path, v.clone())
                    .unwrap_or_else(|e| panic!("{path}: {e}"));
                assert_eq!(sim.world().get(&path), Some(v), "{path}");
                changed += 1;
            }
        }
    }
    assert!(changed > 60, "{changed} fields");
    // And they take effect: a new value is read back.
    sim.change_now(
        "services.payment.retry.max_attempts",
        toml::Value::Integer(7),
    )
    .unwrap();
    assert_eq!(
        sim.world().get("services.payment.retry.max_attempts"),
        Some(toml::Value::Integer(7))
    );
    sim.change_now(
        "patterns.timeout.per_attempt",
        toml::Value::String("2s".into()),
    )
    .unwrap();
    for svc in ["user", "order", "payment"] {
        assert_eq!(
            sim.world()
                .get(&format!("services.{svc}.timeout.per_attempt")),
            Some(toml::Value::String("2s".into()))
        );
    }
}

#[test]
fn bad_values_are_refused_without_effect() {
    let s = common::builtin("seed-lesson");
    let mut sim = Simulation::new(&s);
    let before = sim.world().clone();
    for (path, v) in [
        ("services.payment.failure_rate", toml::Value::Float(1.5)),
        ("services.payment.workers", toml::Value::Integer(0)),
        ("services.nobody.failure_rate", toml::Value::Float(0.5)),
        ("services.payment.failure_rat", toml::Value::Float(0.5)),
        (
            "patterns.retry.max_attempts",
            toml::Value::String("three".into()),
        ),
        ("load.rate", toml::Value::Float(-1.0)),
    ] {
        let err = sim.change_now(path, v).expect_err(path).say("en");
        assert!(!err.is_empty());
    }
    assert_eq!(sim.world(), &before);
    let err = sim
        .change_now("services.payment.failure_rat", toml::Value::Float(0.5))
        .unwrap_err()
        .say("en");
    assert!(err.contains("did you mean `failure_rate`"), "{err}");
}

#[test]
fn a_pattern_absent_from_the_file_turns_on_with_the_lessons_values() {
    let s = common::builtin("timeout-fallback");
    let mut sim = Simulation::new(&s);
    assert_eq!(
        sim.world()
            .get("services.recommendations.circuit_breaker.enabled"),
        Some(toml::Value::Boolean(false))
    );
    sim.change_now(
        "services.recommendations.circuit_breaker.enabled",
        toml::Value::Boolean(true),
    )
    .unwrap();
    assert_eq!(
        sim.world()
            .get("services.recommendations.circuit_breaker.failure_threshold"),
        Some(toml::Value::Integer(5))
    );
    assert_eq!(
        sim.world()
            .get("services.recommendations.circuit_breaker.open_for"),
        Some(toml::Value::String("1m".into()))
    );
}

#[test]
fn a_ramp_moves_linearly_to_its_target() {
    // brownout ramps latency_factor from 1 to 15 between 60 s and 180 s.
    let s = common::builtin("brownout");
    let mut sim = Simulation::new(&s);
    let factor = |sim: &Simulation| {
        sim.world()
            .get("services.inventory.latency_factor")
            .and_then(|v| v.as_float())
            .unwrap()
    };
    sim.advance_to(59_000_000_000, &mut |_| {});
    assert_eq!(factor(&sim), 1.0);
    sim.advance_to(120_000_000_000, &mut |_| {});
    assert!(
        (factor(&sim) - 8.0).abs() < 1e-9,
        "half way: {}",
        factor(&sim)
    );
    sim.advance_to(200_000_000_000, &mut |_| {});
    assert_eq!(factor(&sim), 15.0);
}

#[test]
fn a_change_to_one_service_mid_run_leaves_the_others_arrivals_alone() {
    let s = common::builtin("seed-lesson");
    let user_calls = |change: bool| {
        let mut sim = Simulation::new(&s);
        let mut calls = Vec::new();
        sim.advance_to(30_000_000_000, &mut |t| {
            calls.push(t.services[0].counts.calls)
        });
        if change {
            sim.change_now("services.payment.latency_factor", toml::Value::Float(5.0))
                .unwrap();
            sim.change_now("services.payment.workers", toml::Value::Integer(2))
                .unwrap();
        }
        sim.run(&mut |t| calls.push(t.services[0].counts.calls));
        calls
    };
    assert_eq!(user_calls(false), user_calls(true));
}

fn run_windows(text: &str, window_s: u64) -> Vec<u64> {
    let s = common::scenario(text);
    let mut w = Vec::new();
    common::run_each(&s, |t| {
        let i = ((t.t - 1) / (window_s * 1_000_000_000)) as usize;
        if w.len() <= i {
            w.resize(i + 1, 0);
        }
        w[i] += t.services[0].counts.calls;
    });
    w
}

#[test]
fn constant_load_keeps_arriving_while_its_rate_ramps() {
    let w = run_windows(
        r#"
name = "ramp"
duration = "80s"
[load]
kind = "constant"
rate = 5
[[services]]
name = "a"
[[timeline]]
at = "10s"
set = { "load.rate" = 9.0 }
over = "60s"
"#,
        10,
    );
    assert_eq!(w[0], 50);
    assert_eq!(w[7], 90);
    // In between the count follows the mean rate of each window (≈ 53, 60, 67, 73, 80, 87).
    for i in 1..7 {
        assert!(w[i] > w[i - 1], "window {i}: {w:?}");
        let expected = 50.0 + 40.0 * (i as f64 - 0.5) / 6.0;
        assert!(
            (w[i] as f64 - expected).abs() <= 3.0,
            "window {i}: {} vs ≈{expected:.0} ({w:?})",
            w[i]
        );
    }
}

#[test]
fn a_ramp_to_a_whole_number_still_moves_a_fractional_field_smoothly() {
    let s = common::scenario(
        r#"
name = "ramp"
duration = "60s"
[load]
rate = 10
[[services]]
name = "a"
[[timeline]]
at = "0s"
set = { "services.a.failure_rate" = 1 }
over = "60s"
"#,
    );
    let mut sim = Simulation::new(&s);
    sim.advance_to(15_000_000_000, &mut |_| {});
    let v = sim
        .world()
        .get("services.a.failure_rate")
        .and_then(|v| v.as_float())
        .unwrap();
    assert!((v - 0.25).abs() < 1e-9, "a quarter of the way: {v}");
}

#[test]
fn one_timeline_entry_switches_a_breaker_from_count_to_time_window() {
    let s = common::scenario(
        r#"
name = "switch"
duration = "20s"
[load]
rate = 10
[[services]]
name = "a"
[patterns.circuit_breaker]
kind = "rate"
window_size = 50
[[timeline]]
at = "5s"
set = { "patterns.circuit_breaker.window" = "time", "patterns.circuit_breaker.window_size" = "10s" }
"#,
    );
    let mut sim = Simulation::new(&s);
    sim.run(&mut |_| {});
    assert_eq!(
        sim.world().get("services.a.circuit_breaker.window_size"),
        Some(toml::Value::String("10s".into()))
    );
    // And live: `window` alone gives a window_size of the new kind.
    let mut sim = Simulation::new(&s);
    sim.change_now(
        "services.a.circuit_breaker.window",
        toml::Value::String("time".into()),
    )
    .unwrap();
    assert_eq!(
        sim.world().get("services.a.circuit_breaker.window_size"),
        Some(toml::Value::String("1m".into()))
    );
}

#[test]
fn turning_retry_off_stops_calls_that_are_already_retrying() {
    let s = common::scenario(
        r#"
name = "retry off"
duration = "30s"
[load]
kind = "constant"
rate = 20
[[services]]
name = "a"
failure_rate = 1.0
latency = "10ms"
[patterns.retry]
max_attempts = 10
backoff = "1s"
"#,
    );
    let mut sim = Simulation::new(&s);
    sim.advance_to(10_000_000_000, &mut |_| {});
    sim.change_now("patterns.retry.enabled", toml::Value::Boolean(false))
        .unwrap();
    let mut late_retries = 0;
    sim.run(&mut |t| {
        if t.t > 11_100_000_000 {
            late_retries += t.services[0].counts.retries;
        }
    });
    // Sleepers wake within 1 s for their attempt, then stop.
    assert_eq!(late_retries, 0);
}

#[test]
fn a_rate_breaker_whose_window_is_smaller_than_min_calls_opens_when_full() {
    let s = common::scenario(
        r#"
name = "small window"
duration = "10s"
[load]
rate = 50
[[services]]
name = "a"
failure_rate = 1.0
[patterns.circuit_breaker]
kind = "rate"
window_size = 10
"#,
    );
    let mut sim = Simulation::new(&s);
    sim.run(&mut |_| {});
    assert!(
        sim.breaker(0).times_opened() >= 1,
        "min_calls (100) is capped at the window's 10 calls, as in resilience4j"
    );
}

#[test]
fn a_pattern_wide_ramp_moves_each_service_from_its_own_value() {
    let s = common::scenario(
        r#"
name = "pattern ramp"
duration = "60s"
[load]
rate = 10
[[services]]
name = "a"
[services.bulkhead]
max_concurrent = 2
[[services]]
name = "b"
[patterns.bulkhead]
max_concurrent = 4
[[timeline]]
at = "0s"
over = "40s"
set = { "patterns.bulkhead.max_concurrent" = 8 }
"#,
    );
    let mut sim = Simulation::new(&s);
    let get = |sim: &Simulation, p: &str| sim.world().get(p).and_then(|v| v.as_integer()).unwrap();
    sim.advance_to(20_000_000_000, &mut |_| {});
    assert_eq!(
        get(&sim, "services.a.bulkhead.max_concurrent"),
        5,
        "2 → 8, half way"
    );
    assert_eq!(
        get(&sim, "services.b.bulkhead.max_concurrent"),
        6,
        "4 → 8, half way"
    );
    sim.run(&mut |_| {});
    for p in [
        "services.a.bulkhead.max_concurrent",
        "services.b.bulkhead.max_concurrent",
        "patterns.bulkhead.max_concurrent",
    ] {
        assert_eq!(get(&sim, p), 8, "{p}");
    }
}

#[test]
fn a_later_change_to_one_service_survives_the_end_of_a_pattern_wide_ramp() {
    let s = common::scenario(
        r#"
name = "ramp then override"
duration = "90s"
[load]
rate = 10
[[services]]
name = "a"
[[services]]
name = "b"
[[services]]
name = "c"
[patterns.retry]
max_attempts = 1
[[timeline]]
at = "0s"
over = "60s"
set = { "patterns.retry.max_attempts" = 10 }
[[timeline]]
at = "10s"
set = { "services.a.retry.max_attempts" = 2 }
[[timeline]]
at = "20s"
set = { "services.c.retry.max_attempts" = 3 }
"#,
    );
    let sim = common::finished(&s);
    let get = |p: &str| sim.world().get(p).and_then(|v| v.as_integer()).unwrap();
    // The services changed later keep their values; the others, and the
    // defaults, end the ramp at its target.
    assert_eq!(get("services.a.retry.max_attempts"), 2);
    assert_eq!(get("services.b.retry.max_attempts"), 10);
    assert_eq!(get("services.c.retry.max_attempts"), 3);
    assert_eq!(get("patterns.retry.max_attempts"), 10);
}

#[test]
fn lazy_timeout_timers_change_no_result_in_any_order() {
    // Timeouts inside and outside retries and bulkheads, waits, queued jobs,
    // cancelled work and patterns switched live: the engine pushes a timeout
    // timer only when the call may wait past it; pushing every timer at once
    // must give the same numbers.
    let orders = [
        r#"["retry", "circuit_breaker", "bulkhead", "timeout"]"#,
        r#"["bulkhead", "circuit_breaker", "retry", "timeout"]"#,
        r#"["timeout", "retry", "bulkhead", "circuit_breaker"]"#,
        r#"["timeout", "bulkhead", "retry", "circuit_breaker"]"#,
        r#"["bulkhead", "timeout", "circuit_breaker", "retry"]"#,
        r#"["circuit_breaker", "timeout", "retry", "bulkhead"]"#,
    ];
    for order in orders {
        for cancel in [false, true] {
            let s = common::scenario(&format!(
                r#"
name = "lazy timers"
seed = 5
duration = "40s"
[load]
rate = 300
[[services]]
name = "api"
workers = 4
queue = 30
failure_rate = 0.1
cancel_on_timeout = {cancel}
latency = {{ dist = "lognormal", p50 = "10ms", p99 = "120ms" }}
[patterns]
order = {order}
[patterns.retry]
max_attempts = 3
backoff = "20ms"
jitter = "full"
[patterns.circuit_breaker]
kind = "rate"
window_size = 50
min_calls = 20
failure_rate = 0.6
open_for = "2s"
[patterns.bulkhead]
max_concurrent = 6
max_queue = 20
max_wait = "30ms"
[patterns.timeout]
per_attempt = "40ms"
[[timeline]]
at = "10s"
set = {{ "services.api.latency_factor" = 3.0 }}
[[timeline]]
at = "15s"
set = {{ "patterns.timeout.enabled" = false }}
[[timeline]]
at = "20s"
set = {{ "patterns.timeout.enabled" = true, "patterns.bulkhead.enabled" = false }}
[[timeline]]
at = "30s"
set = {{ "patterns.bulkhead.enabled" = true, "services.api.latency_factor" = 1.0 }}
"#
            ));
            let run = |lazy: bool| {
                let mut sim = Simulation::new(&s);
                sim.set_lazy_timers(lazy);
                let mut ticks = Vec::new();
                sim.run(&mut |t| ticks.push(t.clone()));
                (
                    ticks,
                    breakwater::report::Summary::of(&sim, &s.name, 0.0).services,
                )
            };
            let (lazy, eager) = (run(true), run(false));
            assert!(
                lazy.1[0]
                    .counts
                    .outcome(breakwater::base::Outcome::TimedOut)
                    > 0,
                "{order}"
            );
            assert_eq!(lazy, eager, "order {order}, cancel_on_timeout {cancel}");
        }
    }
}
