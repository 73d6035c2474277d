//! `breakwater trace`: the story of the first N calls of a service arriving
//! at or after a time, from arrival to final answer, as text or JSON.

use crate::{load, say};
use breakwater::base::escape::escape;
use breakwater::base::time::{clock, Dur};
use breakwater::output;
use breakwater::report::trace as words;
use breakwater::scenario::variants::Side;
use breakwater::sim::trace::{TraceFrom, TraceRequest};
use breakwater::sim::Simulation;
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
            bad(format!(
                "--service {}: unknown service. Valid: {}",
                escape(name),
                names.join(", ")
            ))
        })?,
        None if names.len() == 1 => 0,
        None => {
            return Err(bad(format!(
                "--service: {} has {} services; name one: {}",
                escape(a.spec),
                names.len(),
                names.join(", ")
            )))
        }
    };
    if a.at >= s.duration {
        return Err(bad(format!(
            "--at {}: at or after the end of the scenario ({}); valid: from 0s to before {}",
            a.at, s.duration, s.duration
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
            "{}: stopped at {} of simulated time: {}",
            escape(spec),
            clock(stop.at),
            stop.message
        )));
    }
    let traces = sim.take_traces(true);
    let name = names[service];
    let text = if a.json {
        let v = json!({
            "scenario": s.name,
            "seed": seed,
            "service": name,
            "at_ms": a.at.0 as f64 / 1e6,
            "calls": traces.iter().map(words::call_json).collect::<Vec<_>>(),
        });
        match serde_json::to_string_pretty(&v) {
            Ok(t) => format!("{t}\n"),
            Err(e) => {
                output::errln(&format!("breakwater: cannot write JSON: {e}"));
                return Err(ExitCode::from(1));
            }
        }
    } else {
        let mut out = format!(
            "{} · seed {seed} · {} call(s) of {} from {}\n",
            escape(&s.name),
            a.calls,
            escape(name),
            clock(a.at.0)
        );
        for t in &traces {
            out.push('\n');
            out.push_str(&words::to_text(t, &escape(name), sim.now()));
        }
        if traces.len() < a.calls as usize {
            out.push_str(&format!(
                "\n{} of {} call(s): no more calls of {} arrived before the end ({})\n",
                traces.len(),
                a.calls,
                escape(name),
                s.duration
            ));
        }
        out
    };
    say(&text)?;
    Ok(ExitCode::SUCCESS)
}
