//! A value written either as a plain duration (the constant case) or as a
//! table whose tag key names its kind: distributions (`dist = "…"`) and
//! backoffs (`kind = "…"`) are both written so. One reader, so both say the
//! same helpful things when they are wrong.

use crate::base::settable::unknown_name;
use crate::base::time::{parse_duration, Dur};
use crate::i18n::Msg;

/// How such a value is described in error messages.
pub struct DurationOrTable<'a> {
    /// What it is: `distribution` or `backoff` (the catalogue names it).
    pub what: &'a str,
    /// The key that names the kind, e.g. "dist".
    pub tag: &'a str,
    pub kinds: &'a [&'a str],
    /// A table to show as an example.
    pub example: &'a str,
}

impl DurationOrTable<'_> {
    /// Reads `value`: a duration string becomes `constant(d)`; a table whose tag
    /// is valid is handed to `table` (a serde derive, typically).
    pub fn read<T>(
        &self,
        value: toml::Value,
        constant: impl FnOnce(Dur) -> T,
        table: impl FnOnce(toml::Value) -> Result<T, toml::de::Error>,
    ) -> Result<T, Msg> {
        match value {
            toml::Value::String(s) => parse_duration(&s).map(constant),
            toml::Value::Table(t) => {
                match t.get(self.tag) {
                    Some(toml::Value::String(k)) if self.kinds.contains(&k.as_str()) => {}
                    Some(toml::Value::String(k)) => {
                        return Err(unknown_name(self.what, k, self.kinds));
                    }
                    _ => {
                        return Err(crate::msg!(
                            "table-needs-tag",
                            what = self.what,
                            tag = self.tag,
                            kinds = self.kinds.join(", ")
                        ))
                    }
                }
                // serde's own words: the field's `Settable` reads them
                // again and says them in the reader's language.
                table(toml::Value::Table(t)).map_err(|e| Msg::verbatim(e.message().trim()))
            }
            other => Err(crate::msg!(
                "duration-or-table",
                example = self.example,
                found = crate::base::serde_message::kind_of(&other)
            )),
        }
    }
}
