//! Tracing what the lesson talks about: `breakwater trace --where KIND`,
//! `--call N`, and `Simulation::trace_where`. What could fail: a kept call
//! that is not of the kind, a call of the kind skipped (the filtered trace
//! must give the first matches, the ones an unfiltered trace would show),
//! calls out of index order, the look-ahead not stopping or not saying so,
//! and a filtered trace changing a result.

mod common;
use breakwater::base::time::{Dur, NANOS_PER_SEC};
use breakwater::base::Outcome;
use breakwater::report::json;
use breakwater::report::Summary;
use breakwater::scenario::variants::Side;
use breakwater::scenario::Scenario;
use breakwater::sim::trace::{CallTrace, TraceFrom, TraceRequest, Where, LOOK_AHEAD};
use breakwater::sim::Simulation;
use common::*;
use serde_json::Value;

const S: u64 = NANOS_PER_SEC;

/// For each kind, a built-in (and side) where it occurs, and the service.
const WHERE_IT_OCCURS: [(&str, &str, Option<Side>, &str); 10] = [
    ("retried", "seed-lesson", None, "payment"),
    ("cut", "seed-lesson", None, "payment"),
    ("timed_out", "seed-lesson", None, "payment"),
    ("fallback", "seed-lesson", None, "payment"),
    ("short_circuited", "seed-lesson", None, "payment"),
    ("bulkhead_rejected", "seed-lesson", None, "payment"),
    (
        "client_rejected",
        "bulkhead-isolation",
        Some(Side::A),
        "user",
    ),
    ("hedged", "hedging", Some(Side::B), "search"),
    ("failed", "seed-lesson", None, "payment"),
    ("ok", "seed-lesson", None, "order"),
];

fn side_of(name: &str, side: Option<Side>) -> Scenario {
    let s = builtin(name);
    match side {
        Some(side) => s.side(side),
        None => s,
    }
}

fn service_index(s: &Scenario, name: &str) -> usize {
    s.world
        .services
        .iter()
        .position(|x| x.name == name)
        .unwrap()
}

/// Whether a call's JSON is of the kind, read from the JSON alone (not
/// from `Where::matches`, which the command uses).
fn json_is(kind: &str, call: &Value) -> bool {
    let steps = call["steps"].as_array().unwrap();
    let any = |pred: &dyn Fn(&Value) -> bool| steps.iter().any(pred);
    match kind {
        "retried" => any(&|s| s["kind"] == "attempt" && s["attempt"].as_u64() > Some(1)),
        "cut" => any(&|s| s["kind"] == "timeout_fired"),
        "hedged" => any(&|s| s["kind"] == "hedge_sent" || s.get("fork").is_some()),
        "fallback" => call["fallback"] == true,
        outcome => call["outcome"] == outcome,
    }
}

/// Every kind, on a built-in where it occurs: each call kept is of the
/// kind, in index order, from the start point on.
#[test]
fn every_where_kind_keeps_only_calls_of_that_kind_in_index_order() {
    for (kind, name, side, service) in WHERE_IT_OCCURS {
        let mut args = vec!["trace", name, "--service", service, "--at", "1s"];
        args.extend(["--where", kind, "--calls", "3", "--json"]);
        let side_flag = side.map(|s| if s == Side::A { "a" } else { "b" });
        if let Some(f) = side_flag {
            args.extend(["--variant", f]);
        }
        let v: Value = serde_json::from_str(&bw_ok(&args)).unwrap();
        assert_eq!(v["where"], kind);
        let calls = v["calls"].as_array().unwrap();
        assert_eq!(calls.len(), 3, "{kind} in {name}: {calls:?}");
        for c in calls {
            assert!(json_is(kind, c), "{kind} in {name}: call {}", c["index"]);
            assert!(c["arrived_ms"].as_f64().unwrap() >= 1000.0);
        }
        let idx: Vec<u64> = calls.iter().map(|c| c["index"].as_u64().unwrap()).collect();
        assert!(idx.windows(2).all(|w| w[0] < w[1]), "{kind}: {idx:?}");
    }
}

