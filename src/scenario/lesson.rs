//! A scenario's lesson as a reader follows it: its text, and its phases —
//! the timeline entries that carry a note, in time order. The dashboard's
//! help shows them with the phase the clock is in; `breakwater lesson`
//! prints them for a handout.

use crate::base::localised::Localised;
use crate::base::time::{Dur, SimTime, NANOS_PER_SEC};
use crate::scenario::variants::Side;
use crate::scenario::Scenario;

/// One phase: a timeline entry with a note.
#[derive(Clone, Debug, PartialEq)]
pub struct Phase {
    pub at: Dur,
    pub note: Localised,
    /// For an entry of one side of a comparison alone (`[[variants.b.timeline]]`).
    pub side: Option<Side>,
}

impl Phase {
    /// Its time, and for one side's own entry that side (`1:00 [B]`): the
    /// stamp a handout and the help print before its note.
    pub fn stamp(&self) -> String {
        match self.side {
            Some(side) => format!("{} [{}]", self.clock(), side.letter().to_uppercase()),
            None => self.clock(),
        }
    }

    /// The widest stamp of `phases`, so their notes start in one column.
    pub fn stamp_width(phases: &[Phase]) -> usize {
        phases
            .iter()
            .map(|p| p.stamp().chars().count())
            .max()
            .unwrap_or(0)
    }

    /// Its time as a lesson writes it: `1:00`, `0:20`, `1:02:05`, with
    /// tenths only when it has them (`0:03.5`).
    pub fn clock(&self) -> String {
        let tenths = self.at.0 / (NANOS_PER_SEC / 10);
        let (s, d) = (tenths / 10, tenths % 10);
        let whole = if s >= 3600 {
            format!("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
        } else {
            format!("{}:{:02}", s / 60, s % 60)
        };
        if d == 0 {
            whole
        } else {
            format!("{whole}{}{d}", crate::i18n::decimal_mark())
        }
    }
}

/// The text a reader is taught from: the lesson, or the description when a
/// scenario has no lesson.
pub fn text(s: &Scenario) -> &Localised {
    if s.lesson.is_blank() {
        &s.description
    } else {
        &s.lesson
    }
}

/// The phases of `s`: its timeline's entries with a note (an entry that
/// sets several paths counts once), then those of its declared sides' own
/// timelines, all in time order (equal times keep that order).
pub fn phases(s: &Scenario) -> Vec<Phase> {
    let noted = |timeline: &[crate::sim::world::Change], side: Option<Side>| {
        timeline
            .iter()
            .filter_map(|c| {
                c.note.as_ref().map(|note| Phase {
                    at: c.at,
                    note: note.clone(),
                    side,
                })
            })
            .collect::<Vec<_>>()
    };
    let mut all = noted(&s.timeline, None);
    if let Some(v) = &s.variants {
        for side in [Side::A, Side::B] {
            all.extend(noted(&v.side(side).timeline, Some(side)));
        }
    }
    all.sort_by_key(|p| p.at);
    all
}

/// The phase the clock is in at `now`: the latest whose time is ≤ `now`
/// (none before the first).
pub fn current(phases: &[Phase], now: SimTime) -> Option<usize> {
    phases.iter().rposition(|p| p.at.0 <= now)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phase(secs: u64) -> Phase {
        Phase {
            at: Dur(secs * NANOS_PER_SEC),
            note: "x".into(),
            side: None,
        }
    }

    #[test]
    fn the_clock_is_in_the_latest_phase_begun() {
        let ps = [phase(20), phase(60), phase(60), phase(150)];
        assert_eq!(current(&ps, 19 * NANOS_PER_SEC), None);
        assert_eq!(current(&ps, 20 * NANOS_PER_SEC), Some(0));
        assert_eq!(current(&ps, 100 * NANOS_PER_SEC), Some(2));
        assert_eq!(current(&ps, 1000 * NANOS_PER_SEC), Some(3));
    }

    #[test]
    fn times_read_as_a_lesson_writes_them() {
        assert_eq!(phase(20).clock(), "0:20");
        assert_eq!(phase(150).clock(), "2:30");
        assert_eq!(phase(3725).clock(), "1:02:05");
        let half = Phase {
            at: Dur(3_500_000_000),
            ..phase(0)
        };
        assert_eq!(half.clock(), "0:03.5");
    }
}
