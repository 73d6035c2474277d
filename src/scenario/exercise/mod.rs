//! An exercise: a scenario, the broken world a student starts from
//! (`start`, applied as `--set` is), a task in the reader's language, the
//! paths the student may change and how many, and goals over the run's
//! metrics in windows. The simulator grades it (`report::grade`): no answer
//! is typed into the file, the run says whether each goal holds.
//!
//! Goals are written in fractions (0–1) for percentages and durations for
//! latencies, whatever the tables print; here they are kept in the
//! tables' units (0–100, milliseconds), as a window measures them.

pub mod answer;
pub mod builtin;
pub mod changes;

use crate::base::localised::Localised;
use crate::base::metric::{Kind, Metric};
use crate::base::serde_message::SerdeError;
use crate::base::settable::{nearest, unknown_name};
use crate::base::time::{parse_duration, Dur};
use crate::i18n::Msg;
use crate::msg;
use crate::scenario::file::{document, error_at, span_of};
use crate::scenario::overrides::{add_at_start, at_start};
use crate::scenario::variants::Side;
use crate::scenario::{self, Scenario, ScenarioError};
use crate::sim::world::{key, PathError, Seg};
use serde::Deserialize;

/// The most entries `may_change` and `goals` may list, and the most
/// changes `max_changes` may allow.
pub const MAX_ENTRIES: usize = 64;

/// The keys an exercise file has.
const KEYS: &[&str] = &[
    "name",
    "scenario",
    "start",
    "task",
    "may_change",
    "max_changes",
    "goals",
];

/// A checked exercise, its scenario loaded and its start applied.
#[derive(Clone, Debug)]
pub struct Exercise {
    pub name: Localised,
    pub task: Localised,
    /// Where it came from: a path or `builtin:<name>`.
    pub origin: String,
    /// The scenario as the file names it.
    pub scenario_spec: String,
    /// The scenario (side A of a comparison) with `start` applied: the
    /// broken world.
    pub scenario: Scenario,
    /// `start`, in the order applied.
    pub start: Vec<(String, toml::Value)>,
    /// Path patterns (`*` matches one segment).
    pub may_change: Vec<String>,
    /// How many distinct paths a student may change.
    pub max_changes: usize,
    pub goals: Vec<Goal>,
}

/// A goal: `metric` of one service (or all) over [`from`, `to`] within
/// bounds, kept in the units a window measures (percent 0–100, ms).
#[derive(Clone, Debug, PartialEq)]
pub struct Goal {
    /// The service's index; `None` for all services.
    pub service: Option<usize>,
    /// Its name as written ("all" for all services).
    pub service_name: String,
    pub metric: Metric,
    pub from: Dur,
    pub to: Dur,
    pub at_least: Option<f64>,
    pub at_most: Option<f64>,
}

impl Goal {
    /// Whether a measured value (in the window's units) meets the goal; a
    /// value that could not be measured (no call in the window) does not.
    pub fn holds(&self, value: f64) -> bool {
        // Far below any shown decimal: a value printed equal to its bound holds.
        let slack = 1e-9 * value.abs().max(1.0);
        value.is_finite()
            && self.at_least.is_none_or(|b| value >= b - slack)
            && self.at_most.is_none_or(|b| value <= b + slack)
    }
}