/// The filtered trace finds the same calls an unfiltered trace of every
/// call shows first for the kind: none skipped, none out of order.
#[test]
fn a_filtered_trace_gives_the_first_matches_of_an_unfiltered_one() {
    for (kind, name, side, service) in WHERE_IT_OCCURS {
        let s = side_of(name, side);
        let service = service_index(&s, service);
        let kind = Where::from_name(kind).unwrap();
        let from = TraceFrom::Time(S);
        let request = TraceRequest {
            service,
            from,
            calls: 4,
        };
        let mut sim = Simulation::new(&s);
        sim.trace_where(request, kind, LOOK_AHEAD);
        let found = run_trace(&mut sim);
        assert_eq!(found.len(), 4, "{}", kind.name());
        let last = found.last().unwrap().index;
        // Every call from the start up to the last found, unfiltered.
        let every = unfiltered_up_to(&s, service, from, last);
        let expected: Vec<&CallTrace> = every.iter().filter(|t| kind.matches(t)).collect();
        let expected: Vec<u64> = expected.iter().take(4).map(|t| t.index).collect();
        let got: Vec<u64> = found.iter().map(|t| t.index).collect();
        assert_eq!(got, expected, "{}", kind.name());
        for t in &found {
            assert!(kind.matches(t));
        }
    }
}

/// Every call of `service` from `from` up to index `last`, finished.
fn unfiltered_up_to(s: &Scenario, service: usize, from: TraceFrom, last: u64) -> Vec<CallTrace> {
    let traced = |from, calls| {
        let mut sim = Simulation::new(s);
        sim.trace(TraceRequest {
            service,
            from,
            calls,
        });
        run_trace(&mut sim)
    };
    let first = traced(from, 1)[0].index;
    let every = traced(TraceFrom::Index(first), (last - first + 1) as u32);
    assert_eq!(every.len() as u64, last - first + 1);
    assert!(every.iter().all(|t| t.outcome.is_some()));
    every
}

/// A calm half hour: one service, 5 calls/s, failing 2 calls in 1000.
const CALM: &str = r#"
name = "calm"
seed = 3
duration = "30m"
[load]
kind = "poisson"
rate = 5
[[services]]
name = "api"
workers = 8
queue = 100
latency = "20ms"
failure_rate = 0.002
"#;

/// `trace --at 63s --calls 3` listed #378, #379, #377: calls come in index
/// order, in text and in JSON.
#[test]
fn calls_are_listed_in_index_order() {
    let args = [
        "trace",
        "seed-lesson",
        "--service",
        "payment",
        "--at",
        "63s",
    ];
    let json = bw_ok(&[&args[..], &["--calls", "3", "--json"]].concat());
    let v: Value = serde_json::from_str(&json).unwrap();
    let idx: Vec<u64> = v["calls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["index"].as_u64().unwrap())
        .collect();
    assert_eq!(idx, [377, 378, 379]);
    let text = bw_ok(&[&args[..], &["--calls", "3"]].concat());
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle}: {text}"))
    };
    assert!(at("call #377 ·") < at("call #378 ·") && at("call #378 ·") < at("call #379 ·"));
}

