//! Fallback: instead of an error, answer with a substitute (the lesson's
//! `{'error': 'Service timeout'}`). A fallback answer is counted both by its
//! cause and as a fallback.
//!
//! Where it sits decides what the other layers see. Listed in
//! `patterns.order`, it is a layer (`layer.rs`): the layers outside it see its
//! answer as a success (inside the retry, nobody outside sees the timeout).
//! Unlisted, it answers after everything, the caller's pool included, so it
//! can answer `client_rejected`: the layers never see it.

pub mod layer;

use crate::base::outcome::Outcome;
use crate::i18n::Msg;
use crate::{msg, settable};
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
    pub fn validate(&self) -> Result<(), (&'static str, Msg)> {
        if self.on.contains(&Outcome::Ok) {
            return Err(("on", msg!("fallback-on-ok")));
        }
        let n = self.answer.chars().count();
        if n == 0 || n > MAX_ANSWER_CHARS || self.answer.chars().any(char::is_control) {
            let example = LESSON_ANSWER;
            return Err((
                "answer",
                msg!(
                    "fallback-answer-shape",
                    max = MAX_ANSWER_CHARS,
                    example = example
                ),
            ));
        }
        Ok(())
    }

    /// Whether a call that ended with `outcome` is answered by the fallback.
    pub fn answers(&self, outcome: Outcome) -> bool {
        self.enabled && self.on.contains(&outcome)
    }
}

use super::edit::{Edit, Editable};
use super::registry::{fields_of, Pattern};

/// The fallback in the registry: a layer where `order` lists it, no key.
pub const PATTERN: Pattern = Pattern {
    name: "fallback",
    layer: Some(super::PatternKind::Fallback),
    toggle: None,
    fields: fields_of::<FallbackConfig>(),
    editable: &[Editable::new("enabled", Edit::Bool)],
    title: "Fallback",
    unlisted_outside: None,
    counters: &[],
    config: |set| &set.fallback,
    config_mut: |set| &mut set.fallback,
};

crate::pattern_config!(FallbackConfig);
