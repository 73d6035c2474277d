//! What a scenario sets for hedging, with its valid ranges (Polly's:
//! 1 to 10 copies).

use crate::base::settable::Settable;
use crate::base::time::{Dur, SimTime};
use crate::i18n::Msg;
use crate::settable;

#[derive(Clone, Debug, PartialEq)]
pub struct HedgingConfig {
    pub enabled: bool,
    /// Copies beyond the call's own attempt.
    pub max_hedged_attempts: u32,
    /// How long an attempt may run before the next copy is sent; 0 sends
    /// them all at once.
    pub delay: Dur,
}

impl Default for HedgingConfig {
    /// One copy after 50 ms.
    fn default() -> Self {
        HedgingConfig {
            enabled: true,
            max_hedged_attempts: 1,
            delay: Dur::from_millis(50),
        }
    }
}

settable!(HedgingConfig {
    enabled,
    max_hedged_attempts: Range::Whole(1, 10),
    delay: Range::AtMost("1h"),
});

impl HedgingConfig {
    pub fn validate(&self) -> Result<(), (&'static str, Msg)> {
        self.check_ranges()
    }

    /// When the next copy goes out if nothing answered, for a copy (or the
    /// call's own attempt) sent at `now`.
    pub fn next_at(&self, now: SimTime) -> SimTime {
        now + self.delay.0
    }
}
