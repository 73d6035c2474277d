//! The sweep's CSV: a header, then one row per finished cell, written (and
//! flushed) as each finishes, so rows may come in any order; each carries
//! its cell index. Shards' files concatenate into the whole sweep (a
//! repeated header is skipped when read). `--resume` reads a file back and
//! checks that every row belongs to this sweep: the same varied paths, and
//! per row the same values, metric, service, seeds, duration and command
//! (which names the scenario, side, fixed `--set`s and seed).

use crate::sweep::cell::CellResult;
use crate::sweep::{text, Sweep};

/// The columns after the index and the varied paths.
const COLUMNS: [&str; 9] = [
    "value", "lo", "hi", "limit", "metric", "service", "seeds", "duration", "command",
];

/// The header line (no newline).
pub fn header(sw: &Sweep) -> String {
    let mut cols = vec!["index".to_string()];
    cols.extend(sw.grid.axes.iter().map(|a| field(&a.path)));
    cols.extend(COLUMNS.iter().map(|c| c.to_string()));
    cols.join(",")
}

/// Cell `r`'s row (no newline). Numbers are written in full, so a resumed
/// sweep shows exactly what the first one measured.
pub fn row(sw: &Sweep, r: &CellResult) -> String {
    let num = |x: Option<f64>| x.map_or(String::new(), |v| format!("{v}"));
    let mut cols = vec![r.index.to_string()];
    cols.extend(sw.grid.values(r.index).iter().map(|v| field(v)));
    cols.extend([
        num(r.value),
        num(r.interval.map(|i| i.0)),
        num(r.interval.map(|i| i.1)),
        field(
            &r.limit
                .clone()
                .unwrap_or_default()
                .replace(['\n', '\r'], " "),
        ),
        sw.measure.metric.name().to_string(),
        field(&sw.service),
        sw.seeds.to_string(),
        sw.duration.map_or(String::new(), |d| d.to_string()),
        field(&sw.command(r.index)),
    ]);
    cols.join(",")
}

/// A CSV field: quoted when it holds a comma, a quote or a line break.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Splits one line into fields (quotes as `field` writes them).
fn split(line: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (false, '"') if cur.is_empty() => quoted = true,
            (false, ',') => out.push(std::mem::take(&mut cur)),
            (_, c) => cur.push(c),
        }
    }
    if quoted {
        return None;
    }
    out.push(cur);
    Some(out)
}

/// What `--resume` read from a file.
#[derive(Debug, Default)]
pub struct Resumed {
    /// The cells of this sweep, each once (the first row of an index wins).
    pub cells: Vec<CellResult>,
    /// The rows cut short that were dropped, said as `file:line: …`.
    pub dropped: Vec<String>,
    /// The bytes to keep: up to the last complete line.
    pub keep: u64,
    /// Whether the header was seen (a file without one is empty).
    pub header: bool,
}

/// Reads `bytes` (a file named `file`) strictly: UTF-8 throughout (an
/// invalid byte is an error naming its line), the header first, numbers
/// finite. A row cut short anywhere (a killed shard's last row, joined by
/// `cat` to the next shard's header; a final line without its newline) is
/// dropped and said in `dropped`; its cell runs again. Anything of
/// another sweep is refused with `file:line` and what differs.
pub fn read(sw: &Sweep, file: &str, bytes: &[u8]) -> Result<Resumed, String> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let line = 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            return Err(text::csv_not_utf8(&format!("{file}:{line}")));
        }
    };
    let header = header(sw);
    let keep = text.rfind('\n').map_or(0, |i| i + 1);
    let mut seen = vec![false; sw.grid.len()];
    let mut out = Resumed {
        keep: keep as u64,
        ..Resumed::default()
    };
    for (n, whole) in text.split_inclusive('\n').enumerate() {
        let at = format!("{file}:{}", n + 1);
        if !whole.ends_with('\n') {
            if !whole.trim().is_empty() {
                out.dropped.push(text::csv_cut_row(&at));
            }
            continue;
        }
        let line = whole.trim_end_matches('\n').trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        if line == header {
            out.header = true;
            continue;
        }
        if let Some(cut) = line.strip_suffix(header.as_str()) {
            // A shard killed mid-row, then `cat`: its cut row runs into
            // the next shard's header.
            if out.header || header.starts_with(cut) {
                if !cut.is_empty() {
                    out.dropped.push(text::csv_cut_row(&at));
                }
                out.header = true;
                continue;
            }
        }
        if !out.header {
            return Err(text::csv_header(&at, &header));
        }
        match row_of(sw, &at, line)? {
            Some(cell) => {
                if !seen[cell.index] {
                    seen[cell.index] = true;
                    out.cells.push(cell);
                }
            }
            None => out.dropped.push(text::csv_cut_row(&at)),
        }
    }
    Ok(out)
}

/// One row's cell; `None` if the row is cut short (too few columns, a
/// number or a quote cut); an error if it belongs to another sweep or a
/// number is not finite.
fn row_of(sw: &Sweep, at: &str, line: &str) -> Result<Option<CellResult>, String> {
    let Some(f) = split(line) else {
        return Ok(None);
    };
    let paths = sw.grid.axes.len();
    if f.len() != 1 + paths + COLUMNS.len() {
        return Ok(None);
    }
    let Ok(index) = f[0].parse::<usize>() else {
        return Ok(None);
    };
    if index >= sw.grid.len() {
        return Err(text::csv_other_sweep(
            at,
            "index",
            &f[0],
            &format!("< {}", sw.grid.len()),
        ));
    }
    let seeds = sw.seeds.to_string();
    let duration = sw.duration.map_or(String::new(), |d| d.to_string());
    let command = sw.command(index);
    let mut expected: Vec<(&str, &str)> = sw
        .grid
        .axes
        .iter()
        .map(|a| a.path.as_str())
        .zip(sw.grid.values(index))
        .collect();
    expected.extend([
        ("metric", sw.measure.metric.name()),
        ("service", sw.service.as_str()),
        ("seeds", seeds.as_str()),
        ("duration", duration.as_str()),
        ("command", command.as_str()),
    ]);
    let got = f[1..=paths].iter().chain(&f[paths + 5..]);
    for ((name, want), have) in expected.iter().zip(got) {
        if have != want {
            return Err(text::csv_other_sweep(at, name, have, want));
        }
    }
    let mut nums = [None; 3];
    for (k, s) in f[paths + 1..paths + 4].iter().enumerate() {
        if s.is_empty() {
            continue;
        }
        let Ok(v) = s.parse::<f64>() else {
            return Ok(None);
        };
        if !v.is_finite() {
            return Err(text::csv_not_finite(at, COLUMNS[k], s));
        }
        nums[k] = Some(v);
    }
    let [value, lo, hi] = nums;
    Ok(Some(CellResult {
        index,
        value,
        interval: lo.zip(hi),
        run: None,
        limit: Some(f[paths + 4].clone()).filter(|l| !l.is_empty()),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_round_trip() {
        let line = [field("a,b"), field("say \"hi\""), field(""), field("x")].join(",");
        assert_eq!(
            split(&line).unwrap(),
            ["a,b", "say \"hi\"", "", "x"].map(String::from)
        );
        assert!(split("\"open").is_none());
    }
}
