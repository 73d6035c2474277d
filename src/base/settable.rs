//! Field-by-field setting of configuration from TOML values. Loading a file,
//! a timeline event, a key press and a replayed recording all change the world
//! through `Settable::set`, so they cannot disagree about what a field means.

/// A configuration section whose fields can be set by name.
pub trait Settable {
    /// The field names, for error messages and suggestions.
    const FIELDS: &'static [&'static str];
    /// Sets one field from a TOML value, checking type only.
    fn set(&mut self, key: &str, value: &toml::Value) -> Result<(), String>;
    /// Reads one field as a TOML value (for recordings and the dashboard).
    fn get(&self, key: &str) -> Option<toml::Value>;
}

/// The message for a name that is not one of `valid`, with the nearest valid
/// name suggested when one is close. `what` is the kind of name: `key`,
/// `pattern`, `service`, `distribution`, `backoff` or `language` (the
/// catalogue says each in the reader's language).
pub fn unknown_name(what: &str, name: &str, valid: &[&str]) -> String {
    let unknown = crate::t!("unknown-name", what = what, name = name);
    let list = valid.join(", ");
    match nearest(name, valid) {
        Some(best) => crate::t!(
            "unknown-name-near",
            unknown = unknown,
            best = best,
            valid = list
        ),
        None => crate::t!("unknown-name-far", unknown = unknown, valid = list),
    }
}

/// A TOML number (float or integer) as `f64`.
pub fn number(v: &toml::Value) -> Option<f64> {
    match v {
        toml::Value::Float(f) => Some(*f),
        toml::Value::Integer(i) => Some(*i as f64),
        _ => None,
    }
}

/// The valid name closest to `name`, if it is close enough to be a typo.
pub fn nearest<'a>(name: &str, valid: &[&'a str]) -> Option<&'a str> {
    valid
        .iter()
        .map(|v| (strsim::damerau_levenshtein(name, v), *v))
        .filter(|(d, v)| *d <= 2.max(v.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, v)| v)
}

/// The valid range of a whole-number field, as validation enforces it; type
/// errors quote it instead of the integer type's range.
pub fn integer_range(key: &str) -> Option<(u64, u64)> {
    Some(match key {
        "workers" => (1, 100_000),
        "queue" | "max_queue" | "clients" => (0, 1_000_000),
        "threads" | "max_concurrent" => (1, 1_000_000),
        "failure_threshold" | "half_open_calls" => (1, 10_000),
        "min_calls" => (1, 100_000),
        "max_attempts" => (1, 100),
        _ => return None,
    })
}

/// A serde error about field `key` (holding `value`) in the reader's
/// language, the field's real range quoted for whole numbers.
pub fn type_error(key: &str, value: &toml::Value, err: impl std::fmt::Display) -> String {
    use crate::base::serde_message::{Found, SerdeError};
    let mut e = SerdeError::parse(&err.to_string());
    // serde names shapes TOML has not ("unit variant"): say what was written.
    if let SerdeError::InvalidType { found, .. } = &mut e {
        if found.is_other() {
            *found = Found::of(value);
        }
    }
    crate::t!(
        "field-message",
        key = key,
        message = e.text(integer_range(key))
    )
}

/// Implements `Settable` for a struct whose listed fields are all
/// `Deserialize + Serialize`.
#[macro_export]
macro_rules! settable {
    ($ty:ty { $($field:ident),* $(,)? }) => {
        impl $crate::base::settable::Settable for $ty {
            const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];
            fn set(&mut self, key: &str, value: &toml::Value) -> Result<(), String> {
                match key {
                    $(stringify!($field) => {
                        self.$field = serde::Deserialize::deserialize(value.clone())
                            .map_err(|e| $crate::base::settable::type_error(key, value, e))?;
                        Ok(())
                    })*
                    _ => Err($crate::base::settable::unknown_name("key", key, Self::FIELDS)),
                }
            }
            fn get(&self, key: &str) -> Option<toml::Value> {
                match key {
                    $(stringify!($field) => toml::Value::try_from(&self.$field).ok(),)*
                    _ => None,
                }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    #[test]
    fn misspelt_variants_get_a_suggestion() {
        let v = toml::Value::String("ful".into());
        let e = super::type_error(
            "jitter",
            &v,
            "unknown variant `ful`, expected one of `none`, `full`, `equal`, `decorrelated`",
        );
        assert!(e.ends_with("did you mean `full`?"), "{e}");
        let e = super::type_error(
            "jitter",
            &v,
            "unknown variant `zzzzzz`, expected one of `none`, `full`",
        );
        assert!(!e.contains("did you mean"), "{e}");
    }

    #[test]
    fn integer_type_errors_quote_the_fields_real_range() {
        let v = toml::Value::String("8".into());
        let e = super::type_error("workers", &v, "invalid type: string \"8\", expected u32");
        assert!(e.contains("from 1 to 100000"), "{e}");
        assert!(!e.contains("4294967295"), "{e}");
    }
}
