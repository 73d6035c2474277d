//! Bad input: every file in `tests/bad/` is broken in one way. For each, both
//! `check` and `run` must exit with status 2 and print one line,
//! `<path>:<line>:<column>: <message>`, at the exact place of the mistake,
//! with a message that says what would be valid, and never panic.

mod common;

use common::{breakwater, root};

/// (file, line, column, fragments the message must contain).
const CASES: &[(&str, usize, usize, &[&str])] = &[
    ("absurd_duration", 2, 12, &["at most 7d"]),
    ("absurd_rate", 6, 8, &["from 0 to 1000000 calls per second"]),
    (
        "bad_backoff_kind",
        13,
        11,
        &[
            "did you mean `exponential`?",
            "constant, linear, exponential",
        ],
    ),
    (
        "bad_dist_name",
        10,
        11,
        &[
            "`gaussian`",
            "constant, uniform, exponential, normal, lognormal, pareto",
        ],
    ),
    (
        "bad_jitter",
        12,
        10,
        &["`none`, `full`, `equal`, `decorrelated`"],
    ),
    (
        "bad_pattern_order",
        12,
        9,
        &[
            "`breaker`",
            "retry, circuit_breaker, bulkhead, hedging, timeout",
        ],
    ),
    (
        "breaker_failure_rate_zero",
        13,
        16,
        &["`circuit_breaker.failure_rate`", "above 0 and at most 1"],
    ),
    ("duplicate_key", 11, 1, &["duplicate key `workers`"]),
    ("duplicate_service", 12, 8, &["`svc`", "must be unique"]),
    (
        "duration_string_without_unit",
        10,
        11,
        &[
            "\"80\" is not a duration",
            "\"250ms\"",
            "units ns, us, ms, s, m, h, d",
        ],
    ),
    (
        "duration_unquoted",
        2,
        14,
        &["TOML syntax error", "unit in quotes", "\"10s\""],
    ),
    ("duration_without_unit", 2, 12, &["has no unit", "\"10s\""]),
    (
        "empty",
        1,
        1,
        &["no settings", "name", "duration", "[load]", "[[services]]"],
    ),
    (
        "fallback_on_ok",
        12,
        6,
        &["`fallback.on`", "valid: failed, timed_out"],
    ),
    (
        "lognormal_p99_below_p50",
        10,
        11,
        &["`p99` (50ms) must be at least `p50` (100ms)"],
    ),
    (
        "max_attempts_zero",
        12,
        16,
        &["`retry.max_attempts`", "from 1 to 100"],
    ),
    ("missing_name", 1, 1, &["missing `name`", "name = \"...\""]),
    (
        "missing_service_name",
        11,
        1,
        &["missing `name`", "every service"],
    ),
    ("negative_rate", 6, 8, &["rate -5", "from 0 to 1000000"]),
    ("negative_seed", 2, 8, &["`-1`", "whole number from 0"]),
    ("no_services", 1, 1, &["missing `services`", "[[services]]"]),
    ("not_utf8", 3, 19, &["not UTF-8", "save it as UTF-8"]),
    (
        "probability_above_one",
        10,
        16,
        &["failure_rate 1.5", "from 0 to 1"],
    ),
    ("seed_too_large", 2, 8, &["9223372036854775807"]),
    (
        "service_name_with_space",
        9,
        8,
        &["1 to 32 letters, digits, '-' or '_'"],
    ),
    (
        "service_override_bad_value",
        11,
        16,
        &["`retry.max_attempts`", "from 1 to 100"],
    ),
    (
        "service_override_unknown_key",
        11,
        1,
        &["did you mean `max_concurrent`?", "max_queue, max_wait"],
    ),
    (
        "syntax_error",
        6,
        8,
        &["TOML syntax error", "a value is a number, a \"string\""],
    ),
    (
        "think_bare_number",
        7,
        9,
        &["`think`", "has no unit", "\"100ms\""],
    ),
    ("timeline_after_end", 12, 6, &["after the end", "(10s)"]),
    (
        "timeline_bad_value",
        13,
        39,
        &["services.svc.failure_rate = 2.0", "from 0 to 1"],
    ),
    ("timeline_empty", 11, 1, &["`set = {", "`note`"]),
    (
        "timeline_unknown_field",
        13,
        34,
        &["unknown key `failure`", "latency_factor, failure_rate"],
    ),
    (
        "timeline_unknown_service",
        13,
        42,
        &["unknown service `paymnt`", "Valid: svc"],
    ),
    (
        "unclosed_string",
        1,
        12,
        &["TOML syntax error", "closing quote"],
    ),
    (
        "uniform_min_above_max",
        10,
        11,
        &["`min` (90ms) must not exceed `max` (10ms)"],
    ),
    (
        "unknown_dist_key",
        10,
        11,
        &["unknown field `sd`", "expected `mean`"],
    ),
    (
        "unknown_load_kind",
        5,
        8,
        &["`burst`", "`poisson`, `constant`, `closed`"],
    ),
    (
        "unknown_pattern",
        11,
        11,
        &["did you mean `retry`?", "circuit_breaker, retry, bulkhead"],
    ),
    (
        "unknown_pattern_key",
        12,
        1,
        &["did you mean `max_attempts`?", "backoff, jitter"],
    ),
    (
        "unknown_service_key",
        10,
        1,
        &["did you mean `workers`?", "latency, latency_factor"],
    ),
    (
        "unknown_top_key",
        2,
        1,
        &["did you mean `duration`?", "Valid: name, description"],
    ),
    (
        "window_size_mismatch",
        14,
        15,
        &[
            "`circuit_breaker.window_size`",
            "a duration such as \"60s\"",
        ],
    ),
    (
        "wrong_type",
        10,
        11,
        &["`workers`", "string \"eight\"", "expected a whole number"],
    ),
    ("zero_workers", 10, 11, &["from 1 to 100000", "found 0"]),
];

