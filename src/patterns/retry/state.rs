//! A call's retry layer: how many attempts, the last sleep, and the decision
//! after each attempt (sleep and try again, or give the result back).

use super::budget::RetryBudget;
use super::config::RetryConfig;
use crate::base::outcome::Outcome;
use crate::base::time::{Dur, SimTime};
use rand::Rng;

/// What to do after an attempt ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Sleep this long, then try again.
    RetryAfter(Dur),
    /// Give the result to the caller.
    Stop,
}

/// Why the retry layer gave a result to the caller instead of retrying.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopReason {
    /// The attempt succeeded.
    Succeeded,
    /// The retry layer was turned off while the call was under way.
    Disabled,
    /// `retry_on` does not list this outcome.
    NotRetried,
    /// All `max_attempts` were made.
    Exhausted { max_attempts: u32 },
    /// The retry budget is below half its tokens.
    Budget,
    /// The next attempt would start after `deadline`.
    Deadline,
}

/// Per-call retry state: how many attempts have been made and the last sleep.
#[derive(Clone, Copy, Debug, Default)]
pub struct RetryState {
    pub attempts: u32,
    pub started: SimTime,
    pub prev_sleep: Dur,
}

impl RetryState {
    pub fn begin(now: SimTime) -> RetryState {
        RetryState {
            attempts: 1,
            started: now,
            prev_sleep: Dur(0),
        }
    }

    /// Decides after an attempt that ended with `outcome` at `now`, updating the budget.
    pub fn decide<R: Rng + ?Sized>(
        &mut self,
        cfg: &RetryConfig,
        budget: &mut RetryBudget,
        outcome: Outcome,
        now: SimTime,
        rng: &mut R,
    ) -> Decision {
        let retryable = cfg.retry_on.contains(&outcome);
        if let Some(b) = cfg.budget {
            budget.on_attempt(b, !outcome.is_ok() && retryable);
        }
        // Turned off live: calls already retrying stop at this attempt.
        if !cfg.enabled || !retryable || outcome.is_ok() || self.attempts >= cfg.max_attempts {
            return Decision::Stop;
        }
        if let Some(b) = cfg.budget {
            if !budget.allows_retry(b) {
                return Decision::Stop;
            }
        }
        let d = cfg.backoff.delay(self.attempts);
        let first = cfg.backoff.delay(1);
        let sleep = cfg
            .jitter
            .apply(d, self.prev_sleep, first, cfg.backoff.cap(), rng);
        if let Some(deadline) = cfg.deadline {
            if now + sleep > self.started + deadline {
                return Decision::Stop;
            }
        }
        self.prev_sleep = sleep;
        Decision::RetryAfter(sleep)
    }

    /// Why `decide` just answered `Stop` for `outcome` (with the budget as
    /// `decide` left it): its checks, in its order. For traces; draws nothing.
    pub fn stop_reason(
        &self,
        cfg: &RetryConfig,
        budget: &RetryBudget,
        outcome: Outcome,
    ) -> StopReason {
        if outcome.is_ok() {
            StopReason::Succeeded
        } else if !cfg.enabled {
            StopReason::Disabled
        } else if !cfg.retry_on.contains(&outcome) {
            StopReason::NotRetried
        } else if self.attempts >= cfg.max_attempts {
            StopReason::Exhausted {
                max_attempts: cfg.max_attempts,
            }
        } else if cfg.budget.is_some_and(|b| !budget.allows_retry(b)) {
            StopReason::Budget
        } else {
            StopReason::Deadline
        }
    }
}
