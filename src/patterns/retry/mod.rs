//! Retry: try again after a failed attempt, waiting a backoff between tries
//! (tenacity's `wait_exponential`, AWS's jitter formulas), optionally limited
//! by a gRPC-style retry budget and an overall deadline.
//!
//! Sans-IO: the policy computes delays and decisions; the simulation sleeps.
//! - `config`: what a scenario sets, with its ranges;
//! - `backoff`, `jitter`: the waits;
//! - `budget`: the token bucket and its throttling rule;
//! - `state`: one call's attempts and the decision after each.

mod backoff;
mod budget;
mod config;
mod jitter;
mod state;

pub use backoff::Backoff;
pub use budget::RetryBudget;
pub use config::{Budget, RetryConfig};
pub use jitter::Jitter;
pub use state::{Decision, RetryState, StopReason};

#[cfg(test)]
mod tests;
