//! `--vary PATH=LIST|FROM..TO:STEP`: one varied path and its values, each
//! written as `--set` takes it (`20`, `0.25`, `250ms`, `full`), so a cell
//! is exactly the run with those `--set`s. A range includes TO; it counts
//! its values before making them, so `0..1e12:1` is refused, not allocated.

use crate::base::time::{parse_duration, Dur};
use crate::sweep::text;

/// One varied path and its values, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub path: String,
    /// Each value as `--set PATH=VALUE` takes it.
    pub values: Vec<String>,
}

impl Axis {
    /// The `PATH=VALUE` of value `i`, as `--set` takes it.
    pub fn set(&self, i: usize) -> String {
        format!("{}={}", self.path, self.values[i])
    }
}

/// Reads `PATH=LIST` (values separated by commas outside quotes and
/// brackets) or `PATH=FROM..TO:STEP` (numbers or durations, TO included).
/// `max` bounds how many values a range may make.
pub fn parse_vary(arg: &str, max: usize) -> Result<Axis, String> {
    let Some((path, spec)) = arg.split_once('=') else {
        return Err(text::vary_form());
    };
    let (path, spec) = (path.trim(), spec.trim());
    if path.is_empty() || spec.is_empty() {
        return Err(text::vary_form());
    }
    let literal = spec.starts_with(['"', '\'', '{', '[']);
    let values = match spec.split_once("..") {
        Some((from, rest)) if !literal => range(from.trim(), rest.trim(), max)?,
        _ => list(spec)?,
    };
    Ok(Axis {
        path: path.to_string(),
        values,
    })
}

/// `a,b,c`, split at commas outside quotes, braces and brackets.
fn list(spec: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let (mut depth, mut quote, mut start) = (0i32, None::<char>, 0);
    for (i, c) in spec.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{' | '[') => depth += 1,
            (None, '}' | ']') => depth -= 1,
            (None, ',') if depth == 0 => {
                out.push(spec[start..i].trim().to_string());
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(spec[start..].trim().to_string());
    if out.iter().any(|v| v.is_empty()) {
        return Err(text::vary_empty_value(spec));
    }
    Ok(out)
}

/// `FROM..TO:STEP`: whole numbers, decimals or durations.
fn range(from: &str, rest: &str, max: usize) -> Result<Vec<String>, String> {
    let Some((to, step)) = rest.rsplit_once(':') else {
        return Err(text::range_needs_step(&format!("{from}..{rest}")));
    };
    let (to, step) = (to.trim(), step.trim());
    let whole = (from.parse::<i64>(), to.parse::<i64>(), step.parse::<i64>());
    if let (Ok(a), Ok(b), Ok(s)) = whole {
        let n = count(a as f64, b as f64, s as f64, max)?;
        return Ok((0..n as i64).map(|k| (a + k * s).to_string()).collect());
    }
    let num = |t: &str| t.parse::<f64>().ok().filter(|x| x.is_finite());
    if let (Some(a), Some(b), Some(s)) = (num(from), num(to), num(step)) {
        let n = count(a, b, s, max)?;
        let decimals = [from, to, step].iter().map(|t| decimals(t)).max();
        return Ok((0..n)
            .map(|k| decimal(a + k as f64 * s, decimals.flatten()))
            .collect());
    }
    let dur = |t: &str| parse_duration(t).ok();
    if let (Some(a), Some(b), Some(s)) = (dur(from), dur(to), dur(step)) {
        let n = count(a.0 as f64, b.0 as f64, s.0 as f64, max)?;
        return Ok((0..n as u64)
            .map(|k| Dur(a.0 + k * s.0).to_string())
            .collect());
    }
    Err(text::range_kinds(from, to, step))
}

/// How many values `a, a+s, …` up to `b` inclusive (a tolerance of 1e-9
/// steps, so `0..1:0.1` includes 1); refused if empty, descending, or
/// over `max`.
fn count(a: f64, b: f64, s: f64, max: usize) -> Result<usize, String> {
    if s <= 0.0 {
        return Err(text::range_step_positive());
    }
    if b < a {
        return Err(text::range_descending());
    }
    let n = ((b - a) / s + 1e-9).floor() + 1.0;
    if n > max as f64 {
        return Err(text::range_too_many(n, max));
    }
    Ok(n as usize)
}

/// Digits after the point in a plain decimal (`None` for `1e-3`).
fn decimals(t: &str) -> Option<usize> {
    if t.contains(['e', 'E']) {
        return None;
    }
    Some(t.split_once('.').map_or(0, |(_, f)| f.len()))
}

/// `x` with the inputs' decimals (`0.1..0.3:0.1` gives 0.1, 0.2, 0.3, not
/// 0.30000000000000004), always a TOML float (`2.0`, never `2`).
fn decimal(x: f64, decimals: Option<usize>) -> String {
    let t = match decimals {
        Some(d) => format!("{x:.d$}"),
        None => format!("{}", (x * 1e12).round() / 1e12),
    };
    if t.contains(['.', 'e', 'E', 'i', 'N']) {
        t
    } else {
        format!("{t}.0")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(arg: &str) -> Result<Vec<String>, String> {
        parse_vary(arg, 10_000).map(|a| a.values)
    }

    #[test]
    fn ranges_include_their_end() {
        assert_eq!(
            values("load.rate=20..50:10").unwrap(),
            ["20", "30", "40", "50"]
        );
        assert_eq!(values("x=1..10:4").unwrap(), ["1", "5", "9"]);
        assert_eq!(values("x=5..5:1").unwrap(), ["5"]);
        assert_eq!(values("x=0.1..0.3:0.1").unwrap(), ["0.1", "0.2", "0.3"]);
        assert_eq!(values("x=1..2:0.5").unwrap(), ["1.0", "1.5", "2.0"]);
        assert_eq!(
            values("x=250ms..1s:250ms").unwrap(),
            ["250ms", "500ms", "750ms", "1s"]
        );
    }

    #[test]
    fn lists_split_outside_quotes_and_braces() {
        assert_eq!(values("x=none,full").unwrap(), ["none", "full"]);
        assert_eq!(
            values("x={ a = 1, b = 2 }, \"p,q\"").unwrap(),
            ["{ a = 1, b = 2 }", "\"p,q\""]
        );
        assert_eq!(values("x=\"1..2\"").unwrap(), ["\"1..2\""]);
    }

    #[test]
    fn bad_ranges_are_refused() {
        assert!(values("x=5..1:1").unwrap_err().contains("descending"));
        assert!(values("x=1..5:0").is_err());
        assert!(values("x=1..5:-1").is_err());
        assert!(values("x=1..5").unwrap_err().contains("STEP"));
        assert!(values("x=a..b:c").is_err());
        assert!(values("x=0..1000000000000:1")
            .unwrap_err()
            .contains("10,000"));
        assert!(values("x=1,,2").is_err());
        assert!(values("x=").is_err());
        assert!(values("=1").is_err());
    }
}
