//! Virtual time. The simulation never reads a wall clock: time is a count of
//! nanoseconds since the scenario started, carried as a plain `u64`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A point in virtual time, in nanoseconds since t = 0.
pub type SimTime = u64;

pub const NANOS_PER_MILLI: u64 = 1_000_000;
pub const NANOS_PER_SEC: u64 = 1_000_000_000;

/// Seconds (as `f64`) of a virtual time or duration, for reports.
pub fn secs(t: u64) -> f64 {
    t as f64 / NANOS_PER_SEC as f64
}

/// Virtual time as `mm:ss.d` (or `h:mm:ss` past an hour).
pub fn clock(t: SimTime) -> String {
    let tenths = t / (NANOS_PER_SEC / 10);
    let (s, d) = (tenths / 10, tenths % 10);
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
    } else {
        // The tenths after the reader's decimal mark (`00:22,4` in Spanish).
        let mark = crate::i18n::decimal_mark();
        format!("{:02}:{:02}{mark}{}", s / 60, s % 60, d)
    }
}

/// A span as a person reads it, the same in every language: a minute or
/// more as the clock writes it (`1:00`, `1:30`, `1:00:00`), a shorter one
/// exactly as a file would (`5s`, `250ms`), never `1m`. Whole seconds only
/// for the clock form; otherwise the exact form.
pub fn span_words(d: Dur) -> String {
    let n = d.0;
    if n >= 60 * NANOS_PER_SEC && n.is_multiple_of(NANOS_PER_SEC) {
        let s = n / NANOS_PER_SEC;
        if s >= 3600 {
            format!("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
        } else {
            format!("{}:{:02}", s / 60, s % 60)
        }
    } else {
        d.to_string()
    }
}

/// A span of virtual time. In scenario files it is written as a string with a
/// unit (`"250ms"`, `"5s"`, `"2m"`, `"1m30s"`), never as a bare number, so a
/// reader always knows the unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Dur(pub u64);

impl Dur {
    pub const fn from_secs(s: u64) -> Dur {
        Dur(s * NANOS_PER_SEC)
    }
    pub const fn from_millis(ms: u64) -> Dur {
        Dur(ms * NANOS_PER_MILLI)
    }
    pub fn as_secs_f64(self) -> f64 {
        secs(self.0)
    }
    pub fn as_nanos(self) -> u64 {
        self.0
    }
}

/// An instant plus a span is an instant: `now + Dur`, so that instants and
/// spans cannot be mixed up in the other direction.
impl std::ops::Add<Dur> for SimTime {
    type Output = SimTime;
    #[inline]
    fn add(self, d: Dur) -> SimTime {
        self + d.0
    }
}

const UNITS: &[(&str, f64)] = &[
    ("ns", 1.0),
    ("us", 1e3),
    ("µs", 1e3),
    ("ms", 1e6),
    ("s", 1e9),
    ("m", 60e9),
    ("h", 3600e9),
    ("d", 86400e9),
];

/// Parses `"250ms"`, `"1.5s"`, `"2m"`, `"1h"`, `"1m30s"`, `"0s"`.
pub fn parse_duration(text: &str) -> Result<Dur, crate::i18n::Msg> {
    let s = text.trim();
    if s.is_empty() {
        return Err(duration_help(text));
    }
    let mut total = 0f64;
    let mut rest = s;
    while !rest.is_empty() {
        let num_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        if num_len == 0 {
            return Err(duration_help(text));
        }
        let value: f64 = rest[..num_len].parse().map_err(|_| duration_help(text))?;
        rest = &rest[num_len..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let unit = &rest[..unit_len];
        rest = &rest[unit_len..];
        let factor = UNITS
            .iter()
            .find(|(u, _)| *u == unit)
            .map(|(_, f)| *f)
            .ok_or_else(|| duration_help(text))?;
        total += value * factor;
    }
    if !total.is_finite() || total > 1e18 {
        return Err(crate::msg!("duration-too-long", text = text));
    }
    Ok(Dur(total.round() as u64))
}

fn duration_help(text: &str) -> crate::i18n::Msg {
    crate::msg!("duration-invalid", text = text)
}

impl Dur {
    /// Seconds with as many decimals as needed to be exact: `52.126387368s`,
    /// `90s`, `0.25s`. Parsing it gives back the same nanoseconds (up to
    /// about 100 days, far beyond the longest scenario).
    pub fn exact_seconds(&self) -> String {
        let (s, ns) = (self.0 / NANOS_PER_SEC, self.0 % NANOS_PER_SEC);
        if ns == 0 {
            return format!("{s}s");
        }
        let frac = format!("{ns:09}");
        format!("{s}.{}s", frac.trim_end_matches('0'))
    }
}

impl fmt::Display for Dur {
    /// Exact: parsing the output gives back the same number of nanoseconds.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0;
        if n == 0 {
            write!(f, "0s")
        } else if n.is_multiple_of(3600 * NANOS_PER_SEC) {
            write!(f, "{}h", n / (3600 * NANOS_PER_SEC))
        } else if n.is_multiple_of(60 * NANOS_PER_SEC) {
            write!(f, "{}m", n / (60 * NANOS_PER_SEC))
        } else if n.is_multiple_of(NANOS_PER_SEC) {
            write!(f, "{}s", n / NANOS_PER_SEC)
        } else if n.is_multiple_of(NANOS_PER_MILLI) {
            write!(f, "{}ms", n / NANOS_PER_MILLI)
        } else if n.is_multiple_of(1000) {
            write!(f, "{}us", n / 1000)
        } else {
            write!(f, "{n}ns")
        }
    }
}

impl Serialize for Dur {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Dur {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Dur;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                // The message's transport form: the scenario's reader says it.
                write!(f, "{}", crate::msg!("duration-expecting"))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Dur, E> {
                parse_duration(v).map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Dur, E> {
                Err(E::custom(crate::msg!(
                    "duration-bare-number",
                    value = v.to_string()
                )))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Dur, E> {
                self.visit_i64(v as i64)
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Dur, E> {
                Err(E::custom(crate::msg!(
                    "duration-bare-decimal",
                    value = v.to_string()
                )))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_units_and_compounds() {
        assert_eq!(parse_duration("250ms").unwrap(), Dur(250_000_000));
        assert_eq!(parse_duration("1.5s").unwrap(), Dur(1_500_000_000));
        assert_eq!(parse_duration("2m").unwrap(), Dur::from_secs(120));
        assert_eq!(parse_duration("1m30s").unwrap(), Dur::from_secs(90));
        assert_eq!(parse_duration("100us").unwrap(), Dur(100_000));
        assert!(parse_duration("5").is_err());
        assert!(parse_duration("5 parsecs").is_err());
        assert!(parse_duration("").is_err());
        assert!(parse_duration("-5s").is_err());
    }

    #[test]
    fn display_round_trips_exactly() {
        for n in [
            0u64,
            1,
            999,
            1_000,
            1_500_000,
            250_000_000,
            1_500_000_000,
            90 * NANOS_PER_SEC,
            7200 * NANOS_PER_SEC,
        ] {
            let d = Dur(n);
            assert_eq!(parse_duration(&d.to_string()).unwrap(), d, "{d}");
        }
    }

    #[test]
    fn exact_seconds_read_well_and_parse_back() {
        for ns in [
            0,
            1,
            250_000_000,
            3_126_387_368,
            90 * NANOS_PER_SEC,
            604_799_999_999_999,
        ] {
            let d = Dur(ns);
            let text = d.exact_seconds();
            assert_eq!(parse_duration(&text), Ok(d), "{text}");
        }
        assert_eq!(Dur(3_126_387_368).exact_seconds(), "3.126387368s");
        assert_eq!(Dur(250_000_000).exact_seconds(), "0.25s");
    }
}
