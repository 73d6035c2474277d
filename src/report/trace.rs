//! `breakwater trace`: a traced call's story as text (one line per step, the
//! words shared with the dashboard's trace overlay) and as JSON. The words
//! live here, in one place, so they can move to the language catalogues.

use crate::base::outcome::Outcome;
use crate::base::time::{clock, Dur, SimTime, NANOS_PER_SEC};
use crate::patterns::circuit_breaker::BreakerState;
use crate::patterns::layer::{Note, NoteValue};
use crate::patterns::retry::StopReason;
use crate::patterns::PatternKind;
use crate::sim::trace::{CallTrace, Reception, Step, Where};
use crate::t;
use serde_json::{json, Map, Value};

/// A kind of call a filtered trace keeps, in the reader's words
/// (`trace-where-<kind>`): "retried", "rejected by the bulkhead" …
pub fn where_words(kind: Where) -> String {
    crate::i18n::tr(
        &format!("trace-where-{}", kind.name().replace('_', "-")),
        None,
    )
}

/// A duration, short and exact enough for a class: `83ms`, `1s`, `1.083s`,
/// `2m05.3s`; below a millisecond `0.25ms`.
pub fn dur(d: Dur) -> String {
    let text = dur_c(d);
    // Written with a point; the reader's language may use a comma.
    let decimal = t!("locale-decimal");
    if decimal == "." {
        text
    } else {
        text.replace('.', &decimal)
    }
}

fn dur_c(d: Dur) -> String {
    let ns = d.0;
    if ns == 0 {
        return "0ms".into();
    }
    if ns < 1_000_000 {
        return format!("{:.2}ms", ns as f64 / 1e6);
    }
    if ns < NANOS_PER_SEC {
        return format!("{}ms", (ns + 500_000) / 1_000_000);
    }
    let ms = (ns + 500_000) / 1_000_000;
    if ms < 60_000 {
        let (s, frac) = (ms / 1000, ms % 1000);
        if frac == 0 {
            format!("{s}s")
        } else {
            let f = format!("{frac:03}");
            format!("{s}.{}s", f.trim_end_matches('0'))
        }
    } else {
        let tenths = ms / 100;
        format!(
            "{}m{:02}.{}s",
            tenths / 600,
            (tenths / 10) % 60,
            tenths % 10
        )
    }
}

/// An outcome in words.
pub fn outcome_words(o: Outcome) -> String {
    match o {
        Outcome::Ok => t!("trace-outcome-ok"),
        Outcome::Failed => t!("trace-outcome-failed"),
        Outcome::TimedOut => t!("trace-outcome-timed-out"),
        Outcome::ShortCircuited => t!("trace-outcome-short-circuited"),
        Outcome::BulkheadRejected => t!("trace-outcome-bulkhead-rejected"),
        Outcome::ClientRejected => t!("trace-outcome-client-rejected"),
    }
}

/// What the pattern at `kind` is called on screen (its registry title).
pub fn layer_words(kind: PatternKind) -> &'static str {
    crate::patterns::registry::layer(kind).title
}

fn state_words(s: BreakerState) -> &'static str {
    s.word()
}

