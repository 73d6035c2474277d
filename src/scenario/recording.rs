//! Recordings: a live session written out as a scenario file, the original
//! plus one timeline entry per live change at its virtual time. Replaying it
//! (dashboard or `run`) reproduces the session's numbers exactly, because live
//! changes and `live = true` timeline entries run at the same place in time.

use crate::scenario::Scenario;
use crate::sim::world::Change;

/// The TOML text of a recording of `scenario` with the `live` changes made
/// during the session (the seed used is written in, too).
pub fn recording_toml(scenario: &Scenario, seed: u64, live: &[Change]) -> String {
    let mut doc: toml_edit::DocumentMut = scenario
        .source
        .parse()
        .unwrap_or_else(|_| toml_edit::DocumentMut::new());
    // Seeds are 0 … 2^63−1 (the shells refuse larger), so this always fits
    // a TOML integer and the recording always loads.
    doc["seed"] = toml_edit::value(i64::try_from(seed).unwrap_or(i64::MAX));
    // One side of a comparison is recorded as a scenario of its own: its
    // `set` is among the overrides written below, and the file's variants
    // would apply a side twice.
    if scenario.variants.is_none() && doc.remove("variants").is_some() {
        // Its questions are about the comparison (whose number, A's or
        // B's), which one side alone is not: they go too, and an entry left
        // with nothing else to say with them.
        if let Some(toml_edit::Item::ArrayOfTables(a)) = doc.get_mut("timeline") {
            for t in a.iter_mut() {
                t.remove("ask");
            }
            a.retain(|t| t.iter().any(|(k, _)| k != "at"));
        }
    }
    if !doc.contains_key("timeline") {
        doc["timeline"] = toml_edit::Item::ArrayOfTables(toml_edit::ArrayOfTables::new());
    }
    // Overrides (`--set`) first: entries at 0s keep their file order, so
    // they run before the file's own, as they did.
    let mut first = Vec::new();
    for c in &scenario.overrides {
        let mut t = toml_edit::Table::new();
        t["at"] = toml_edit::value("0s");
        let mut set = toml_edit::InlineTable::new();
        set.insert(&c.path, toml_value(&c.value));
        t["set"] = toml_edit::value(set);
        t["note"] = toml_edit::value(format!("--set {}={}", c.path, c.value));
        first.push(t);
    }
    let mut entries = Vec::new();
    for c in live.iter().filter(|c| c.live && !c.path.is_empty()) {
        let mut t = toml_edit::Table::new();
        // Seconds a person can read (`52.126387368s`, not
        // `52126387368ns`), still exact to the nanosecond.
        t["at"] = toml_edit::value(c.at.exact_seconds());
        let mut set = toml_edit::InlineTable::new();
        set.insert(&c.path, toml_value(&c.value));
        t["set"] = toml_edit::value(set);
        // `live = true` says where it came from; no note, so a replay tells
        // each change once.
        t["live"] = toml_edit::value(true);
        entries.push(t);
    }
    match doc.get_mut("timeline") {
        Some(toml_edit::Item::ArrayOfTables(a)) => {
            let own: Vec<toml_edit::Table> = a.iter().cloned().collect();
            a.clear();
            for t in first.into_iter().chain(own).chain(entries) {
                a.push(t);
            }
        }
        Some(toml_edit::Item::Value(toml_edit::Value::Array(a))) => {
            for (i, t) in first.into_iter().enumerate() {
                a.insert(i, t.into_inline_table());
            }
            for t in entries {
                a.push(t.into_inline_table());
            }
        }
        _ => {}
    }
    let mut text = doc.to_string();
    if !text.starts_with("# Recorded") {
        text = format!("# Recorded by breakwater from {}: replay with `breakwater run` or open it in the dashboard.\n{text}", crate::base::escape::escape(&scenario.origin));
    }
    text
}

fn toml_value(v: &toml::Value) -> toml_edit::Value {
    match v {
        toml::Value::String(s) => s.as_str().into(),
        toml::Value::Integer(i) => (*i).into(),
        toml::Value::Float(f) => (*f).into(),
        toml::Value::Boolean(b) => (*b).into(),
        toml::Value::Datetime(d) => d.to_string().into(),
        toml::Value::Array(a) => {
            let mut arr = toml_edit::Array::new();
            for x in a {
                arr.push(toml_value(x));
            }
            toml_edit::Value::Array(arr)
        }
        toml::Value::Table(t) => {
            let mut it = toml_edit::InlineTable::new();
            for (k, x) in t {
                it.insert(k, toml_value(x));
            }
            toml_edit::Value::InlineTable(it)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::time::Dur;
    use crate::scenario::parse_scenario;

    #[test]
    fn recording_parses_back_with_the_live_changes() {
        let text = crate::scenario::builtin::builtin("seed-lesson").unwrap();
        let s = parse_scenario("seed-lesson", text.as_bytes()).unwrap();
        let live = vec![Change {
            at: Dur(12_345_000_000),
            path: "services.user.latency".into(),
            value: toml::Value::String("80ms".into()),
            over: None,
            note: None,
            live: true,
            pause: false,
        }];
        let rec = recording_toml(&s, 99, &live);
        let back = parse_scenario("rec.toml", rec.as_bytes()).unwrap();
        assert_eq!(back.seed, 99);
        let c = back
            .timeline
            .iter()
            .find(|c| c.live)
            .expect("live change kept");
        assert_eq!(
            (c.at, c.path.as_str()),
            (Dur(12_345_000_000), "services.user.latency")
        );
        assert_eq!(back.timeline.len(), s.timeline.len() + 1);
    }
}
