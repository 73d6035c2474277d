//! `--log FILE`: JSON lines for what a log would hold (breaker transitions
//! with their reasons, timeline entries, changes, limits), stamped with
//! virtual time. The same seed gives the same bytes in any language; the
//! breaker's lines agree with the report; writing it changes no result.

mod common;

use common::{bw, bw_ok, temp_dir};
use serde_json::Value;

fn report(json: &str) -> Value {
    let mut v: Value = serde_json::from_str(json).unwrap();
    v.as_object_mut().unwrap().remove("wall_seconds");
    v
}

fn lines(path: &std::path::Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn the_log_tells_the_lesson_as_the_report_counts_it() {
    let dir = temp_dir("log-lesson");
    let (a, b) = (dir.join("a.jsonl"), dir.join("b.jsonl"));
    let run = |p: &std::path::Path, lang: &str| {
        bw_ok(&[
            "run",
            "seed-lesson",
            "--json",
            "--lang",
            lang,
            "--log",
            p.to_str().unwrap(),
        ])
    };
    let with = run(&a, "en");
    run(&b, "es");
    assert_eq!(
        std::fs::read(&a).unwrap(),
        std::fs::read(&b).unwrap(),
        "same bytes in Spanish"
    );
    let plain = bw_ok(&["run", "seed-lesson", "--json"]);
    assert_eq!(report(&with), report(&plain), "the log changes no result");
    let r = report(&with);
    let log = lines(&a);
    // Every line says when (virtual seconds within the run, and the same
    // instant on the fixed epoch) and what.
    for l in &log {
        let t = l["t_s"].as_f64().unwrap();
        assert!((0.0..=300.0).contains(&t), "{l}");
        let whole = t.floor() as u64;
        let time = l["time"].as_str().unwrap();
        let (m, s) = (whole / 60, whole % 60);
        assert!(
            time.starts_with(&format!("2025-01-01T00:{m:02}:{s:02}.")),
            "{l}"
        );
        assert!(l["event"].is_string(), "{l}");
    }
    // The breaker's transitions: as many openings as the report counts,
    // each with a reason, and the last state is the report's final state.
    for (svc, s) in r["services"].as_object().unwrap() {
        let mine: Vec<&Value> = log
            .iter()
            .filter(|l| l["event"] == "breaker" && l["service"] == svc.as_str())
            .collect();
        let opened = mine.iter().filter(|l| l["to"] == "open").count() as u64;
        assert_eq!(opened, s["breaker"]["opened"].as_u64().unwrap(), "{svc}");
        assert!(mine
            .iter()
            .all(|l| !l["reason"].as_str().unwrap().is_empty()));
        if let Some(l) = mine.last() {
            assert_eq!(l["to"], s["breaker"]["final_state"], "{svc}");
        }
        // Each transition starts where the one before ended.
        for w in mine.windows(2) {
            assert_eq!(w[0]["to"], w[1]["from"], "{svc}");
        }
    }
    // The timeline's entries are there with their notes, in English.
    let notes = log.iter().filter(|l| l["event"] == "timeline").count();
    assert!(notes >= 3, "{notes}");
    assert!(log
        .iter()
        .any(|l| l["event"] == "change" && l["path"] == "services.payment.failure_rate"));
}

#[test]
fn a_comparison_logs_both_sides() {
    let dir = temp_dir("log-compare");
    let path = dir.join("c.jsonl");
    bw_ok(&[
        "compare",
        "seed-lesson",
        "--no-tui",
        "--log",
        path.to_str().unwrap(),
    ]);
    let log = lines(&path);
    let side = |s: &str| -> Vec<Value> {
        log.iter()
            .filter(|l| l["side"] == s)
            .map(|l| {
                let mut l = l.clone();
                l.as_object_mut().unwrap().remove("side");
                l
            })
            .collect()
    };
    let (a, b) = (side("a"), side("b"));
    assert!(!a.is_empty());
    assert_eq!(a.len() + b.len(), log.len(), "every line has its side");
    assert_eq!(
        a, b,
        "a scenario compared with itself tells one story twice"
    );
}

#[test]
fn an_unwritable_log_fails_after_the_report_is_out() {
    let dir = temp_dir("log-unwritable");
    let path = dir.join("missing/l.jsonl");
    let (code, out, err) = bw(&[
        "run",
        "seed-lesson",
        "--json",
        "--log",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(report(&out)["totals"]["calls"].as_u64().unwrap() > 0);
    assert!(err.contains("--log") && err.contains("l.jsonl"), "{err}");
}

#[test]
fn a_log_beside_the_metrics_changes_neither() {
    let dir = temp_dir("log-metrics");
    let p = |n: &str| dir.join(n).to_str().unwrap().to_string();
    let args = [
        "run",
        "seed-lesson",
        "--duration",
        "2m",
        "--metrics-step",
        "1s",
    ];
    let mut one = args.to_vec();
    let (om1, om2, log1, log2) = (p("1.om"), p("2.om"), p("1.jsonl"), p("2.jsonl"));
    one.extend(["--openmetrics", &om1]);
    bw_ok(&one);
    let mut both = args.to_vec();
    both.extend(["--openmetrics", &om2, "--log", &log2]);
    bw_ok(&both);
    bw_ok(&["run", "seed-lesson", "--duration", "2m", "--log", &log1]);
    assert_eq!(std::fs::read(&om1).unwrap(), std::fs::read(&om2).unwrap());
    assert_eq!(std::fs::read(&log1).unwrap(), std::fs::read(&log2).unwrap());
}
