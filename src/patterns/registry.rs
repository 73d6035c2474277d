//! The one list of patterns. Names, the default order of the layers, the
//! settable paths, validation, the dashboard's editable fields and toggle
//! keys all come from here, so a pattern is registered once: one line in
//! `PATTERNS`, its entry (`PATTERN`) written in its own folder.

use super::bulkhead::layer::{BulkheadLayer, Slot};
use super::bulkhead::{Bulkhead, Waiter};
use super::circuit_breaker::layer::{Breaker, CallBreaker};
use super::circuit_breaker::tally::BreakerTally;
use super::circuit_breaker::{CircuitBreaker, Transition};
use super::edit::Editable;
use super::fallback::layer::FallbackLayer;
use super::hedging::layer::{CallHedging, Hedging};
use super::layer::{Cx, Engine, Fired, Inward, Layer, Outward, Parked};
use super::retry::layer::{CallRetry, Phase, Retry};
use super::retry::tally::RetryTally;
use super::retry::RetryBudget;
use super::timeout::layer::Timeout;
use super::{PatternKind, PatternSet};
use crate::base::outcome::Outcome;
use crate::base::settable::Settable;
use crate::base::time::SimTime;
use crate::i18n::Msg;

/// A pattern's configuration as the registry handles it: whether it is on,
/// its fields by name, and its own checks.
pub trait PatternConfig {
    fn enabled(&self) -> bool;
    fn set_field(&mut self, field: &str, value: &toml::Value) -> Result<(), Msg>;
    fn get_field(&self, field: &str) -> Option<toml::Value>;
    /// Its ranges and the rules between its fields; the error names the field.
    fn validate(&self) -> Result<(), (&'static str, Msg)>;
}

/// One pattern as the rest of the house finds it.
pub struct Pattern {
    /// Its name in files and change paths (`patterns.<name>.<field>`).
    pub name: &'static str,
    /// Its place among the ordered layers (`patterns.order`), if it is one
    /// (the fallback is one only where `order` lists it).
    pub layer: Option<PatternKind>,
    /// The dashboard key that turns it on and off for the selected service.
    pub toggle: Option<char>,
    /// Its settable fields.
    pub fields: &'static [&'static str],
    /// The fields the dashboard's Parameters panel offers, in its order.
    pub editable: &'static [Editable],
    /// Its name on screen, the same in every language ("Circuit Breaker").
    pub title: &'static str,
    /// Where it goes when a scenario's `patterns.order` does not list it:
    /// just outside this layer (if that one is listed), else innermost.
    pub unlisted_outside: Option<PatternKind>,
    /// The counts it keeps beyond the engine's own (reports, panels and
    /// figures show them wherever the pattern is used).
    pub counters: &'static [Counter],
    /// Its configuration within a service's patterns.
    pub config: fn(&PatternSet) -> &dyn PatternConfig,
    pub config_mut: fn(&mut PatternSet) -> &mut dyn PatternConfig,
}

/// A count a pattern keeps (`layer::Count::Named`), per tick and in total.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counter {
    /// Its name in JSON, CSV and the command line (`hedged`).
    pub name: &'static str,
    /// The catalogue id of its label with its unit ("hedged attempts").
    pub label: &'static str,
    /// The catalogue id of its short word, for table headings and the
    /// dashboard's rate (`⑂ 2/s hedged`).
    pub column: &'static str,
    /// Its mark on the dashboard, beside its rate.
    pub symbol: char,
}

/// How many counters the patterns declare, all together.
pub const COUNTERS: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < PATTERNS.len() {
        n += PATTERNS[i].counters.len();
        i += 1;
    }
    n
};

/// Every pattern's counters, with their pattern, in the registry's order:
/// the place of one here is its index in `Counts::extra`.
pub fn counters() -> impl Iterator<Item = (&'static Pattern, &'static Counter)> {
    PATTERNS
        .iter()
        .flat_map(|p| p.counters.iter().map(move |c| (p, c)))
}

/// The index of the counter called `name` (in `Counts::extra`).
pub fn counter_index(name: &str) -> usize {
    counters()
        .position(|(_, c)| c.name == name)
        .expect("a pattern counts only the counters it declares")
}

impl Pattern {
    pub fn config<'a>(&self, set: &'a PatternSet) -> &'a dyn PatternConfig {
        (self.config)(set)
    }
    pub fn config_mut<'a>(&self, set: &'a mut PatternSet) -> &'a mut dyn PatternConfig {
        (self.config_mut)(set)
    }
}

