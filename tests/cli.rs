//! The command line as a user meets it.

mod common;

use common::bw;

#[test]
fn list_shows_every_builtin_with_its_description_and_sides() {
    let (code, out, _) = bw(&["list"]);
    assert_eq!(code, 0);
    for (name, text) in breakwater::scenario::builtin::BUILTINS {
        let s = breakwater::scenario::parse_scenario(name, text.as_bytes()).unwrap();
        let line = out
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("{name} listed"));
        assert!(line.contains(s.description.get()), "{line}");
        // A comparison's two sides follow on the next line, as in the README's table.
        let next = out.lines().skip_while(|l| !l.starts_with(name)).nth(1);
        if let Some(v) = &s.variants {
            let next = next.expect("the sides");
            for label in [&v.a.label, &v.b.label] {
                assert!(next.contains(label.as_deref().unwrap()), "{next}");
            }
        }
    }
    let comparisons = breakwater::scenario::builtin::BUILTINS
        .iter()
        .filter(|(n, t)| {
            breakwater::scenario::parse_scenario(n, t.as_bytes())
                .unwrap()
                .variants
                .is_some()
        })
        .count();
    assert_eq!(
        out.lines().count(),
        breakwater::scenario::builtin::BUILTINS.len() + comparisons
    );
}

#[test]
fn run_prints_a_table_per_service() {
    let (code, out, err) = bw(&["run", "seed-lesson", "--duration", "30s"]);
    assert_eq!(code, 0, "{err}");
    for svc in ["user", "order", "payment"] {
        assert!(out.lines().any(|l| l.starts_with(svc)), "{out}");
    }
    assert!(out.contains("30.0 s simulated"), "{out}");
}

#[test]
fn json_has_the_contracts_keys() {
    let (code, out, _) = bw(&[
        "run",
        "seed-lesson",
        "--json",
        "--duration",
        "20s",
        "--seed",
        "3",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["seed"], 3);
    assert_eq!(v["sim_seconds"], 20.0);
    for k in ["scenario", "wall_seconds", "totals", "services"] {
        assert!(v.get(k).is_some(), "{k}");
    }
    let p = &v["services"]["payment"];
    for k in [
        "calls",
        "ok",
        "failed",
        "timed_out",
        "short_circuited",
        "bulkhead_rejected",
        "fallbacks",
        "attempts",
        "retries",
    ] {
        assert!(p[k].is_u64(), "{k}");
    }
    for k in ["mean", "p50", "p90", "p99", "max"] {
        assert!(p["latency_ms"][k].is_number(), "latency_ms.{k}");
    }
    for (o, k) in [
        ("breaker", "opened"),
        ("breaker", "open_seconds"),
        ("breaker", "final_state"),
        ("bulkhead", "peak_in_use"),
    ] {
        assert!(p[o].get(k).is_some(), "{o}.{k}");
    }
    for k in [
        "attempts",
        "refused",
        "utilization",
        "mean_queue_wait_ms",
        "waited_fraction",
    ] {
        assert!(p["downstream"][k].is_number(), "downstream.{k}");
    }
    // Nothing is lost: calls = final outcomes + in flight.
    let t = &v["totals"];
    let finals: u64 = common::OUTCOMES
        .iter()
        .map(|k| t[k].as_u64().unwrap())
        .sum();
    assert_eq!(
        t["calls"].as_u64().unwrap(),
        finals + t["in_flight"].as_u64().unwrap()
    );
}

#[test]
fn unknown_scenario_names_suggest_the_nearest_builtin() {
    let (code, _, err) = bw(&["run", "retry-strom"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `retry-storm`"), "{err}");
}

#[test]
fn check_accepts_every_builtin() {
    for name in breakwater::scenario::builtin::names() {
        let (code, out, err) = bw(&["check", name]);
        assert_eq!(code, 0, "{name}: {err}");
        assert!(out.contains("ok"), "{out}");
    }
}

#[test]
fn a_duration_override_is_held_to_the_same_limit_as_the_file() {
    let bench = common::root().join("benches/mmc-80.toml");
    let (code, out, err) = bw(&["run", bench.to_str().unwrap(), "--duration", "7d"]);
    assert_eq!(code, 2, "{out}");
    assert!(err.contains("at most 2000000000"), "{err}");
}

/// `--quiet` is taken by every command that can take a while, and changes
/// nothing but stderr's progress: stdout is the same with and without it.
/// A run this short (and stderr not a terminal) shows no progress anyway.
/// Short runs of the commands that may take long (`plot` aside: it needs
/// an output path).
const LONG_COMMANDS: [&[&str]; 4] = [
    &["run", "seed-lesson", "--duration", "20s", "--json"],
    &["compare", "retry-storm", "--duration", "20s", "--json"],
    &["trace", "seed-lesson", "--at", "5s", "--service", "payment"],
    &[
        "sweep",
        "seed-lesson",
        "--vary",
        "load.rate=20,40",
        "--duration",
        "10s",
        "--json",
    ],
];

/// Output without its lines of wall time (the only bytes a run may change).
fn without_wall(s: &str) -> String {
    s.lines()
        .filter(|l| !l.contains("wall"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn quiet_is_taken_by_the_long_commands_and_changes_nothing_on_stdout() {
    let dir = common::temp_dir("quiet");
    let svg = dir.join("q.svg");
    let svg = svg.to_str().unwrap();
    let plot: &[&str] = &["plot", "seed-lesson", "--duration", "10s", "-o", svg];
    for args in LONG_COMMANDS.iter().copied().chain([plot]) {
        let (code, out, err) = bw(args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert_eq!(err, "", "{args:?}: a short run says no progress");
        let quiet: Vec<&str> = args.iter().copied().chain(["--quiet"]).collect();
        let (code, out_quiet, err) = bw(&quiet);
        assert_eq!(code, 0, "{quiet:?}: {err}");
        assert_eq!(err, "", "{quiet:?}");
        assert_eq!(without_wall(&out), without_wall(&out_quiet), "{quiet:?}");
    }
    // The dashboard and the quick commands have no progress to silence.
    for args in [
        &["list", "--quiet"][..],
        &["check", "seed-lesson", "--quiet"],
    ] {
        let (code, _, err) = bw(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains("--quiet"), "{err}");
    }
}

/// `--progress` (issue 26): taken by the same commands, it changes nothing
/// on stdout either; with `--quiet` it is refused, naming both.
#[test]
fn progress_is_taken_by_the_long_commands_and_changes_nothing_on_stdout() {
    for args in LONG_COMMANDS {
        let (code, out, err) = bw(args);
        assert_eq!(code, 0, "{args:?}: {err}");
        let asked: Vec<&str> = args.iter().copied().chain(["--progress"]).collect();
        let (code, out_asked, err) = bw(&asked);
        assert_eq!(code, 0, "{asked:?}: {err}");
        assert_eq!(without_wall(&out), without_wall(&out_asked), "{asked:?}");
        let both: Vec<&str> = asked.iter().copied().chain(["--quiet"]).collect();
        let (code, _, err) = bw(&both);
        assert_eq!(code, 2, "{both:?}");
        assert!(
            err.contains("--progress") && err.contains("--quiet"),
            "{err}"
        );
    }
}
