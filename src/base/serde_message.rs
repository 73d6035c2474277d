//! serde and toml explain a value of the wrong shape in English sentences of a
//! few fixed forms ("invalid type: …, expected …", "unknown variant `x`,
//! expected one of …", "missing field `x`"). Here they are read back, once,
//! into a structured error, a message as data (`Msg`) that the shell says
//! in its reader's language. A message of ours (a `Deserialize` of the
//! crate) comes back as the `Msg` it was; anything else keeps its words.

use crate::base::settable::nearest;
use crate::i18n::Msg;
use crate::msg;

/// One of serde's messages, taken apart.
#[derive(Clone, Debug, PartialEq)]
pub enum SerdeError {
    InvalidType {
        found: Found,
        expected: Expected,
    },
    InvalidValue {
        found: Found,
        expected: Expected,
    },
    InvalidLength {
        len: u64,
        expected: Expected,
    },
    UnknownVariant {
        name: String,
        valid: Vec<String>,
    },
    UnknownField {
        name: String,
        valid: Vec<String>,
    },
    MissingField(String),
    DuplicateField(String),
    /// toml: a name was wanted (an enum written as something else).
    WantedName,
    /// One of ours: the message a `Deserialize` of the crate made.
    Ours(Msg),
    /// Anything else, in its own words.
    Custom(String),
}

/// What was found (serde's `Unexpected`, as it prints it).
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    Bool(String),
    Integer(String),
    Float(String),
    /// The text as serde quotes it, quotes and escapes included.
    Str(String),
    Char(String),
    Array,
    Table,
    Date(String),
    /// serde's word for a shape TOML has no name for (`unit variant`).
    Other(String),
}

/// What would have been valid (serde's `Expected`).
#[derive(Clone, Debug, PartialEq)]
pub enum Expected {
    /// A whole number within the type's range (or the field's, when known).
    Whole {
        lo: i128,
        hi: i128,
    },
    Number,
    Bool,
    Str,
    Array,
    Table,
    /// One of ours (a `Deserialize` of the crate says what it expects).
    Ours(Msg),
    /// A form not known here, in serde's words.
    Other(String),
}

impl SerdeError {
    /// Reads one of serde's messages.
    pub fn parse(message: &str) -> SerdeError {
        let m = message.trim();
        if let Some(rest) = m.strip_prefix("invalid type: ") {
            if let Some((found, expected)) = split_found(rest) {
                return SerdeError::InvalidType { found, expected };
            }
        }
        if let Some(rest) = m.strip_prefix("invalid value: ") {
            if let Some((found, expected)) = split_found(rest) {
                return SerdeError::InvalidValue { found, expected };
            }
        }
        if let Some(rest) = m.strip_prefix("invalid length ") {
            if let Some((len, exp)) = rest.split_once(", expected ") {
                if let Ok(len) = len.parse() {
                    return SerdeError::InvalidLength {
                        len,
                        expected: Expected::parse(exp),
                    };
                }
            }
        }
        for (prefix, variant) in [("unknown variant `", true), ("unknown field `", false)] {
            if let Some(rest) = m.strip_prefix(prefix) {
                if let Some(end) = rest.find('`') {
                    let name = rest[..end].to_string();
                    let valid = backticked(&rest[end + 1..]);
                    return if variant {
                        SerdeError::UnknownVariant { name, valid }
                    } else {
                        SerdeError::UnknownField { name, valid }
                    };
                }
            }
        }
        if let Some(f) = m.strip_prefix("missing field `") {
            return SerdeError::MissingField(f.trim_end_matches('`').to_string());
        }
        if let Some(f) = m.strip_prefix("duplicate field `") {
            return SerdeError::DuplicateField(f.trim_end_matches('`').to_string());
        }
        if m == "wanted string or table" {
            return SerdeError::WantedName;
        }
        match Msg::decode(m) {
            // Words not ours, carried as they were: read them again.
            Some(ours) if ours.id == "verbatim" => match ours.arg("text") {
                Some(crate::i18n::MsgArg::Text(t)) => SerdeError::parse(t),
                _ => SerdeError::Ours(ours),
            },
            Some(ours) => SerdeError::Ours(ours),
            None => SerdeError::Custom(m.to_string()),
        }
    }

