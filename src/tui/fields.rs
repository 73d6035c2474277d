//! The Parameters panel's changeable values: which fields a service offers,
//! the ladders of round values ←/→ step along, and how a value is written.

use crate::base::settable::number;
use crate::base::time::{parse_duration, Dur, NANOS_PER_MILLI};
use crate::patterns::edit::{Edit, COUNTS, QUEUES};
use crate::patterns::PATTERNS;
use crate::sim::world::{LoadKind, World};

/// How a parameter's value moves with ←/→ (patterns declare theirs).
pub type FieldKind = Edit;

/// One changeable value of the Parameters panel.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// What the panel shows: the path without `services.<name>.`.
    pub label: String,
    /// The change path.
    pub path: String,
    pub kind: FieldKind,
}

const FAILURE_RATES: &[f64] = &[
    0.0, 0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0,
];
const FACTORS: &[f64] = &[
    0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0, 20.0, 50.0, 100.0,
];
const RATES: &[f64] = &[
    1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 80.0, 100.0, 150.0, 200.0, 300.0, 500.0,
    1000.0, 2000.0, 5000.0, 10000.0,
];

/// The changeable values of service `service` (and the load), read from the
/// world so the list follows the scenario.
pub fn fields_of(w: &World, service: usize) -> Vec<Field> {
    let Some(svc) = w.services.get(service) else {
        return Vec::new();
    };
    let name = &svc.name;
    let num = |ladder, integer| FieldKind::Number { ladder, integer };
    let mut out = Vec::new();
    let mut add = |label: &str, kind: FieldKind| {
        out.push(Field {
            label: label.to_string(),
            path: format!("services.{name}.{label}"),
            kind,
        })
    };
    add("failure_rate", num(FAILURE_RATES, false));
    add("latency_factor", num(FACTORS, false));
    add("workers", num(COUNTS, true));
    add("queue", num(QUEUES, true));
    add("down", FieldKind::Bool);
    // Each pattern's own editable fields, in the registry's order.
    for p in PATTERNS {
        for e in p.editable {
            if e.shown.is_none_or(|shown| shown(&svc.patterns)) {
                add(&format!("{}.{}", p.name, e.field), e.edit);
            }
        }
    }
    let (label, kind) = match w.load.kind {
        LoadKind::Closed => ("load.clients", num(COUNTS, true)),
        _ => ("load.rate", num(RATES, false)),
    };
    out.push(Field {
        label: label.into(),
        path: label.into(),
        kind,
    });
    if w.client.is_some() {
        out.push(Field {
            label: "client.threads".into(),
            path: "client.threads".into(),
            kind: num(COUNTS, true),
        });
    }
    out
}

/// The next value up or down from `cur`, or `None` at the end of the range.
pub fn step_value(kind: FieldKind, cur: &toml::Value, up: bool) -> Option<toml::Value> {
    fn next(ladder: &[f64], x: f64, up: bool) -> Option<f64> {
        let eps = 1e-9 * x.abs().max(1.0);
        if up {
            ladder.iter().copied().find(|&v| v > x + eps)
        } else {
            ladder.iter().rev().copied().find(|&v| v < x - eps)
        }
    }
    match kind {
        FieldKind::Number { ladder, integer } => {
            let v = next(ladder, number(cur)?, up)?;
            Some(if integer {
                toml::Value::Integer(v as i64)
            } else {
                toml::Value::Float(v)
            })
        }
        FieldKind::Duration(ladder_ms) => {
            let d = parse_duration(cur.as_str()?).ok()?;
            let ms: Vec<f64> = ladder_ms.iter().map(|&m| m as f64).collect();
            let v = next(&ms, d.0 as f64 / NANOS_PER_MILLI as f64, up)?;
            Some(toml::Value::String(
                Dur(v as u64 * NANOS_PER_MILLI).to_string(),
            ))
        }
        FieldKind::Bool => Some(toml::Value::Boolean(!cur.as_bool()?)),
        FieldKind::Choice(options) => {
            let i = options.iter().position(|o| Some(*o) == cur.as_str())?;
            let n = options.len();
            let j = if up { (i + 1) % n } else { (i + n - 1) % n };
            Some(toml::Value::String(options[j].to_string()))
        }
    }
}

/// A value as the Parameters panel writes it: a number with the reader's
/// decimal mark (`0,001`), up to three decimals; a duration as the panels
/// write one (`1:00`, `500ms`, `2,5s`).
pub fn show_value(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => match crate::base::time::parse_duration(s) {
            Ok(d) => crate::base::units::nanos(d.0),
            Err(_) => s.clone(),
        },
        toml::Value::Float(f) => {
            let s = format!("{f:.3}");
            let s = s.trim_end_matches('0');
            let s = s
                .strip_suffix('.')
                .map(|x| format!("{x}.0"))
                .unwrap_or(s.to_string());
            crate::i18n::decimal_marked(&s)
        }
        toml::Value::Boolean(true) => crate::t!("parameters-yes"),
        toml::Value::Boolean(false) => crate::t!("parameters-no"),
        other => other.to_string(),
    }
}

/// A value the engine wrote as text (`0.005`, `"2s"`, `true`), as the
/// Parameters panel writes it: read back as TOML when it is one.
pub fn show_text_value(text: &str) -> String {
    match toml::from_str::<toml::Table>(&format!("v = {text}")) {
        Ok(t) => match t.get("v") {
            Some(toml::Value::Table(_)) => text.to_string(),
            Some(v) => show_value(v),
            None => text.to_string(),
        },
        Err(_) => text.to_string(),
    }
}

/// `services.payment.failure_rate` → `payment failure_rate`.
pub fn short_path(path: &str) -> String {
    match path.strip_prefix("services.") {
        Some(rest) => rest.replacen('.', " ", 1),
        None => match path.strip_prefix("patterns.") {
            Some(rest) => crate::t!("path-all-services", rest = rest),
            None => path.to_string(),
        },
    }
}
