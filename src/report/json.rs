//! `run --json`: one JSON object with the contract's key names.

use crate::base::outcome::Outcome;
use crate::patterns::registry;
use crate::report::summary::{ServiceSummary, Summary};
use crate::sim::metrics::{Counts, Percentiles};
use serde_json::{json, Map, Value};

/// Rounds to 6 significant decimals so that output is short and stable.
fn r(x: f64) -> Value {
    let v = (x * 1e6).round() / 1e6;
    json!(v)
}

fn counts(c: &Counts, in_flight: u64, counters: &[usize]) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("calls".into(), json!(c.calls));
    for o in Outcome::ALL {
        m.insert(o.name().into(), json!(c.outcome(o)));
    }
    m.insert("fallbacks".into(), json!(c.fallbacks));
    m.insert("attempts".into(), json!(c.attempts));
    m.insert("retries".into(), json!(c.retries));
    for (i, (_, counter)) in registry::counters().enumerate() {
        if counters.contains(&i) {
            m.insert(counter.name.into(), json!(c.extra[i]));
        }
    }
    m.insert("in_flight".into(), json!(in_flight));
    m
}

fn latency(p: &Percentiles) -> Value {
    json!({ "mean": r(p.mean), "p50": r(p.p50), "p90": r(p.p90), "p99": r(p.p99), "max": r(p.max) })
}

fn service(s: &ServiceSummary, counters: &[usize]) -> Value {
    let mut m = counts(&s.counts, s.in_flight, counters);
    m.insert("latency_ms".into(), latency(&s.latency));
    m.insert(
        "breaker".into(),
        json!({ "opened": s.breaker_opened, "open_seconds": r(s.open_seconds), "final_state": s.final_state }),
    );
    m.insert("bulkhead".into(), json!({ "peak_in_use": s.peak_in_use }));
    m.insert(
        "downstream".into(),
        json!({
            "attempts": s.counts.downstream_attempts,
            "refused": s.counts.downstream_refused,
            "utilization": r(s.utilization),
            "mean_queue_wait_ms": r(s.mean_queue_wait_ms),
            "waited_fraction": r(s.waited_fraction),
        }),
    );
    honest(&mut m, &s.counts, &s.latency_reached);
    Value::Object(m)
}

/// The measures added beside `attempts` and `latency_ms`, at the end so the
/// keys before them read as they always did: the calls that made an attempt
/// and their attempts per call (never below 1), and the latency of the calls
/// that reached the downstream (without the instant answers of the breaker,
/// the bulkhead and the caller pool).
fn honest(m: &mut Map<String, Value>, c: &Counts, reached: &Percentiles) {
    m.insert("attempted_calls".into(), json!(c.attempted_calls));
    m.insert(
        "attempts_per_attempted_call".into(),
        r(c.attempts_per_attempted_call()),
    );
    m.insert("reached_calls".into(), json!(c.reached_calls));
    m.insert("latency_reached_ms".into(), latency(reached));
}

pub fn to_json(s: &Summary) -> Value {
    let mut totals = counts(&s.totals, s.totals_in_flight, &s.counters);
    totals.insert("latency_ms".into(), latency(&s.totals_latency));
    honest(&mut totals, &s.totals, &s.totals_latency_reached);
    let mut services = Map::new();
    for svc in &s.services {
        services.insert(svc.name.clone(), service(svc, &s.counters));
    }
    json!({
        "scenario": s.scenario.en(),
        "seed": s.seed,
        "sim_seconds": r(s.sim_seconds),
        "wall_seconds": r(s.wall_seconds),
        "totals": totals,
        "services": services,
    })
}
