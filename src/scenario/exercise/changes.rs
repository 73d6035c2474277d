//! A student's changes to an exercise's world: each must match a pattern
//! of `may_change` (`*` matches one path segment), name a path the world
//! has with a value it takes, and together they may touch at most
//! `max_changes` distinct paths. Applied at t = 0 after the exercise's
//! `start`, as `--set` is.

use super::Exercise;
use crate::base::escape::escape;
use crate::i18n::Msg;
use crate::msg;
use crate::scenario::overrides::{add_at_start, at_start};
use crate::scenario::Scenario;

/// One change a student proposes, and where it was written (`--set ARG`,
/// `answer.toml:3:5`) to name it in a refusal.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposed {
    pub path: String,
    pub value: toml::Value,
    pub source: String,
}

/// Whether `pattern` is a path pattern: segments of letters, digits, `_`
/// and `-`, or `*`, joined by dots.
pub fn is_pattern(pattern: &str) -> bool {
    pattern.split('.').all(|seg| {
        seg == "*"
            || (!seg.is_empty()
                && seg
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'))
    })
}

/// Whether `path` matches `pattern`, segment by segment (`*` any one).
pub fn matches(pattern: &str, path: &str) -> bool {
    let (p, q): (Vec<&str>, Vec<&str>) = (pattern.split('.').collect(), path.split('.').collect());
    p.len() == q.len() && p.iter().zip(&q).all(|(a, b)| *a == "*" || a == b)
}

/// The distinct paths of `changes`, in the order first changed.
pub fn distinct_paths(changes: &[Proposed]) -> Vec<&str> {
    let mut paths: Vec<&str> = Vec::new();
    for c in changes {
        if !paths.contains(&c.path.as_str()) {
            paths.push(&c.path);
        }
    }
    paths
}

impl Exercise {
    /// Whether the exercise lets `path` change.
    pub fn may_change(&self, path: &str) -> bool {
        self.may_change.iter().any(|p| matches(p, path))
    }

    /// The exercise's world with `changes` applied after its start, or why
    /// not: a change outside `may_change`, an unknown path or a value the
    /// world refuses (each named with where it was written), more distinct
    /// paths than `max_changes`, a run past a limit.
    pub fn with_changes(&self, changes: &[Proposed]) -> Result<Scenario, Msg> {
        let mut s = self.scenario.clone();
        let mut dry = s.world.clone();
        for c in &self.scenario.overrides {
            // The start is known good; this brings the dry world to it.
            let _ = dry.set(&c.path, &c.value);
        }
        for c in changes {
            let named = |m: Msg| {
                msg!(
                    "exercise-change-named",
                    source = escape(&c.source),
                    message = m
                )
            };
            if !self.may_change(&c.path) {
                return Err(named(msg!(
                    "exercise-change-not-allowed",
                    path = escape(&c.path),
                    allowed = self.may_change.join(", ")
                )));
            }
            dry.set(&c.path, &c.value).map_err(named)?;
        }
        let paths = distinct_paths(changes);
        if paths.len() > self.max_changes {
            return Err(msg!(
                "exercise-too-many-changes",
                n = paths.len(),
                paths = escape(&paths.join(", ")),
                max = self.max_changes
            ));
        }
        let at = changes
            .iter()
            .map(|c| at_start(c.path.clone(), c.value.clone()));
        add_at_start(&mut s, at.collect())?;
        Ok(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_star_matches_one_segment_exactly() {
        assert!(matches("patterns.*.*", "patterns.retry.max_attempts"));
        assert!(matches(
            "services.*.bulkhead.*",
            "services.payment.bulkhead.enabled"
        ));
        assert!(!matches(
            "services.*.bulkhead.*",
            "services.payment.failure_rate"
        ));
        assert!(!matches("patterns.*", "patterns.retry.max_attempts"));
        assert!(!matches("patterns.*.*.*", "patterns.retry.max_attempts"));
        assert!(matches("load.rate", "load.rate"));
        assert!(!matches("load.rate", "load.kind"));
    }

    #[test]
    fn patterns_are_dotted_segments_or_stars() {
        assert!(is_pattern("services.*.bulkhead.*"));
        assert!(is_pattern("load.rate"));
        assert!(!is_pattern("services..x"));
        assert!(!is_pattern("services.pay*"));
        assert!(!is_pattern(""));
    }

    #[test]
    fn the_same_path_twice_is_one_change() {
        let p = |path: &str| Proposed {
            path: path.into(),
            value: toml::Value::Boolean(true),
            source: String::new(),
        };
        let changes = [p("a.b"), p("c.d"), p("a.b")];
        assert_eq!(distinct_paths(&changes), vec!["a.b", "c.d"]);
    }
}
