//! The live dashboard: a thin shell around the simulation. tokio drives the
//! input stream, the frame timer and the signals (`live`); `App` holds the
//! state and the update rules; `panels` draws. The simulation advances in virtual time
//! by `wall time × speed` per frame, so rendering never changes a result.

pub mod app;
pub mod fields;
pub mod history;
pub mod input;
pub mod keys;
pub mod panels;
pub mod side;
pub mod theme;

// The terminal around them (the `native` feature): crossterm, tokio, signals,
// files. Without it, the pure parts above are the dashboard for another
// front end (the browser edition, issue 24).
#[cfg(feature = "native")]
mod live;
#[cfg(feature = "native")]
pub mod reader;
#[cfg(feature = "native")]
pub mod save;
#[cfg(feature = "native")]
pub mod terminal;
#[cfg(feature = "native")]
pub use live::{run, Scrape};

use ratatui::buffer::Buffer;
use std::time::Duration;

/// At most 30 frames per second.
pub const FRAME: Duration = Duration::from_micros(33_400);

/// Wall time a frame may spend simulating. With drawing, keys and signals
/// are seen within a frame or two (~50 ms) at any speed on any scenario.
pub const SIM_BUDGET: Duration = Duration::from_millis(20);

/// Events simulated between two looks at the clock: well under a
/// millisecond of work in a release build.
pub const SLICE_EVENTS: u64 = 2_000;

/// Why the dashboard ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EndedBy {
    /// `q`, `Esc` or `Ctrl-C`.
    Quit,
    /// A signal (its number): the program exits 128 + n after the summary.
    Signal(i32),
    /// The terminal went away (end of input, a read or write error, a
    /// hang-up while SIGHUP is ignored).
    TerminalLost(String),
}

/// How the dashboard ended, and what to tell the user on stderr.
#[derive(Debug)]
pub struct Ended {
    pub by: EndedBy,
    pub messages: Vec<String>,
    /// A recording could not be written.
    pub save_failed: bool,
}

/// Replaces any cell holding a control character: whatever a panel forgot to
/// escape, nothing drawn can command the terminal.
pub fn sanitize(buf: &mut Buffer) {
    for cell in buf.content.iter_mut() {
        if cell.symbol().chars().any(crate::base::escape::is_unsafe) {
            cell.set_symbol("?");
        }
    }
}
