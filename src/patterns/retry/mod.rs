//! Retry: try again after a failed attempt, waiting a backoff between tries
//! (tenacity's `wait_exponential`, AWS's jitter formulas), optionally limited
//! by a gRPC-style retry budget and an overall deadline.
//!
//! Sans-IO: the policy computes delays and decisions; the simulation sleeps.
//! - `config`: what a scenario sets, with its ranges;
//! - `backoff`, `jitter`: the waits;
//! - `budget`: the token bucket and its throttling rule;
//! - `state`: one call's attempts and the decision after each;
//! - `tally`: how its calls ended so far (for exported metrics).

mod backoff;
mod budget;
mod config;
mod jitter;
pub mod layer;
mod state;
pub mod tally;

pub use backoff::Backoff;
pub use budget::{throttles, RetryBudget};
pub use config::{Budget, RetryConfig};
pub use jitter::Jitter;
pub use state::{Decision, RetryState, StopReason};

#[cfg(test)]
mod tests;

use super::edit::{Edit, Editable};
use super::registry::{fields_of, Pattern};

/// Retry in the registry: key `2`.
pub const PATTERN: Pattern = Pattern {
    name: "retry",
    layer: Some(super::PatternKind::Retry),
    toggle: Some('2'),
    fields: fields_of::<RetryConfig>(),
    editable: &[
        Editable::new("enabled", Edit::Bool),
        Editable::new(
            "max_attempts",
            Edit::Number {
                ladder: &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0],
                integer: true,
            },
        ),
    ],
    title: "Retry",
    unlisted_outside: None,
    counters: &[],
    config: |set| &set.retry,
    config_mut: |set| &mut set.retry,
};

crate::pattern_config!(RetryConfig);