/// Every pattern, in the order the dashboard lists them.
pub const PATTERNS: &[Pattern] = &[
    super::circuit_breaker::PATTERN,
    super::retry::PATTERN,
    super::bulkhead::PATTERN,
    super::timeout::PATTERN,
    super::fallback::PATTERN,
    super::hedging::PATTERN,
];

/// The pattern called `name`.
pub fn find(name: &str) -> Option<&'static Pattern> {
    PATTERNS.iter().find(|p| p.name == name)
}

/// The pattern that is the layer `kind`.
pub fn layer(kind: PatternKind) -> &'static Pattern {
    PATTERNS
        .iter()
        .find(|p| p.layer == Some(kind))
        .expect("every layer is a registered pattern")
}

/// The pattern toggled by key `key`.
pub fn toggled_by(key: char) -> Option<&'static Pattern> {
    PATTERNS.iter().find(|p| p.toggle == Some(key))
}

/// Each layer's state for one call in flight (its pattern's own struct).
#[derive(Clone, Copy, Debug, Default)]
pub struct CallLayers {
    pub retry: CallRetry,
    pub circuit_breaker: CallBreaker,
    pub bulkhead: Slot,
    pub hedging: CallHedging,
}

impl CallLayers {
    /// The number of the attempt under way (1 without a retry layer).
    #[inline]
    pub fn attempt(&self) -> u32 {
        self.retry.attempt()
    }

    /// Whether a layer counted the call's attempts itself (if not, the
    /// engine counts its single attempt when it finishes).
    #[inline]
    pub fn counted_attempts(&self) -> bool {
        self.retry.phase != Phase::Unused
    }
}

/// Each layer's runtime for one service (its pattern's own struct).
#[derive(Clone, Debug)]
pub struct ServiceLayers {
    pub circuit_breaker: CircuitBreaker,
    pub bulkhead: Bulkhead,
    pub retry: RetryBudget,
    /// What the breaker and the retry counted so far, for exported metrics
    /// (kept across reconfigurations: counters only grow).
    pub breaker_tally: BreakerTally,
    pub retry_tally: RetryTally,
}

impl ServiceLayers {
    pub fn new(patterns: &PatternSet) -> ServiceLayers {
        ServiceLayers {
            circuit_breaker: CircuitBreaker::new(&patterns.circuit_breaker),
            bulkhead: Bulkhead::default(),
            retry: RetryBudget::new(patterns.retry.budget),
            breaker_tally: BreakerTally::default(),
            retry_tally: RetryTally::default(),
        }
    }

    /// The service's patterns changed from `before`: the runtime follows
    /// (waiters are let go on by `wake` afterwards). A breaker transition
    /// this makes is returned for the engine to report.
    pub fn reconfigure(
        &mut self,
        before: &PatternSet,
        after: &PatternSet,
        now: SimTime,
    ) -> Option<Transition> {
        let t =
            self.circuit_breaker
                .reconfigure(&before.circuit_breaker, &after.circuit_breaker, now);
        if before.retry.budget != after.retry.budget {
            self.retry = RetryBudget::new(after.retry.budget);
        }
        t
    }
}

/// The one dispatch from a layer to its pattern's hooks (`layer::Layer`).
macro_rules! dispatch {
    ($kind:expr, $hook:ident ( $($arg:expr),* )) => {
        match $kind {
            PatternKind::Retry => Retry::$hook($($arg),*),
            PatternKind::CircuitBreaker => Breaker::$hook($($arg),*),
            PatternKind::Bulkhead => BulkheadLayer::$hook($($arg),*),
            PatternKind::Timeout => Timeout::$hook($($arg),*),
            PatternKind::Hedging => Hedging::$hook($($arg),*),
            PatternKind::Fallback => FallbackLayer::$hook($($arg),*),
        }
    };
}

/// The layer `kind`'s hook for a request going inward.
#[inline(always)]
pub fn enter<E: Engine>(kind: PatternKind, cx: &mut Cx, eng: &mut E) -> Inward {
    dispatch!(kind, enter(cx, eng))
}

/// The layer `kind`'s hook for a result going outward.
#[inline(always)]
pub fn exit<E: Engine>(kind: PatternKind, cx: &mut Cx, eng: &mut E, outcome: Outcome) -> Outward {
    dispatch!(kind, exit(cx, eng, outcome))
}

/// The layer `kind`'s hook for its timer.
#[inline(always)]
pub fn timer<E: Engine>(kind: PatternKind, cx: &mut Cx, eng: &mut E) -> Fired {
    dispatch!(kind, timer(cx, eng))
}

