//! `run --timeseries FILE.csv`: one row per tick per service, streamed as the
//! simulation runs so memory does not grow with the run. The last column,
//! `breaker_states`, lists every breaker state seen within the tick in the
//! order first seen (`open|half_open|closed`; empty without a breaker), so a
//! state shorter than a tick is in the file too. After it come the columns
//! added since, always present: `attempted_calls`, `attempted_attempts`
//! (calls that made an attempt, and their attempts), `reached_calls` and
//! `reached_p50_ms` … `reached_max_ms` (the latency of the calls that reached
//! the downstream; empty when none finished in the tick). Last come the patterns'
//! own counters the run uses (`Simulation::counters_in_use`), by name, so a
//! file without them reads as before they existed.

use crate::base::outcome::Outcome;
use crate::patterns::registry;
use crate::sim::metrics::Tick;
use std::io::{self, Write};

pub const HEADER: &str = "t_s,service,calls,ok,failed,timed_out,short_circuited,bulkhead_rejected,client_rejected,fallbacks,attempts,retries,attempt_timed_out,downstream_attempts,downstream_refused,in_flight,downstream_busy,downstream_queued,bulkhead_in_use,bulkhead_waiting,client_busy,client_waiting,breaker,budget_tokens,p50_ms,p90_ms,p99_ms,max_ms,breaker_states,attempted_calls,attempted_attempts,reached_calls,reached_p50_ms,reached_p90_ms,reached_p99_ms,reached_max_ms";

/// The header, with a column for each of the `counters` (indexes in
/// `Counts::extra`).
pub fn write_header(w: &mut impl Write, counters: &[usize]) -> io::Result<()> {
    write!(w, "{HEADER}")?;
    for (i, (_, c)) in registry::counters().enumerate() {
        if counters.contains(&i) {
            write!(w, ",{}", c.name)?;
        }
    }
    writeln!(w)
}

pub fn write_tick(
    w: &mut impl Write,
    tick: &Tick,
    names: &[String],
    counters: &[usize],
) -> io::Result<()> {
    for (s, name) in tick.services.iter().zip(names) {
        let c = &s.counts;
        write!(w, "{:.3},{name},{}", tick.t as f64 / 1e9, c.calls)?;
        for o in Outcome::ALL {
            write!(w, ",{}", c.outcome(o))?;
        }
        write!(
            w,
            ",{},{},{},{},{},{},{},{},{},{},{},{},{},{},",
            c.fallbacks,
            c.attempts,
            c.retries,
            c.attempt_outcomes[Outcome::TimedOut.index()],
            c.downstream_attempts,
            c.downstream_refused,
            s.in_flight,
            s.downstream_busy,
            s.downstream_queued,
            s.bulkhead_in_use,
            s.bulkhead_waiting,
            tick.client_busy,
            tick.client_waiting,
            s.breaker.name()
        )?;
        if let Some(t) = s.budget_tokens {
            write!(w, "{t:.3}")?;
        }
        if s.counts.finished() == 0 {
            // No call finished in the tick: no latency, not a latency of 0
            // (a plot would dip to zero).
            write!(w, ",,,,,")?;
        } else {
            write!(
                w,
                ",{:.3},{:.3},{:.3},{:.3},",
                s.latency.p50, s.latency.p90, s.latency.p99, s.latency.max
            )?;
        }
        for (i, state) in s.breaker_seen.iter().enumerate() {
            let sep = if i == 0 { "" } else { "|" };
            write!(w, "{sep}{}", state.name())?;
        }
        write!(
            w,
            ",{},{},{}",
            c.attempted_calls, c.attempted_attempts, c.reached_calls
        )?;
        if c.reached_calls == 0 {
            write!(w, ",,,,")?;
        } else {
            let l = &s.latency_reached;
            write!(w, ",{:.3},{:.3},{:.3},{:.3}", l.p50, l.p90, l.p99, l.max)?;
        }
        for &i in counters {
            write!(w, ",{}", c.extra[i])?;
        }
        writeln!(w)?;
    }
    Ok(())
}
