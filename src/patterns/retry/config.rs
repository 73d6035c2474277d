//! What a scenario sets for retries, with its valid ranges.

use super::backoff::Backoff;
use super::jitter::Jitter;
use crate::base::outcome::Outcome;
use crate::base::settable::Settable;
use crate::base::time::Dur;
use crate::i18n::Msg;
use crate::{msg, settable};
use serde::{Deserialize, Serialize};

/// gRPC retry throttling: a failed attempt costs a token, a success earns
/// `token_ratio`; retries are allowed only while tokens > max_tokens / 2.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    pub max_tokens: f64,
    #[serde(default = "default_ratio")]
    pub token_ratio: f64,
}

fn default_ratio() -> f64 {
    0.1
}

#[derive(Clone, Debug, PartialEq)]
pub struct RetryConfig {
    pub enabled: bool,
    pub max_attempts: u32,
    pub backoff: Backoff,
    pub jitter: Jitter,
    pub budget: Option<Budget>,
    pub retry_on: Vec<Outcome>,
    pub deadline: Option<Dur>,
}

impl Default for RetryConfig {
    /// The lesson's retry: `stop_after_attempt(3)`, `wait_exponential(multiplier=1, min=1, max=10)`.
    fn default() -> Self {
        RetryConfig {
            enabled: true,
            max_attempts: 3,
            backoff: Backoff::Exponential {
                multiplier: Dur::from_secs(1),
                base: 2.0,
                min: Dur::from_secs(1),
                max: Dur::from_secs(10),
            },
            jitter: Jitter::None,
            budget: None,
            retry_on: vec![Outcome::Failed, Outcome::TimedOut],
            deadline: None,
        }
    }
}

settable!(RetryConfig {
    enabled,
    max_attempts: Range::WholeSaid(1, 100, "retry-max-attempts-range"),
    backoff,
    jitter,
    budget,
    retry_on,
    deadline: Range::Span("1ns", "1d"),
});

impl RetryConfig {
    pub fn validate(&self) -> Result<(), (&'static str, Msg)> {
        if let Err((field, m)) = self.check_ranges() {
            if field == "max_attempts" {
                return Err((field, m));
            }
        }
        self.backoff.validate().map_err(|e| ("backoff", e))?;
        if let Some(b) = self.budget {
            if !(b.max_tokens.is_finite() && b.max_tokens >= 1.0 && b.max_tokens <= 1e6) {
                return Err((
                    "budget",
                    msg!("budget-max-tokens", value = b.max_tokens.to_string()),
                ));
            }
            if !(b.token_ratio.is_finite() && b.token_ratio > 0.0 && b.token_ratio <= b.max_tokens)
            {
                return Err((
                    "budget",
                    msg!("budget-token-ratio", value = b.token_ratio.to_string()),
                ));
            }
        }
        if self.retry_on.contains(&Outcome::ClientRejected) {
            return Err(("retry_on", msg!("retry-on-client-rejected")));
        }
        self.check_ranges()
    }
}
