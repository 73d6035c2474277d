//! The one list of patterns. Names, the default order of the layers, the
//! settable paths, validation, the dashboard's editable fields and toggle
//! keys all come from here, so a pattern is registered once: one line in
//! `PATTERNS`, its entry (`PATTERN`) written in its own folder.

use super::edit::Editable;
use super::{PatternKind, PatternSet};
use crate::base::settable::Settable;
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
    /// Its place among the ordered layers (`patterns.order`), if it is one;
    /// the fallback is not, it is always outermost.
    pub layer: Option<PatternKind>,
    /// The dashboard key that turns it on and off for the selected service.
    pub toggle: Option<char>,
    /// Its settable fields.
    pub fields: &'static [&'static str],
    /// The fields the dashboard's Parameters panel offers, in its order.
    pub editable: &'static [Editable],
    /// Its configuration within a service's patterns.
    pub config: fn(&PatternSet) -> &dyn PatternConfig,
    pub config_mut: fn(&mut PatternSet) -> &mut dyn PatternConfig,
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
        for kind in PatternKind::DEFAULT_ORDER {
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
