//! The resilience patterns, each a sans-IO state machine in its own file.
//! `PatternKind` lists the layers that can be ordered; fallback is always
//! outermost and is not a layer.

pub mod bulkhead;
pub mod circuit_breaker;
pub mod fallback;
pub mod retry;
pub mod timeout;

use crate::base::settable::Settable;
use bulkhead::BulkheadConfig;
use circuit_breaker::BreakerConfig;
use fallback::FallbackConfig;
use retry::RetryConfig;
use serde::{Deserialize, Serialize};
use timeout::TimeoutConfig;

/// A pattern that wraps a call as a layer; `patterns.order` arranges them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PatternKind {
    Retry,
    CircuitBreaker,
    Bulkhead,
    Timeout,
}

impl PatternKind {
    /// resilience4j's order, outermost first: the timeout is per attempt and
    /// the breaker sees every attempt.
    pub const DEFAULT_ORDER: [PatternKind; 4] = [
        PatternKind::Retry,
        PatternKind::CircuitBreaker,
        PatternKind::Bulkhead,
        PatternKind::Timeout,
    ];

    pub fn name(self) -> &'static str {
        match self {
            PatternKind::Retry => "retry",
            PatternKind::CircuitBreaker => "circuit_breaker",
            PatternKind::Bulkhead => "bulkhead",
            PatternKind::Timeout => "timeout",
        }
    }
}

/// "must be a whole number from `lo` to `hi`", in the reader's language.
/// Limits are written as a file would write them (`1000000`), to be copied.
pub(crate) fn whole(lo: u64, hi: u64) -> String {
    crate::t!(
        "must-be-whole-in-range",
        lo = lo.to_string(),
        hi = hi.to_string()
    )
}

/// "must be from `lo` to `hi`" for a duration, in the reader's language.
pub(crate) fn duration_range(lo: &str, hi: &str) -> String {
    crate::t!("must-be-duration-in-range", lo = lo, hi = hi)
}

/// Names usable in change paths (`patterns.<name>.<field>`).
pub const PATTERN_NAMES: &[&str] = &[
    "circuit_breaker",
    "retry",
    "bulkhead",
    "timeout",
    "fallback",
];

/// Every pattern's configuration for one service. A pattern whose section is
/// absent is present here with `enabled = false` and the lesson's values, so
/// that turning it on live has sensible numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct PatternSet {
    pub circuit_breaker: BreakerConfig,
    pub retry: RetryConfig,
    pub bulkhead: BulkheadConfig,
    pub timeout: TimeoutConfig,
    pub fallback: FallbackConfig,
}

impl Default for PatternSet {
    fn default() -> Self {
        PatternSet {
            circuit_breaker: BreakerConfig {
                enabled: false,
                ..Default::default()
            },
            retry: RetryConfig {
                enabled: false,
                ..Default::default()
            },
            bulkhead: BulkheadConfig {
                enabled: false,
                ..Default::default()
            },
            timeout: TimeoutConfig {
                enabled: false,
                ..Default::default()
            },
            fallback: FallbackConfig {
                enabled: false,
                ..Default::default()
            },
        }
    }
}

impl PatternSet {
    pub fn is_enabled(&self, kind: PatternKind) -> bool {
        match kind {
            PatternKind::Retry => self.retry.enabled,
            PatternKind::CircuitBreaker => self.circuit_breaker.enabled,
            PatternKind::Bulkhead => self.bulkhead.enabled,
            PatternKind::Timeout => self.timeout.enabled,
        }
    }

    /// Sets `<pattern>.<field>`.
    pub fn set(&mut self, pattern: &str, field: &str, value: &toml::Value) -> Result<(), String> {
        match pattern {
            "circuit_breaker" => {
                self.circuit_breaker.set(field, value)?;
                if field == "window" {
                    self.circuit_breaker.fit_window_size();
                }
                Ok(())
            }
            "retry" => self.retry.set(field, value),
            "bulkhead" => self.bulkhead.set(field, value),
            "timeout" => self.timeout.set(field, value),
            "fallback" => self.fallback.set(field, value),
            _ => Err(crate::base::settable::unknown_name(
                "pattern",
                pattern,
                PATTERN_NAMES,
            )),
        }
    }

    /// The fields of `pattern` (none for a name that is not a pattern).
    pub fn fields(pattern: &str) -> &'static [&'static str] {
        match pattern {
            "circuit_breaker" => BreakerConfig::FIELDS,
            "retry" => RetryConfig::FIELDS,
            "bulkhead" => BulkheadConfig::FIELDS,
            "timeout" => TimeoutConfig::FIELDS,
            "fallback" => FallbackConfig::FIELDS,
            _ => &[],
        }
    }

    pub fn get(&self, pattern: &str, field: &str) -> Option<toml::Value> {
        match pattern {
            "circuit_breaker" => self.circuit_breaker.get(field),
            "retry" => self.retry.get(field),
            "bulkhead" => self.bulkhead.get(field),
            "timeout" => self.timeout.get(field),
            "fallback" => self.fallback.get(field),
            _ => None,
        }
    }

    /// Checks every pattern, enabled or not (a disabled one can be turned on live); the error names the pattern and field.
    pub fn validate(&self) -> Result<(), (&'static str, &'static str, String)> {
        let tag = |p: &'static str| move |(f, m): (&'static str, String)| (p, f, m);
        self.circuit_breaker
            .validate()
            .map_err(tag("circuit_breaker"))?;
        self.retry.validate().map_err(tag("retry"))?;
        self.bulkhead.validate().map_err(tag("bulkhead"))?;
        self.timeout.validate().map_err(tag("timeout"))?;
        self.fallback.validate().map_err(tag("fallback"))?;
        Ok(())
    }
}
