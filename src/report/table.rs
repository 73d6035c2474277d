//! The default output of `run`: a readable table per service.

use crate::report::summary::{ServiceSummary, Summary};
use crate::sim::outcome::Outcome;
use std::fmt::Write;

fn row(out: &mut String, name: &str, s: &ServiceSummary) {
    let c = &s.counts;
    let apc = if c.calls > 0 {
        c.attempts as f64 / c.calls as f64
    } else {
        0.0
    };
    let _ = writeln!(
        out,
        "{:<12} {:>9} {:>9} {:>8} {:>9} {:>9} {:>9} {:>8} {:>9} {:>6.2} {:>9.1} {:>9.1} {:>5.0}%  {} ({}× opened)",
        name,
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
        s.final_state.to_uppercase(),
        s.breaker_opened
    );
}

pub fn to_table(s: &Summary) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} · seed {} · {:.1} s simulated in {:.2} s",
        s.scenario, s.seed, s.sim_seconds, s.wall_seconds
    );
    let _ = writeln!(
        out,
        "{:<12} {:>9} {:>9} {:>8} {:>9} {:>9} {:>9} {:>8} {:>9} {:>6} {:>9} {:>9} {:>6}  breaker",
        "service",
        "calls",
        "ok",
        "failed",
        "timed_out",
        "short_cct",
        "bulk_rej",
        "cli_rej",
        "fallbacks",
        "att/c",
        "p50 ms",
        "p99 ms",
        "util"
    );
    for svc in &s.services {
        row(&mut out, &svc.name, svc);
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
    out
}
