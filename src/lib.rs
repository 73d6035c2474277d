//! Breakwater: a terminal laboratory for the resilience patterns.
//!
//! `sim` is the deterministic core, `patterns` the sans-IO state machines it
//! composes, `scenario` the file format and the change mechanism, `report` the
//! headless outputs, and `tui` the dashboard shell. `escape` and `output`
//! keep text from files and closed pipes from hurting the terminal.

pub mod escape;
pub mod output;
pub mod patterns;
pub mod report;
pub mod scenario;
pub mod sim;
pub mod tui;