/// One step in words (`service` names the downstream).
pub fn step_words(step: &Step, service: &str) -> String {
    match step {
        Step::Arrived { index } => t!(
            "trace-arrived",
            index = index.to_string(),
            service = service
        ),
        Step::CallerQueued { waiting } => t!("trace-caller-queued", waiting = *waiting),
        Step::CallerGranted { waited } => t!("trace-caller-granted", waited = dur(*waited)),
        Step::CallerRejected => t!("trace-caller-rejected"),
        Step::Attempt { n } => t!("trace-attempt", n = *n),
        Step::Breaker {
            state,
            permitted: true,
        } if *state == BreakerState::HalfOpen => {
            t!("trace-breaker-probe", state = state_words(*state))
        }
        Step::Breaker {
            state,
            permitted: true,
        } => t!("trace-breaker-let-through", state = state_words(*state)),
        Step::Breaker { state, .. } => {
            t!("trace-breaker-short-circuits", state = state_words(*state))
        }
        Step::BreakerRecorded { failed, transition } => {
            let counted = if *failed {
                t!("trace-breaker-counts-failure")
            } else {
                t!("trace-breaker-counts-success")
            };
            match transition {
                Some((from, to, reason)) => t!(
                    "trace-breaker-transition",
                    counted = counted,
                    from = state_words(*from),
                    to = state_words(*to),
                    reason = reason.msg().said()
                ),
                None => counted,
            }
        }
        Step::BulkheadSlot { in_use, max } => {
            t!("trace-bulkhead-slot", in_use = *in_use, max = *max)
        }
        Step::BulkheadQueued { waiting, max_wait } => t!(
            "trace-bulkhead-queued",
            max_wait = dur(*max_wait),
            waiting = *waiting
        ),
        Step::BulkheadAdmitted { waited } => t!("trace-bulkhead-admitted", waited = dur(*waited)),
        Step::BulkheadRejected { waited: None } => t!("trace-bulkhead-rejected-at-once"),
        Step::BulkheadRejected { waited: Some(w) } => {
            t!("trace-bulkhead-rejected-after", waited = dur(*w))
        }
        Step::TimeoutArmed { after } => t!("trace-timeout-armed", after = dur(*after)),
        Step::Sent { reception } => match reception {
            Reception::Started => t!("trace-sent-started", service = service),
            Reception::Queued { ahead } => {
                t!("trace-sent-queued", service = service, ahead = *ahead)
            }
            Reception::Refused => t!("trace-sent-refused", service = service),
        },
        Step::Replied { ok: true, took } => {
            t!("trace-replied-ok", service = service, took = dur(*took))
        }
        Step::Replied { ok: false, took } => {
            t!("trace-replied-error", service = service, took = dur(*took))
        }
        Step::TimeoutFired { after } => t!("trace-timeout-fired", after = dur(*after)),
        Step::AttemptEnded { n, outcome, took } => t!(
            "trace-attempt-ended",
            n = *n,
            outcome = outcome_words(*outcome),
            took = dur(*took)
        ),
        Step::Backoff { wait, next } => {
            t!("trace-backoff", wait = dur(*wait), next = *next)
        }
        Step::RetryStopped { reason } => t!("trace-retry-stopped", reason = stop_words(*reason)),
        Step::Note(note) => note_words(note),
        Step::Fork { n, step } => t!("trace-fork", n = *n, step = step_words(step, service)),
        Step::Finished {
            outcome,
            fallback: true,
            latency,
        } => t!(
            "trace-finished-fallback",
            outcome = outcome_words(*outcome),
            latency = dur(*latency)
        ),
        Step::Finished {
            outcome, latency, ..
        } => t!(
            "trace-finished",
            outcome = outcome_words(*outcome),
            latency = dur(*latency)
        ),
    }
}

/// A pattern's own step: its sentence, with its values as variables
/// (durations and outcomes in words, counts as numbers).
fn note_words(note: &Note) -> String {
    let mut args = crate::i18n::FluentArgs::new();
    for (name, value) in note.values() {
        match value {
            NoteValue::None => {}
            NoteValue::Count(n) => args.set(name, crate::i18n::arg(n)),
            NoteValue::Dur(d) => args.set(name, dur(d)),
            NoteValue::Outcome(o) => args.set(name, outcome_words(o)),
        }
    }
    crate::i18n::tr(note.id, Some(&args))
}

fn stop_words(r: StopReason) -> String {
    match r {
        StopReason::Succeeded => t!("trace-stop-succeeded"),
        StopReason::Disabled => t!("trace-stop-disabled"),
        StopReason::NotRetried => t!("trace-stop-not-retried"),
        StopReason::Exhausted { max_attempts } => {
            t!("trace-stop-exhausted", max_attempts = max_attempts)
        }
        StopReason::Budget => t!("trace-stop-budget"),
        StopReason::Deadline => t!("trace-stop-deadline"),
    }
}

