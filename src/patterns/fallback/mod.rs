//! Fallback: instead of an error, answer with a substitute (the lesson's
//! `{'error': 'Service timeout'}`). It is always outermost; a fallback answer
//! is counted both by its cause and as a fallback.

use crate::base::outcome::Outcome;
use crate::settable;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FallbackConfig {
    pub enabled: bool,
    pub on: Vec<Outcome>,
    /// What the caller receives instead of the error: shown, never parsed.
    pub answer: String,
}

/// The lesson's answer to a timeout.
pub const LESSON_ANSWER: &str = "{'error': 'Service timeout'}";

/// The longest answer, in characters: it must fit in a panel's row.
pub const MAX_ANSWER_CHARS: usize = 60;

impl Default for FallbackConfig {
    /// The lesson answers timeouts with `{'error': 'Service timeout'}`.
    fn default() -> Self {
        FallbackConfig {
            enabled: true,
            on: vec![Outcome::TimedOut],
            answer: LESSON_ANSWER.to_string(),
        }
    }
}

settable!(FallbackConfig {
    enabled,
    on,
    answer
});

impl FallbackConfig {
    pub fn validate(&self) -> Result<(), (&'static str, String)> {
        if self.on.contains(&Outcome::Ok) {
            return Err(("on", crate::t!("fallback-on-ok")));
        }
        let n = self.answer.chars().count();
        if n == 0 || n > MAX_ANSWER_CHARS || self.answer.chars().any(char::is_control) {
            return Err((
                "answer",
                format!("an answer is 1 to {MAX_ANSWER_CHARS} characters on one line, e.g. \"{LESSON_ANSWER}\""),
            ));
        }
        Ok(())
    }

    /// Whether a call that ended with `outcome` is answered by the fallback.
    pub fn answers(&self, outcome: Outcome) -> bool {
        self.enabled && self.on.contains(&outcome)
    }
}
