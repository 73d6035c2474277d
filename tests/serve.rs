//! `run --serve`: a headless run paced in real time that answers
//! `GET /metrics` while it runs — the classic Prometheus text format
//! (which `promtool check metrics` accepts), OpenMetrics when asked —
//! and ends with the same report as a run at full speed. An address that
//! cannot be had is said after the report, exit 1.

mod common;

use common::{breakwater, bw, bw_ok};
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::Stdio;

fn report(json: &str) -> Value {
    let mut v: Value = serde_json::from_str(json).unwrap();
    v.as_object_mut().unwrap().remove("wall_seconds");
    v
}

/// A plain HTTP/1.1 GET: (status line, headers, body).
fn get(addr: &str, path: &str, accept: Option<&str>) -> (String, String, String) {
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    let accept = accept.map_or(String::new(), |a| format!("Accept: {a}\r\n"));
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\n{accept}Connection: close\r\n\r\n"
    )
    .unwrap();
    let mut text = String::new();
    s.read_to_string(&mut text).unwrap();
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    let (status, headers) = head.split_once("\r\n").unwrap();
    (status.to_string(), headers.to_lowercase(), body.to_string())
}

#[test]
fn a_served_run_answers_scrapes_and_reports_as_a_plain_run() {
    let args = [
        "run",
        "seed-lesson",
        "--json",
        "--duration",
        "90s",
        "--quiet",
    ];
    let mut child = breakwater()
        .args(args)
        .args(["--serve", "--metrics-addr", "127.0.0.1:0", "--speed", "30"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    err.read_line(&mut line).unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    let (status, headers, body) = get(&addr, "/metrics", None);
    assert!(status.contains("200"), "{status}");
    assert!(
        headers.contains("content-type: text/plain; version=0.0.4"),
        "{headers}"
    );
    assert!(
        body.contains("# TYPE breakwater_calls_total counter"),
        "{body}"
    );
    assert!(body.contains("resilience4j_circuitbreaker_state{name=\"payment\",state=\"closed\"}"));
    assert!(!body.contains("# EOF"));
    check_with_promtool(&body);
    let (_, headers, om) = get(
        &addr,
        "/metrics",
        Some("application/openmetrics-text;version=1.0.0"),
    );
    assert!(
        headers.contains("application/openmetrics-text"),
        "{headers}"
    );
    assert!(om.ends_with("# EOF\n") && om.contains("# TYPE breakwater_calls counter"));
    let (status, _, _) = get(&addr, "/nothing", None);
    assert!(status.contains("404"), "{status}");
    // Counters only grow while it runs.
    let calls = |text: &str| -> u64 {
        text.lines()
            .filter(|l| l.starts_with("breakwater_calls_arrived_total"))
            .map(|l| l.rsplit(' ').next().unwrap().parse::<u64>().unwrap())
            .sum()
    };
    std::thread::sleep(std::time::Duration::from_millis(300));
    let (_, _, later) = get(&addr, "/metrics", None);
    assert!(
        calls(&later) > calls(&body),
        "{} then {}",
        calls(&body),
        calls(&later)
    );
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let served = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        report(&served),
        report(&bw_ok(&args)),
        "pacing changes no result"
    );
}

/// `promtool check metrics` (Debian's prometheus package, which `.ci/run`
/// installs) reads the answer; without promtool the check is skipped here
/// and fails in CI.
fn check_with_promtool(body: &str) {
    let child = std::process::Command::new("promtool")
        .args(["check", "metrics"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) if std::env::var_os("CI").is_none() => {
            eprintln!("promtool not found ({e}): `promtool check metrics` skipped");
            return;
        }
        Err(e) => panic!("promtool: {e} (apt-get install prometheus)"),
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(body.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "promtool check metrics: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_address_in_use_is_said_after_the_report() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let (code, out, err) = bw(&[
        "run",
        "seed-lesson",
        "--json",
        "--duration",
        "30s",
        "--serve",
        "--metrics-addr",
        &addr,
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        report(&out)["totals"]["calls"].as_u64().unwrap() > 0,
        "the report is whole"
    );
    assert!(
        err.contains("--metrics-addr") && err.contains(&addr),
        "{err}"
    );
    drop(taken);
}

#[test]
fn a_headless_comparison_has_no_live_metrics_and_says_so() {
    let (code, out, err) = bw(&[
        "compare",
        "seed-lesson",
        "--no-tui",
        "--metrics-addr",
        "127.0.0.1:0",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert!(
        err.contains("--metrics-addr") && err.contains("run --serve"),
        "{err}"
    );
}
