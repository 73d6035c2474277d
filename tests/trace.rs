//! One call traced: the story the engine records (`Simulation::trace`) and
//! `breakwater trace`. What could fail: the waits between attempts, the
//! order of the layers a call meets, the story's consistency under every
//! pattern order, and that recording changes no result.

mod common;
use breakwater::base::time::{Dur, NANOS_PER_SEC};
use breakwater::base::Outcome;
use breakwater::patterns::PatternKind;
use breakwater::report::json;
use breakwater::report::Summary;
use breakwater::scenario::Scenario;
use breakwater::sim::trace::{CallTrace, Step, TraceFrom, TraceRequest};
use breakwater::sim::Simulation;
use common::*;

const S: u64 = NANOS_PER_SEC;

/// Runs `s` until the traced calls are done (or the end); their stories.
fn traces(s: &Scenario, service: usize, from: TraceFrom, calls: u32) -> Vec<CallTrace> {
    let mut sim = Simulation::new(s);
    sim.trace(TraceRequest {
        service,
        from,
        calls,
    });
    while !sim.traces_complete() && !sim.is_finished() {
        sim.advance_within(sim.end(), 10_000, &mut |_| {});
    }
    sim.take_traces(true)
}

fn flaky(order: &str, extra: &str) -> Scenario {
    scenario(&format!(
        r#"
name = "flaky"
seed = 11
duration = "60s"
[load]
kind = "poisson"
rate = 5
[[services]]
name = "svc"
workers = 4
queue = 10
failure_rate = 0.5
latency = {{ dist = "lognormal", p50 = "80ms", p99 = "400ms" }}
[patterns]
order = {order}
[patterns.retry]
max_attempts = 3
backoff = {{ kind = "exponential", multiplier = "1s", min = "1s", max = "10s" }}
[patterns.circuit_breaker]
failure_threshold = 50
[patterns.bulkhead]
max_concurrent = 3
max_queue = 5
max_wait = "500ms"
[patterns.timeout]
per_attempt = "250ms"
[patterns.fallback]
on = ["timed_out"]
{extra}
"#
    ))
}

const DEFAULT_ORDER: &str = r#"["retry", "circuit_breaker", "bulkhead", "timeout"]"#;
const LESSON_ORDER: &str = r#"["bulkhead", "circuit_breaker", "retry", "timeout"]"#;

fn steps_of(t: &CallTrace) -> impl Iterator<Item = &Step> {
    t.steps.iter().map(|s| &s.step)
}

/// tenacity's `wait_exponential(multiplier=1, min=1, max=10)`: a call that
/// fails twice and then succeeds waits exactly 1 s, then 2 s.
#[test]
fn a_call_failing_twice_then_succeeding_waits_one_then_two_seconds() {
    for order in [DEFAULT_ORDER, LESSON_ORDER] {
        let s = flaky(order, "");
        let all = traces(&s, 0, TraceFrom::Time(0), 150);
        let twice: Vec<&CallTrace> = all
            .iter()
            .filter(|t| t.attempt_outcomes() == [Outcome::Failed, Outcome::Failed, Outcome::Ok])
            .collect();
        assert!(
            twice.len() >= 3,
            "{order}: {} calls failed twice then succeeded",
            twice.len()
        );
        for t in twice {
            assert_eq!(
                t.backoffs(),
                [Dur::from_secs(1), Dur::from_secs(2)],
                "{order}"
            );
            // The wait is the whole gap between an attempt's end and the next.
            let at = |pred: &dyn Fn(&Step) -> bool| {
                t.steps
                    .iter()
                    .find(|s| pred(&s.step))
                    .map(|s| s.at)
                    .unwrap()
            };
            let end1 = at(&|s| matches!(s, Step::AttemptEnded { n: 1, .. }));
            let start2 = at(&|s| matches!(s, Step::Attempt { n: 2 }));
            let end2 = at(&|s| matches!(s, Step::AttemptEnded { n: 2, .. }));
            let start3 = at(&|s| matches!(s, Step::Attempt { n: 3 }));
            assert_eq!((start2 - end1, start3 - end2), (S, 2 * S), "{order}");
            assert_eq!(t.outcome, Some(Outcome::Ok));
        }
    }
}

