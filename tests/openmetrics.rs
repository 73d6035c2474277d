//! `--openmetrics FILE`: the run's metrics in the OpenMetrics text format,
//! stamped with virtual time on a fixed epoch. The last sample of every
//! counter equals what `run --json` reports; the same seed gives the same
//! bytes; writing it changes no result; families are never interleaved; a
//! file that cannot be written fails after the report is out, whole.

mod common;

use common::{bw, bw_ok, temp_dir, OUTCOMES};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};

/// The run's JSON without its wall time (the one field that may differ).
fn report(json: &str) -> Value {
    let mut v: Value = serde_json::from_str(json).unwrap();
    v.as_object_mut().unwrap().remove("wall_seconds");
    v
}

/// Each series' samples in file order: `name{labels}` → [(value, timestamp)].
fn samples(text: &str) -> BTreeMap<String, Vec<(String, String)>> {
    let mut m: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut parts = line.rsplitn(3, ' ');
        let ts = parts.next().unwrap().to_string();
        let value = parts.next().unwrap().to_string();
        let series = parts.next().unwrap().to_string();
        m.entry(series).or_default().push((value, ts));
    }
    m
}

fn last(m: &BTreeMap<String, Vec<(String, String)>>, series: &str) -> u64 {
    let (v, _) = m
        .get(series)
        .unwrap_or_else(|| panic!("no series {series}"))
        .last()
        .unwrap();
    v.parse().unwrap_or_else(|_| panic!("{series} = {v}"))
}

#[test]
fn the_last_sample_equals_the_json_report() {
    let dir = temp_dir("om-last");
    let path = dir.join("m.om");
    let p = path.to_str().unwrap();
    let log = dir.join("l.jsonl");
    let json = bw_ok(&[
        "run",
        "seed-lesson",
        "--json",
        "--duration",
        "3m",
        "--openmetrics",
        p,
        "--log",
        log.to_str().unwrap(),
    ]);
    let log: Vec<Value> = std::fs::read_to_string(&log)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let r = report(&json);
    let m = samples(&std::fs::read_to_string(&path).unwrap());
    let mut totals: BTreeMap<&str, u64> = BTreeMap::new();
    for (svc, s) in r["services"].as_object().unwrap() {
        let l =
            |family: &str, more: &str| last(&m, &format!("{family}{{service=\"{svc}\"{more}}}"));
        let mut finished = 0;
        for o in OUTCOMES {
            let n = l("breakwater_calls_total", &format!(",outcome=\"{o}\""));
            assert_eq!(n, s[o].as_u64().unwrap(), "{svc} {o}");
            *totals.entry(o).or_default() += n;
            finished += n;
        }
        let pairs = [
            ("breakwater_calls_arrived_total", "calls"),
            ("breakwater_fallbacks_total", "fallbacks"),
            ("breakwater_attempts_total", "attempts"),
            ("breakwater_retries_total", "retries"),
            ("breakwater_calls_in_flight", "in_flight"),
        ];
        for (family, key) in pairs {
            let n = l(family, "");
            assert_eq!(n, s[key].as_u64().unwrap(), "{svc} {key}");
            *totals.entry(key).or_default() += n;
        }
        assert_eq!(
            l("breakwater_downstream_attempts_total", ""),
            s["downstream"]["attempts"].as_u64().unwrap()
        );
        assert_eq!(
            l("breakwater_breaker_opened_total", ""),
            s["breaker"]["opened"].as_u64().unwrap()
        );
        // Polly's events: the report's retries and fallbacks, and the
        // breaker's transitions as the log tells them.
        let polly = |e: &str| {
            last(
                &m,
                &format!("resilience_polly_strategy_events_total{{event_name=\"{e}\",pipeline_name=\"{svc}\"}}"),
            )
        };
        assert_eq!(polly("OnRetry"), s["retries"].as_u64().unwrap(), "{svc}");
        assert_eq!(
            polly("OnFallback"),
            s["fallbacks"].as_u64().unwrap(),
            "{svc}"
        );
        assert_eq!(
            polly("OnCircuitOpened"),
            s["breaker"]["opened"].as_u64().unwrap()
        );
        let moves = |to: &str| {
            log.iter()
                .filter(|l| {
                    l["event"] == "breaker" && l["service"] == svc.as_str() && l["to"] == to
                })
                .count() as u64
        };
        assert_eq!(polly("OnCircuitClosed"), moves("closed"), "{svc}");
        assert_eq!(polly("OnCircuitHalfOpened"), moves("half_open"), "{svc}");
        // Conservation: calls = finished + in flight; the histogram counts
        // every finished call once.
        assert_eq!(
            l("breakwater_calls_arrived_total", ""),
            finished + l("breakwater_calls_in_flight", "")
        );
        assert_eq!(l("breakwater_call_latency_seconds_count", ""), finished);
        assert_eq!(
            l("breakwater_call_latency_seconds_bucket", ",le=\"+Inf\""),
            finished
        );
    }
    for (key, n) in totals {
        assert_eq!(n, r["totals"][key].as_u64().unwrap(), "totals {key}");
    }
    // The seed lesson's payment breaker opens: its resilience4j gauge says
    // OPEN at some sample, and exactly one state is 1 at every sample.
    let state = |s: &str| {
        &m[&format!("resilience4j_circuitbreaker_state{{name=\"payment\",state=\"{s}\"}}")]
    };
    assert!(state("open").iter().any(|(v, _)| v == "1"));
    let states = ["closed", "open", "half_open", "forced_open", "disabled"];
    for i in 0..state("closed").len() {
        let ones: u32 = states
            .iter()
            .map(|s| state(s)[i].0.parse::<u32>().unwrap())
            .sum();
        assert_eq!(ones, 1, "sample {i}");
    }
}

