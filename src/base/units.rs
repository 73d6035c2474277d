//! The one way the screen, the tables and the help write a time, a rate or
//! a count: whole, with its unit, in the reader's language (`0,5s` in
//! Spanish). Machine outputs (JSON, CSV) never use it.

use crate::i18n::{grouped, number};

/// A span given in milliseconds: `850µs` below 1 ms, `2.5ms` / `872ms`
/// below 1 s, `18.6s` below a minute, then `m:ss` (`1:05`, `12:30`).
/// Never `kms`.
pub fn millis(ms: f64) -> String {
    if !ms.is_finite() || ms < 0.0 {
        return "–".into();
    }
    if ms < 1.0 {
        format!("{}µs", number((ms * 1000.0).round(), 0))
    } else if ms < 10.0 {
        format!("{}ms", number(ms, 1))
    } else if ms < 999.5 {
        format!("{}ms", number(ms, 0))
    } else if ms < 59_950.0 {
        format!("{}s", number(ms / 1000.0, 1))
    } else {
        let s = (ms / 1000.0).round() as u64;
        if s >= 3600 {
            format!("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
        } else {
            format!("{}:{:02}", s / 60, s % 60)
        }
    }
}

/// A span in nanoseconds of virtual time (as `millis`).
pub fn nanos(ns: u64) -> String {
    millis(ns as f64 / 1e6)
}

/// A rate or other measure that can be fractional, in at most 6 characters:
/// `3.5`, `872`, `12.3k`, `1.2M`.
pub fn amount(x: f64) -> String {
    if !x.is_finite() {
        return "–".into();
    }
    let a = x.abs();
    if a >= 999_950_000.0 {
        format!("{}G", number(x / 1e9, 1))
    } else if a >= 999_950.0 {
        format!("{}M", number(x / 1e6, 1))
    } else if a >= 9_999.5 {
        format!("{}k", number(x / 1e3, 1))
    } else if a >= 99.95 {
        number(x, 0)
    } else {
        number(x, 1)
    }
}

/// A whole count, grouped as the reader's language groups it.
pub fn count(n: u64) -> String {
    grouped(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_keep_their_unit_and_never_read_kms() {
        assert_eq!(millis(0.25), "250µs");
        assert_eq!(millis(2.54), "2.5ms");
        assert_eq!(millis(872.0), "872ms");
        assert_eq!(millis(999.4), "999ms");
        assert_eq!(millis(999.6), "1.0s");
        assert_eq!(millis(18_600.0), "18.6s");
        assert_eq!(millis(21_500.0), "21.5s");
        assert_eq!(millis(65_000.0), "1:05");
        assert_eq!(millis(4_112_000.0), "1:08:32");
        assert_eq!(nanos(43_000_000_000), "43.0s");
    }

    #[test]
    fn amounts_fit_six_characters() {
        assert_eq!(amount(3.54), "3.5");
        assert_eq!(amount(872.4), "872");
        assert_eq!(amount(12_345.0), "12.3k");
        assert_eq!(amount(1_234_567.0), "1.2M");
        for x in [0.0, 9.99, 99.96, 9_999.6, 999_949.0, 1e9] {
            assert!(amount(x).chars().count() <= 6, "{x}: {}", amount(x));
        }
    }
}