/// `--call N` follows call #N (and the next ones with `--calls`), in place
/// of `--at`; with `--where`, the matches from #N on.
#[test]
fn call_n_gives_call_n() {
    let base = ["trace", "seed-lesson", "--service", "payment"];
    let v: Value = serde_json::from_str(&bw_ok(
        &[&base[..], &["--call", "126", "--calls", "3", "--json"]].concat(),
    ))
    .unwrap();
    let calls = v["calls"].as_array().unwrap();
    let idx: Vec<u64> = calls.iter().map(|c| c["index"].as_u64().unwrap()).collect();
    assert_eq!(idx, [126, 127, 128]);
    assert_eq!(v["from_call"], 126);
    assert_eq!(v["at_ms"], calls[0]["arrived_ms"]);
    // The README's call #126: waits of 1 s, then 2 s.
    let waits: Vec<f64> = calls[0]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == "backoff")
        .map(|s| s["wait_ms"].as_f64().unwrap())
        .collect();
    assert_eq!(waits, [1000.0, 2000.0]);
    let text = bw_ok(&[&base[..], &["--call", "126"]].concat());
    assert!(text.contains("from call #126"), "{text}");
    assert!(text.contains("payment · call #126 ·"), "{text}");
    assert!(!text.contains("call #127 ·"), "{text}");
    // With --where: the first matches from #126 on (#126 itself is retried).
    let v: Value = serde_json::from_str(&bw_ok(
        &[
            &base[..],
            &[
                "--call", "126", "--where", "retried", "--calls", "2", "--json",
            ],
        ]
        .concat(),
    ))
    .unwrap();
    let calls = v["calls"].as_array().unwrap();
    assert_eq!(calls[0]["index"], 126);
    assert!(calls.iter().all(|c| json_is("retried", c)));
}

/// Bad combinations are named, exit 2.
#[test]
fn bad_trace_flags_are_named() {
    for (args, needle) in [
        (vec!["--at", "1s", "--call", "3"], "--call"),
        (vec![], "--at"),
        (vec!["--at", "1s", "--where", "slow"], "--where"),
        (vec!["--call", "x"], "a call's index"),
    ] {
        let mut a = vec!["trace", "seed-lesson", "--service", "payment"];
        a.extend(args);
        let (code, _, err) = bw(&a);
        assert_eq!(code, 2, "{a:?}: {err}");
        assert!(err.contains(needle), "{a:?}: {err}");
    }
    let (_, _, err) = bw(&["trace", "seed-lesson", "--at", "1s", "--where", "x"]);
    assert!(
        err.contains("retried") && err.contains("bulkhead_rejected"),
        "{err}"
    );
}

