//! Fallback: instead of an error, answer with a substitute ("service timeout"
//! in the lesson). It is always outermost; a fallback answer is counted both by
//! its cause and as a fallback.

use crate::base::outcome::Outcome;
use crate::settable;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FallbackConfig {
    pub enabled: bool,
    pub on: Vec<Outcome>,
}

impl Default for FallbackConfig {
    /// The lesson answers timeouts with `{'error': 'Service timeout'}`.
    fn default() -> Self {
        FallbackConfig {
            enabled: true,
            on: vec![Outcome::TimedOut],
        }
    }
}

settable!(FallbackConfig { enabled, on });

impl FallbackConfig {
    pub fn validate(&self) -> Result<(), (&'static str, String)> {
        if self.on.contains(&Outcome::Ok) {
            return Err(("on", crate::t!("fallback-on-ok")));
        }
        Ok(())
    }

    /// Whether a call that ended with `outcome` is answered by the fallback.
    pub fn answers(&self, outcome: Outcome) -> bool {
        self.enabled && self.on.contains(&outcome)
    }
}
