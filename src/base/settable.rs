//! Field-by-field setting of configuration from TOML values. Loading a file,
//! a timeline event, a key press and a replayed recording all change the world
//! through `Settable::set`, so they cannot disagree about what a field means.

use crate::base::range::Range;
use crate::i18n::Msg;
use crate::msg;

/// A configuration section whose fields can be set by name.
pub trait Settable {
    /// The field names, for error messages and suggestions.
    const FIELDS: &'static [&'static str];
    /// Sets one field from a TOML value, checking type only.
    fn set(&mut self, key: &str, value: &toml::Value) -> Result<(), Msg>;
    /// Reads one field as a TOML value (for recordings and the dashboard).
    fn get(&self, key: &str) -> Option<toml::Value>;
    /// The valid values of a field, where its `settable!` line declares them.
    fn range_of(key: &str) -> Option<Range>;
    /// Checks every field that declares a range, in declaration order; the
    /// error names the field and says what is valid.
    fn check_ranges(&self) -> Result<(), (&'static str, Msg)>;
}

/// The message for a name that is not one of `valid`, with the nearest valid
/// name suggested when one is close. `what` is the kind of name: `key`,
/// `pattern`, `service`, `distribution`, `backoff` or `language` (the
/// catalogue says each in the reader's language).
pub fn unknown_name(what: &str, name: &str, valid: &[&str]) -> Msg {
    let unknown = msg!("unknown-name", what = what, name = name);
    let list = valid.join(", ");
    match nearest(name, valid) {
        Some(best) => msg!(
            "unknown-name-near",
            unknown = unknown,
            best = best,
            valid = list
        ),
        None => msg!("unknown-name-far", unknown = unknown, valid = list),
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

/// A serde error about field `key` (holding `value`), the field's real range
/// (`range`, from its declaration) quoted for whole numbers.
pub fn type_error(
    key: &str,
    value: &toml::Value,
    err: impl std::fmt::Display,
    range: Option<Range>,
) -> Msg {
    use crate::base::serde_message::{Found, SerdeError};
    let mut e = SerdeError::parse(&err.to_string());
    // serde names shapes TOML has not ("unit variant"): say what was written.
    if let SerdeError::InvalidType { found, .. } = &mut e {
        if found.is_other() {
            *found = Found::of(value);
        }
    }
    msg!(
        "field-message",
        key = key,
        message = e.msg(range.and_then(Range::whole))
    )
}

/// Implements `Settable` for a struct whose listed fields are all
/// `Deserialize + Serialize`; a field may declare its valid values
/// (`max_attempts: Range::WholeSaid(1, 100, "…")`), once, there.
#[macro_export]
macro_rules! settable {
    ($ty:ty { $($field:ident $(: $range:expr)?),* $(,)? }) => {
        impl $crate::base::settable::Settable for $ty {
            const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];
            fn set(&mut self, key: &str, value: &toml::Value) -> Result<(), $crate::i18n::Msg> {
                match key {
                    $(stringify!($field) => {
                        self.$field = serde::Deserialize::deserialize(value.clone()).map_err(|e| {
                            $crate::base::settable::type_error(key, value, e, Self::range_of(key))
                        })?;
                        Ok(())
                    })*
                    _ => Err($crate::base::settable::unknown_name("key", key, Self::FIELDS)),
                }
            }
            #[allow(unused_imports)]
            fn range_of(key: &str) -> Option<$crate::base::range::Range> {
                use $crate::base::range::Range;
                match key {
                    $($(stringify!($field) => Some($range),)?)*
                    _ => None,
                }
            }
            #[allow(unused_imports)]
            fn check_ranges(&self) -> Result<(), (&'static str, $crate::i18n::Msg)> {
                use $crate::base::range::{Range, Ranged};
                $($(
                    self.$field.check($range).map_err(|m| (stringify!($field), m))?;
                )?)*
                Ok(())
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
            None,
        )
        .say("en");
        assert!(e.ends_with("did you mean `full`?"), "{e}");
        let e = super::type_error(
            "jitter",
            &v,
            "unknown variant `zzzzzz`, expected one of `none`, `full`",
            None,
        )
        .say("en");
        assert!(!e.contains("did you mean"), "{e}");
    }

    #[test]
    fn integer_type_errors_quote_the_fields_real_range() {
        let v = toml::Value::String("8".into());
        let range = Some(super::Range::Whole(1, 100_000));
        let e = super::type_error(
            "workers",
            &v,
            "invalid type: string \"8\", expected u32",
            range,
        )
        .say("en");
        assert!(e.contains("from 1 to 100000"), "{e}");
        assert!(!e.contains("4294967295"), "{e}");
    }
}
