//! `breakwater trace`: the story of the first N calls of a service arriving
//! at or after a time, from arrival to final answer, as text or JSON.

use crate::{json_text, load, say};
use breakwater::base::escape::escape;
use breakwater::base::time::{clock, Dur};
use breakwater::output;
use breakwater::report::trace as words;
use breakwater::scenario::variants::Side;
use breakwater::sim::trace::{TraceFrom, TraceRequest};
use breakwater::sim::Simulation;
use breakwater::t;
use serde_json::json;
use std::process::ExitCode;

/// The most calls one trace follows (a story is read, not skimmed).
pub const MAX_TRACE_CALLS: u32 = 1000;

/// What `breakwater trace` was asked.
pub struct TraceArgs<'a> {
    pub spec: &'a str,
    pub sets: &'a [String],
    pub variant: Option<Side>,
    pub service: Option<&'a str>,
    pub at: Dur,
    pub calls: u32,
    pub json: bool,
    pub seed: Option<u64>,
}

fn bad(m: String) -> ExitCode {
    output::errln(&format!("breakwater: {m}"));
    ExitCode::from(2)
}

pub fn trace(a: TraceArgs) -> Result<ExitCode, ExitCode> {
    let s = load(a.spec, a.sets, a.variant)?;
    let names: Vec<&str> = s.world.services.iter().map(|x| x.name.as_str()).collect();
    let service = match a.service {
        Some(name) => names.iter().position(|n| *n == name).ok_or_else(|| {
            bad(t!(
                "trace-unknown-service",
                name = escape(name),
                valid = names.join(", ")
            ))
        })?,
        None if names.len() == 1 => 0,
        None => {
            return Err(bad(t!(
                "trace-name-a-service",
                scenario = escape(a.spec),
                n = names.len(),
                valid = names.join(", ")
            )))
        }
    };
    if a.at >= s.duration {
        return Err(bad(t!(
            "trace-at-past-end",
            at = a.at.to_string(),
            end = s.duration.to_string()
        )));
    }
    let seed = a.seed.unwrap_or(s.seed);
    let mut sim = Simulation::with_seed(&s, seed);
    sim.measure_ticks(false);
    sim.trace(TraceRequest {
        service,
        from: TraceFrom::Time(a.at.0),
        calls: a.calls,
    });
    while !sim.traces_complete() && !sim.is_finished() {
        sim.advance_within(sim.end(), 100_000, &mut |_| {});
    }
    if let Some(stop) = sim.limit_crossed() {
        let spec = s.origin.strip_prefix("builtin:").unwrap_or(&s.origin);
        return Err(bad(format!(
            "{}: {}",
            escape(spec),
            t!("stopped-at", at = clock(stop.at), reason = &stop.message)
        )));
    }
    let traces = sim.take_traces(true);
    let name = names[service];
    let text = if a.json {
        let v = json!({
            "scenario": s.name.en(),
            "seed": seed,
            "service": name,
            "at_ms": a.at.0 as f64 / 1e6,
            "calls": traces.iter().map(words::call_json).collect::<Vec<_>>(),
        });
        json_text(&v)?
    } else {
        let mut out = format!(
            "{} · {}\n",
            escape(&s.name),
            t!(
                "trace-cmd-heading",
                seed = seed.to_string(),
                calls = a.calls,
                service = escape(name),
                from = clock(a.at.0)
            )
        );
        for t in &traces {
            out.push('\n');
            out.push_str(&words::to_text(t, &escape(name), sim.now()));
        }
        if traces.len() < a.calls as usize {
            out.push_str(&format!(
                "\n{}\n",
                t!(
                    "trace-cmd-fewer",
                    found = traces.len(),
                    calls = a.calls,
                    service = escape(name),
                    end = s.duration.to_string()
                )
            ));
        }
        out
    };
    say(&text)?;
    Ok(ExitCode::SUCCESS)
}
