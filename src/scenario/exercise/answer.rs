//! A student's answer to an exercise as a file, `ANSWER.toml`: one table of
//! changes, written as a timeline entry's `set`:
//!
//! ```toml
//! set = { "services.payment.bulkhead.enabled" = true }
//! ```
//!
//! Each change is named by where it is written (`answer.toml:1:9`), so a
//! refusal points at it.

use super::changes::Proposed;
use super::shape_message;
use crate::scenario::file::{document, error_at, line_col, span_of};
use crate::scenario::{self, ScenarioError};
use crate::sim::world::key;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnswer {
    set: toml::Table,
}

/// Reads the answer file at `path` (exit-2 errors, located).
pub fn load(path: &str) -> Result<Vec<Proposed>, ScenarioError> {
    match scenario::read_file(path)? {
        Some(bytes) => parse_answer(path, &bytes),
        None => Err(ScenarioError {
            origin: path.to_string(),
            line: 1,
            column: 1,
            message: crate::msg!("answer-no-such-file"),
        }),
    }
}

/// An answer file's changes, in key order (as a timeline entry's `set`).
pub fn parse_answer(origin: &str, bytes: &[u8]) -> Result<Vec<Proposed>, ScenarioError> {
    let (text, doc) = document(origin, bytes)?;
    let raw: RawAnswer = toml::from_str(&text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        error_at(
            origin,
            &text,
            offset,
            shape_message(&e, &["set"], |key| {
                crate::msg!("answer-missing-set", key = key)
            }),
        )
    })?;
    Ok(raw
        .set
        .into_iter()
        .map(|(path, value)| {
            let at = span_of(&doc, &[key("set"), key(&path)], true).unwrap_or(0);
            let (line, column) = line_col(&text, at);
            Proposed {
                source: format!("{origin}:{line}:{column}"),
                path,
                value,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_change_is_named_by_where_it_is_written() {
        let text = "# mine\nset = { \"patterns.retry.max_attempts\" = 1, \"load.rate\" = 5 }\n";
        let got = parse_answer("a.toml", text.as_bytes()).unwrap();
        let sources: Vec<(&str, &str)> = got
            .iter()
            .map(|c| (c.path.as_str(), c.source.as_str()))
            .collect();
        assert!(sources.contains(&("patterns.retry.max_attempts", "a.toml:2:9")));
        assert!(sources.contains(&("load.rate", "a.toml:2:44")));
    }

    #[test]
    fn an_unknown_key_is_refused_where_it_is() {
        let e = parse_answer("a.toml", b"set = {}\nsets = 1\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 1));
    }
}
