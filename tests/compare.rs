//! `breakwater compare`: two variants of a world under the same load. The
//! sides meet the same luck (common random numbers), so what differs between
//! them is what the variant changed.

mod common;
use common::*;
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&bw_ok(args)).expect("JSON")
}

/// A side's run object without what may differ between two runs of the
/// same numbers (its label and the wall time).
fn numbers(side: &Value) -> Value {
    let mut v = side.clone();
    let m = v.as_object_mut().expect("object");
    m.remove("label");
    m.remove("wall_seconds");
    v
}

#[test]
fn a_scenario_compared_with_itself_gives_two_identical_sides() {
    for args in [
        ["compare", "seed-lesson", "--json"],
        ["compare", "retry-storm", "retry-storm"],
        ["compare", "bulkhead-isolation", "bulkhead-isolation"],
    ] {
        let mut args = args.to_vec();
        if !args.contains(&"--json") {
            args.push("--json");
        }
        let v = json(&args);
        assert_eq!(numbers(&v["a"]), numbers(&v["b"]), "{args:?}");
    }
}

#[test]
fn changing_only_a_pattern_keeps_the_arrivals_and_side_b_equals_run_with_set() {
    let set = "patterns.retry.max_attempts=1";
    let v = json(&["compare", "seed-lesson", "--json", "--set-b", set]);
    assert_eq!(v["a"]["totals"]["calls"], v["b"]["totals"]["calls"]);
    assert_ne!(numbers(&v["a"]), numbers(&v["b"]));
    let run: Value = serde_json::from_str(&bw_ok(&["run", "seed-lesson", "--json", "--set", set]))
        .expect("JSON");
    assert_eq!(numbers(&v["b"]), {
        let mut r = run.clone();
        r.as_object_mut().expect("object").remove("wall_seconds");
        r
    });
    assert_eq!(v["b"]["label"], "retry.max_attempts 1");
    assert_eq!(v["a"]["label"], "as written");
}

#[test]
fn changing_only_a_pattern_keeps_every_arrival_in_its_tick() {
    use breakwater::scenario::variants::Comparison;
    let mut cmp = Comparison::of_variants(&builtin("seed-lesson"));
    cmp.apply_sets(&[], &[], &["patterns.bulkhead.enabled=false".into()])
        .expect("valid");
    let calls = |s: &breakwater::scenario::Scenario| {
        let mut per_tick = Vec::new();
        run_each(s, |t| {
            per_tick.push(
                t.services
                    .iter()
                    .map(|x| x.counts.calls)
                    .collect::<Vec<_>>(),
            )
        });
        per_tick
    };
    let (a, b) = (calls(&cmp.a), calls(&cmp.b));
    assert!(a.len() > 1000);
    assert_eq!(a, b, "the same calls arrive in every tick on both sides");
}

#[test]
fn with_only_the_failure_coin_in_play_both_sides_fail_the_same_calls() {
    // Side B is twice as slow, so calls queue and finish at other times; the
    // load stops early so that every call finishes on both sides.
    let dir = temp_dir("coin");
    let file = dir.join("coin.toml");
    std::fs::write(
        &file,
        r#"
name = "coin"
seed = 3
duration = "130s"
[load]
rate = 200
[[services]]
name = "api"
workers = 40
queue = 100000
failure_rate = 0.3
latency = { dist = "exponential", mean = "50ms" }
[[timeline]]
at = "100s"
set = { "load.rate" = 0 }
[variants.b]
label = "twice as slow"
set = { "services.api.latency_factor" = 2.0 }
"#,
    )
    .expect("write");
    let v = json(&["compare", file.to_str().expect("utf-8"), "--json"]);
    let (a, b) = (&v["a"]["services"]["api"], &v["b"]["services"]["api"]);
    assert_eq!(a["in_flight"], 0);
    assert_eq!(b["in_flight"], 0);
    assert!(a["failed"].as_u64().expect("n") > 5000, "{a}");
    assert_eq!(a["failed"], b["failed"], "the same calls fail");
    assert_ne!(
        a["latency_ms"]["p50"], b["latency_ms"]["p50"],
        "yet B is slower"
    );
    assert_eq!(v["b"]["label"], "twice as slow");
}

#[test]
fn two_files_run_with_the_first_ones_seed_and_need_the_same_services() {
    let v = json(&["compare", "retry-storm", "retry-budget", "--json"]);
    assert_eq!(v["a"]["seed"], v["b"]["seed"]);
    assert_eq!(v["a"]["label"], "Retry storm");
    let (code, _, err) = bw(&["compare", "retry-storm", "seed-lesson", "--json"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("must have the same services") && err.contains("user, order, payment"),
        "{err}"
    );
}

#[test]
fn bad_comparisons_name_the_flag_or_the_place() {
    let (code, _, err) = bw(&[
        "compare",
        "seed-lesson",
        "--json",
        "--set-b",
        "services.pago.down=true",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--set-b services.pago.down=true: unknown service `pago`"),
        "{err}"
    );
    let (code, _, err) = bw(&[
        "compare",
        "seed-lesson",
        "--json",
        "--set-a",
        "load.rate=lots",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("--set-a load.rate=lots"), "{err}");
    let dir = temp_dir("variants");
    let file = dir.join("bad.toml");
    std::fs::write(
        &file,
        "name = \"v\"\nduration = \"10s\"\n[load]\nrate = 5\n[[services]]\nname = \"api\"\n[variants.b]\nset = { \"services.apl.down\" = true }\n",
    )
    .expect("write");
    let (code, _, err) = bw(&["check", file.to_str().expect("utf-8")]);
    assert_eq!(code, 2);
    assert!(
        err.contains("bad.toml:8:31:") && err.contains("unknown service `apl`"),
        "{err}"
    );
    let (code, _, err) = bw(&["run", "seed-lesson", "--variant", "b"]);
    assert_eq!(code, 2);
    assert!(err.contains("declares no [variants]"), "{err}");
}

#[test]
fn the_table_shows_both_sides_and_the_difference() {
    let out = bw_ok(&["compare", "retry-storm", "--no-tui"]);
    assert!(
        out.contains("A = naive retries") && out.contains("B = retry budget"),
        "{out}"
    );
    assert!(
        out.contains("goodput (ok calls/s)") && out.contains("Δ (B − A)"),
        "{out}"
    );
    assert!(out.contains("attempts per call"), "{out}");
}
