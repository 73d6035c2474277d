//! Writing to stdout and stderr as Unix tools do: a closed pipe ends the
//! program quietly instead of panicking (`println!` panics on EPIPE), and a
//! message that cannot reach stderr is dropped rather than turned into a
//! second failure. `file` (the `native` feature) writes files safely.

#[cfg(feature = "native")]
pub mod file;

use std::io::{self, Write};

/// Why stdout could not be written.
#[derive(Debug)]
pub enum OutError {
    /// The reader went away (`breakwater list | head -1`): end quietly.
    Closed,
    /// Anything else (a full disk, `> /dev/full`): worth a message.
    Failed(io::Error),
}

impl From<io::Error> for OutError {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::BrokenPipe {
            OutError::Closed
        } else {
            OutError::Failed(e)
        }
    }
}

/// Writes `text` to stdout and flushes it.
pub fn out(text: &str) -> Result<(), OutError> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;
    Ok(())
}

/// Writes `text` to stderr, ignoring failure: there is nowhere left to say
/// that stderr is gone.
pub fn err(text: &str) {
    let mut stderr = io::stderr().lock();
    let _ = stderr.write_all(text.as_bytes());
    let _ = stderr.flush();
}

/// `err` with a newline.
pub fn errln(text: &str) {
    err(&format!("{text}\n"));
}