#[test]
fn same_seed_same_bytes_and_no_result_changes() {
    let dir = temp_dir("om-same");
    let (a, b, csv1, csv2) = (
        dir.join("a.om"),
        dir.join("b.om"),
        dir.join("1.csv"),
        dir.join("2.csv"),
    );
    let args = ["run", "retry-storm", "--json", "--duration", "90s"];
    let with = |om: &std::path::Path, csv: &std::path::Path| {
        let mut v = args.to_vec();
        v.extend([
            "--openmetrics",
            om.to_str().unwrap(),
            "--timeseries",
            csv.to_str().unwrap(),
        ]);
        bw_ok(&v)
    };
    let j1 = with(&a, &csv1);
    let j2 = with(&b, &csv2);
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    assert_eq!(report(&j1), report(&j2));
    // Without the flag: the same report and the same time series.
    let mut plain = args.to_vec();
    plain.extend(["--timeseries", csv2.to_str().unwrap()]);
    let j3 = bw_ok(&plain);
    assert_eq!(report(&j1), report(&j3));
    assert_eq!(std::fs::read(&csv1).unwrap(), std::fs::read(&csv2).unwrap());
    // In the reader's language or not, the file is the same.
    let mut es = args.to_vec();
    es.extend(["--openmetrics", b.to_str().unwrap(), "--lang", "es"]);
    bw_ok(&es);
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
}

#[test]
fn families_are_whole_and_each_series_moves_forward() {
    let dir = temp_dir("om-order");
    let path = dir.join("m.om");
    let p = path.to_str().unwrap();
    bw_ok(&[
        "run",
        "seed-lesson",
        "--duration",
        "60s",
        "--metrics-step",
        "1s",
        "--openmetrics",
        p,
    ]);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.ends_with("# EOF\n"));
    let mut seen = HashSet::new();
    let mut current = String::new();
    for line in text.lines().filter(|l| *l != "# EOF") {
        if let Some(rest) = line.strip_prefix("# TYPE ") {
            current = rest.split(' ').next().unwrap().to_string();
            assert!(seen.insert(current.clone()), "family {current} twice");
            continue;
        }
        if line.starts_with('#') {
            assert!(
                line.contains(&format!(" {current} ")),
                "{line} outside {current}"
            );
            continue;
        }
        assert!(line.starts_with(&current), "{line} inside family {current}");
    }
    let m = samples(&text);
    for (series, points) in &m {
        // 60 s in steps of 1 s, and the start.
        assert_eq!(points.len(), 61, "{series}");
        let ts: Vec<f64> = points.iter().map(|(_, t)| t.parse().unwrap()).collect();
        assert!(ts.windows(2).all(|w| w[0] < w[1]), "{series}");
        assert_eq!(ts[0], 1_735_689_600.0);
        assert_eq!(ts[60], 1_735_689_660.0);
    }
}