/// The layer `kind`'s hook for a timeout outside abandoning the call.
#[inline(always)]
pub fn abandon<E: Engine>(kind: PatternKind, cx: &mut Cx, eng: &mut E) {
    dispatch!(kind, abandon(cx, eng))
}

/// The layer `kind`'s hook for a parked call let go on.
#[inline(always)]
pub fn resumed<E: Engine>(kind: PatternKind, cx: &mut Cx, eng: &mut E) {
    dispatch!(kind, resumed(cx, eng))
}

/// The layer `kind` lets its parked calls go on (into `out`).
#[inline(always)]
pub fn wake(
    kind: PatternKind,
    patterns: &PatternSet,
    service: &mut ServiceLayers,
    calls: &impl Parked,
    out: &mut Vec<Waiter>,
) {
    dispatch!(kind, wake(patterns, service, calls, out))
}

/// The layer `kind`'s hook for a copy it forked that ended.
#[inline(always)]
pub fn joined<E: Engine>(
    kind: PatternKind,
    cx: &mut Cx,
    eng: &mut E,
    copy: u32,
    outcome: Outcome,
) -> Fired {
    dispatch!(kind, joined(cx, eng, copy, outcome))
}

/// The layer `kind` sweeps its waiters that gave up.
#[inline(always)]
pub fn tidy(kind: PatternKind, service: &mut ServiceLayers, calls: &impl Parked) {
    dispatch!(kind, tidy(service, calls))
}

/// `PatternConfig` for a `Settable` configuration with an `enabled` field and
/// a `validate` method (every pattern's); `$after` runs after a field is set.
#[macro_export]
macro_rules! pattern_config {
    ($ty:ty) => {
        $crate::pattern_config!($ty, |_cfg: &mut $ty, _field: &str| {});
    };
    ($ty:ty, $after:expr) => {
        impl $crate::patterns::registry::PatternConfig for $ty {
            fn enabled(&self) -> bool {
                self.enabled
            }
            fn set_field(
                &mut self,
                field: &str,
                value: &toml::Value,
            ) -> Result<(), $crate::i18n::Msg> {
                $crate::base::settable::Settable::set(self, field, value)?;
                #[allow(clippy::redundant_closure_call)]
                ($after)(self, field);
                Ok(())
            }
            fn get_field(&self, field: &str) -> Option<toml::Value> {
                $crate::base::settable::Settable::get(self, field)
            }
            fn validate(&self) -> Result<(), (&'static str, $crate::i18n::Msg)> {
                <$ty>::validate(self)
            }
        }
    };
}

/// The fields of a `Settable` configuration (for `Pattern::fields`).
pub const fn fields_of<T: Settable>() -> &'static [&'static str] {
    T::FIELDS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_layer_and_name_is_registered_once() {
        for kind in PatternKind::ALL {
            assert_eq!(PATTERNS.iter().filter(|p| p.layer == Some(kind)).count(), 1);
        }
        let mut names: Vec<_> = PATTERNS.iter().map(|p| p.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), PATTERNS.len());
        let mut keys: Vec<_> = PATTERNS.iter().filter_map(|p| p.toggle).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(
            keys.len(),
            PATTERNS.iter().filter(|p| p.toggle.is_some()).count()
        );
    }

    #[test]
    fn counters_are_named_once_and_found_by_name() {
        let mut names: Vec<_> = counters().map(|(_, c)| c.name).collect();
        assert_eq!(names.len(), COUNTERS);
        for (i, n) in names.iter().enumerate() {
            assert_eq!(counter_index(n), i);
        }
        names.sort();
        names.dedup();
        assert_eq!(names.len(), COUNTERS);
    }

    #[test]
    fn the_lesson_keeps_its_keys() {
        // The lesson says "press 3" for the bulkhead.
        let key = |name| find(name).unwrap().toggle;
        assert_eq!(key("circuit_breaker"), Some('1'));
        assert_eq!(key("retry"), Some('2'));
        assert_eq!(key("bulkhead"), Some('3'));
        assert_eq!(key("timeout"), Some('4'));
    }

    #[test]
    fn editable_fields_are_settable_fields() {
        for p in PATTERNS {
            for e in p.editable {
                assert!(p.fields.contains(&e.field), "{}.{}", p.name, e.field);
            }
        }
    }

    #[test]
    fn set_reaches_the_field_and_get_reads_it_back() {
        let mut set = PatternSet::default();
        for p in PATTERNS {
            let v = toml::Value::Boolean(true);
            p.config_mut(&mut set).set_field("enabled", &v).unwrap();
            assert!(p.config(&set).enabled(), "{}", p.name);
            assert_eq!(set.get(p.name, "enabled"), Some(v));
        }
    }
}