    /// The message, to be said in the reader's language. `range` replaces
    /// an integer type's range with the field's own (validation's).
    pub fn msg(&self, range: Option<(u64, u64)>) -> Msg {
        let expected = |e: &Expected| match (e, range) {
            (Expected::Whole { .. }, Some((lo, hi))) => Expected::Whole {
                lo: lo.into(),
                hi: hi.into(),
            }
            .msg(),
            _ => e.msg(),
        };
        match self {
            SerdeError::InvalidType { found, expected: e } => {
                let text = msg!(
                    "serde-invalid-type",
                    found = found.msg(),
                    expected = expected(e)
                );
                with_comma_hint(text, found, e)
            }
            SerdeError::InvalidValue { found, expected: e } => msg!(
                "serde-invalid-value",
                found = found.msg(),
                expected = expected(e)
            ),
            SerdeError::InvalidLength { len, expected: e } => {
                msg!("serde-invalid-length", len = *len, expected = expected(e))
            }
            SerdeError::UnknownVariant { name, valid } => {
                let text = if valid.is_empty() {
                    msg!("serde-unknown-variant-none", name = name.as_str())
                } else {
                    msg!(
                        "serde-unknown-variant",
                        name = name.as_str(),
                        valid = one_of(valid)
                    )
                };
                suggest(text, name, valid)
            }
            SerdeError::UnknownField { name, valid } => {
                let text = if valid.is_empty() {
                    msg!("serde-unknown-field-none", name = name.as_str())
                } else {
                    msg!(
                        "serde-unknown-field",
                        name = name.as_str(),
                        valid = one_of(valid)
                    )
                };
                suggest(text, name, valid)
            }
            SerdeError::MissingField(f) => msg!("serde-missing-field", name = f.as_str()),
            SerdeError::DuplicateField(f) => msg!("serde-duplicate-field", name = f.as_str()),
            SerdeError::WantedName => msg!("serde-wanted-name"),
            SerdeError::Ours(m) => m.clone(),
            SerdeError::Custom(m) => Msg::verbatim(m.as_str()),
        }
    }
}

/// `found, expected …`: the found part printed by serde may itself contain
/// a comma (a string's text), so it is read by its own shape first.
fn split_found(rest: &str) -> Option<(Found, Expected)> {
    const SEP: &str = ", expected ";
    let end = if let Some(s) = rest.strip_prefix("string \"") {
        // serde quotes strings with Rust's escapes: find the closing quote.
        let mut escaped = false;
        let close = s.char_indices().find_map(|(i, c)| {
            let hit = c == '"' && !escaped;
            escaped = c == '\\' && !escaped;
            hit.then_some(i)
        })?;
        "string \"".len() + close + 1
    } else if ["boolean `", "integer `", "floating point `", "character `"]
        .iter()
        .any(|p| rest.starts_with(p))
    {
        // `integer `5``: up to the closing backtick.
        let open = rest.find('`')?;
        open + 1 + rest[open + 1..].find('`')? + 1
    } else {
        rest.find(SEP)?
    };
    let (found, tail) = rest.split_at(end);
    let expected = tail.strip_prefix(SEP)?;
    Some((Found::parse(found), Expected::parse(expected)))
}