#[test]
fn a_comparison_labels_its_sides() {
    let dir = temp_dir("om-compare");
    let path = dir.join("c.om");
    let p = path.to_str().unwrap();
    bw_ok(&[
        "compare",
        "seed-lesson",
        "--no-tui",
        "--duration",
        "60s",
        "--metrics-step",
        "5s",
        "--openmetrics",
        p,
    ]);
    let m = samples(&std::fs::read_to_string(&path).unwrap());
    // A scenario compared with itself: both sides see the same luck.
    let mut sides = 0;
    for (series, points) in &m {
        if let Some(a) = series.strip_suffix(",side=\"a\"}") {
            let b = format!("{a},side=\"b\"}}");
            assert_eq!(points, &m[&b], "{series}");
            sides += 1;
        } else {
            assert!(series.ends_with(",side=\"b\"}"), "{series} without a side");
        }
    }
    assert!(sides > 50, "{sides}");
}

#[test]
fn an_unwritable_file_fails_after_the_report_is_out() {
    let dir = temp_dir("om-unwritable");
    let path = dir.join("no/such/dir/m.om");
    let (code, out, err) = bw(&[
        "run",
        "seed-lesson",
        "--json",
        "--duration",
        "30s",
        "--openmetrics",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
    let r = report(&out);
    assert!(
        r["totals"]["calls"].as_u64().unwrap() > 0,
        "the report is whole"
    );
    assert!(
        err.contains("--openmetrics") && err.contains("m.om"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        0,
        "nothing left behind"
    );
}

#[test]
fn bad_flags_say_what_is_valid() {
    for (args, says) in [
        (vec!["--metrics-step", "100us"], "1ms"),
        (vec!["--epoch", "yesterday"], "now"),
        (vec!["--openmetrics-max", "1kB"], "--openmetrics-max"),
    ] {
        let mut v = vec!["run", "seed-lesson", "--openmetrics", "/dev/null"];
        v.extend(args);
        let (code, _, err) = bw(&v);
        assert_eq!(code, 2, "{v:?}: {err}");
        assert!(err.contains(says), "{v:?}: {err}");
    }
}

#[test]
fn the_grafana_dashboard_queries_only_names_the_file_has() {
    let dir = temp_dir("om-grafana");
    let path = dir.join("m.om");
    let p = path.to_str().unwrap();
    bw_ok(&[
        "run",
        "seed-lesson",
        "--duration",
        "30s",
        "--metrics-step",
        "5s",
        "--openmetrics",
        p,
    ]);
    let text = std::fs::read_to_string(&path).unwrap();
    let names: HashSet<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('{').next().unwrap())
        .collect();
    let board = common::root().join("examples/grafana/breakwater-resilience4j.json");
    let board: Value = serde_json::from_str(&std::fs::read_to_string(board).unwrap()).unwrap();
    let mut queried = 0;
    for panel in board["panels"].as_array().unwrap() {
        for target in panel["targets"].as_array().unwrap() {
            let expr = target["expr"].as_str().unwrap();
            let tokens = expr.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'));
            for name in
                tokens.filter(|t| t.starts_with("resilience4j_") || t.starts_with("breakwater_"))
            {
                assert!(
                    names.contains(name),
                    "{name} (in {expr}) is not in the file"
                );
                queried += 1;
            }
        }
    }
    assert!(queried >= 10, "{queried}");
}