#[test]
fn every_bad_file_is_reported_at_its_place() {
    let mut problems = Vec::new();
    for &(name, line, column, fragments) in CASES {
        let path = format!("tests/bad/{name}.toml");
        assert!(root().join(&path).exists(), "{path} is missing");
        for command in ["check", "run"] {
            let out = breakwater()
                .current_dir(root())
                .args([command, &path])
                .output()
                .expect("run breakwater");
            let stderr = String::from_utf8_lossy(&out.stderr);
            let stdout = String::from_utf8_lossy(&out.stdout);
            let prefix = format!("{path}:{line}:{column}: ");
            let mut fail = |why: String| {
                problems.push(format!("{command} {path}: {why}\n    stderr: {stderr}"))
            };
            if out.status.code() != Some(2) {
                fail(format!("exit status {:?}, expected 2", out.status.code()));
            }
            if stderr.contains("panicked") {
                fail("panicked".into());
            }
            if !stdout.is_empty() {
                fail(format!("printed to stdout: {stdout}"));
            }
            if !stderr.starts_with(&prefix) {
                fail(format!("does not start with `{prefix}`"));
            }
            if stderr.lines().count() != 1 || !stderr.ends_with('\n') {
                fail("not exactly one line".into());
            }
            let message = stderr.strip_prefix(&prefix).unwrap_or("").trim_end();
            if message.len() < 20 {
                fail("message too short to help".into());
            }
            for f in fragments {
                if !message.contains(f) {
                    fail(format!("message lacks `{f}`"));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_library_reports_the_same_place() {
    for &(name, line, column, _) in CASES {
        let path = format!("tests/bad/{name}.toml");
        let bytes = std::fs::read(root().join(&path)).unwrap();
        let err = breakwater::scenario::parse_scenario(&path, &bytes)
            .expect_err("a bad file must be refused");
        assert_eq!(
            (err.line, err.column),
            (line, column),
            "{path}: {}",
            err.message.say("en")
        );
        assert_eq!(err.origin, path);
    }
}

#[test]
fn the_corpus_is_complete() {
    let mut files: Vec<String> = std::fs::read_dir(root().join("tests/bad"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|f| f.ends_with(".toml"))
        .collect();
    files.sort();
    let listed: Vec<String> = CASES.iter().map(|c| format!("{}.toml", c.0)).collect();
    assert_eq!(
        files, listed,
        "every file in tests/bad has a case, in order"
    );
    assert!(files.len() >= 24);
    // The not-UTF-8 file must stay broken (an editor may "fix" it on save).
    let bytes = std::fs::read(root().join("tests/bad/not_utf8.toml")).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err());
    assert!(std::fs::read(root().join("tests/bad/empty.toml"))
        .unwrap()
        .is_empty());
}

#[test]
fn a_missing_file_and_a_directory_are_bad_input_too() {
    for (spec, expected) in [
        ("tests/bad/no-such-file.toml", "no such file"),
        ("seed-lesso", "did you mean `seed-lesson`?"),
        ("tests/bad", "a directory, not a file"),
    ] {
        let out = breakwater()
            .current_dir(root())
            .args(["check", spec])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{spec}: {stderr}");
        assert!(stderr.starts_with(&format!("{spec}:1:1: ")), "{stderr}");
        assert!(stderr.contains(expected), "{spec}: {stderr}");
        assert!(!stderr.contains("panicked"));
    }
}
