//! The values of the command line's flags: sides, times, seeds, sizes. Each
//! parser says, in the reader's language, what a valid value is.

use super::trace::MAX_TRACE_CALLS;
use breakwater::base::escape::escape;
use breakwater::base::time::{parse_duration, Dur};
use breakwater::scenario::variants::Side;
use breakwater::sim::trace::Where;
use breakwater::t;

/// Seeds are TOML integers in scenario files and recordings: 0 … 2^63−1.
pub const MAX_SEED: u64 = i64::MAX as u64;

pub fn parse_side(s: &str) -> Result<Side, String> {
    match s.trim() {
        "a" | "A" => Ok(Side::A),
        "b" | "B" => Ok(Side::B),
        _ => Err(t!("cli-bad-side")),
    }
}

/// A time in the scenario: a duration from t = 0, 0s included.
pub fn parse_at(s: &str) -> Result<Dur, String> {
    parse_duration(s).map_err(|m| m.said())
}

pub fn parse_calls(s: &str) -> Result<u32, String> {
    match s.trim().parse::<u32>() {
        Ok(n) if (1..=MAX_TRACE_CALLS).contains(&n) => Ok(n),
        _ => Err(t!("cli-bad-calls", max = MAX_TRACE_CALLS)),
    }
}

/// A call's index among its service's calls: 0, 1, 2, …
pub fn parse_index(s: &str) -> Result<u64, String> {
    s.trim()
        .parse::<u64>()
        .map_err(|_| t!("cli-bad-call-index"))
}

/// What a filtered trace keeps: `retried`, `cut`, `timed_out`, …
pub fn parse_where(s: &str) -> Result<Where, String> {
    Where::from_name(s.trim()).ok_or_else(|| {
        let valid: Vec<&str> = Where::ALL.iter().map(|w| w.name()).collect();
        t!("cli-bad-where", valid = valid.join(", "))
    })
}

/// A dashboard's starting speed: a finite number of times real time; one
/// outside 0.1 … 1000 starts at the nearest end (`NaN` and `inf` are
/// refused, not taken as ×1).
pub fn parse_speed(s: &str) -> Result<f64, String> {
    use breakwater::tui::app::{MAX_SPEED, MIN_SPEED};
    match s.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 => Ok(v),
        _ => Err(t!("cli-bad-speed", min = MIN_SPEED, max = MAX_SPEED)),
    }
}

pub fn parse_dur_arg(s: &str) -> Result<Dur, String> {
    let d = parse_duration(s).map_err(|m| m.said())?;
    if d.0 == 0 || d > Dur::from_secs(7 * 86_400) {
        return Err(t!("cli-bad-duration"));
    }
    Ok(d)
}

/// A seed: a whole number from 0 to 2^63−1, so that it can be written into a
/// recording (a TOML integer) and read back.
pub fn parse_seed(s: &str) -> Result<u64, String> {
    let n: u64 = s
        .trim()
        .parse()
        .map_err(|_| t!("cli-bad-seed", max = MAX_SEED.to_string()))?;
    if n > MAX_SEED {
        return Err(t!("cli-seed-too-big", max = MAX_SEED.to_string()));
    }
    Ok(n)
}

/// A size in bytes: `1000`, `500KB`, `500MB`, `2GB` (powers of 1000) or
/// `64KiB`, `1GiB`, `1G` (powers of 1024).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        "tb" => 1_000_000_000_000,
        "k" | "kib" => 1 << 10,
        "m" | "mib" => 1 << 20,
        "g" | "gib" => 1 << 30,
        "t" | "tib" => 1 << 40,
        _ => return Err(t!("cli-bad-size", value = escape(s))),
    };
    let n: f64 = num
        .parse()
        .map_err(|_| t!("cli-bad-size", value = escape(s)))?;
    let bytes = n * mult as f64;
    if !(bytes.is_finite() && bytes >= 1.0 && bytes <= u64::MAX as f64) {
        return Err(t!("cli-size-too-small", value = escape(s)));
    }
    Ok(bytes as u64)
}

/// `1234567` → `1.2 MB`, for messages.
pub fn human_bytes(b: f64) -> String {
    let units = ["bytes", "kB", "MB", "GB", "TB", "PB"];
    let mut v = b;
    let mut i = 0;
    while v >= 1000.0 && i + 1 < units.len() {
        v /= 1000.0;
        i += 1;
    }
    if i == 0 {
        format!("{v:.0} {}", units[0])
    } else {
        format!("{} {}", breakwater::i18n::number(v, 1), units[i])
    }
}
