//! `--otlp FILE` and `trace … --otlp FILE`: calls as OpenTelemetry spans in
//! OTLP/JSON. The file has the protocol's JSON field names and types; a
//! call's spans tell the story `breakwater trace` tells; ids come from the
//! seed and the call's key, so the same run gives the same bytes; the
//! sample is chosen by the call's key, so it changes no result and its
//! calls are spanned exactly as in the full file.

mod common;

use common::{bw, bw_ok, temp_dir};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

fn report(json: &str) -> Value {
    let mut v: Value = serde_json::from_str(json).unwrap();
    v.as_object_mut().unwrap().remove("wall_seconds");
    v
}

fn is_hex(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_hexdigit()) && s.bytes().any(|b| b != b'0')
}

fn nanos(v: &Value) -> u128 {
    v.as_str()
        .expect("64-bit integers are strings")
        .parse()
        .unwrap()
}

fn attr<'a>(span: &'a Value, key: &str) -> Option<&'a Value> {
    span["attributes"]
        .as_array()?
        .iter()
        .find(|a| a["key"] == key)
        .map(|a| &a["value"])
}

/// Every span of the file, checked against OTLP/JSON's shape on the way:
/// (service, call index) → the call's spans, the call first.
fn spans(text: &str) -> BTreeMap<(String, u64), Vec<Value>> {
    let mut calls: BTreeMap<(String, u64), Vec<Value>> = BTreeMap::new();
    let mut last_call = None;
    for line in text.lines() {
        let request: Value = serde_json::from_str(line).unwrap();
        for rs in request["resourceSpans"].as_array().unwrap() {
            let service = rs["resource"]["attributes"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["key"] == "service.name")
                .unwrap()["value"]["stringValue"]
                .as_str()
                .unwrap()
                .to_string();
            for ss in rs["scopeSpans"].as_array().unwrap() {
                assert_eq!(ss["scope"]["name"], "breakwater");
                for span in ss["spans"].as_array().unwrap() {
                    assert!(is_hex(span["traceId"].as_str().unwrap(), 32), "{span}");
                    assert!(is_hex(span["spanId"].as_str().unwrap(), 16), "{span}");
                    let parent = span["parentSpanId"].as_str().unwrap();
                    assert!(parent.is_empty() || is_hex(parent, 16));
                    assert!(nanos(&span["startTimeUnixNano"]) <= nanos(&span["endTimeUnixNano"]));
                    assert!([1, 3].contains(&span["kind"].as_u64().unwrap()));
                    assert!([0, 2].contains(&span["status"]["code"].as_u64().unwrap()));
                    for a in span["attributes"].as_array().unwrap().iter().chain(
                        span["events"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .flat_map(|e| e["attributes"].as_array().unwrap()),
                    ) {
                        let v = a["value"].as_object().unwrap();
                        assert_eq!(v.len(), 1, "{a}");
                        let (k, x) = v.iter().next().unwrap();
                        match k.as_str() {
                            "stringValue" => assert!(x.is_string()),
                            "intValue" => assert!(x.as_str().unwrap().parse::<i64>().is_ok()),
                            "boolValue" => assert!(x.is_boolean()),
                            "doubleValue" => assert!(x.is_f64()),
                            other => panic!("not an OTLP AnyValue: {other}"),
                        }
                    }
                    for e in span["events"].as_array().unwrap() {
                        let t = nanos(&e["timeUnixNano"]);
                        assert!(t >= nanos(&span["startTimeUnixNano"]), "{e}");
                        assert!(t <= nanos(&span["endTimeUnixNano"]), "{e}");
                    }
                    let index = match attr(span, "breakwater.call.index") {
                        Some(v) => v["intValue"].as_str().unwrap().parse().unwrap(),
                        None => {
                            // An attempt: it belongs to the call before it.
                            let last = calls.get_mut(last_call.as_ref().unwrap()).unwrap();
                            assert_eq!(span["parentSpanId"], last[0]["spanId"]);
                            assert_eq!(span["traceId"], last[0]["traceId"]);
                            last.push(span.clone());
                            continue;
                        }
                    };
                    assert!(parent.is_empty());
                    let key = (service.clone(), index);
                    assert!(!calls.contains_key(&key), "call {key:?} twice");
                    calls.insert(key.clone(), vec![span.clone()]);
                    last_call = Some(key);
                }
            }
        }
    }
    calls
}

#[test]
fn spans_tell_the_trace_commands_story() {
    let dir = temp_dir("otlp-story");
    let (run_file, trace_file) = (dir.join("run.jsonl"), dir.join("trace.json"));
    bw_ok(&["run", "seed-lesson", "--otlp", run_file.to_str().unwrap()]);
    let all = spans(&std::fs::read_to_string(&run_file).unwrap());
    let mut seen: BTreeSet<String> = BTreeSet::new();
    // Calls of the outage: retried, short-circuited, answered by the
    // fallback.
    for at in ["20s", "62s", "64s", "215s"] {
        let story = bw_ok(&[
            "trace",
            "seed-lesson",
            "--service",
            "payment",
            "--at",
            at,
            "--calls",
            "4",
            "--json",
            "--otlp",
            trace_file.to_str().unwrap(),
        ]);
        let story: Value = serde_json::from_str(&story).unwrap();
        let traced = spans(&std::fs::read_to_string(&trace_file).unwrap());
        for call in story["calls"].as_array().unwrap() {
            let index = call["index"].as_u64().unwrap();
            let key = ("payment".to_string(), index);
            // The trace command's export and the run's are the same spans.
            assert_eq!(traced[&key], all[&key], "call {index}");
            let spans = &all[&key];
            let root = &spans[0];
            assert_eq!(
                attr(root, "breakwater.outcome").unwrap()["stringValue"],
                call["outcome"]
            );
            let steps = call["steps"].as_array().unwrap();
            let attempts = steps.iter().filter(|s| s["kind"] == "attempt").count();
            let sent = steps
                .iter()
                .any(|s| s["kind"] == "sent" || s["kind"] == "timeout_armed");
            let want = if attempts > 0 {
                attempts
            } else {
                usize::from(sent)
            };
            assert_eq!(spans.len() - 1, want, "call {index}: attempt spans");
            if attempts > 1 {
                seen.insert("retried".to_string());
            }
            if call["fallback"] == true {
                seen.insert("fallback".to_string());
            }
            seen.insert(call["outcome"].as_str().unwrap().to_string());
            // Every other step is an event, in order, on the call or an attempt.
            let kinds: Vec<&str> = steps
                .iter()
                .map(|s| s["kind"].as_str().unwrap())
                .filter(|k| !["arrived", "attempt", "attempt_ended", "finished"].contains(k))
                .collect();
            let mut events: Vec<(u128, usize, String)> = Vec::new();
            for (i, span) in spans.iter().enumerate() {
                for e in span["events"].as_array().unwrap() {
                    let name = e["name"].as_str().unwrap().to_string();
                    if name != "fallback" {
                        events.push((nanos(&e["timeUnixNano"]), i, name));
                    }
                }
            }
            let mut got: Vec<&str> = events.iter().map(|(_, _, n)| n.as_str()).collect();
            got.sort();
            let mut want: Vec<&str> = kinds.clone();
            want.sort();
            assert_eq!(got, want, "call {index}");
            // The waits between attempts are the story's.
            let waits: Vec<&Value> = steps
                .iter()
                .filter(|s| s["kind"] == "backoff")
                .map(|s| &s["wait_ms"])
                .collect();
            let span_waits: Vec<&Value> = spans
                .iter()
                .flat_map(|s| s["events"].as_array().unwrap())
                .filter(|e| e["name"] == "backoff")
                .map(|e| &attr(e, "wait_ms").unwrap()["doubleValue"])
                .collect();
            assert_eq!(waits.len(), span_waits.len());
            if call["fallback"] == true {
                assert!(root["events"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|e| e["name"] == "fallback"));
                assert_eq!(root["status"]["code"], 0, "the fallback answered");
            }
        }
    }
    for kind in ["retried", "fallback", "short_circuited", "ok"] {
        assert!(seen.contains(kind), "no {kind} call among {seen:?}");
    }
}

#[test]
fn same_seed_same_bytes_and_a_sample_changes_nothing() {
    let dir = temp_dir("otlp-sample");
    let p = |n: &str| dir.join(n).to_str().unwrap().to_string();
    let (a, b, s) = (p("a.jsonl"), p("b.jsonl"), p("s.jsonl"));
    let args = ["run", "retry-storm", "--json", "--duration", "60s"];
    let run = |extra: &[&str]| {
        let mut v = args.to_vec();
        v.extend(extra);
        report(&bw_ok(&v))
    };
    let plain = run(&[]);
    assert_eq!(run(&["--otlp", &a]), plain, "spans change no result");
    assert_eq!(run(&["--otlp", &b, "--lang", "es"]), plain);
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    assert_eq!(run(&["--otlp", &s, "--otlp-sample", "0.1"]), plain);
    let all = spans(&std::fs::read_to_string(&a).unwrap());
    let some = spans(&std::fs::read_to_string(&s).unwrap());
    // Every sampled call is spanned as in the full file, and about a tenth
    // of the calls are.
    for (key, spans) in &some {
        assert_eq!(spans, &all[key], "{key:?}");
    }
    let fraction = some.len() as f64 / all.len() as f64;
    assert!(
        (0.07..0.13).contains(&fraction),
        "{} of {}",
        some.len(),
        all.len()
    );
    let services: BTreeSet<&String> = some.keys().map(|(s, _)| s).collect();
    assert!(!services.is_empty());
}

#[test]
fn bad_sample_and_unwritable_file_say_so() {
    for p in ["0", "1.5", "often"] {
        let (code, _, err) = bw(&[
            "run",
            "seed-lesson",
            "--otlp",
            "/dev/null",
            "--otlp-sample",
            p,
        ]);
        assert_eq!(code, 2, "{p}: {err}");
        assert!(err.contains("--otlp-sample"), "{err}");
    }
    // A sample with nowhere to go.
    let (code, _, err) = bw(&["run", "seed-lesson", "--otlp-sample", "0.1"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--otlp-endpoint"), "{err}");
    let dir = temp_dir("otlp-unwritable");
    let path = dir.join("none/o.jsonl");
    let (code, out, err) = bw(&[
        "run",
        "seed-lesson",
        "--json",
        "--duration",
        "20s",
        "--otlp",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(report(&out)["totals"]["calls"].as_u64().unwrap() > 0);
    assert!(err.contains("--otlp") && err.contains("o.jsonl"), "{err}");
}

/// A stand-in for a collector's OTLP/HTTP receiver: takes every request on
/// one connection until it closes; (request line, content type, body) each.
fn fake_collector(listener: std::net::TcpListener) -> Vec<(String, String, String)> {
    use std::io::{BufRead, BufReader, Read, Write};
    let (stream, _) = listener.accept().unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut out = stream;
    let mut got = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return got;
        }
        let (mut length, mut kind) = (0usize, String::new());
        loop {
            let mut h = String::new();
            reader.read_line(&mut h).unwrap();
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            let (k, v) = h.split_once(':').unwrap();
            match k.to_ascii_lowercase().as_str() {
                "content-length" => length = v.trim().parse().unwrap(),
                "content-type" => kind = v.trim().to_string(),
                _ => {}
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        got.push((
            line.trim_end().to_string(),
            kind,
            String::from_utf8(body).unwrap(),
        ));
        out.write_all(
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}",
        )
        .unwrap();
    }
}

#[test]
fn the_spans_reach_a_collector_as_in_the_file() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let collector = std::thread::spawn(move || fake_collector(listener));
    let dir = temp_dir("otlp-endpoint");
    let file = dir.join("o.jsonl");
    bw_ok(&[
        "run",
        "seed-lesson",
        "--duration",
        "30s",
        "--otlp",
        file.to_str().unwrap(),
        "--otlp-endpoint",
        &url,
    ]);
    let got = collector.join().unwrap();
    let lines: Vec<String> = std::fs::read_to_string(&file)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    assert!(lines.len() > 10, "{}", lines.len());
    assert_eq!(got.len(), lines.len(), "one request per batch");
    for ((request, kind, body), line) in got.iter().zip(&lines) {
        assert_eq!(request, "POST /v1/traces HTTP/1.1");
        assert_eq!(kind, "application/json");
        assert_eq!(body, line);
    }
}

#[test]
fn a_collector_that_is_not_there_is_said_after_the_report() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}");
    let (code, out, err) = bw(&[
        "run",
        "seed-lesson",
        "--json",
        "--duration",
        "20s",
        "--otlp-endpoint",
        &url,
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        report(&out)["totals"]["calls"].as_u64().unwrap() > 0,
        "the report is whole"
    );
    assert!(
        err.contains("--otlp-endpoint") && err.contains(&url),
        "{err}"
    );
    for bad in [
        "https://x:4318",
        "127.0.0.1:4318",
        "http://:80",
        "http://h:port",
    ] {
        let (code, _, err) = bw(&["run", "seed-lesson", "--otlp-endpoint", bad]);
        assert_eq!(code, 2, "{bad}: {err}");
        assert!(err.contains("http://HOST:PORT"), "{err}");
    }
}
