//! Timeout: an attempt that has not answered within `per_attempt` ends as
//! timed_out for its caller. The downstream is not told: the abandoned work
//! keeps a worker busy unless the service has `cancel_on_timeout`.
//!
//! Sans-IO: the deadline is computed here; the simulation arms the timer.

use crate::base::time::{Dur, SimTime};
use crate::settable;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeoutConfig {
    pub enabled: bool,
    pub per_attempt: Dur,
}

impl Default for TimeoutConfig {
    /// The lesson's `requests.get(..., timeout=5)`.
    fn default() -> Self {
        TimeoutConfig {
            enabled: true,
            per_attempt: Dur::from_secs(5),
        }
    }
}

settable!(TimeoutConfig {
    enabled,
    per_attempt
});

impl TimeoutConfig {
    pub fn validate(&self) -> Result<(), (&'static str, String)> {
        if self.per_attempt.0 == 0 || self.per_attempt > Dur::from_secs(86_400) {
            return Err(("per_attempt", crate::patterns::duration_range("1ns", "1d")));
        }
        Ok(())
    }

    /// When an attempt started at `now` times out.
    pub fn deadline(&self, now: SimTime) -> SimTime {
        now + self.per_attempt.0
    }
}
