//! `--log FILE`: what a service's log would hold, as JSON lines (the third
//! pillar of observability beside metrics and traces): breaker transitions
//! with their reasons, timeline entries and their notes, live changes, and
//! limit notices, each with its virtual time (`t_s`, exact seconds) and the
//! same instant on the metrics' epoch (`time`, RFC 3339 in UTC). Machine
//! output, so in English whatever the reader's language (every reason also
//! has its catalogue id in `reason_id`), and byte-identical for the same
//! scenario and seed.
//!
//! The lines come from the simulation's notices, read after every step of
//! the run (`Log::drain`); notices the bounded ring dropped before they were
//! read are said in a line of their own (`"event":"dropped"`), never lost
//! silently.

use crate::base::time::SimTime;
use crate::report::openmetrics::seconds_text;
use crate::sim::notices::{Notice, NoticeKind};
use crate::sim::Simulation;
use serde_json::{json, Map, Value};
use std::io::{self, Write};

/// A log being written to `W`.
pub struct Log<W: Write> {
    out: W,
    /// The sequence number of the next notice to write.
    next: u64,
    epoch_ms: u64,
    /// `a` or `b` in a comparison.
    side: Option<String>,
}

/// `ms` milliseconds since the UNIX epoch in RFC 3339 (UTC, milliseconds).
pub fn rfc3339(ms: u64) -> String {
    let secs = ms / 1000;
    let (days, rest) = (secs / 86_400, secs % 86_400);
    // Days to a civil date (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60,
        ms % 1000
    )
}

impl<W: Write> Log<W> {
    pub fn new(out: W, epoch_ms: u64, side: Option<&str>) -> Log<W> {
        Log {
            out,
            next: 0,
            epoch_ms,
            side: side.map(String::from),
        }
    }

    /// Writes the notices `sim` made since the last call.
    pub fn drain(&mut self, sim: &Simulation) -> io::Result<()> {
        let names: Vec<&str> = sim
            .world()
            .services
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        let mut lines = Vec::new();
        for (seq, n) in sim.notices().iter() {
            if seq < self.next {
                continue;
            }
            if seq > self.next {
                // The ring dropped these before they could be read.
                let mut m = self.head(n.at, "dropped");
                m.insert("count".into(), json!(seq - self.next));
                lines.push(Value::Object(m));
            }
            lines.push(self.line(n, &names));
            self.next = seq + 1;
        }
        for l in lines {
            serde_json::to_writer(&mut self.out, &l)?;
            self.out.write_all(b"\n")?;
        }
        Ok(())
    }

    /// Gives the writer back.
    pub fn into_inner(self) -> W {
        self.out
    }

    fn head(&self, at: SimTime, event: &str) -> Map<String, Value> {
        let mut m = Map::new();
        m.insert("t_s".into(), t_s(at));
        m.insert(
            "time".into(),
            json!(rfc3339(self.epoch_ms + at / 1_000_000)),
        );
        m.insert("event".into(), json!(event));
        if let Some(side) = &self.side {
            m.insert("side".into(), json!(side));
        }
        m
    }

    fn line(&self, n: &Notice, names: &[&str]) -> Value {
        let event = match &n.kind {
            NoticeKind::Breaker { .. } => "breaker",
            NoticeKind::Note(_) => "timeline",
            NoticeKind::Change { live: true, .. } => "live_change",
            NoticeKind::Change { live: false, .. } => "change",
            NoticeKind::Limit(_) => "limit",
        };
        let mut m = self.head(n.at, event);
        m.insert(
            "level".into(),
            json!(match &n.kind {
                NoticeKind::Limit(_) => "warn",
                NoticeKind::Breaker { to, .. } if to.is_open() => "warn",
                _ => "info",
            }),
        );
        if let Some(s) = n.service.and_then(|s| names.get(s)) {
            m.insert("service".into(), json!(s));
        }
        match &n.kind {
            NoticeKind::Breaker { from, to, reason } => {
                m.insert("from".into(), json!(from.name()));
                m.insert("to".into(), json!(to.name()));
                let msg = reason.msg();
                m.insert("reason".into(), json!(msg.say("en")));
                m.insert("reason_id".into(), json!(msg.id));
            }
            NoticeKind::Note(note) => {
                m.insert("note".into(), json!(note.en()));
            }
            NoticeKind::Change {
                path, from, value, ..
            } => {
                m.insert("path".into(), json!(path));
                if let Some(f) = from {
                    m.insert("from".into(), json!(f));
                }
                m.insert("value".into(), json!(value));
            }
            NoticeKind::Limit(msg) => {
                m.insert("message".into(), json!(msg.say("en")));
                m.insert("message_id".into(), json!(msg.id));
            }
        }
        Value::Object(m)
    }
}

/// Virtual seconds as an exact JSON number.
fn t_s(at: SimTime) -> Value {
    let text = seconds_text(u128::from(at));
    serde_json::from_str(&text).unwrap_or_else(|_| json!(at as f64 / 1e9))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_civil() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(rfc3339(1_735_689_600_000), "2025-01-01T00:00:00.000Z");
        // A leap day, and a time of day with milliseconds.
        assert_eq!(rfc3339(1_709_210_096_789), "2024-02-29T12:34:56.789Z");
    }
}
