//! The sweep in the terminal: a heat map for two varied paths (the first
//! across, the second up), a line for one. Colour is doubled by a character
//! ramp, so the map reads the same without colour (`NO_COLOR`, a pipe),
//! and both axes are labelled with their values. Labels are whole or left
//! out (every k-th value), never cut.

use crate::i18n::number;
use crate::sweep::cell::CellResult;
use crate::sweep::{text, Sweep};
use std::fmt::Write;

/// Five bands, lowest first: the character and its 256-colour code
/// (a viridis-like ramp, readable on dark and light backgrounds).
const RAMP: [(char, u8); 5] = [('·', 54), ('░', 61), ('▒', 30), ('▓', 71), ('█', 178)];
/// A cell whose value is undefined, and one whose run crossed a limit.
const UNDEFINED: char = '?';
const LIMIT: char = '!';
/// Rows of the line chart (odd: the middle label is a row's own value).
const LINE_ROWS: usize = 9;

/// The finite values' range.
fn range(cells: &[Option<&CellResult>]) -> Option<(f64, f64)> {
    let vals = cells.iter().flatten().filter_map(|c| c.value);
    vals.fold(None, |r, v| match r {
        None => Some((v, v)),
        Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
    })
}

/// The band of `v` in `lo..=hi`.
fn band(v: f64, (lo, hi): (f64, f64)) -> usize {
    if hi <= lo {
        return RAMP.len() / 2;
    }
    (((v - lo) / (hi - lo)) * RAMP.len() as f64)
        .floor()
        .clamp(0.0, (RAMP.len() - 1) as f64) as usize
}

fn paint(s: &str, band: usize, colour: bool) -> String {
    if colour {
        format!("\x1b[38;5;{}m{s}\x1b[0m", RAMP[band].1)
    } else {
        s.to_string()
    }
}

/// A value as an axis shows it: a duration without its quotes, a number
/// with the reader's decimal mark.
fn label(v: &str) -> String {
    text::value_shown(v)
}

/// Cell width and label stride for `labels`: a label fits in `stride`
/// cells with a space after it.
fn columns(labels: &[String]) -> (usize, usize) {
    let lw = labels.iter().map(|l| l.chars().count()).max().unwrap_or(1);
    let w = (lw + 1).clamp(4, 6);
    (w, (lw + 1).div_ceil(w))
}

/// The x axis: the rule, the labels under their cells, the path's name.
fn x_axis(
    out: &mut String,
    pad: usize,
    labels: &[String],
    (w, stride): (usize, usize),
    path: &str,
) {
    let _ = writeln!(out, "{:pad$} └{}", "", "─".repeat(labels.len() * w));
    let mut line = format!("{:pad$}  ", "");
    for (i, l) in labels.iter().enumerate() {
        if i % stride == 0 {
            let _ = write!(line, "{:<width$}", l, width = w * stride);
        }
    }
    let _ = writeln!(out, "{}", line.trim_end());
    let _ = writeln!(out, "{:pad$}  {path} →", "");
}

/// The legend: each band's character and range, and the marks.
fn legend(out: &mut String, sw: &Sweep, r: Option<(f64, f64)>, colour: bool, marks: (bool, bool)) {
    let d = sw.measure.metric.decimals();
    let mut parts = Vec::new();
    if let Some((lo, hi)) = r {
        if hi <= lo {
            let b = RAMP.len() / 2;
            parts.push(format!(
                "{} {}",
                paint(&RAMP[b].0.to_string(), b, colour),
                number(lo, d)
            ));
        } else {
            let step = (hi - lo) / RAMP.len() as f64;
            for (b, (c, _)) in RAMP.iter().enumerate() {
                let (a, z) = (lo + step * b as f64, lo + step * (b + 1) as f64);
                parts.push(format!(
                    "{} {}–{}",
                    paint(&c.to_string(), b, colour),
                    number(a, d),
                    number(z, d)
                ));
            }
        }
    }
    if marks.0 {
        parts.push(format!("{UNDEFINED} {}", text::mark_undefined()));
    }
    if marks.1 {
        parts.push(format!("{LIMIT} {}", text::mark_limit()));
    }
    let _ = writeln!(out, "{}", parts.join("  "));
}

