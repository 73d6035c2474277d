//! Scenario files, the format: parsing, validation with `file:line:column`
//! errors, the built-in library and recordings. What a file describes (the
//! world and its changes) belongs to the simulation; this module reads and
//! writes it.

pub mod builtin;
pub mod file;
pub mod recording;

use crate::base::settable;
use crate::base::time::Dur;
use crate::sim::world::{Change, World};

pub use file::{parse_scenario, ScenarioError};

/// A validated scenario: metadata, the world at t = 0 and its timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub name: String,
    pub description: String,
    pub lesson: String,
    pub seed: u64,
    pub duration: Dur,
    pub tick: Dur,
    pub world: World,
    /// Sorted by time; equal times keep file order.
    pub timeline: Vec<Change>,
    /// Where it came from: a path or `builtin:<name>`.
    pub origin: String,
    /// The TOML text it was read from (recordings extend it).
    pub source: String,
}

impl crate::sim::Setup for Scenario {
    fn world(&self) -> &World {
        &self.world
    }
    fn timeline(&self) -> &[Change] {
        &self.timeline
    }
    fn duration(&self) -> Dur {
        self.duration
    }
    fn tick(&self) -> Dur {
        self.tick
    }
    fn seed(&self) -> u64 {
        self.seed
    }
}

/// Loads a scenario by file path or built-in name.
pub fn load(spec: &str) -> Result<Scenario, ScenarioError> {
    let path = std::path::Path::new(spec);
    if !path.exists() {
        if let Some(text) = builtin::builtin(spec) {
            return parse_scenario(&format!("builtin:{spec}"), text.as_bytes());
        }
        let mut message = format!("no such file, and no built-in scenario named `{spec}`");
        if let Some(near) = settable::nearest(spec, &builtin::names()) {
            message.push_str(&format!("; did you mean `{near}`?"));
        }
        message.push_str(&format!(" Built-ins: {}", builtin::names().join(", ")));
        return Err(ScenarioError {
            origin: spec.to_string(),
            line: 1,
            column: 1,
            message,
        });
    }
    let bytes = std::fs::read(path).map_err(|e| ScenarioError {
        origin: spec.to_string(),
        line: 1,
        column: 1,
        message: format!("cannot read: {e}"),
    })?;
    parse_scenario(spec, &bytes)
}