/// The first steps of a call follow `patterns.order`, outermost first.
#[test]
fn a_call_meets_the_layers_in_the_scenario_order() {
    let cases: [(&str, [&str; 4]); 3] = [
        (
            DEFAULT_ORDER,
            ["attempt", "breaker", "bulkhead_slot", "timeout_armed"],
        ),
        (
            LESSON_ORDER,
            ["bulkhead_slot", "breaker", "attempt", "timeout_armed"],
        ),
        (
            r#"["timeout", "retry", "bulkhead", "circuit_breaker"]"#,
            ["timeout_armed", "attempt", "bulkhead_slot", "breaker"],
        ),
    ];
    for (order, expected) in cases {
        let s = flaky(order, "");
        let t = &traces(&s, 0, TraceFrom::Time(0), 1)[0];
        let kinds: Vec<String> = t
            .steps
            .iter()
            .map(|s| {
                breakwater::report::trace::step_json(s.at, &s.step)["kind"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(kinds[0], "arrived");
        assert_eq!(&kinds[1..5], expected, "{order}: {kinds:?}");
        assert_eq!(kinds[5], "sent", "{order}: {kinds:?}");
        let layers: Vec<&str> = t.layers.iter().map(|k| k.name()).collect();
        let named: Vec<String> = serde_json::from_str(order).unwrap();
        assert_eq!(layers, named);
    }
}

/// Under all 24 orders of the four layers, every story is consistent: time
/// runs forward, attempts are numbered 1, 2, … each with one end, a backoff
/// leads to the attempt it names, a fired timeout is followed by the end of
/// what it cut, and the last step is the final answer the trace reports.
#[test]
fn stories_are_consistent_under_every_order() {
    let kinds = PatternKind::DEFAULT_ORDER;
    let mut orders = Vec::new();
    for a in 0..4 {
        for b in 0..4 {
            for c in 0..4 {
                for d in 0..4 {
                    let idx = [a, b, c, d];
                    if (0..4).all(|i| idx.contains(&i)) {
                        orders.push(idx.map(|i| kinds[i]));
                    }
                }
            }
        }
    }
    assert_eq!(orders.len(), 24);
    let mut seen_timeout = 0;
    let mut seen_fallback = 0;
    for order in orders {
        let names: Vec<String> = order.iter().map(|k| format!("\"{}\"", k.name())).collect();
        let s = flaky(&format!("[{}]", names.join(", ")), "");
        let all = traces(&s, 0, TraceFrom::Time(Dur::from_secs(5).0), 40);
        assert_eq!(all.len(), 40, "{order:?}");
        for t in &all {
            let ctx = format!("{order:?} call #{}: {:#?}", t.index, t.steps);
            assert!(t.steps.windows(2).all(|w| w[0].at <= w[1].at), "{ctx}");
            let last = t.steps.last().unwrap();
            let Step::Finished {
                outcome,
                fallback,
                latency,
            } = last.step
            else {
                panic!("last step is not the answer: {ctx}");
            };
            assert_eq!(t.outcome, Some(outcome), "{ctx}");
            assert_eq!(t.fallback, fallback, "{ctx}");
            assert_eq!(Dur(t.finished.unwrap() - t.arrived), latency, "{ctx}");
            assert_eq!(fallback, outcome == Outcome::TimedOut, "{ctx}");
            let started: Vec<u32> = steps_of(t)
                .filter_map(|s| match s {
                    Step::Attempt { n } => Some(*n),
                    _ => None,
                })
                .collect();
            let ended: Vec<u32> = steps_of(t)
                .filter_map(|s| match s {
                    Step::AttemptEnded { n, .. } => Some(*n),
                    _ => None,
                })
                .collect();
            assert_eq!(
                started,
                (1..=started.len() as u32).collect::<Vec<_>>(),
                "{ctx}"
            );
            // An attempt cut by an outer timeout (or rejected outside the
            // retry layer) may have no end; never more ends than starts.
            assert!(
                ended.len() <= started.len() && ended.len() + 1 >= started.len(),
                "{ctx}"
            );
            assert!(started.len() <= 3, "{ctx}");
            for (i, st) in t.steps.iter().enumerate() {
                if let Step::Backoff { wait, next } = st.step {
                    let woke = t.steps[i + 1..]
                        .iter()
                        .find(|s| !matches!(s.step, Step::BreakerRecorded { .. }))
                        .expect("something follows a backoff");
                    if let Step::Attempt { n } = woke.step {
                        assert_eq!((n, woke.at - st.at), (next, wait.0), "{ctx}");
                    } else {
                        // Only an outer timeout can end a backoff early.
                        assert!(matches!(woke.step, Step::TimeoutFired { .. }), "{ctx}");
                    }
                }
                if let Step::TimeoutFired { after } = st.step {
                    seen_timeout += 1;
                    assert_eq!(after, Dur::from_millis(250), "{ctx}");
                }
            }
            seen_fallback += usize::from(fallback);
        }
    }
    assert!(
        seen_timeout > 20 && seen_fallback > 10,
        "{seen_timeout} {seen_fallback}"
    );
}

/// A short-circuited call, a bulkhead that makes callers wait, a caller
/// pool that makes them queue: each shows in the story with its wait.
#[test]
fn waits_at_the_bulkhead_and_the_callers_pool_are_measured() {
    let s = flaky(DEFAULT_ORDER, "[client]\nthreads = 2\nqueue = 100\n");
    let all = traces(&s, 0, TraceFrom::Time(0), 200);
    let granted: Vec<Dur> = all
        .iter()
        .flat_map(|t| t.steps.iter())
        .filter_map(|s| match s.step {
            Step::CallerGranted { waited } => Some(waited),
            _ => None,
        })
        .collect();
    assert!(
        granted.iter().any(|w| w.0 > 0),
        "some callers waited: {granted:?}"
    );
    for t in &all {
        let queued = t
            .steps
            .iter()
            .position(|s| matches!(s.step, Step::CallerQueued { .. }));
        let got = t
            .steps
            .iter()
            .position(|s| matches!(s.step, Step::CallerGranted { .. }));
        if let (Some(q), Some(g)) = (queued, got) {
            let Step::CallerGranted { waited } = t.steps[g].step else {
                unreachable!()
            };
            assert_eq!(waited.0, t.steps[g].at - t.steps[q].at);
        }
    }
    let s = flaky(DEFAULT_ORDER, "[services.bulkhead]\nmax_concurrent = 1\n");
    let all = traces(&s, 0, TraceFrom::Time(0), 200);
    let waited = all
        .iter()
        .flat_map(|t| t.steps.iter())
        .filter(|s| {
            matches!(
                s.step,
                Step::BulkheadAdmitted { .. } | Step::BulkheadRejected { waited: Some(_) }
            )
        })
        .count();
    assert!(waited > 0, "a bulkhead of 1 makes some calls wait");
}

fn summary_and_ticks(
    s: &Scenario,
    trace: Option<TraceRequest>,
) -> (serde_json::Value, Vec<String>) {
    let mut sim = Simulation::new(s);
    if let Some(r) = trace {
        sim.trace(r);
    }
    let mut ticks = Vec::new();
    sim.run(&mut |t| ticks.push(format!("{t:?}")));
    let traced = sim.take_traces(true).len();
    if let Some(r) = trace {
        assert!(traced > 0 && traced <= r.calls as usize);
    }
    (json::to_json(&Summary::of(&sim, &s.name, 0.0)), ticks)
}

/// Recording never changes a number: the same summary and the same ticks,
/// traced or not.
#[test]
fn tracing_changes_no_result() {
    for name in [
        "seed-lesson",
        "retry-storm",
        "bulkhead-isolation",
        "timeout-fallback",
    ] {
        let s = builtin(name);
        let plain = summary_and_ticks(&s, None);
        for service in 0..s.world.services.len() {
            let traced = summary_and_ticks(
                &s,
                Some(TraceRequest {
                    service,
                    from: TraceFrom::Time(Dur::from_secs(30).0),
                    calls: 500,
                }),
            );
            assert!(
                plain == traced,
                "{name}: tracing service {service} changed a result"
            );
        }
    }
}

/// A copy of a running world, run ahead, leaves the original untouched and
/// sees the same future as the original when it gets there.
#[test]
fn a_copy_run_ahead_sees_the_future_of_the_original() {
    let s = builtin("seed-lesson");
    let mut sim = Simulation::new(&s);
    sim.advance_to(Dur::from_secs(70).0, &mut |_| {});
    let mut ahead = sim.clone();
    let index_from = TraceFrom::Time(sim.now());
    ahead.trace(TraceRequest {
        service: 2,
        from: index_from,
        calls: 3,
    });
    while !ahead.traces_complete() {
        ahead.advance_within(ahead.end(), 10_000, &mut |_| {});
    }
    let seen = ahead.take_traces(false);
    assert_eq!(sim.now(), Dur::from_secs(70).0);
    sim.trace(TraceRequest {
        service: 2,
        from: index_from,
        calls: 3,
    });
    while !sim.traces_complete() {
        sim.advance_within(sim.end(), 10_000, &mut |_| {});
    }
    assert_eq!(sim.take_traces(false), seen);
}

#[test]
fn trace_json_has_the_contract_shape() {
    let out = bw_ok(&[
        "trace",
        "seed-lesson",
        "--service",
        "payment",
        "--at",
        "60s",
        "--calls",
        "2",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["service"], "payment");
    assert_eq!(v["at_ms"], 60000.0);
    assert!(v["seed"].is_u64() && v["scenario"].is_string());
    let calls = v["calls"].as_array().unwrap();
    assert_eq!(calls.len(), 2);
    for c in calls {
        for k in [
            "index",
            "arrived_ms",
            "layers",
            "outcome",
            "finished_ms",
            "latency_ms",
            "fallback",
            "answer",
            "steps",
        ] {
            assert!(c.get(k).is_some(), "call has `{k}`: {c}");
        }
        assert!(c["arrived_ms"].as_f64().unwrap() >= 60000.0);
        let steps = c["steps"].as_array().unwrap();
        assert_eq!(steps[0]["kind"], "arrived");
        assert_eq!(steps.last().unwrap()["kind"], "finished");
        assert!(steps.iter().all(|s| s["at_ms"].is_number()));
    }
    // Two consecutive calls, in order.
    let i0 = calls[0]["index"].as_u64().unwrap();
    assert_eq!(calls[1]["index"].as_u64().unwrap(), i0 + 1);
}

#[test]
fn trace_text_tells_the_story_and_bad_flags_are_named() {
    let out = bw_ok(&["trace", "seed-lesson", "--service", "payment", "--at", "0s"]);
    assert!(out.contains("payment · call #0"), "{out}");
    assert!(
        out.contains("answer:") || out.contains("Fallback answers"),
        "{out}"
    );
    for (args, needle) in [
        (vec!["--at", "1s"], "--service"),
        (vec!["--service", "pago", "--at", "1s"], "--service pago"),
        (vec!["--service", "payment", "--at", "1h"], "--at 1h"),
        (
            vec!["--service", "payment", "--at", "1s", "--calls", "0"],
            "--calls",
        ),
    ] {
        let mut a = vec!["trace", "seed-lesson"];
        a.extend(args);
        let (code, _, err) = bw(&a);
        assert_eq!(code, 2, "{a:?}: {err}");
        assert!(err.contains(needle), "{a:?}: {err}");
    }
}
