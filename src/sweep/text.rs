//! Every sentence of the sweep that a person reads, in one place, so that
//! they move into the language catalogues as one piece. CSV headers, JSON
//! keys, paths and commands are not here: they never change with language.

use crate::base::escape::escape;
use crate::sweep::Sweep;

// ---- --vary and the grid ----------------------------------------------------

pub fn vary_form() -> String {
    "expected PATH=LIST or PATH=FROM..TO:STEP, e.g. load.rate=20..90:10, \
     patterns.retry.jitter=none,full or patterns.timeout.per_attempt=250ms..2s:250ms"
        .into()
}

pub fn vary_empty_value(spec: &str) -> String {
    format!(
        "`{}`: an empty value in the list; values are separated by commas, e.g. 1,2,5",
        escape(spec)
    )
}

pub fn range_needs_step(range: &str) -> String {
    format!(
        "`{}`: a range needs a step: FROM..TO:STEP, e.g. 20..90:10 (TO included)",
        escape(range)
    )
}

pub fn range_kinds(from: &str, to: &str, step: &str) -> String {
    format!(
        "`{}..{}:{}`: FROM, TO and STEP are numbers (20..90:10, 0.1..0.5:0.1) or durations \
         (250ms..2s:250ms)",
        escape(from),
        escape(to),
        escape(step)
    )
}

pub fn range_step_positive() -> String {
    "the STEP of FROM..TO:STEP must be above 0".into()
}

pub fn range_descending() -> String {
    "the range is descending (TO below FROM), so it is empty; write it from the smaller value \
     up, e.g. 1..5:1"
        .into()
}

pub fn range_too_many(n: f64, max: usize) -> String {
    format!("the range has {n:.0} values; a sweep has at most {max} cells: use a larger STEP")
}

pub fn vary_count(n: usize) -> String {
    format!("--vary is given {n} times: a sweep varies one path (a line) or two (a map)")
}

pub fn vary_same_path(path: &str) -> String {
    format!(
        "--vary {}: the same path twice; list all its values in one --vary",
        escape(path)
    )
}

pub fn too_many_cells(cells: f64, max: usize) -> String {
    format!(
        "--vary: {cells:.0} cells, over the limit of {max}: use larger steps, or split the \
         sweep into several with narrower ranges"
    )
}

pub fn fixed_and_varied(path: &str) -> String {
    format!("--vary {path}: the path is also given with --set; a path is either fixed or varied")
}

pub fn cell_named(sets: &[String]) -> String {
    format!("--vary: the cell {}", escape(&sets.join(" ")))
}

pub fn shard_form() -> String {
    "expected I/N with 0 ≤ I < N, e.g. 0/4 (cells 0, 4, 8, …)".into()
}

pub fn seeds_past_max(first: u64, seeds: u64, max: u64) -> String {
    format!(
        "--seeds {seeds}: seeds {first} … {} pass the largest seed, {max}",
        first as u128 + seeds as u128 - 1
    )
}

pub fn unknown_service(name: &str, valid: &[String]) -> String {
    format!(
        "--service {}: no such service. Valid: all, {}",
        escape(name),
        valid.join(", ")
    )
}

pub fn resume_and_csv() -> String {
    "--resume FILE writes the new cells into FILE; leave out --csv".into()
}

// ---- CSV ----------------------------------------------------------------------

pub fn csv_header(at: &str, header: &str) -> String {
    format!(
        "{at}: not this sweep's CSV: its first line should be `{}`",
        escape(header)
    )
}

pub fn csv_bad_row(at: &str) -> String {
    format!("{at}: a row this sweep did not write (wrong number of columns or a bad number)")
}

pub fn csv_other_sweep(at: &str, column: &str, have: &str, want: &str) -> String {
    format!(
        "{at}: a row of another sweep: {} is `{}`, this sweep's is `{}`",
        escape(column),
        escape(have),
        escape(want)
    )
}

// ---- running ------------------------------------------------------------------

pub fn cell_limit(seed: u64, at: &str, message: &str) -> String {
    format!("seed {seed}: stopped at {at}: {message}")
}

pub fn progress_template() -> &'static str {
    "{bar:40} {pos}/{len} cells · {elapsed} · about {eta} left"
}

pub fn interrupted(done: usize, total: usize, csv: Option<&str>) -> String {
    match csv {
        Some(f) => format!(
            "interrupted: {done} of {total} cells finished and are in {f}; \
             add --resume {f} (instead of --csv) to run the rest",
            f = escape(f)
        ),
        None => format!(
            "interrupted: {done} of {total} cells finished; without --csv FILE nothing was kept"
        ),
    }
}

// ---- what a person reads --------------------------------------------------------

pub fn heading(sw: &Sweep, cells: usize, wall: f64, threads: usize) -> String {
    let side = sw.variant.map_or(String::new(), |v| format!(" (side {v})"));
    let shard = if cells < sw.grid.len() {
        format!(" of {}", sw.grid.len())
    } else {
        String::new()
    };
    format!(
        "{}{side} · sweep · {cells}{shard} {} · seed {}{} · {wall:.2} s on {threads} thread(s)",
        escape(&sw.name),
        if cells == 1 && shard.is_empty() {
            "cell"
        } else {
            "cells"
        },
        sw.seed,
        if sw.seeds > 1 {
            format!(" … {} (mean and 95 % interval)", sw.seed + sw.seeds - 1)
        } else {
            String::new()
        },
    )
}

pub fn metric_line(sw: &Sweep) -> String {
    format!(
        "metric: {} — {} · service: {}",
        sw.measure.metric.name(),
        sw.measure.metric.label(),
        escape(&sw.service)
    )
}

pub fn chart_title(sw: &Sweep) -> String {
    format!(
        "{} · {}",
        sw.measure.metric.label(),
        if sw.service == "all" {
            "all services".to_string()
        } else {
            escape(&sw.service).into_owned()
        }
    )
}

pub fn cell_word() -> String {
    "cell".into()
}

pub fn open_it() -> String {
    "open it in the dashboard".into()
}

pub fn limit_word() -> String {
    "LIMIT".into()
}

pub fn cell_limit_note(index: usize, why: &str) -> String {
    format!("LIMIT in cell {index}: {why}")
}

pub fn mark_undefined() -> String {
    "undefined (the run ended before its timeline)".into()
}

pub fn mark_limit() -> String {
    "stopped at a limit".into()
}
