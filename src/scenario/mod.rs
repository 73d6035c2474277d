//! Scenario files: the schema, its validation, the change paths and the
//! built-in library.

pub mod builtin;
pub mod file;
pub mod model;
pub mod recording;
pub mod settable;

pub use file::{parse_scenario, ScenarioError};
pub use model::{Change, Scenario, World};

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
