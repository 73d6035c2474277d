//! `--set PATH=VALUE`: changes at t = 0, before anything else, with the change
//! paths' meaning (`patterns.<p>.<f>` sets every service, `services.<n>.<p>.<f>`
//! one). They join the front of the timeline, so they run exactly as a
//! timeline entry at 0s would, and a recording writes them as such entries
//! (first), so it replays the same.

use crate::base::escape::escape;
use crate::base::time::Dur;
use crate::i18n::Msg;
use crate::msg;
use crate::scenario::Scenario;
use crate::sim::estimate::estimate;
use crate::sim::world::Change;

/// Reads `PATH=VALUE`. VALUE is TOML (`0.2`, `true`, `"2s"`); anything that is
/// not TOML is taken as a string, so `2s` and `full` need no quotes.
pub fn parse_set(arg: &str) -> Result<(String, toml::Value), Msg> {
    let Some((path, raw)) = arg.split_once('=') else {
        return Err(crate::msg!("set-form"));
    };
    let (path, raw) = (path.trim(), raw.trim());
    if path.is_empty() || raw.is_empty() {
        return Err(crate::msg!("set-form"));
    }
    let value = toml::from_str::<toml::Table>(&format!("v = {raw}"))
        .ok()
        .and_then(|mut t| t.remove("v"))
        .unwrap_or_else(|| toml::Value::String(raw.to_string()));
    Ok((path.to_string(), value))
}

/// Applies `args` (each `PATH=VALUE`, given with `flag`) to `s`: each is checked
/// as the world will meet it, and a refusal names the flag and the argument.
pub fn apply_sets(s: &mut Scenario, flag: &str, args: &[String]) -> Result<(), Msg> {
    let mut dry = s.world.clone();
    let mut changes = Vec::new();
    for arg in args {
        let named = |m: Msg| msg!("set-named", flag = flag, arg = escape(arg), message = m);
        let (path, value) = parse_set(arg).map_err(named)?;
        dry.set(&path, &value).map_err(named)?;
        changes.push(at_start(path, value));
    }
    let message = |m: Msg| crate::msg!("set-excess", flag = flag, message = m);
    add_at_start(s, changes).map_err(message)
}

/// Adds `changes` (each already checked against the world) at t = 0 after
/// the overrides already there (a side's `set`, earlier flags, an
/// exercise's start): the later a source, the later it applies. Refuses
/// (saying why) a run they would make exceed a limit.
pub fn add_at_start(s: &mut Scenario, changes: Vec<Change>) -> Result<(), Msg> {
    let at = s.overrides.len().min(s.timeline.len());
    let mut timeline = s.timeline.clone();
    timeline.splice(at..at, changes.iter().cloned());
    let e = estimate(&s.world, &timeline, s.duration);
    if let Some(message) = e.excess() {
        return Err(message);
    }
    s.timeline = timeline;
    s.overrides.extend(changes);
    Ok(())
}

/// A change at t = 0, as `--set` makes it.
pub fn at_start(path: String, value: toml::Value) -> Change {
    Change {
        at: Dur(0),
        note: None,
        path,
        value,
        over: None,
        live: false,
        pause: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_toml_or_else_a_string() {
        let v = |a: &str| parse_set(a).map(|(_, v)| v);
        assert_eq!(v("a.b=0.2"), Ok(toml::Value::Float(0.2)));
        assert_eq!(v("a.b=3"), Ok(toml::Value::Integer(3)));
        assert_eq!(v("a.b=true"), Ok(toml::Value::Boolean(true)));
        assert_eq!(v("a.b=\"2s\""), Ok(toml::Value::String("2s".into())));
        assert_eq!(v("a.b=2s"), Ok(toml::Value::String("2s".into())));
        assert_eq!(v("a.b = full"), Ok(toml::Value::String("full".into())));
        assert!(parse_set("a.b").is_err());
        assert!(parse_set("=1").is_err());
    }
}
