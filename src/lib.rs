//! Breakwater: a terminal laboratory for the resilience patterns.
//!
//! Dependencies point one way, down: `tui` and `report` (the shells) →
//! `scenario` (the file format) → `sim` (the world, its changes and the
//! engine) → `patterns` (one sans-IO state machine per file) → `base` (time,
//! outcomes, the settable-path machinery, escaping). `plot` draws figures of
//! runs, a shell beside `report`. `output` is the shells'
//! way to stdout and stderr, quiet when a pipe closes.
//!
//! What needs an operating system (the terminal, tokio, signals, threads,
//! files) is behind the default `native` feature; without it the library
//! is the portable core and builds for wasm32-unknown-unknown.

pub mod base;
pub mod i18n;
pub mod output;
pub mod patterns;
pub mod plot;
pub mod report;
pub mod scenario;
pub mod sim;
pub mod sweep;
pub mod tui;

#[cfg(test)]
mod portable;
