//! `breakwater trace`: the story of the first N calls of a service arriving
//! at or after a time (or from call #N on), from arrival to final answer, as
//! text or JSON, always in index order. With `--where KIND` only the calls
//! whose story has that trait, looking at most `LOOK_AHEAD` past the start.
//!
//! Exit status with `--where`: 0 when at least one call was found (fewer
//! than asked for is said on stderr), 1 when none was (said on stderr,
//! nothing on stdout).

use super::failure::{Failure, Outcome};
use super::flags::{Quiet, Seed, Sets, Variant};
use super::progress::{Progress, Work};
use super::shell::{json_text, load, refused, say, spec_name, stopped_by};
use super::values::{parse_at, parse_calls, parse_index, parse_where};
use breakwater::base::escape::escape;
use breakwater::base::time::{clock, Dur};
use breakwater::output;
use breakwater::output::file::Refused;
use breakwater::report::otlp::Otlp;
use breakwater::report::trace as words;
use breakwater::sim::trace::{TraceFrom, TraceRequest, Where, LOOK_AHEAD};
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
    #[arg(long, value_parser = parse_at, required_unless_present = "call")]
    at: Option<Dur>,
    #[arg(long, value_name = "N", value_parser = parse_index, conflicts_with = "at")]
    call: Option<u64>,
    #[arg(long, default_value_t = 1, value_parser = parse_calls)]
    calls: u32,
    #[arg(long = "where", id = "where", value_name = "KIND", value_parser = parse_where)]
    kind: Option<Where>,
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
    #[arg(long, value_name = "FILE")]
    otlp: Option<String>,
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
    if let Some(at) = a.at.filter(|at| *at >= s.duration) {
        return Err(Failure::bad(t!(
            "trace-at-past-end",
            at = at.to_string(),
            end = s.duration.to_string()
        )));
    }
    let from = match (a.call, a.at) {
        (Some(i), _) => TraceFrom::Index(i),
        (None, at) => TraceFrom::Time(at.unwrap_or(Dur(0)).0),
    };
    // Another name for an input, or a link: refused before any work.
    if let Some(path) = &a.otlp {
        if let Err(e @ (Refused::Input(_) | Refused::Symlink)) = output::file::check(path) {
            return Err(refused("--otlp", path, &e));
        }
    }
    let seed = a.seed.seed.unwrap_or(s.seed);
    let mut sim = Simulation::with_seed(&s, seed);
    sim.measure_ticks(false);
    let request = TraceRequest {
        service,
        from,
        calls: a.calls,
    };
    match a.kind {
        Some(kind) => sim.trace_where(request, kind, LOOK_AHEAD),
        None => sim.trace(request),
    }
    let progress = Progress::asked(Work::Simulated { of: s.duration }, sim.end(), a.quiet);
    while !sim.traces_complete() && !sim.is_finished() {
        sim.advance_within(sim.end(), 100_000, &mut |_| {});
        progress.set(sim.now());
    }
    drop(progress);
    stopped_by(spec_name(&s), sim.limit_crossed())?;
    let traces = sim.take_traces(true);
    let name = names[service];
    // Where the calls were followed from, as a person reads it.
    let start = match from {
        TraceFrom::Time(at) => clock(at),
        TraceFrom::Index(i) => t!("trace-cmd-from-call", index = i.to_string()),
    };
    if let Some(kind) = a.kind {
        let looked = Looked {
            kind,
            service: name,
            start: &start,
            from: sim.trace_start(),
            window_closed: sim.trace_window_closed(),
            end: s.duration,
        };
        if traces.is_empty() {
            return Err(Failure::with(1, format!("breakwater: {}", looked.none())));
        }
        if traces.len() < a.calls as usize {
            output::errln(&format!(
                "breakwater: {}",
                looked.fewer(traces.len(), a.calls)
            ));
        }
    }
    let text = if a.json {
        let mut v = json!({
            "scenario": s.name.en(),
            "seed": seed,
            "service": name,
            "at_ms": match from {
                TraceFrom::Time(at) => Some(at as f64 / 1e6),
                TraceFrom::Index(_) => sim.trace_start().or(traces.first().map(|t| t.arrived)).map(|at| at as f64 / 1e6),
            },
            "calls": traces.iter().map(words::call_json).collect::<Vec<_>>(),
        });
        if let TraceFrom::Index(i) = from {
            v["from_call"] = json!(i);
        }
        if let Some(kind) = a.kind {
            v["where"] = json!(kind.name());
            v["look_ahead_ms"] = json!(LOOK_AHEAD.0 as f64 / 1e6);
            v["look_ahead_reached"] = json!(sim.trace_window_closed());
        }
        json_text(&v)?
    } else {
        let heading = match a.kind {
            None => t!(
                "trace-cmd-heading",
                seed = seed.to_string(),
                calls = a.calls,
                service = escape(name),
                from = start.clone()
            ),
            Some(kind) => t!(
                "trace-cmd-heading-where",
                seed = seed.to_string(),
                calls = a.calls,
                service = escape(name),
                from = start.clone(),
                kind = words::where_words(kind),
                minutes = LOOK_AHEAD.0 / 60_000_000_000
            ),
        };
        let mut out = format!("{} · {}\n", escape(&s.name), heading);
        for t in &traces {
            out.push('\n');
            out.push_str(&words::to_text(t, &escape(name), sim.now()));
        }
        if a.kind.is_none() && traces.len() < a.calls as usize {
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
    match &a.otlp {
        Some(path) => write_otlp(path, &s, seed, &traces, sim.now()),
        None => Ok(()),
    }
}

/// `--otlp FILE`: the traced calls as OTLP/JSON spans (one request), on
/// the metrics' fixed epoch; written whole after the story is out.
fn write_otlp(
    path: &str,
    s: &breakwater::scenario::Scenario,
    seed: u64,
    traces: &[breakwater::sim::trace::CallTrace],
    now: breakwater::base::time::SimTime,
) -> Outcome {
    let names = s.world.services.iter().map(|x| x.name.clone()).collect();
    let epoch_ms = breakwater::report::openmetrics::DEFAULT_EPOCH * 1000;
    let otlp = Otlp::new(seed, epoch_ms, names, s.name.en(), None);
    let mut text = otlp
        .request(traces, now)
        .map(|r| r.to_string())
        .unwrap_or_default();
    text.push('\n');
    output::file::write(path, text.as_bytes()).map_err(|e| refused("--otlp", path, &e))
}

/// What a filtered trace looked at, to say why it found fewer than asked.
struct Looked<'a> {
    kind: Where,
    service: &'a str,
    /// The start asked for, as said in the heading.
    start: &'a str,
    /// The look-ahead's start, once known.
    from: Option<u64>,
    window_closed: bool,
    end: Dur,
}

impl Looked<'_> {
    fn until(&self) -> String {
        clock(self.from.unwrap_or(0).saturating_add(LOOK_AHEAD.0))
    }

    fn none(&self) -> String {
        let (service, kind) = (escape(self.service), words::where_words(self.kind));
        if self.window_closed {
            t!(
                "trace-cmd-where-none-window",
                service = service,
                kind = kind,
                from = self.start.to_string(),
                until = self.until(),
                minutes = LOOK_AHEAD.0 / 60_000_000_000
            )
        } else {
            t!(
                "trace-cmd-where-none-end",
                service = service,
                kind = kind,
                from = self.start.to_string(),
                end = self.end.to_string()
            )
        }
    }

    fn fewer(&self, found: usize, calls: u32) -> String {
        let kind = words::where_words(self.kind);
        if self.window_closed {
            t!(
                "trace-cmd-where-fewer-window",
                found = found,
                calls = calls,
                kind = kind,
                until = self.until(),
                minutes = LOOK_AHEAD.0 / 60_000_000_000
            )
        } else {
            t!(
                "trace-cmd-where-fewer-end",
                found = found,
                calls = calls,
                kind = kind,
                end = self.end.to_string()
            )
        }
    }
}