/// A value in the window's units (percent 0–100, ms) in a goal's (a
/// fraction 0–1, seconds); others as they are.
pub fn in_goal_units(metric: Metric, value: f64) -> f64 {
    match metric.kind() {
        Kind::Percent => value / 100.0,
        Kind::Millis => value / 1000.0,
        Kind::Count | Kind::Number => value,
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExercise {
    name: Localised,
    scenario: String,
    #[serde(default)]
    start: toml::Table,
    task: Localised,
    may_change: Vec<String>,
    max_changes: u64,
    goals: Vec<RawGoal>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGoal {
    service: Option<String>,
    metric: String,
    from: Dur,
    to: Dur,
    at_least: Option<toml::Value>,
    at_most: Option<toml::Value>,
}

/// Loads an exercise by file path or built-in name.
pub fn load(spec: &str) -> Result<Exercise, ScenarioError> {
    if let Some(bytes) = scenario::read_file(spec)? {
        let dir = std::path::Path::new(spec).parent();
        return parse_exercise(spec, &bytes, dir);
    }
    match builtin::builtin(spec) {
        Some(text) => parse_exercise(&format!("builtin:{spec}"), text.as_bytes(), None),
        None => {
            let names = builtin::names();
            let list = names.join(", ");
            let message = match nearest(spec, &names) {
                Some(near) => msg!(
                    "exercise-no-such-near",
                    spec = spec,
                    best = near,
                    names = list
                ),
                None => msg!("exercise-no-such", spec = spec, names = list),
            };
            Err(ScenarioError {
                origin: spec.to_string(),
                line: 1,
                column: 1,
                message,
            })
        }
    }
}

/// Reads and checks an exercise from bytes; `dir` is where its scenario's
/// path is relative to (a built-in exercise has none: it names a built-in).
pub fn parse_exercise(
    origin: &str,
    bytes: &[u8],
    dir: Option<&std::path::Path>,
) -> Result<Exercise, ScenarioError> {
    let (text, doc) = document(origin, bytes)?;
    let raw: RawExercise = toml::from_str(&text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        let missing = |key: &str| {
            if KEYS.contains(&key) {
                msg!("exercise-missing-key", key = key)
            } else {
                msg!("exercise-goal-missing-key", key = key)
            }
        };
        error_at(origin, &text, offset, shape_message(&e, KEYS, missing))
    })?;
    let locate = |e: PathError| {
        let offset = span_of(&doc, &e.path, e.at_key).unwrap_or(0);
        error_at(origin, &text, offset, e.message)
    };
    let scenario = load_scenario(&raw.scenario, dir).map_err(|e| match e {
        Loaded::Here(m) => locate(PathError::new(vec![key("scenario")], m)),
        Loaded::There(e) => e,
    })?;
    build(raw, origin, scenario).map_err(locate)
}

/// serde's message about a file's shape in our words: an unknown key with
/// the nearest valid one, a missing key with what the file needs (`missing`).
pub(crate) fn shape_message(
    e: &toml::de::Error,
    top: &[&str],
    missing: impl Fn(&str) -> Msg,
) -> Msg {
    match SerdeError::parse(e.message()) {
        SerdeError::UnknownField { name, valid } => {
            let valid: Vec<&str> = valid.iter().map(String::as_str).collect();
            unknown_name("key", &name, if valid.is_empty() { top } else { &valid })
        }
        SerdeError::MissingField(field) => missing(&field),
        other => other.msg(None),
    }
}

/// Why an exercise's scenario did not load: a message about the exercise's
/// `scenario` key, or the scenario's own error (in its own file).
enum Loaded {
    Here(Msg),
    There(ScenarioError),
}

/// The scenario `spec` names: a file beside the exercise, else a built-in.
fn load_scenario(spec: &str, dir: Option<&std::path::Path>) -> Result<Scenario, Loaded> {
    if let Some(dir) = dir {
        let path = dir.join(spec);
        let path = path.to_string_lossy();
        if scenario::read_file(&path).map_err(Loaded::There)?.is_some() {
            return scenario::load(&path).map_err(Loaded::There);
        }
    }
    if scenario::builtin::builtin(spec).is_some() {
        return scenario::load(spec).map_err(Loaded::There);
    }
    let names = scenario::builtin::names().join(", ");
    Err(Loaded::Here(match dir {
        Some(dir) => msg!(
            "exercise-no-scenario",
            spec = spec,
            path = dir.join(spec).to_string_lossy().into_owned(),
            names = names
        ),
        None => msg!("exercise-no-builtin-scenario", spec = spec, names = names),
    }))
}

fn build(raw: RawExercise, origin: &str, scenario: Scenario) -> Result<Exercise, PathError> {
    let top = |k: &str| vec![key(k)];
    if raw.name.is_blank() || raw.name.texts().iter().any(|(_, t)| t.chars().count() > 80) {
        return Err(PathError::new(top("name"), msg!("exercise-name-length")));
    }
    if raw.task.is_blank() {
        return Err(PathError::new(top("task"), msg!("exercise-task-blank")));
    }
    let mut s = if scenario.variants.is_some() {
        scenario.side(Side::A)
    } else {
        scenario
    };
    // The broken world: `start`, checked as the world meets it.
    let mut dry = s.world.clone();
    let mut start = Vec::new();
    for (path, value) in &raw.start {
        dry.set(path, value)
            .map_err(|m| PathError::new(vec![key("start"), key(path)], m))?;
        start.push((path.clone(), value.clone()));
    }
    let changes = start.iter().map(|(p, v)| at_start(p.clone(), v.clone()));
    add_at_start(&mut s, changes.collect()).map_err(|m| PathError::new(top("start"), m))?;

    if raw.may_change.is_empty() || raw.may_change.len() > MAX_ENTRIES {
        let max = MAX_ENTRIES.to_string();
        return Err(PathError::new(
            top("may_change"),
            msg!("exercise-may-change-empty", max = max),
        ));
    }
    for (i, p) in raw.may_change.iter().enumerate() {
        if !changes::is_pattern(p) {
            let path = vec![key("may_change"), Seg::Index(i)];
            return Err(PathError::new(
                path,
                msg!("exercise-may-change-form", pattern = p.as_str()),
            ));
        }
    }
    if raw.max_changes == 0 || raw.max_changes > MAX_ENTRIES as u64 {
        let max = MAX_ENTRIES.to_string();
        return Err(PathError::new(
            top("max_changes"),
            msg!("exercise-max-changes-range", max = max),
        ));
    }
    if raw.goals.is_empty() || raw.goals.len() > MAX_ENTRIES {
        let max = MAX_ENTRIES.to_string();
        return Err(PathError::new(
            top("goals"),
            msg!("exercise-goals-count", max = max),
        ));
    }
    let goals = raw
        .goals
        .iter()
        .enumerate()
        .map(|(i, g)| build_goal(g, &[key("goals"), Seg::Index(i)], &s))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Exercise {
        name: raw.name,
        task: raw.task,
        origin: origin.to_string(),
        scenario_spec: raw.scenario,
        scenario: s,
        start,
        may_change: raw.may_change,
        max_changes: raw.max_changes as usize,
        goals,
    })
}

fn build_goal(g: &RawGoal, base: &[Seg], s: &Scenario) -> Result<Goal, PathError> {
    let here = |k: &str| {
        let mut p = base.to_vec();
        p.push(key(k));
        p
    };
    let metric =
        Metric::in_windows_by_name(&g.metric).map_err(|m| PathError::new(here("metric"), m))?;
    let service_name = g.service.clone().unwrap_or_else(|| "all".to_string());
    let service = s
        .world
        .service_or_all(&service_name)
        .map_err(|m| PathError::new(here("service"), m))?;
    if g.from >= g.to || g.to > s.duration {
        return Err(PathError::new(
            base.to_vec(),
            msg!(
                "exercise-goal-window",
                from = g.from.to_string(),
                to = g.to.to_string(),
                duration = s.duration.to_string()
            ),
        ));
    }
    let bound = |k: &str, v: &Option<toml::Value>| match v {
        Some(v) => bound_value(metric, v)
            .map(Some)
            .map_err(|m| PathError::new(here(k), m)),
        None => Ok(None),
    };
    let at_least = bound("at_least", &g.at_least)?;
    let at_most = bound("at_most", &g.at_most)?;
    match (at_least, at_most) {
        (None, None) => {
            return Err(PathError::new(
                base.to_vec(),
                msg!("exercise-goal-bound-missing"),
            ))
        }
        (Some(lo), Some(hi)) if lo > hi => {
            return Err(PathError::new(
                here("at_least"),
                msg!("exercise-goal-bounds-crossed"),
            ))
        }
        _ => {}
    }
    Ok(Goal {
        service,
        service_name,
        metric,
        from: g.from,
        to: g.to,
        at_least,
        at_most,
    })
}

/// A bound as written (a fraction, a duration, a number) in the window's
/// units (percent, ms, as it is).
fn bound_value(metric: Metric, v: &toml::Value) -> Result<f64, Msg> {
    let number = v.as_float().or(v.as_integer().map(|i| i as f64));
    let name = metric.name();
    match metric.kind() {
        Kind::Percent => match number {
            Some(x) if (0.0..=1.0).contains(&x) => Ok(x * 100.0),
            _ => Err(msg!("exercise-goal-fraction", metric = name)),
        },
        Kind::Millis => v
            .as_str()
            .and_then(|t| parse_duration(t).ok())
            .map(|d| d.0 as f64 / 1e6)
            .ok_or_else(|| msg!("exercise-goal-duration", metric = name)),
        Kind::Count | Kind::Number => match number {
            Some(x) if x.is_finite() && x >= 0.0 => Ok(x),
            _ => Err(msg!("exercise-goal-number", metric = name)),
        },
    }
}