/// The mark of one cell, `w` wide (a blank for a cell not run here).
fn mark(c: Option<&CellResult>, r: Option<(f64, f64)>, w: usize, colour: bool) -> String {
    match c {
        None => " ".repeat(w),
        Some(c) if c.limit.is_some() => format!("{:w$}", LIMIT),
        Some(c) => match (c.value, r) {
            (Some(v), Some(r)) => {
                let b = band(v, r);
                format!(
                    "{} ",
                    paint(&RAMP[b].0.to_string().repeat(w - 1), b, colour)
                )
            }
            _ => format!("{:w$}", UNDEFINED),
        },
    }
}

/// The heat map of a two-path sweep; `cells[i]` is cell i's result (`None`
/// where it was not run, e.g. in another shard).
pub fn heat_map(sw: &Sweep, cells: &[Option<&CellResult>], colour: bool) -> String {
    let (xs, ys) = (&sw.grid.axes[0], &sw.grid.axes[1]);
    let xl: Vec<String> = xs.values.iter().map(|v| label(v)).collect();
    let yl: Vec<String> = ys.values.iter().map(|v| label(v)).collect();
    let pad = yl.iter().map(|l| l.chars().count()).max().unwrap_or(1);
    let (w, stride) = columns(&xl);
    let r = range(cells);
    let mut out = String::new();
    let _ = writeln!(out, "{}", text::chart_title(sw));
    let _ = writeln!(out, "{:pad$} ↑ {}", "", ys.path);
    for (yi, yl) in yl.iter().enumerate().rev() {
        let mut line = format!("{yl:>pad$} │");
        for xi in 0..xl.len() {
            line.push_str(&mark(cells[sw.grid.index(&[xi, yi])], r, w, colour));
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    x_axis(&mut out, pad, &xl, (w, stride), &xs.path);
    legend(&mut out, sw, r, colour, marks(cells));
    out
}

/// Which marks the cells use: (undefined, limit).
fn marks(cells: &[Option<&CellResult>]) -> (bool, bool) {
    let run = cells.iter().flatten();
    let undefined = run.clone().any(|c| c.limit.is_none() && c.value.is_none());
    (undefined, run.clone().any(|c| c.limit.is_some()))
}

/// The line of a one-path sweep: the value up, the path's values across.
pub fn line(sw: &Sweep, cells: &[Option<&CellResult>], colour: bool) -> String {
    let xs = &sw.grid.axes[0];
    let xl: Vec<String> = xs.values.iter().map(|v| label(v)).collect();
    let r = range(cells);
    let d = sw.measure.metric.decimals();
    let (lo, hi) = r.unwrap_or((0.0, 0.0));
    let ylabels = [number(hi, d), number((lo + hi) / 2.0, d), number(lo, d)];
    let pad = ylabels.iter().map(|l| l.chars().count()).max().unwrap_or(1);
    let (w, stride) = columns(&xl);
    // The row of each cell's point (0 at the top).
    let row_of = |v: f64| -> usize {
        if hi <= lo {
            LINE_ROWS / 2
        } else {
            ((hi - v) / (hi - lo) * (LINE_ROWS - 1) as f64).round() as usize
        }
    };
    let mut out = String::new();
    let _ = writeln!(out, "{}", text::chart_title(sw));
    for row in 0..LINE_ROWS {
        let ylab = match row {
            0 => ylabels[0].as_str(),
            r if r == (LINE_ROWS - 1) / 2 && hi > lo => ylabels[1].as_str(),
            r if r == LINE_ROWS - 1 => ylabels[2].as_str(),
            _ => "",
        };
        let mut line = format!("{ylab:>pad$} │");
        for c in cells.iter().take(xl.len()) {
            let cell = match c {
                Some(c) if c.limit.is_some() && row == LINE_ROWS - 1 => format!("{LIMIT:w$}"),
                Some(c) => match (c.value, r) {
                    (Some(v), Some(r)) if row_of(v) == row => {
                        paint(&format!("{:<w$}", "●"), band(v, r), colour)
                    }
                    (None, _) if c.limit.is_none() && row == LINE_ROWS - 1 => {
                        format!("{UNDEFINED:w$}")
                    }
                    _ => " ".repeat(w),
                },
                None => " ".repeat(w),
            };
            line.push_str(&cell);
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    x_axis(&mut out, pad, &xl, (w, stride), &xs.path);
    let m = marks(cells);
    if m.0 || m.1 {
        legend(&mut out, sw, None, colour, m);
    }
    out
}
