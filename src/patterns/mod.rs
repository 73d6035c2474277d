//! The resilience patterns, one folder each (`patterns/<name>/`): its
//! configuration with its valid ranges, its sans-IO state machine, its
//! editable fields. `registry` lists them; the rest of the house finds a
//! pattern through it (names, settable paths, validation, toggle keys, the
//! dashboard's editable fields). `PatternKind` lists the layers that can be
//! ordered. The fallback is a layer only where `patterns.order` lists it;
//! unlisted, it answers after everything (the caller's pool included), as it
//! always did.
//!
//! A layer's engine hooks (enter / exit / timer / abandon, with its per-call
//! and per-service state) are in its folder's `layer.rs`, written against
//! `layer::Engine`; the engine walks layers by depth and reaches them only
//! through `registry`'s one dispatch.
//!
//! A new pattern touches (hedging did exactly this; `git show --stat` of its
//! commit): its folder (its config implementing `PatternConfig` with its
//! ranges, its state machine, its `PATTERN` entry with its editable fields,
//! toggle key, title, counters and place when unlisted in `order`, its
//! `layer.rs`), its catalogue file per language (`locales/<lang>/<name>.ftl`:
//! its key's help, its counters' words, its trace sentences), its tests, and
//! the registry: its line in `PATTERNS`, and for a layer its arm in
//! `dispatch!`, its field in `CallLayers` (and `ServiceLayers` if it keeps
//! service-wide state), its `PatternKind` and its field in `PatternSet`. Its
//! trace steps are `layer::Note`s and its counts `registry::Counter`s, which
//! every report, panel and figure renders without naming it; a layer that
//! runs copies of a call uses `Engine::fork` and `Layer::joined`. A lesson for
//! it is a scenario file and its line in `scenario::builtin::BUILTINS`.

pub mod bulkhead;
pub mod circuit_breaker;
pub mod edit;
pub mod fallback;
pub mod hedging;
pub mod layer;
pub mod registry;
pub mod retry;
pub mod timeout;

use crate::i18n::Msg;
use bulkhead::BulkheadConfig;
use circuit_breaker::BreakerConfig;
use fallback::FallbackConfig;
use hedging::HedgingConfig;
pub use registry::{Pattern, PatternConfig, PATTERNS};
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
    Hedging,
    /// A layer only where `patterns.order` lists it (`DEFAULT_ORDER` leaves
    /// it out): the layers outside it see its answer as a success.
    Fallback,
}

impl PatternKind {
    /// resilience4j's order, outermost first: the timeout is per attempt and
    /// the breaker sees every attempt; hedging just outside the timeout, so
    /// each copy has its own.
    pub const DEFAULT_ORDER: [PatternKind; 5] = [
        PatternKind::Retry,
        PatternKind::CircuitBreaker,
        PatternKind::Bulkhead,
        PatternKind::Hedging,
        PatternKind::Timeout,
    ];

    /// Every layer, the fallback last: what `patterns.order` may list.
    pub const ALL: [PatternKind; 6] = [
        PatternKind::Retry,
        PatternKind::CircuitBreaker,
        PatternKind::Bulkhead,
        PatternKind::Hedging,
        PatternKind::Timeout,
        PatternKind::Fallback,
    ];

    /// Its name in files and change paths, from the registry.
    pub fn name(self) -> &'static str {
        registry::layer(self).name
    }
}

/// Names usable in change paths (`patterns.<name>.<field>`), in the
/// registry's order.
pub const PATTERN_NAMES: &[&str] = &NAMES;
const NAMES: [&str; PATTERNS.len()] = {
    let mut names = [""; PATTERNS.len()];
    let mut i = 0;
    while i < PATTERNS.len() {
        names[i] = PATTERNS[i].name;
        i += 1;
    }
    names
};

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
    pub hedging: HedgingConfig,
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
            hedging: HedgingConfig {
                enabled: false,
                ..Default::default()
            },
        }
    }
}

impl PatternSet {
    pub fn is_enabled(&self, kind: PatternKind) -> bool {
        registry::layer(kind).config(self).enabled()
    }

    /// Sets `<pattern>.<field>`.
    pub fn set(&mut self, pattern: &str, field: &str, value: &toml::Value) -> Result<(), Msg> {
        match registry::find(pattern) {
            Some(p) => p.config_mut(self).set_field(field, value),
            None => Err(crate::base::settable::unknown_name(
                "pattern",
                pattern,
                PATTERN_NAMES,
            )),
        }
    }

    /// The fields of `pattern` (none for a name that is not a pattern).
    pub fn fields(pattern: &str) -> &'static [&'static str] {
        registry::find(pattern).map_or(&[], |p| p.fields)
    }

    pub fn get(&self, pattern: &str, field: &str) -> Option<toml::Value> {
        registry::find(pattern)?.config(self).get_field(field)
    }

    /// Checks every pattern, enabled or not (a disabled one can be turned on live); the error names the pattern and field.
    pub fn validate(&self) -> Result<(), (&'static str, &'static str, Msg)> {
        for p in PATTERNS {
            p.config(self).validate().map_err(|(f, m)| (p.name, f, m))?;
        }
        Ok(())
    }
}
