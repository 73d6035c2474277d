//! Scenario files, the format: parsing, validation with `file:line:column`
//! errors, the built-in library and recordings. What a file describes (the
//! world and its changes) belongs to the simulation; this module reads and
//! writes it.

pub mod builtin;
#[cfg(feature = "native")]
mod disk;
pub mod exercise;
pub mod file;
pub mod lesson;
pub mod overrides;
pub mod question;
pub mod recording;
pub mod syntax;
pub mod variants;

use crate::base::localised::Localised;
use crate::base::settable;
use crate::base::time::Dur;
use crate::msg;
use crate::sim::world::{Change, World};

pub use file::{parse_scenario, ScenarioError};

/// A validated scenario: metadata, the world at t = 0 and its timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// `name`, `description` and `lesson` are in one language or several
    /// (`Localised` derefs to the reader's); machine outputs use `.en()`.
    pub name: Localised,
    pub description: Localised,
    pub lesson: Localised,
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
    /// Changes given on the command line (`--set`), already at the front of
    /// `timeline`; recordings write them out.
    pub overrides: Vec<Change>,
    /// `[variants.a]` / `[variants.b]`: the two sides of a comparison.
    pub variants: Option<variants::Variants>,
    /// The questions its timeline asks, in time order.
    pub questions: Vec<question::Question>,
}

impl Scenario {
    /// A file-name-safe name for what this scenario came from, for files
    /// the tool names itself: `builtin:retry-storm` → `retry-storm`,
    /// `dir/my file.toml` → `my-file`.
    pub fn slug(&self) -> String {
        let stem = self
            .origin
            .strip_prefix("builtin:")
            .map(str::to_string)
            .unwrap_or_else(|| {
                std::path::Path::new(&self.origin)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "session".into())
            });
        stem.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .collect()
    }
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
    match read_file(spec)? {
        Some(bytes) => parse_scenario(spec, &bytes),
        None => builtin_or_missing(spec),
    }
}

#[cfg(feature = "native")]
pub use disk::read_file;

/// Without the `native` feature there are no files to read: every spec is
/// a built-in's name (a browser hands its text to `parse_scenario`).
#[cfg(not(feature = "native"))]
pub fn read_file(_spec: &str) -> Result<Option<Vec<u8>>, ScenarioError> {
    Ok(None)
}

fn builtin_or_missing(spec: &str) -> Result<Scenario, ScenarioError> {
    if let Some(text) = builtin::builtin(spec) {
        return parse_scenario(&format!("builtin:{spec}"), text.as_bytes());
    }
    let names = builtin::names().join(", ");
    let message = match settable::nearest(spec, &builtin::names()) {
        Some(near) => msg!("load-no-such-near", spec = spec, best = near, names = names),
        None => msg!("load-no-such", spec = spec, names = names),
    };
    Err(ScenarioError {
        origin: spec.to_string(),
        line: 1,
        column: 1,
        message,
    })
}
