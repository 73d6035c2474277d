//! Every sentence of the sweep that a person reads, in one place, so that
//! they move into the language catalogues as one piece. CSV headers, JSON
//! keys, paths and commands are not here: they never change with language.

use crate::base::escape::escape;
use crate::sweep::Sweep;
use crate::t;

// ---- --vary and the grid ----------------------------------------------------

pub fn vary_form() -> String {
    t!("sweep-vary-form")
}

pub fn vary_empty_value(spec: &str) -> String {
    t!("sweep-vary-empty-value", spec = escape(spec))
}

pub fn range_needs_step(range: &str) -> String {
    t!("sweep-range-needs-step", range = escape(range))
}

pub fn range_kinds(from: &str, to: &str, step: &str) -> String {
    t!(
        "sweep-range-kinds",
        range = format!("{}..{}:{}", escape(from), escape(to), escape(step))
    )
}

pub fn range_step_positive() -> String {
    t!("sweep-range-step-positive")
}

pub fn range_descending() -> String {
    t!("sweep-range-descending")
}

pub fn range_too_many(n: f64, max: usize) -> String {
    t!("sweep-range-too-many", n = n.round(), max = max)
}

pub fn vary_count(n: usize) -> String {
    t!("sweep-vary-count", n = n)
}

pub fn vary_same_path(path: &str) -> String {
    t!("sweep-vary-same-path", path = escape(path))
}

pub fn too_many_cells(cells: f64, max: usize) -> String {
    t!("sweep-too-many-cells", cells = cells.round(), max = max)
}

pub fn fixed_and_varied(path: &str) -> String {
    t!("sweep-fixed-and-varied", path = escape(path))
}

pub fn cell_named(sets: &[String]) -> String {
    t!("sweep-cell-named", sets = escape(&sets.join(" ")))
}

pub fn shard_form() -> String {
    t!("sweep-shard-form")
}

pub fn seeds_past_max(first: u64, seeds: u64, max: u64) -> String {
    let last = first as u128 + seeds as u128 - 1;
    t!(
        "sweep-seeds-past-max",
        seeds = seeds.to_string(),
        first = first.to_string(),
        last = last.to_string(),
        max = max.to_string()
    )
}

pub fn unknown_service(name: &str, valid: &[String]) -> String {
    t!(
        "sweep-unknown-service",
        name = escape(name),
        valid = valid.join(", ")
    )
}

pub fn resume_and_csv() -> String {
    t!("sweep-resume-and-csv")
}

// ---- CSV ----------------------------------------------------------------------

pub fn csv_header(at: &str, header: &str) -> String {
    t!("sweep-csv-header", at = at, header = escape(header))
}

pub fn csv_cut_row(at: &str) -> String {
    t!("sweep-csv-cut-row", at = at)
}

pub fn csv_not_utf8(at: &str) -> String {
    t!("sweep-csv-not-utf8", at = at)
}

pub fn csv_not_finite(at: &str, column: &str, have: &str) -> String {
    t!(
        "sweep-csv-not-finite",
        at = at,
        column = column,
        have = escape(have)
    )
}

pub fn csv_other_sweep(at: &str, column: &str, have: &str, want: &str) -> String {
    t!(
        "sweep-csv-other-sweep",
        at = at,
        column = escape(column),
        have = escape(have),
        want = escape(want)
    )
}

// ---- running ------------------------------------------------------------------

pub fn cell_limit(seed: u64, at: &str, message: &str) -> String {
    t!(
        "sweep-cell-limit",
        seed = seed.to_string(),
        at = at,
        reason = message
    )
}

/// A cell that could not be given memory for its calls in flight.
pub fn cell_memory(calls: usize) -> String {
    t!("sweep-cell-memory", calls = calls as f64)
}

pub fn interrupted(done: usize, total: usize, csv: Option<&str>) -> String {
    match csv {
        Some(f) => t!(
            "sweep-interrupted-kept",
            done = done,
            total = total,
            file = escape(f)
        ),
        None => t!("sweep-interrupted-lost", done = done, total = total),
    }
}

// ---- what a person reads --------------------------------------------------------

pub fn heading(sw: &Sweep, cells: usize, wall: f64, threads: usize) -> String {
    let side = sw.variant.map_or(String::new(), |v| {
        format!(" ({})", t!("sweep-side", side = v.to_string()))
    });
    let of = if cells < sw.grid.len() {
        format!(" {}", t!("sweep-of-grid", total = sw.grid.len()))
    } else {
        String::new()
    };
    let seeds = if sw.seeds > 1 {
        t!(
            "sweep-seeds-range",
            first = sw.seed.to_string(),
            last = (sw.seed + sw.seeds - 1).to_string()
        )
    } else {
        t!("sweep-seed-one", seed = sw.seed.to_string())
    };
    format!(
        "{}{side} · {}",
        escape(&sw.name),
        t!(
            "sweep-heading",
            cells = cells,
            count = if of.is_empty() { cells } else { sw.grid.len() },
            of = of,
            seeds = seeds,
            wall = crate::i18n::number(wall, 2),
            threads = threads
        )
    )
}

pub fn metric_line(sw: &Sweep) -> String {
    t!(
        "sweep-metric-line",
        name = sw.measure.metric.name(),
        label = sw.measure.metric.label(),
        service = service_shown(sw)
    )
}

/// The service the metric is of, or "all services" in the reader's words.
fn service_shown(sw: &Sweep) -> String {
    if sw.service == "all" {
        t!("compare-all-services")
    } else {
        escape(&sw.service).into_owned()
    }
}

pub fn chart_title(sw: &Sweep) -> String {
    format!("{} · {}", sw.measure.metric.label(), service_shown(sw))
}

/// A value of a `--vary` list as a person reads it: a duration without its
/// quotes, a number with the reader's decimal mark (the command that opens
/// the cell keeps the value as typed).
pub fn value_shown(v: &str) -> String {
    let v = escape(v.trim_matches('"')).into_owned();
    if v.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '.') {
        crate::i18n::decimal_marked(&v)
    } else {
        v
    }
}

pub fn cell_word() -> String {
    t!("sweep-cell")
}

pub fn open_it() -> String {
    t!("sweep-open-it")
}

pub fn limit_word() -> String {
    t!("sweep-limit-word")
}

pub fn cell_limit_note(index: usize, why: &str) -> String {
    t!(
        "sweep-cell-limit-note",
        index = index.to_string(),
        reason = why
    )
}

pub fn mark_undefined() -> String {
    t!("sweep-mark-undefined")
}

pub fn mark_limit() -> String {
    t!("sweep-mark-limit")
}
