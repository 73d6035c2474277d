//! The one change mechanism: every field can be changed by path while running,
//! bad values are refused without effect, and ramps move linearly.

mod common;
use breakwater::patterns::PATTERN_NAMES;
use breakwater::scenario::load;
use breakwater::scenario::settable::Settable;
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
    let s = load("seed-lesson").unwrap();
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
    let s = load("seed-lesson").unwrap();
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
        let err = sim.change_now(path, v).expect_err(path);
        assert!(!err.is_empty());
    }
    assert_eq!(sim.world(), &before);
    let err = sim
        .change_now("services.payment.failure_rat", toml::Value::Float(0.5))
        .unwrap_err();
    assert!(err.contains("did you mean `failure_rate`"), "{err}");
}

#[test]
fn a_pattern_absent_from_the_file_turns_on_with_the_lessons_values() {
    let s = load("timeout-fallback").unwrap();
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
    let s = load("brownout").unwrap();
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
    let s = load("seed-lesson").unwrap();
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