/// The heading of a trace: service, call, arrival, and the order of layers.
pub fn heading(t: &CallTrace, service: &str) -> String {
    let layers: Vec<&str> = t.layers.iter().map(|k| layer_words(*k)).collect();
    let layers = if layers.is_empty() {
        t!("trace-no-pattern")
    } else {
        layers.join(" → ")
    };
    t!(
        "trace-heading",
        service = service,
        index = t.index.to_string(),
        at = clock(t.arrived),
        layers = layers
    )
}

/// The time of a step from the call's arrival: `+0ms`, `+1.083s`.
pub fn offset(t: &CallTrace, at: SimTime) -> String {
    format!("+{}", dur(Dur(at.saturating_sub(t.arrived))))
}

/// The closing line: the answer, or that the run ended first.
pub fn closing(t: &CallTrace, end: SimTime) -> Option<String> {
    if t.outcome.is_some() {
        return t
            .answer
            .as_ref()
            .map(|a| t!("trace-fallback-answer", answer = a.as_str()));
    }
    Some(t!("trace-still-in-flight", end = clock(end)))
}

/// The whole story as text, one step a line.
pub fn to_text(t: &CallTrace, service: &str, end: SimTime) -> String {
    let mut out = heading(t, service);
    out.push('\n');
    let w = t
        .steps
        .iter()
        .map(|s| offset(t, s.at).chars().count())
        .max()
        .unwrap_or(4);
    for s in &t.steps {
        out.push_str(&format!(
            "  {:<w$}  {}\n",
            offset(t, s.at),
            step_words(&s.step, service)
        ));
    }
    if let Some(c) = closing(t, end) {
        out.push_str(&format!("  {c}\n"));
    }
    out
}

fn ms(ns: u64) -> Value {
    let v = ((ns as f64 / 1e6) * 1e6).round() / 1e6;
    json!(v)
}

fn kind_of(step: &Step) -> &'static str {
    match step {
        Step::Arrived { .. } => "arrived",
        Step::CallerQueued { .. } => "caller_queued",
        Step::CallerGranted { .. } => "caller_granted",
        Step::CallerRejected => "caller_rejected",
        Step::Attempt { .. } => "attempt",
        Step::Breaker { .. } => "breaker",
        Step::BreakerRecorded { .. } => "breaker_recorded",
        Step::BulkheadSlot { .. } => "bulkhead_slot",
        Step::BulkheadQueued { .. } => "bulkhead_queued",
        Step::BulkheadAdmitted { .. } => "bulkhead_admitted",
        Step::BulkheadRejected { .. } => "bulkhead_rejected",
        Step::TimeoutArmed { .. } => "timeout_armed",
        Step::Sent { .. } => "sent",
        Step::Replied { .. } => "replied",
        Step::TimeoutFired { .. } => "timeout_fired",
        Step::AttemptEnded { .. } => "attempt_ended",
        Step::Backoff { .. } => "backoff",
        Step::RetryStopped { .. } => "retry_stopped",
        Step::Note(note) => note.kind,
        Step::Fork { step, .. } => kind_of(step),
        Step::Finished { .. } => "finished",
    }
}

fn stop_name(r: StopReason) -> &'static str {
    match r {
        StopReason::Succeeded => "succeeded",
        StopReason::Disabled => "disabled",
        StopReason::NotRetried => "not_retried",
        StopReason::Exhausted { .. } => "max_attempts",
        StopReason::Budget => "budget",
        StopReason::Deadline => "deadline",
    }
}

