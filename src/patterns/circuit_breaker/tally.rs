//! What a service's breaker has counted since the run began, the way
//! resilience4j's metrics count it (`resilience4j.circuitbreaker.calls`
//! `{kind=successful|failed}` as timers, `…not.permitted.calls`): read by
//! the shells that export metrics, never by the breaker's decisions.

use crate::base::time::Dur;

/// The breaker's results and refusals so far.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BreakerTally {
    /// Results it counted as successes, and their total duration (ns) from
    /// the permit to the result.
    pub successful: u64,
    pub successful_ns: u128,
    /// Results it counted as failures (failed, timed out, rejected inside).
    pub failed: u64,
    pub failed_ns: u128,
    /// Calls it short-circuited.
    pub not_permitted: u64,
    /// Its transitions to CLOSED and to HALF-OPEN (Polly's OnCircuitClosed,
    /// OnCircuitHalfOpened; openings are `CircuitBreaker::times_opened`).
    pub closed: u64,
    pub half_opened: u64,
}

impl BreakerTally {
    /// A transition to `to`.
    pub fn transition(&mut self, to: super::BreakerState) {
        match to {
            super::BreakerState::Closed => self.closed += 1,
            super::BreakerState::HalfOpen => self.half_opened += 1,
            _ => {}
        }
    }

    #[inline]
    pub fn result(&mut self, failed: bool, took: Dur) {
        if failed {
            self.failed += 1;
            self.failed_ns += u128::from(took.0);
        } else {
            self.successful += 1;
            self.successful_ns += u128::from(took.0);
        }
    }
}
