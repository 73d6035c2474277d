//! Hedged requests (Polly v8's hedging strategy, gRPC's hedging policy;
//! Dean & Barroso, "The Tail at Scale", 2013): when the call's attempt has
//! not answered after `delay`, a copy of it is sent as well, up to
//! `max_hedged_attempts` copies; the first successful answer wins and the
//! others are abandoned (cancelled at the downstream when it has
//! `cancel_on_timeout`, otherwise their work goes on). A failed attempt
//! starts the next copy at once. When every attempt failed, the last
//! failure is the answer.
//!
//! Unlisted in `patterns.order`, hedging sits just outside the timeout, so
//! each copy has its own per-attempt timeout; a breaker outside it sees one
//! result per call. Each copy draws its own luck (keyed by service, call,
//! attempt and copy), so the call's own attempt draws what it would without
//! hedging.

pub mod config;
pub mod layer;

pub use config::HedgingConfig;

use super::edit::{Edit, Editable};
use super::registry::{fields_of, Counter, Pattern};

const DELAYS_MS: &[u64] = &[
    0, 5, 10, 20, 30, 50, 75, 100, 150, 200, 300, 500, 1000, 2000, 5000,
];

/// 1 to 10 copies.
const COPIES: Edit = Edit::Number {
    ladder: &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0],
    integer: true,
};

/// Copies sent: the extra attempts hedging costs.
pub const HEDGED: Counter = Counter {
    name: "hedged",
    label: "counter-hedged",
    column: "counter-hedged-column",
    symbol: '⇉',
};

/// Hedging in the registry: key `5`.
pub const PATTERN: Pattern = Pattern {
    name: "hedging",
    layer: Some(super::PatternKind::Hedging),
    toggle: Some('5'),
    fields: fields_of::<HedgingConfig>(),
    editable: &[
        Editable::new("enabled", Edit::Bool),
        // Offered while hedging is on: off, one row is enough.
        Editable::new("max_hedged_attempts", COPIES).when(|p| p.hedging.enabled),
        Editable::new("delay", Edit::Duration(DELAYS_MS)).when(|p| p.hedging.enabled),
    ],
    title: "Hedging",
    unlisted_outside: Some(super::PatternKind::Timeout),
    counters: &[HEDGED],
    config: |set| &set.hedging,
    config_mut: |set| &mut set.hedging,
};

crate::pattern_config!(HedgingConfig);
