//! `breakwater trace`: the story of the first N calls of a service arriving
//! at or after a time, from arrival to final answer, as text or JSON.

use super::failure::{Failure, Outcome};
use super::flags::{Quiet, Seed, Sets, Variant};
use super::progress::{Progress, Work};
use super::shell::{json_text, load, say, spec_name, stopped_by};
use super::values::{parse_at, parse_calls};
use breakwater::base::escape::escape;
use breakwater::base::time::{clock, Dur};
use breakwater::report::trace as words;
use breakwater::sim::trace::{TraceFrom, TraceRequest};
use breakwater::sim::Simulation;
use breakwater::t;
use serde_json::json;

/// The most calls one trace follows (a story is read, not skimmed).
pub const MAX_TRACE_CALLS: u32 = 1000;

#[derive(clap::Args)]
pub struct TraceArgs {
    scenario: String,
    #[arg(long)]
    service: Option<String>,
    #[arg(long, value_parser = parse_at)]
    at: Dur,
    #[arg(long, default_value_t = 1, value_parser = parse_calls)]
    calls: u32,
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    sets: Sets,
    #[command(flatten)]
    seed: Seed,
    #[command(flatten)]
    variant: Variant,
    #[command(flatten)]
    quiet: Quiet,
}

pub fn trace(a: TraceArgs) -> Outcome {
    let s = load(&a.scenario, &a.sets.set, a.variant.variant)?;
    let names: Vec<&str> = s.world.services.iter().map(|x| x.name.as_str()).collect();
    let service = match a.service.as_deref() {
        Some(name) => names.iter().position(|n| *n == name).ok_or_else(|| {
            Failure::bad(t!(
                "trace-unknown-service",
                name = escape(name),
                valid = names.join(", ")
            ))
        })?,
        None if names.len() == 1 => 0,
        None => {
            return Err(Failure::bad(t!(
                "trace-name-a-service",
                scenario = escape(&a.scenario),
                n = names.len(),
                valid = names.join(", ")
            )))
        }
    };
    if a.at >= s.duration {
        return Err(Failure::bad(t!(
            "trace-at-past-end",
            at = a.at.to_string(),
            end = s.duration.to_string()
        )));
    }
    let seed = a.seed.seed.unwrap_or(s.seed);
    let mut sim = Simulation::with_seed(&s, seed);
    sim.measure_ticks(false);
    sim.trace(TraceRequest {
        service,
        from: TraceFrom::Time(a.at.0),
        calls: a.calls,
    });
    let progress = Progress::new(Work::Simulated { of: s.duration }, sim.end(), a.quiet.quiet);
    while !sim.traces_complete() && !sim.is_finished() {
        sim.advance_within(sim.end(), 100_000, &mut |_| {});
        progress.set(sim.now());
    }
    drop(progress);
    stopped_by(spec_name(&s), sim.limit_crossed())?;
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
    say(&text)
}
