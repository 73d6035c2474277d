//! The sweep as text (a heading, one line per cell with the command that
//! opens it, the limits crossed) and as JSON (`{ "scenario", "metric",
//! "service", "cells": [ { "index", "set", "value", "interval", "run" } ] }`).

use crate::base::escape::escape;
use crate::i18n::number;
use crate::report::json;
use crate::scenario::overrides::parse_set;
use crate::sweep::cell::CellResult;
use crate::sweep::{text, Sweep};
use serde_json::{json, Map, Value};
use std::fmt::Write;

/// A cell's value as the table shows it: `18.6`, `18.6 ± 0.4`, `—`, `LIMIT`.
pub fn shown(sw: &Sweep, c: &CellResult) -> String {
    let d = sw.measure.metric.decimals();
    match (c.value, c.interval, &c.limit) {
        (_, _, Some(_)) => text::limit_word(),
        (Some(v), Some((lo, hi)), _) => {
            format!("{} ± {}", number(v, d), number((hi - lo) / 2.0, d))
        }
        (Some(v), None, _) => number(v, d),
        (None, _, _) => "—".into(),
    }
}

/// The heading and one line per cell (in index order), then the limits.
pub fn to_table(sw: &Sweep, cells: &[&CellResult], heading: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{heading}");
    let _ = writeln!(out, "{}", text::metric_line(sw));
    let _ = writeln!(out);
    let mut head = vec![text::cell_word()];
    head.extend(sw.grid.axes.iter().map(|a| escape(&a.path).into_owned()));
    head.push(sw.measure.metric.label().to_string());
    let rows: Vec<Vec<String>> = cells
        .iter()
        .map(|c| {
            let mut r = vec![c.index.to_string()];
            r.extend(sw.grid.values(c.index).iter().map(|v| text::value_shown(v)));
            r.push(shown(sw, c));
            r
        })
        .collect();
    let widths: Vec<usize> = (0..head.len())
        .map(|k| {
            rows.iter()
                .map(|r| r[k].chars().count())
                .chain([head[k].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cols: &[String], last: &str| {
        let mut l: String = cols
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:>w$}  "))
            .collect();
        l.push_str(last);
        l.trim_end().to_string()
    };
    let _ = writeln!(out, "{}", line(&head, &text::open_it()));
    for (c, r) in cells.iter().zip(&rows) {
        let _ = writeln!(out, "{}", line(r, &escape(&sw.command(c.index))));
    }
    let limited: Vec<&&CellResult> = cells.iter().filter(|c| c.limit.is_some()).collect();
    if !limited.is_empty() {
        let _ = writeln!(out);
        for c in limited {
            let why = c.limit.as_deref().unwrap_or_default();
            let _ = writeln!(out, "{}", text::cell_limit_note(c.index, &escape(why)));
        }
    }
    out
}

/// The JSON object of the contract, plus `vary`, `seed`, `seeds`, and per
/// cell `limit` and `command`.
pub fn to_json(sw: &Sweep, cells: &[&CellResult]) -> Value {
    let cells: Vec<Value> = cells
        .iter()
        .map(|c| {
            let mut set = Map::new();
            for s in sw.grid.sets(c.index) {
                if let Ok((path, value)) = parse_set(&s) {
                    set.insert(path, serde_json::to_value(value).unwrap_or(Value::Null));
                }
            }
            json!({
                "index": c.index,
                "set": set,
                "value": c.value,
                "interval": c.interval.map(|(lo, hi)| json!([lo, hi])),
                "run": c.run.as_ref().map(json::to_json),
                "limit": c.limit,
                "command": sw.command(c.index),
            })
        })
        .collect();
    let vary: Vec<Value> = sw
        .grid
        .axes
        .iter()
        .map(|a| {
            let values: Vec<Value> = a
                .values
                .iter()
                .filter_map(|v| parse_set(&format!("x={v}")).ok())
                .map(|(_, v)| serde_json::to_value(v).unwrap_or(Value::Null))
                .collect();
            json!({ "path": a.path, "values": values })
        })
        .collect();
    json!({
        "scenario": sw.name.en(),
        "metric": sw.measure.metric.name(),
        "service": sw.service,
        "vary": vary,
        "seed": sw.seed,
        "seeds": sw.seeds,
        "cells": cells,
    })
}