/// None found: said on stderr (in the reader's language), nothing on
/// stdout, exit 1, naming why the search stopped: its 10 minutes, or the end.
#[test]
fn none_found_is_said_and_exits_1() {
    let dir = temp_dir("trace-where");
    let file = dir.join("calm.toml");
    std::fs::write(&file, CALM.replace("failure_rate = 0.002", "")).unwrap();
    let file = file.to_str().unwrap();
    let (code, out, err) = bw(&["trace", file, "--at", "60s", "--where", "failed"]);
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains("no call of api failed from 01:00.0 to 11:00.0"),
        "{err}"
    );
    assert!(err.contains("10 min"), "{err}");
    let (code, _, err) = bw(&[
        "trace", file, "--at", "60s", "--where", "failed", "--lang", "es",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("ninguna llamada de api fallida"), "{err}");
    assert!(err.contains("10 min"), "{err}");
    // The end comes first.
    let (code, out, err) = bw(&[
        "trace",
        "seed-lesson",
        "--service",
        "user",
        "--at",
        "0s",
        "--where",
        "client_rejected",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("to the end (5m)"), "{err}");
}

/// Fewer than asked, at least one: exit 0, the calls on stdout, why fewer on stderr.
#[test]
fn fewer_found_is_said_on_stderr_and_exits_0() {
    let dir = temp_dir("trace-where");
    let file = dir.join("calm.toml");
    std::fs::write(&file, CALM).unwrap();
    let file = file.to_str().unwrap();
    let (code, out, err) = bw(&[
        "trace", file, "--at", "60s", "--where", "failed", "--calls", "100", "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let calls = v["calls"].as_array().unwrap();
    assert!(!calls.is_empty() && calls.len() < 100, "{}", calls.len());
    assert!(calls.iter().all(|c| c["outcome"] == "failed"));
    assert!(calls.iter().all(|c| {
        let t = c["arrived_ms"].as_f64().unwrap();
        (60_000.0..=660_000.0).contains(&t)
    }));
    assert_eq!(v["look_ahead_reached"], true);
    assert_eq!(v["look_ahead_ms"], 600_000.0);
    let needle = format!("found {} of 100 (failed)", calls.len());
    assert!(err.contains(&needle) && err.contains("at 11:00.0"), "{err}");
}

/// The look-ahead stops the run: a filtered trace that finds nothing ends
/// soon after its 10 minutes, long before the scenario's end.
#[test]
fn the_look_ahead_stops_the_run() {
    let s = scenario(&CALM.replace("failure_rate = 0.002", ""));
    let mut sim = Simulation::new(&s);
    let request = TraceRequest {
        service: 0,
        from: TraceFrom::Time(60 * S),
        calls: 1,
    };
    sim.trace_where(request, Where::Ended(Outcome::Failed), LOOK_AHEAD);
    while !sim.traces_complete() && !sim.is_finished() {
        sim.advance_within(sim.end(), 100, &mut |_| {});
    }
    let found = sim.take_traces(true);
    assert!(found.is_empty());
    assert!(sim.trace_window_closed());
    assert_eq!(sim.trace_start(), Some(60 * S));
    assert!(!sim.is_finished());
    assert!(sim.now() < 680 * S, "{}", sim.now());
    assert!(sim.now() > 660 * S);
}

/// A filtered trace changes no result: the same summary and ticks.
#[test]
fn a_filtered_trace_changes_no_result() {
    let s = builtin("seed-lesson");
    let plain = summary_and_ticks(&s, None);
    for kind in [
        Where::Retried,
        Where::Ended(Outcome::ShortCircuited),
        Where::Cut,
    ] {
        let request = TraceRequest {
            service: 2,
            from: TraceFrom::Time(30 * S),
            calls: 1000,
        };
        let traced = summary_and_ticks(&s, Some((request, kind)));
        assert!(plain == traced, "{}: tracing changed a result", kind.name());
    }
}

fn summary_and_ticks(
    s: &Scenario,
    trace: Option<(TraceRequest, Where)>,
) -> (serde_json::Value, Vec<String>) {
    let mut sim = Simulation::new(s);
    if let Some((r, kind)) = trace {
        sim.trace_where(r, kind, Dur::from_secs(3600));
    }
    let mut ticks = Vec::new();
    sim.run(&mut |t| ticks.push(format!("{t:?}")));
    let traced = sim.take_traces(true);
    if let Some((_, kind)) = trace {
        assert!(!traced.is_empty());
        assert!(traced.iter().all(|t| kind.matches(t)));
    }
    (json::to_json(&Summary::of(&sim, &s.name, 0.0)), ticks)
}

/// A filtered trace holds only the calls in flight (and the matches): over
/// seed-lesson's whole run, a kind that never occurs keeps at most a few
/// dozen stories at a time while it looks at every call of payment.
#[test]
fn a_filtered_trace_holds_only_the_calls_in_flight() {
    let s = builtin("seed-lesson");
    let mut sim = Simulation::new(&s);
    let request = TraceRequest {
        service: 2,
        from: TraceFrom::Time(0),
        calls: 1,
    };
    sim.trace_where(request, Where::Ended(Outcome::ClientRejected), LOOK_AHEAD);
    let (mut most, mut steps) = (0, 0);
    while !sim.traces_complete() && !sim.is_finished() {
        sim.advance_within(sim.end(), 50, &mut |_| {});
        most = most.max(sim.traces_in_flight());
        steps += 1;
    }
    assert!(sim.is_finished() && sim.take_traces(true).is_empty());
    assert!(steps > 100, "{steps}");
    // Payment's calls in flight: its bulkhead's 5, the callers' 20 at most.
    assert!((1..=25).contains(&most), "{most} stories held at once");
}