/// One step as JSON: `at_ms`, `kind`, and the step's own fields (a
/// forked copy's step also says which copy: `fork`).
pub fn step_json(at: SimTime, step: &Step) -> Value {
    if let Step::Fork { n, step } = step {
        let mut v = step_json(at, step);
        if let Value::Object(m) = &mut v {
            m.insert("fork".into(), json!(n));
        }
        return v;
    }
    let mut m = Map::new();
    m.insert("at_ms".into(), ms(at));
    m.insert("kind".into(), json!(kind_of(step)));
    let mut put = |k: &str, v: Value| {
        m.insert(k.into(), v);
    };
    match step {
        Step::Arrived { index } => put("index", json!(index)),
        Step::CallerQueued { waiting } => put("waiting", json!(waiting)),
        Step::CallerGranted { waited } => put("waited_ms", ms(waited.0)),
        Step::CallerRejected => {}
        Step::Attempt { n } => put("attempt", json!(n)),
        Step::Breaker { state, permitted } => {
            put("state", json!(state.name()));
            put("permitted", json!(permitted));
        }
        Step::BreakerRecorded { failed, transition } => {
            put("failed", json!(failed));
            put(
                "transition",
                match transition {
                    Some((from, to, reason)) => {
                        json!({ "from": from.name(), "to": to.name(), "reason": reason.in_language("en") })
                    }
                    None => Value::Null,
                },
            );
        }
        Step::BulkheadSlot { in_use, max } => {
            put("in_use", json!(in_use));
            put("max_concurrent", json!(max));
        }
        Step::BulkheadQueued { waiting, max_wait } => {
            put("waiting", json!(waiting));
            put("max_wait_ms", ms(max_wait.0));
        }
        Step::BulkheadAdmitted { waited } => put("waited_ms", ms(waited.0)),
        Step::BulkheadRejected { waited } => {
            put("waited_ms", waited.map_or(Value::Null, |w| ms(w.0)))
        }
        Step::TimeoutArmed { after } => put("after_ms", ms(after.0)),
        Step::Sent { reception } => match reception {
            Reception::Started => put("reception", json!("started")),
            Reception::Queued { ahead } => {
                put("reception", json!("queued"));
                put("ahead", json!(ahead));
            }
            Reception::Refused => put("reception", json!("refused")),
        },
        Step::Replied { ok, took } => {
            put("ok", json!(ok));
            put("took_ms", ms(took.0));
        }
        Step::TimeoutFired { after } => put("after_ms", ms(after.0)),
        Step::AttemptEnded { n, outcome, took } => {
            put("attempt", json!(n));
            put("outcome", json!(outcome.name()));
            put("took_ms", ms(took.0));
        }
        Step::Backoff { wait, next } => {
            put("wait_ms", ms(wait.0));
            put("next_attempt", json!(next));
        }
        Step::RetryStopped { reason } => put("reason", json!(stop_name(*reason))),
        Step::Note(note) => {
            for (name, value) in note.values() {
                match value {
                    NoteValue::None => {}
                    NoteValue::Count(n) => put(name, json!(n)),
                    NoteValue::Dur(d) => put(&format!("{name}_ms"), ms(d.0)),
                    NoteValue::Outcome(o) => put(name, json!(o.name())),
                }
            }
        }
        Step::Fork { .. } => {} // told above, as its own step with `fork`
        Step::Finished {
            outcome,
            fallback,
            latency,
        } => {
            put("outcome", json!(outcome.name()));
            put("fallback", json!(fallback));
            put("latency_ms", ms(latency.0));
        }
    }
    Value::Object(m)
}

/// One call as JSON.
pub fn call_json(t: &CallTrace) -> Value {
    json!({
        "index": t.index,
        "arrived_ms": ms(t.arrived),
        "layers": t.layers.iter().map(|k| k.name()).collect::<Vec<_>>(),
        "outcome": t.outcome.map(|o| o.name()),
        "finished_ms": t.finished.map(ms),
        "latency_ms": t.finished.map(|f| ms(f - t.arrived)),
        "fallback": t.fallback,
        "answer": t.answer,
        "steps": t.steps.iter().map(|s| step_json(s.at, &s.step)).collect::<Vec<_>>(),
    })
}
