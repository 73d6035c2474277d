//! The retry budget's token bucket (gRPC retry throttling), one per service:
//! the rule that decides whether retries are throttled lives here, and the
//! dashboard asks it rather than repeating it.

use super::config::{Budget, RetryConfig};

/// The retry budget's token bucket, one per service.
#[derive(Clone, Debug, PartialEq)]
pub struct RetryBudget {
    pub tokens: f64,
}

impl RetryBudget {
    pub fn new(b: Option<Budget>) -> RetryBudget {
        RetryBudget {
            tokens: b.map_or(0.0, |b| b.max_tokens),
        }
    }
    pub fn on_attempt(&mut self, b: Budget, failed: bool) {
        if failed {
            self.tokens = (self.tokens - 1.0).max(0.0);
        } else {
            self.tokens = (self.tokens + b.token_ratio).min(b.max_tokens);
        }
    }
    /// The tokens left, when the service has a budget at all.
    pub fn reading(&self, cfg: &RetryConfig) -> Option<f64> {
        cfg.budget.map(|_| self.tokens)
    }
    pub fn allows_retry(&self, b: Budget) -> bool {
        !throttles(self.tokens, b)
    }
}

/// gRPC's rule: retries are throttled while the tokens are at most half the
/// bucket. The one place it is written; the dashboard asks it too.
pub fn throttles(tokens: f64, b: Budget) -> bool {
    tokens <= b.max_tokens / 2.0
}
