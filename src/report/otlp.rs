//! Calls' stories as OpenTelemetry spans in OTLP/JSON (`--otlp FILE` on
//! `run` and `compare`, `trace … --otlp FILE`): one line per batch, each an
//! `ExportTraceServiceRequest` (`{"resourceSpans":[…]}`), as the
//! OpenTelemetry Collector's file exporter writes them and its
//! `otlpjsonfile` receiver reads them.
//!
//! - A call is a span (`call`, INTERNAL) from its arrival to its final
//!   answer, with a child span per attempt (`attempt`, CLIENT) from the
//!   retry layer's start of it to its end (a call without a retry layer has
//!   one, from the first step toward the downstream to its answer). Every
//!   other step of the story (`trace`'s JSON: the breaker's and bulkhead's
//!   decisions, the timeout, the downstream's reception and reply, the
//!   retry's backoff waits, hedged copies) is a span event on the attempt
//!   open at that moment, else on the call; the fallback's answer is an
//!   event at the end. Attributes: `breakwater.service`,
//!   `breakwater.call.index`, `breakwater.outcome`, `breakwater.attempt`.
//! - Times are nanoseconds since the UNIX epoch: virtual time on the
//!   metrics' epoch. Trace and span ids are hashes of the seed and the
//!   call's key (service, call index; the side in a comparison), so the
//!   same run gives the same ids.
//! - Machine output: names and values in English whatever the reader's
//!   language.

use crate::base::time::SimTime;
use crate::report::trace::step_json;
use crate::sim::trace::{call_key, CallTrace, Step};
use serde_json::{json, Map, Value};

/// OTLP's span kinds and status codes (the protocol's enum numbers).
const KIND_INTERNAL: u8 = 1;
const KIND_CLIENT: u8 = 3;
const STATUS_UNSET: u8 = 0;
const STATUS_ERROR: u8 = 2;

/// Makes the requests of one world's calls.
pub struct Otlp {
    seed: u64,
    epoch_ns: u128,
    services: Vec<String>,
    scenario: String,
    side: Option<String>,
}

/// An attribute as OTLP/JSON writes it (64-bit integers as strings).
fn attr(key: &str, v: &Value) -> Option<Value> {
    let value = match v {
        Value::String(s) => json!({ "stringValue": s }),
        Value::Bool(b) => json!({ "boolValue": b }),
        Value::Number(n) if n.is_i64() || n.is_u64() => json!({ "intValue": n.to_string() }),
        Value::Number(n) => json!({ "doubleValue": n.as_f64() }),
        _ => return None,
    };
    Some(json!({ "key": key, "value": value }))
}

/// A JSON object's fields as attributes (nested objects flattened with
/// dots: `transition.to`), without `skip`.
fn attrs(m: &Map<String, Value>, prefix: &str, skip: &[&str], out: &mut Vec<Value>) {
    for (k, v) in m {
        if skip.contains(&k.as_str()) {
            continue;
        }
        let key = format!("{prefix}{k}");
        match v {
            Value::Object(inner) => attrs(inner, &format!("{key}."), &[], out),
            v => out.extend(attr(&key, v)),
        }
    }
}

fn hex(x: u64) -> String {
    format!("{x:016x}")
}

/// A span being built.
struct Span {
    id: String,
    parent: String,
    name: &'static str,
    kind: u8,
    start: SimTime,
    end: SimTime,
    attributes: Vec<Value>,
    events: Vec<Value>,
    error: Option<String>,
}

impl Otlp {
    /// `side` is `Some("a")` or `Some("b")` in a comparison.
    pub fn new(
        seed: u64,
        epoch_ms: u64,
        services: Vec<String>,
        scenario: &str,
        side: Option<&str>,
    ) -> Otlp {
        Otlp {
            seed,
            epoch_ns: u128::from(epoch_ms) * 1_000_000,
            services,
            scenario: scenario.to_string(),
            side: side.map(String::from),
        }
    }

    fn nanos(&self, at: SimTime) -> String {
        (self.epoch_ns + u128::from(at)).to_string()
    }

    /// The key's purpose: a comparison's sides get their own ids.
    fn purpose(&self, what: &str) -> String {
        match &self.side {
            Some(s) => format!("otlp-{what}-{s}"),
            None => format!("otlp-{what}"),
        }
    }

    /// One request with the spans of `traces`; a call still in flight ends
    /// at `end`, marked `breakwater.in_flight`. `None` without calls.
    pub fn request(&self, traces: &[CallTrace], end: SimTime) -> Option<Value> {
        if traces.is_empty() {
            return None;
        }
        let mut by_service: Vec<Vec<Value>> = vec![Vec::new(); self.services.len()];
        for t in traces {
            if let Some(spans) = by_service.get_mut(t.service) {
                spans.extend(self.spans(t, end));
            }
        }
        let resource_spans: Vec<Value> = by_service
            .into_iter()
            .enumerate()
            .filter(|(_, spans)| !spans.is_empty())
            .map(|(s, spans)| {
                let mut resource = vec![
                    json!({ "key": "service.name", "value": { "stringValue": self.services[s] } }),
                    json!({ "key": "breakwater.scenario", "value": { "stringValue": self.scenario } }),
                    json!({ "key": "breakwater.seed", "value": { "intValue": self.seed.to_string() } }),
                ];
                if let Some(side) = &self.side {
                    resource.push(json!({ "key": "breakwater.side", "value": { "stringValue": side } }));
                }
                json!({
                    "resource": { "attributes": resource },
                    "scopeSpans": [{
                        "scope": { "name": "breakwater", "version": env!("CARGO_PKG_VERSION") },
                        "spans": spans,
                    }],
                })
            })
            .collect();
        Some(json!({ "resourceSpans": resource_spans }))
    }

