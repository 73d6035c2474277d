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

/// The cells of `sw` already in `text` (a file named `file`), each once
/// (the first row of an index wins). A final line without its newline (a
/// row cut short) is ignored. Anything of another sweep is refused with
/// `file:line` and what differs.
pub fn read(sw: &Sweep, file: &str, text: &str) -> Result<Vec<CellResult>, String> {
    let header = header(sw);
    let complete = match text.rfind('\n') {
        Some(i) => &text[..=i],
        None => "",
    };
    let mut seen = vec![false; sw.grid.len()];
    let mut out = Vec::new();
    let mut header_seen = false;
    for (n, line) in complete.lines().enumerate() {
        let at = format!("{file}:{}", n + 1);
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        if line == header {
            header_seen = true;
            continue;
        }
        if !header_seen {
            return Err(text::csv_header(&at, &header));
        }
        let f = split(line).ok_or_else(|| text::csv_bad_row(&at))?;
        let paths = sw.grid.axes.len();
        if f.len() != 1 + paths + COLUMNS.len() {
            return Err(text::csv_bad_row(&at));
        }
        let index: usize = f[0].parse().map_err(|_| text::csv_bad_row(&at))?;
        if index >= sw.grid.len() {
            return Err(text::csv_other_sweep(
                &at,
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
                return Err(text::csv_other_sweep(&at, name, have, want));
            }
        }
        let num = |s: &str| -> Result<Option<f64>, String> {
            if s.is_empty() {
                Ok(None)
            } else {
                s.parse().map(Some).map_err(|_| text::csv_bad_row(&at))
            }
        };
        let (value, lo, hi) = (
            num(&f[paths + 1])?,
            num(&f[paths + 2])?,
            num(&f[paths + 3])?,
        );
        if seen[index] {
            continue;
        }
        seen[index] = true;
        out.push(CellResult {
            index,
            value,
            interval: lo.zip(hi),
            run: None,
            limit: Some(f[paths + 4].clone()).filter(|l| !l.is_empty()),
        });
    }
    Ok(out)
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
