//! The default output of `run`: a readable table per service, narrow enough
//! for a 100-column terminal.

use crate::base::outcome::Outcome;
use crate::report::summary::{ServiceSummary, Summary};
use std::fmt::Write;

const HEADER: [&str; 14] = [
    "service", "calls", "ok", "failed", "timeout", "short", "bulkhd", "client", "fallbk", "att/c",
    "p50 ms", "p99 ms", "util", "breaker",
];

fn row(out: &mut String, s: &ServiceSummary) {
    let c = &s.counts;
    let apc = if c.calls > 0 {
        c.attempts as f64 / c.calls as f64
    } else {
        0.0
    };
    let breaker = match s.breaker_opened {
        0 => s.final_state.to_uppercase(),
        n => format!("{}, opened {n}×", s.final_state.to_uppercase()),
    };
    let _ = writeln!(
        out,
        "{:<9} {:>8} {:>8} {:>6} {:>7} {:>6} {:>6} {:>6} {:>6} {:>5.2} {:>7.1} {:>8.1} {:>3.0}% {}",
        s.name,
        c.calls,
        c.outcome(Outcome::Ok),
        c.outcome(Outcome::Failed),
        c.outcome(Outcome::TimedOut),
        c.outcome(Outcome::ShortCircuited),
        c.outcome(Outcome::BulkheadRejected),
        c.outcome(Outcome::ClientRejected),
        c.fallbacks,
        apc,
        s.latency.p50,
        s.latency.p99,
        s.utilization * 100.0,
        breaker
    );
}

pub fn to_table(s: &Summary) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} · seed {} · {:.1} s simulated in {:.2} s",
        crate::base::escape::escape(&s.scenario),
        s.seed,
        s.sim_seconds,
        s.wall_seconds
    );
    let h = HEADER;
    let _ = writeln!(
        out,
        "{:<9} {:>8} {:>8} {:>6} {:>7} {:>6} {:>6} {:>6} {:>6} {:>5} {:>7} {:>8} {:>4} {}",
        h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8], h[9], h[10], h[11], h[12], h[13]
    );
    for svc in &s.services {
        row(&mut out, svc);
    }
    let _ = writeln!(
        out,
        "total: {} calls, {} ok, {} in flight; latency p50 {:.1} ms, p99 {:.1} ms",
        s.totals.calls,
        s.totals.outcome(Outcome::Ok),
        s.totals_in_flight,
        s.totals_latency.p50,
        s.totals_latency.p99
    );
    let _ = writeln!(
        out,
        "(timeout: timed_out, short: short_circuited, bulkhd: bulkhead_rejected, client: client_rejected)"
    );
    out
}