/// The names between backticks in serde's `one of `a`, `b``.
fn backticked(s: &str) -> Vec<String> {
    s.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// `` `a` ``, `` `a` or `b` ``, `` one of `a`, `b`, `c` ``.
pub fn one_of(valid: &[String]) -> Msg {
    let q = |s: &String| format!("`{s}`");
    match valid {
        [] => Msg::verbatim(""),
        [one] => Msg::verbatim(q(one)),
        [a, b] => msg!("list-either", a = q(a), b = q(b)),
        _ => msg!(
            "list-one-of",
            list = valid.iter().map(q).collect::<Vec<_>>().join(", ")
        ),
    }
}

fn suggest(text: Msg, name: &str, valid: &[String]) -> Msg {
    let valid: Vec<&str> = valid.iter().map(String::as_str).collect();
    match nearest(name, &valid) {
        Some(best) => msg!("serde-did-you-mean", message = text, best = best),
        None => text,
    }
}

/// A number written with a decimal comma (`"0,5"`), as TOML would have it.
pub fn decimal_point(text: &str) -> Option<String> {
    let t = text.trim();
    let (int, frac) = t.split_once(',')?;
    let digits = int.strip_prefix('-').unwrap_or(int);
    let ok = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    (ok(digits) && ok(frac)).then(|| format!("{int}.{frac}"))
}

/// The hint for a decimal comma, when the found string is a number so
/// written and a number was expected.
fn with_comma_hint(text: Msg, found: &Found, expected: &Expected) -> Msg {
    let Found::Str(quoted) = found else {
        return text;
    };
    if !matches!(expected, Expected::Number | Expected::Whole { .. }) {
        return text;
    }
    match decimal_point(quoted.trim_matches('"')) {
        Some(fixed) => msg!("hint-decimal-comma-after", message = text, fixed = fixed),
        None => text,
    }
}

impl Found {
    fn parse(s: &str) -> Found {
        let inner = |prefix: &str| {
            s.strip_prefix(prefix)
                .map(|r| r.trim_matches('`').to_string())
        };
        if let Some(v) = inner("boolean ") {
            return Found::Bool(v);
        }
        if let Some(v) = inner("integer ") {
            return Found::Integer(v);
        }
        if let Some(v) = inner("floating point ") {
            return Found::Float(v);
        }
        if let Some(v) = inner("character ") {
            return Found::Char(v);
        }
        if let Some(v) = s.strip_prefix("string ") {
            return Found::Str(v.to_string());
        }
        match s {
            "sequence" => Found::Array,
            "map" => Found::Table,
            other => Found::Other(other.to_string()),
        }
    }

    /// A TOML value described as serde would have found it.
    pub fn of(value: &toml::Value) -> Found {
        match value {
            toml::Value::String(s) => Found::Str(format!("{s:?}")),
            toml::Value::Integer(i) => Found::Integer(i.to_string()),
            toml::Value::Float(f) => Found::Float(f.to_string()),
            toml::Value::Boolean(b) => Found::Bool(b.to_string()),
            toml::Value::Datetime(d) => Found::Date(d.to_string()),
            toml::Value::Array(_) => Found::Array,
            toml::Value::Table(_) => Found::Table,
        }
    }

    /// Whether serde named a shape TOML does not have.
    pub fn is_other(&self) -> bool {
        matches!(self, Found::Other(_))
    }

    /// What was found; values stay as they were written.
    pub fn msg(&self) -> Msg {
        let (kind, value) = match self {
            Found::Bool(v) => ("boolean", v.as_str()),
            Found::Integer(v) => ("integer", v.as_str()),
            Found::Float(v) => ("float", v.as_str()),
            Found::Str(v) => ("string", v.as_str()),
            Found::Char(v) => ("char", v.as_str()),
            Found::Date(v) => ("datetime", v.as_str()),
            Found::Array => ("array", ""),
            Found::Table => ("table", ""),
            Found::Other(v) => ("other", v.as_str()),
        };
        msg!("serde-found", kind = kind, value = value)
    }
}

impl Expected {
    fn parse(s: &str) -> Expected {
        let s = s.trim().trim_end_matches('.');
        // TOML's integers are i64: an unsigned 64-bit field ends there.
        let top = i64::MAX as i128;
        match s {
            "u8" => Expected::Whole { lo: 0, hi: 255 },
            "u16" => Expected::Whole { lo: 0, hi: 65535 },
            "u32" => Expected::Whole {
                lo: 0,
                hi: u32::MAX.into(),
            },
            "u64" | "usize" => Expected::Whole { lo: 0, hi: top },
            "i8" => Expected::Whole { lo: -128, hi: 127 },
            "i16" => Expected::Whole {
                lo: -32768,
                hi: 32767,
            },
            "i32" => Expected::Whole {
                lo: i32::MIN.into(),
                hi: i32::MAX.into(),
            },
            "i64" | "isize" => Expected::Whole {
                lo: -top - 1,
                hi: top,
            },
            "f32" | "f64" => Expected::Number,
            "a boolean" => Expected::Bool,
            "a string" | "a borrowed string" | "string only" => Expected::Str,
            "a sequence" => Expected::Array,
            "a map" => Expected::Table,
            s if s.starts_with("struct ") || s.starts_with("internally tagged enum ") => {
                Expected::Table
            }
            other => match Msg::decode(other) {
                Some(ours) => Expected::Ours(ours),
                None => Expected::Other(other.to_string()),
            },
        }
    }

    pub fn msg(&self) -> Msg {
        match self {
            Expected::Whole { lo, hi } => msg!(
                "serde-expected-whole",
                lo = lo.to_string(),
                hi = hi.to_string()
            ),
            Expected::Number => msg!("serde-expected-number"),
            Expected::Bool => msg!("serde-expected-bool"),
            Expected::Str => msg!("serde-expected-string"),
            Expected::Array => msg!("serde-expected-array"),
            Expected::Table => msg!("serde-expected-table"),
            Expected::Ours(m) => m.clone(),
            Expected::Other(s) => Msg::verbatim(s.as_str()),
        }
    }
}

/// A TOML value's kind ("an integer").
pub fn kind_of(value: &toml::Value) -> Msg {
    msg!("toml-kind", kind = value.type_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serdes_fixed_forms_are_read_back() {
        let p = SerdeError::parse;
        assert_eq!(
            p("invalid type: string \"a, expected b\", expected u32"),
            SerdeError::InvalidType {
                found: Found::Str("\"a, expected b\"".into()),
                expected: Expected::Whole {
                    lo: 0,
                    hi: 4294967295
                }
            }
        );
        assert_eq!(
            p("invalid value: integer `-1`, expected u64"),
            SerdeError::InvalidValue {
                found: Found::Integer("-1".into()),
                expected: Expected::Whole {
                    lo: 0,
                    hi: 9223372036854775807
                }
            }
        );
        assert_eq!(
            p("invalid type: sequence, expected a boolean"),
            SerdeError::InvalidType {
                found: Found::Array,
                expected: Expected::Bool
            }
        );
        assert_eq!(
            p("unknown variant `ful`, expected one of `none`, `full`, `equal`"),
            SerdeError::UnknownVariant {
                name: "ful".into(),
                valid: vec!["none".into(), "full".into(), "equal".into()]
            }
        );
        assert_eq!(
            p("unknown field `sd`, expected `mean`"),
            SerdeError::UnknownField {
                name: "sd".into(),
                valid: vec!["mean".into()]
            }
        );
        assert_eq!(
            p("missing field `delay`"),
            SerdeError::MissingField("delay".into())
        );
        assert_eq!(
            p("un mensaje nuestro"),
            SerdeError::Custom("un mensaje nuestro".into())
        );
    }

    #[test]
    fn decimal_commas_are_recognised() {
        assert_eq!(decimal_point("0,5"), Some("0.5".into()));
        assert_eq!(decimal_point("-12,25"), Some("-12.25".into()));
        assert_eq!(decimal_point("a,5"), None);
        assert_eq!(decimal_point("1,"), None);
        assert_eq!(decimal_point("1,2,3"), None);
    }
}
