//! Circuit breaker, as resilience4j and the lesson define it: CLOSED lets calls
//! through and watches their results; enough failures OPEN it, and it
//! short-circuits every call for `open_for`; then HALF-OPEN lets a few probes
//! through, whose results close it again or re-open it. `semantics =
//! "lesson"` is the lesson's class read literally (`machine.rs`, at its end).
//!
//! - `config`: what a scenario sets, with its valid ranges;
//! - `machine`: the sans-IO state machine (its unit tests beside it);
//! - `reason`: why it changed state, as data;
//! - `window`: the sliding window a rate breaker measures over;
//! - `tally`: what it counted since the run began (for exported metrics).

mod config;
pub mod layer;
mod machine;
pub mod reason;
pub mod tally;
pub mod window;

pub use config::*;
pub use machine::*;

#[cfg(test)]
mod lesson_class_tests;
#[cfg(test)]
mod lesson_semantics_tests;

use super::edit::{Edit, Editable, COUNT};
use super::registry::{fields_of, Pattern};

/// The breaker in the registry: key `1`.
pub const PATTERN: Pattern = Pattern {
    name: "circuit_breaker",
    layer: Some(super::PatternKind::CircuitBreaker),
    toggle: Some('1'),
    fields: fields_of::<BreakerConfig>(),
    editable: EDITABLE,
    title: "Circuit Breaker",
    unlisted_outside: None,
    counters: &[],
    config: |set| &set.circuit_breaker,
    config_mut: |set| &mut set.circuit_breaker,
};

crate::pattern_config!(BreakerConfig, |cfg: &mut BreakerConfig, field: &str| {
    if field == "window" {
        cfg.fit_window_size();
    }
});

const BREAKER_RATES: &[f64] = &[0.05, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];
const OPEN_FOR_MS: &[u64] = &[
    1000, 2000, 5000, 10_000, 15_000, 20_000, 30_000, 45_000, 60_000, 90_000, 120_000, 300_000,
    600_000,
];

fn is_rate(set: &super::PatternSet) -> bool {
    set.circuit_breaker.kind == BreakerKind::Rate
}

/// What the dashboard lets a class change, live. A new kind starts the
/// breaker closed: the fix of a flapping breaker, live.
const EDITABLE: &[Editable] = &[
    Editable::new("enabled", Edit::Bool),
    Editable::new("force", Edit::Choice(&["none", "forced_open", "disabled"])),
    Editable::new("kind", Edit::Choice(&["consecutive", "rate"])),
    Editable::new(
        "failure_rate",
        Edit::Number {
            ladder: BREAKER_RATES,
            integer: false,
        },
    )
    .when(is_rate),
    Editable::new("min_calls", COUNT).when(is_rate),
    Editable::new("failure_threshold", COUNT).when(|set| !is_rate(set)),
    Editable::new("open_for", Edit::Duration(OPEN_FOR_MS)),
    // A lesson breaker waits from the last failure by definition: its row
    // says which semantics it follows instead (and can switch it back).
    Editable::new("open_from", Edit::Choice(&["opened", "last_failure"]))
        .when(|set| !is_lesson(set)),
    Editable::new("semantics", Edit::Choice(&["resilience4j", "lesson"])).when(is_lesson),
];

fn is_lesson(set: &super::PatternSet) -> bool {
    set.circuit_breaker.semantics == Semantics::Lesson
}
