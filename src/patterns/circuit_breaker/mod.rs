//! Circuit breaker, as resilience4j and the lesson define it: CLOSED lets calls
//! through and watches their results; enough failures OPEN it, and it
//! short-circuits every call for `open_for`; then HALF-OPEN lets a few probes
//! through, whose results close it again or re-open it.
//!
//! - `config`: what a scenario sets, with its valid ranges;
//! - `machine`: the sans-IO state machine (its unit tests beside it);
//! - `reason`: why it changed state, as data;
//! - `window`: the sliding window a rate breaker measures over.

mod config;
mod machine;
pub mod reason;
pub mod window;

pub use config::*;
pub use machine::*;

#[cfg(test)]
mod lesson_semantics_tests;
