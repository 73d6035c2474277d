//! Timeout: an attempt that has not answered within `per_attempt` ends as
//! timed_out for its caller. The downstream is not told: the abandoned work
//! keeps a worker busy unless the service has `cancel_on_timeout`.
//!
//! Sans-IO: the deadline is computed here; the simulation arms the timer.

pub mod layer;

use crate::base::settable::Settable;
use crate::base::time::{Dur, SimTime};
use crate::i18n::Msg;
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
    per_attempt: Range::Span("1ns", "1d"),
});

impl TimeoutConfig {
    pub fn validate(&self) -> Result<(), (&'static str, Msg)> {
        self.check_ranges()
    }

    /// When an attempt started at `now` times out.
    pub fn deadline(&self, now: SimTime) -> SimTime {
        now + self.per_attempt.0
    }
}

use super::edit::{Edit, Editable};
use super::registry::{fields_of, Pattern};

const TIMEOUTS_MS: &[u64] = &[
    10, 20, 50, 100, 200, 250, 500, 1000, 2000, 3000, 5000, 10_000, 15_000, 20_000, 30_000, 60_000,
];

/// The timeout in the registry: key `4`.
pub const PATTERN: Pattern = Pattern {
    name: "timeout",
    layer: Some(super::PatternKind::Timeout),
    toggle: Some('4'),
    fields: fields_of::<TimeoutConfig>(),
    editable: &[
        Editable::new("enabled", Edit::Bool),
        Editable::new("per_attempt", Edit::Duration(TIMEOUTS_MS)),
    ],
    title: "Timeout",
    unlisted_outside: None,
    counters: &[],
    config: |set| &set.timeout,
    config_mut: |set| &mut set.timeout,
};

crate::pattern_config!(TimeoutConfig);
