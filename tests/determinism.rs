//! Determinism: the same file and seed give the same bytes, from the real
//! binary; another seed gives other numbers; one service's parameters do not
//! disturb another service's arrivals; and a golden summary pins the numbers
//! of one small scenario (`UPDATE_GOLDEN=1` rewrites it).

mod common;

use common::bw_ok;
use serde_json::Value;
use std::path::PathBuf;

fn golden_dir() -> PathBuf {
    common::root().join("tests/golden")
}

/// `run --json` output without its one wall-clock line.
fn without_wall(json: &str) -> String {
    let kept: Vec<&str> = json
        .lines()
        .filter(|l| !l.trim_start().starts_with("\"wall_seconds\""))
        .collect();
    assert_eq!(
        kept.len() + 1,
        json.lines().count(),
        "exactly one wall_seconds line"
    );
    kept.join("\n") + "\n"
}

fn run_json(scenario: &str, extra: &[&str]) -> (String, Value) {
    let mut args = vec!["run", scenario, "--json"];
    args.extend_from_slice(extra);
    let text = without_wall(&bw_ok(&args));
    let value: Value = serde_json::from_str(&text).expect("valid JSON");
    (text, value)
}

#[test]
fn same_seed_same_bytes_json_and_csv() {
    let small = golden_dir().join("small.toml");
    let small = small.to_str().unwrap();
    for (scenario, extra) in [
        (small, vec![]),
        ("seed-lesson", vec!["--duration", "4m", "--seed", "99"]),
    ] {
        let tag = scenario.rsplit('/').next().unwrap();
        let dir = common::temp_dir("determinism");
        let (csv_a, csv_b) = (
            dir.join(format!("{tag}-a.csv")),
            dir.join(format!("{tag}-b.csv")),
        );
        let mut args_a = extra.clone();
        args_a.extend(["--timeseries", csv_a.to_str().unwrap()]);
        let mut args_b = extra.clone();
        args_b.extend(["--timeseries", csv_b.to_str().unwrap()]);
        let (json_a, value) = run_json(scenario, &args_a);
        let (json_b, _) = run_json(scenario, &args_b);
        assert_eq!(json_a, json_b, "{scenario}: JSON differs between runs");
        let a = std::fs::read(&csv_a).unwrap();
        let b = std::fs::read(&csv_b).unwrap();
        assert!(a == b, "{scenario}: CSV differs between runs");
        // Something was simulated and written.
        assert!(value["totals"]["calls"].as_u64().unwrap() > 1000, "{value}");
        let rows = String::from_utf8(a).unwrap().lines().count();
        assert!(rows > 100, "{scenario}: only {rows} CSV lines");
    }
}

#[test]
fn seed_flag_overrides_and_changes_numbers() {
    let small = golden_dir().join("small.toml");
    let small = small.to_str().unwrap();
    let (_, base) = run_json(small, &[]);
    let (_, same) = run_json(small, &["--seed", "42"]);
    let (_, other) = run_json(small, &["--seed", "43"]);
    assert_eq!(base["seed"], 42);
    assert_eq!(other["seed"], 43);
    assert_eq!(base, same, "--seed 42 is the file's own seed");
    let differs = |path: &[&str]| {
        let get = |v: &Value| path.iter().fold(v.clone(), |v, k| v[*k].clone());
        get(&base) != get(&other)
    };
    assert!(differs(&["totals", "calls"]), "arrivals should change");
    assert!(differs(&["services", "user", "latency_ms", "mean"]));
    assert!(differs(&[
        "services",
        "payment",
        "downstream",
        "utilization"
    ]));
}

/// Per-tick arrivals (`calls`) of service `name`.
fn arrivals(toml: &str, name: &str) -> Vec<u64> {
    let s = common::scenario(toml);
    let i = s.world.service_index(name).expect("service");
    let mut out = Vec::new();
    common::run_each(&s, |t| out.push(t.services[i].counts.calls));
    out
}

const TWO_SERVICES: &str = r#"
name = "isolation"
seed = 3
duration = "2m"

[load]
kind = "poisson"
rate = 200

[[services]]
name = "user"
share = 0.5
workers = 4
latency = { dist = "exponential", mean = "15ms" }

[[services]]
name = "payment"
share = 0.5
workers = 4
failure_rate = 0.01
latency = { dist = "exponential", mean = "15ms" }

[patterns.retry]
max_attempts = 3
backoff = "50ms"
[patterns.timeout]
per_attempt = "100ms"
"#;

#[test]
fn another_services_parameters_do_not_move_arrivals() {
    let base = arrivals(TWO_SERVICES, "user");
    assert_eq!(base.len(), 1200, "one tick per 100 ms");
    assert!(base.iter().sum::<u64>() > 10_000);

    // Payment slower and failing from the start.
    let changed_params = TWO_SERVICES.replace(
        "failure_rate = 0.01\nlatency = { dist = \"exponential\", mean = \"15ms\" }",
        "failure_rate = 0.5\nlatency = { dist = \"lognormal\", p50 = \"40ms\", p99 = \"2s\" }",
    );
    assert_ne!(changed_params, TWO_SERVICES);
    assert_eq!(base, arrivals(&changed_params, "user"));

    // Payment breaks and slows down in the middle of the run.
    let incident = format!(
        "{TWO_SERVICES}\n[[timeline]]\nat = \"30s\"\nset = {{ \"services.payment.failure_rate\" = 1.0, \"services.payment.latency_factor\" = 4.0, \"services.payment.workers\" = 1 }}\n\n[[timeline]]\nat = \"60s\"\nset = {{ \"patterns.retry.max_attempts\" = 5 }}\n"
    );
    let with_incident = arrivals(&incident, "user");
    assert_eq!(base.len(), with_incident.len());
    if let Some(t) = base.iter().zip(&with_incident).position(|(a, b)| a != b) {
        panic!(
            "user's arrivals differ from tick {t} ({:.1} s) after a change to payment",
            (t + 1) as f64 / 10.0
        );
    }

    // A change of shares does move the arrivals: the test can see a difference.
    let reshare = format!(
        "{TWO_SERVICES}\n[[timeline]]\nat = \"30s\"\nset = {{ \"services.payment.share\" = 1.5 }}\n"
    );
    let reshared = arrivals(&reshare, "user");
    assert_eq!(base[..299], reshared[..299]);
    let before: u64 = base[300..].iter().sum();
    let after: u64 = reshared[300..].iter().sum();
    assert!(
        (after as f64) < 0.6 * before as f64,
        "user's share fell from 1/2 to 1/4: {before} → {after}"
    );
}

#[test]
fn golden_summary() {
    let dir = golden_dir();
    let (text, _) = run_json(dir.join("small.toml").to_str().unwrap(), &[]);
    let golden = dir.join("small.json");
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::write(&golden, &text).expect("write golden");
        eprintln!("rewrote {}", golden.display());
        return;
    }
    let expected = std::fs::read_to_string(&golden)
        .expect("tests/golden/small.json (create it with UPDATE_GOLDEN=1)");
    if text != expected {
        let mut diff: Vec<String> = expected
            .lines()
            .zip(text.lines())
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .map(|(i, (a, b))| format!("line {}: expected {a}\n         got      {b}", i + 1))
            .collect();
        if expected.lines().count() != text.lines().count() {
            diff.push(format!(
                "{} lines expected, {} got",
                expected.lines().count(),
                text.lines().count()
            ));
        }
        panic!(
            "the golden summary changed (rerun with UPDATE_GOLDEN=1 if intended, and review the numbers):\n{}",
            diff.join("\n")
        );
    }
}
