//! Scenario files, the format: parsing, validation with `file:line:column`
//! errors, the built-in library and recordings. What a file describes (the
//! world and its changes) belongs to the simulation; this module reads and
//! writes it.

pub mod builtin;
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
use crate::i18n::Msg;
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

/// The bytes of the file at `spec`, or `None` when there is none (a name,
/// then, e.g. a built-in's).
///
/// Reads at most the size limit + 1 byte, so `/dev/zero` or a huge file costs
/// nothing; devices, sockets and directories are refused by kind, a FIFO
/// (`<(…)`) is read with the same bound, and a symbolic link loop or a
/// dangling link is called what it is.
pub fn read_file(spec: &str) -> Result<Option<Vec<u8>>, ScenarioError> {
    use std::io::Read;
    let fail = |message: Msg| ScenarioError {
        origin: spec.to_string(),
        line: 1,
        column: 1,
        message,
    };
    let path = std::path::Path::new(spec);
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(fail(msg!("load-symlink-loop")))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if path.symlink_metadata().is_ok() {
                return Err(fail(msg!("load-dangling-symlink")));
            }
            return Ok(None);
        }
        Err(e) => return Err(fail(cannot_read(&e))),
    };
    let kind = file_kind(&meta.file_type());
    if let Some(kind) = kind {
        return Err(fail(msg!("load-not-a-file", kind = kind)));
    }
    let max = limits::MAX_FILE_BYTES;
    if meta.len() > max as u64 {
        return Err(fail(too_big(meta.len())));
    }
    let file = std::fs::File::open(path).map_err(|e| fail(cannot_read(&e)))?;
    let mut bytes = Vec::new();
    file.take(max as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(cannot_read(&e)))?;
    if bytes.len() > max {
        return Err(fail(too_big(bytes.len() as u64)));
    }
    Ok(Some(bytes))
}

use crate::sim::limits;

fn too_big(len: u64) -> Msg {
    let max = limits::MAX_FILE_BYTES.to_string();
    if len > limits::MAX_FILE_BYTES as u64 + 1 {
        msg!("load-too-big", len = len.to_string(), max = max)
    } else {
        msg!("load-over", max = max)
    }
}

fn cannot_read(e: &std::io::Error) -> Msg {
    msg!(
        "load-cannot-read",
        reason = crate::base::io_reason::io_reason(e)
    )
}

/// What a path is when it is not a regular file or a FIFO, in words.
fn file_kind(t: &std::fs::FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    if t.is_dir() {
        Some("directory")
    } else if t.is_char_device() {
        Some("character-device")
    } else if t.is_block_device() {
        Some("block-device")
    } else if t.is_socket() {
        Some("socket")
    } else {
        None
    }
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
