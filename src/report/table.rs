//! The default output of `run`: a readable table per service, in the
//! reader's language, its columns as wide as their words and numbers.

use crate::base::escape::escape;
use crate::base::outcome::Outcome;
use crate::base::units::count;
use crate::i18n::number;
use crate::patterns::registry;
use crate::report::summary::{ServiceSummary, Summary};
use crate::t;
use std::fmt::Write;

/// The columns' message ids, left to right.
const HEADER: [&str; 14] = [
    "table-service",
    "table-calls",
    "table-ok",
    "table-failed",
    "table-timeout",
    "table-short",
    "table-bulkhead",
    "table-client",
    "table-fallback",
    "table-attempts-per-call",
    "table-p50",
    "table-p99",
    "table-utilization",
    "table-breaker",
];

/// The breaker column: its final state and how often it opened, or `—` for
/// a service without a breaker.
fn breaker(s: &ServiceSummary) -> String {
    if s.final_state == "off" {
        return "—".into();
    }
    let state = s.final_state.to_uppercase();
    match s.breaker_opened {
        0 => state,
        n => t!("table-breaker-opened", state = state, n = n),
    }
}

fn row(s: &ServiceSummary, counters: &[usize]) -> Vec<String> {
    let c = &s.counts;
    let apc = if c.calls > 0 {
        c.attempts as f64 / c.calls as f64
    } else {
        0.0
    };
    let mut cells = vec![
        escape(&s.name).into_owned(),
        count(c.calls),
        count(c.outcome(Outcome::Ok)),
        count(c.outcome(Outcome::Failed)),
        count(c.outcome(Outcome::TimedOut)),
        count(c.outcome(Outcome::ShortCircuited)),
        count(c.outcome(Outcome::BulkheadRejected)),
        count(c.outcome(Outcome::ClientRejected)),
        count(c.fallbacks),
        number(apc, 2),
        number(s.latency.p50, 1),
        number(s.latency.p99, 1),
        format!("{}%", number(s.utilization * 100.0, 0)),
    ];
    cells.extend(counters.iter().map(|&i| count(c.extra[i])));
    cells.push(breaker(s));
    cells
}

/// The header: the fixed columns, a column per pattern counter the run
/// reports, and the breaker last (its words to the left).
fn header(counters: &[usize]) -> Vec<String> {
    let (last, fixed) = HEADER.split_last().expect("a header");
    let mut cells: Vec<String> = fixed.iter().map(|id| crate::i18n::tr(id, None)).collect();
    for (i, (_, c)) in registry::counters().enumerate() {
        if counters.contains(&i) {
            cells.push(crate::i18n::tr(c.column, None));
        }
    }
    cells.push(crate::i18n::tr(last, None));
    cells
}

/// The widest a table's line may be: a class's 80-column terminal.
pub const WIDTH: usize = 80;

/// Rows of cells as aligned text: the first column to the left, numbers to
/// the right, the last (words) to the left. A table wider than `WIDTH` is
/// wrapped as a whole: its columns go in blocks, each led by the first
/// column, so no row is ever broken in the middle.
fn layout(rows: &[Vec<String>]) -> String {
    let n = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    let width: Vec<usize> = (0..n)
        .map(|k| {
            rows.iter()
                .filter_map(|r| r.get(k))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    // Blocks of columns after the first, each fitting WIDTH with it (a
    // column too wide for any block gets one of its own).
    let mut blocks: Vec<Vec<usize>> = Vec::new();
    let mut used = width.first().copied().unwrap_or(0);
    for k in 1..n {
        match blocks.last_mut() {
            Some(block) if used + 1 + width[k] <= WIDTH => block.push(k),
            _ => {
                blocks.push(vec![k]);
                used = width[0];
            }
        }
        used += 1 + width[k];
    }
    let mut out = String::new();
    for (b, block) in blocks.iter().enumerate() {
        if b > 0 {
            out.push('\n');
        }
        for r in rows {
            let mut line = String::new();
            for k in std::iter::once(0).chain(block.iter().copied()) {
                let cell = r.get(k).map_or("", String::as_str);
                let w = width[k];
                if k > 0 {
                    line.push(' ');
                }
                if k == 0 || k + 1 == n {
                    let _ = write!(line, "{cell:<w$}");
                } else {
                    let _ = write!(line, "{cell:>w$}");
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    out
}

/// A line of prose under the table, wrapped between words at `WIDTH`.
fn prose(out: &mut String, text: &str) {
    for line in crate::base::wrap::wrap(text, WIDTH) {
        let _ = writeln!(out, "{line}");
    }
}

pub fn to_table(s: &Summary) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        t!(
            "table-heading",
            scenario = escape(&s.scenario).into_owned(),
            seed = s.seed.to_string(),
            simulated = number(s.sim_seconds, 1),
            wall = number(s.wall_seconds, 2)
        )
    );
    let mut rows: Vec<Vec<String>> = vec![header(&s.counters)];
    rows.extend(s.services.iter().map(|x| row(x, &s.counters)));
    out.push_str(&layout(&rows));
    prose(
        &mut out,
        &t!(
            "table-total",
            calls = count(s.totals.calls),
            ok = count(s.totals.outcome(Outcome::Ok)),
            in_flight = count(s.totals_in_flight),
            p50 = number(s.totals_latency.p50, 1),
            p99 = number(s.totals_latency.p99, 1)
        ),
    );
    prose(&mut out, &t!("table-legend"));
    out
}
