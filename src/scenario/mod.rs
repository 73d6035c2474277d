//! Scenario files, the format: parsing, validation with `file:line:column`
//! errors, the built-in library and recordings. What a file describes (the
//! world and its changes) belongs to the simulation; this module reads and
//! writes it.

pub mod builtin;
pub mod file;
pub mod overrides;
pub mod recording;
pub mod syntax;
pub mod variants;

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
    /// Changes given on the command line (`--set`), already at the front of
    /// `timeline`; recordings write them out.
    pub overrides: Vec<Change>,
    /// `[variants.a]` / `[variants.b]`: the two sides of a comparison.
    pub variants: Option<variants::Variants>,
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
///
/// Reads at most the size limit + 1 byte, so `/dev/zero` or a huge file costs
/// nothing; devices, sockets and directories are refused by kind, a FIFO
/// (`<(…)`) is read with the same bound, and a symbolic link loop or a
/// dangling link is called what it is.
pub fn load(spec: &str) -> Result<Scenario, ScenarioError> {
    use std::io::Read;
    let fail = |message: String| ScenarioError {
        origin: spec.to_string(),
        line: 1,
        column: 1,
        message,
    };
    let path = std::path::Path::new(spec);
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(fail(
                "a loop of symbolic links: the path never reaches a file".into(),
            ))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if path.symlink_metadata().is_ok() {
                return Err(fail("a symbolic link to a file that does not exist".into()));
            }
            return builtin_or_missing(spec);
        }
        Err(e) => return Err(fail(format!("cannot read: {e}"))),
    };
    let kind = file_kind(&meta.file_type());
    if let Some(kind) = kind {
        return Err(fail(format!(
            "{kind}, not a file; a scenario is a TOML file (or a built-in name)"
        )));
    }
    let max = limits::MAX_FILE_BYTES;
    if meta.len() > max as u64 {
        return Err(fail(too_big(meta.len())));
    }
    let file = std::fs::File::open(path).map_err(|e| fail(format!("cannot read: {e}")))?;
    let mut bytes = Vec::new();
    file.take(max as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("cannot read: {e}")))?;
    if bytes.len() > max {
        return Err(fail(too_big(bytes.len() as u64)));
    }
    parse_scenario(spec, &bytes)
}

use crate::sim::limits;

fn too_big(len: u64) -> String {
    let max = limits::MAX_FILE_BYTES;
    if len > max as u64 + 1 {
        format!("the file is {len} bytes; a scenario may be at most {max} bytes (1 MiB)")
    } else {
        format!("the file is over {max} bytes; a scenario may be at most {max} bytes (1 MiB)")
    }
}

/// What a path is when it is not a regular file or a FIFO, in words.
fn file_kind(t: &std::fs::FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    if t.is_dir() {
        Some("a directory")
    } else if t.is_char_device() {
        Some("a character device")
    } else if t.is_block_device() {
        Some("a block device")
    } else if t.is_socket() {
        Some("a socket")
    } else {
        None
    }
}

fn builtin_or_missing(spec: &str) -> Result<Scenario, ScenarioError> {
    if let Some(text) = builtin::builtin(spec) {
        return parse_scenario(&format!("builtin:{spec}"), text.as_bytes());
    }
    let mut message = format!("no such file, and no built-in scenario named `{spec}`");
    if let Some(near) = settable::nearest(spec, &builtin::names()) {
        message.push_str(&format!("; did you mean `{near}`?"));
    }
    message.push_str(&format!(" Built-ins: {}", builtin::names().join(", ")));
    Err(ScenarioError {
        origin: spec.to_string(),
        line: 1,
        column: 1,
        message,
    })
}