    /// The spans of one call: the call, then its attempts.
    fn spans(&self, t: &CallTrace, end: SimTime) -> Vec<Value> {
        let service = &self.services[t.service];
        let key = |purpose: &str, sub: u32| {
            call_key(self.seed, &self.purpose(purpose), service, t.index, sub).max(1)
        };
        let trace_id = format!("{}{}", hex(key("trace", 0)), hex(key("trace", 1)));
        let root_id = hex(key("span", 0));
        let finished = t.finished.unwrap_or(end);
        let mut root = Span {
            id: root_id.clone(),
            parent: String::new(),
            name: "call",
            kind: KIND_INTERNAL,
            start: t.arrived,
            end: finished,
            attributes: Vec::new(),
            events: Vec::new(),
            error: None,
        };
        let mut attempts: Vec<Span> = Vec::new();
        // The attempt open now (its place in `attempts`).
        let mut open: Option<usize> = None;
        let retried = t
            .steps
            .iter()
            .any(|s| matches!(s.step, Step::Attempt { .. }));
        let new_attempt = |n: u32, at: SimTime| Span {
            id: hex(key("span", n)),
            parent: root_id.clone(),
            name: "attempt",
            kind: KIND_CLIENT,
            start: at,
            end: at,
            attributes: vec![
                json!({ "key": "breakwater.attempt", "value": { "intValue": n.to_string() } }),
            ],
            events: Vec::new(),
            error: None,
        };
        for s in &t.steps {
            match &s.step {
                Step::Arrived { .. } => continue,
                Step::Attempt { n } => {
                    attempts.push(new_attempt(*n, s.at));
                    open = Some(attempts.len() - 1);
                    continue;
                }
                Step::AttemptEnded { outcome, .. } => {
                    if let Some(a) = open.take().map(|i| &mut attempts[i]) {
                        a.end = s.at;
                        a.attributes
                            .extend(attr("breakwater.outcome", &json!(outcome.name())));
                        if *outcome != crate::base::outcome::Outcome::Ok {
                            a.error = Some(outcome.name().to_string());
                        }
                    }
                    continue;
                }
                Step::Finished { .. } => {
                    if let Some(a) = open.take().map(|i| &mut attempts[i]) {
                        a.end = s.at;
                    }
                    continue;
                }
                // Without a retry layer, the single attempt starts with the
                // first step toward the downstream.
                Step::TimeoutArmed { .. } | Step::Sent { .. }
                    if !retried && attempts.is_empty() =>
                {
                    attempts.push(new_attempt(1, s.at));
                    open = Some(0);
                }
                _ => {}
            }
            let v = step_json(s.at, &s.step);
            let Value::Object(m) = v else { continue };
            let name = m
                .get("kind")
                .and_then(Value::as_str)
                .unwrap_or("step")
                .to_string();
            let mut a = Vec::new();
            attrs(&m, "", &["kind", "at_ms"], &mut a);
            let event = json!({ "timeUnixNano": self.nanos(s.at), "name": name, "attributes": a });
            match open {
                Some(i) => {
                    let span = &mut attempts[i];
                    span.end = span.end.max(s.at);
                    span.events.push(event);
                }
                None => root.events.push(event),
            }
        }
        if let Some(i) = open {
            // Still under way at the end of the run.
            attempts[i].end = finished;
        }
        let mut at = |k: &str, v: Value| root.attributes.extend(attr(k, &v));
        at("breakwater.service", json!(service));
        at("breakwater.call.index", json!(t.index));
        at("breakwater.attempts", json!(attempts.len()));
        match t.outcome {
            Some(o) => {
                at("breakwater.outcome", json!(o.name()));
                at("breakwater.fallback", json!(t.fallback));
                if o != crate::base::outcome::Outcome::Ok && !t.fallback {
                    root.error = Some(o.name().to_string());
                }
            }
            None => at("breakwater.in_flight", json!(true)),
        }
        if t.fallback {
            let answer = t.answer.clone().unwrap_or_default();
            root.events.push(json!({
                "timeUnixNano": self.nanos(finished),
                "name": "fallback",
                "attributes": [{ "key": "answer", "value": { "stringValue": answer } }],
            }));
        }
        std::iter::once(root)
            .chain(attempts)
            .map(|s| self.span_json(&trace_id, s))
            .collect()
    }

    fn span_json(&self, trace_id: &str, s: Span) -> Value {
        let status = match s.error {
            Some(m) => json!({ "code": STATUS_ERROR, "message": m }),
            None => json!({ "code": STATUS_UNSET }),
        };
        json!({
            "traceId": trace_id,
            "spanId": s.id,
            "parentSpanId": s.parent,
            "name": s.name,
            "kind": s.kind,
            "startTimeUnixNano": self.nanos(s.start),
            "endTimeUnixNano": self.nanos(s.end),
            "attributes": s.attributes,
            "events": s.events,
            "status": status,
        })
    }
}
