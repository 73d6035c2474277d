//! The pace of a class, part of the `App` (pure like it): `pause = true`
//! timeline entries pause the dashboard when reached, `n` runs at full speed
//! to the next timeline entry or breaker transition (any service, any side)
//! and pauses there, and the banner shows what was reached. Every side stops
//! at the same simulated time.

use super::*;
use crate::base::escape::escape;
use crate::base::time::clock;
use crate::sim::{Moment, MomentKind};
use crate::t;

/// What the dashboard just stopped at, in words big enough for a room. It
/// stays, however long the pause lasts, until a key is pressed: the teacher
/// talks over it, and it must not go while they do. Any key takes it down
/// (`Esc` does nothing more); `n` replaces it with the next one. It is said
/// when asked for, in the dashboard's language of the moment.
#[derive(Clone, Debug, PartialEq)]
pub struct Banner {
    /// When it happened, and what kind of moment: `01:00.0 · timeline`.
    pub title: String,
    /// The note of the entry, or the breaker's change.
    pub text: String,
    /// A second line: the breaker's reason, or the entry's change.
    pub detail: String,
}

/// The banner as data: the moment reached (and on which side).
#[derive(Clone, Debug)]
pub(super) struct Shown {
    side: Option<usize>,
    moment: Moment,
}

/// Pauses ahead, a seek under way, the banner.
#[derive(Clone, Debug, Default)]
pub(super) struct Pacing {
    /// Times of `pause = true` entries still ahead, ascending.
    pauses: Vec<SimTime>,
    /// While `n` runs: the time it started from.
    seeking: Option<SimTime>,
    banner: Option<Shown>,
}

impl App {
    /// The banner, while it shows, in the dashboard's language.
    pub fn banner(&self) -> Option<Banner> {
        let b = self.pacing.banner.as_ref()?;
        Some(crate::i18n::scoped(self.lang, || {
            self.banner_of(b.side, &b.moment)
        }))
    }

    /// Whether `n` is running to the next moment.
    pub fn seeking(&self) -> bool {
        self.pacing.seeking.is_some()
    }

    /// Notes the `pause = true` entries ahead (at start and on restart); one
    /// at t = 0 pauses at once.
    pub(super) fn plan_pauses(&mut self) {
        let now = self.now();
        let mut times: Vec<SimTime> = self
            .sides
            .iter()
            .flat_map(|s| s.sim.changes())
            .filter(|c| c.pause && !c.live && c.at.0 >= now)
            .map(|c| c.at.0)
            .collect();
        times.sort_unstable();
        times.dedup();
        self.pacing = Pacing {
            pauses: times,
            ..Pacing::default()
        };
        if self.pacing.pauses.first() == Some(&now) {
            self.pause_at_entry(now);
        }
    }

    /// A frame's target, cut at the next `pause = true` entry.
    pub(super) fn clamp_to_pause(&mut self, target: SimTime) -> SimTime {
        let now = self.now();
        self.pacing.pauses.retain(|&p| p > now);
        self.pacing
            .pauses
            .first()
            .map_or(target, |&p| p.min(target))
    }

    /// After a frame reached its target: paused there if it is an entry's.
    pub(super) fn after_frame(&mut self) {
        let now = self.now();
        if self.pacing.pauses.first().is_some_and(|&p| p <= now) {
            self.pause_at_entry(now);
        }
        // A question asked here comes before the entry's banner.
        self.at_predict_stop();
        self.summary_at_end();
    }

    fn pause_at_entry(&mut self, at: SimTime) {
        self.pacing.pauses.retain(|&p| p > at);
        self.set_paused(true);
        let entry = self
            .sides
            .iter()
            .flat_map(|s| s.sim.changes())
            .find(|c| c.pause && !c.live && c.at.0 == at)
            .cloned();
        if let Some(c) = entry {
            let change = if c.path.is_empty() {
                String::new()
            } else {
                // In the dashboard's language (the banner is made now, drawn later).
                let value =
                    crate::i18n::scoped(self.lang(), || crate::tui::fields::show_value(&c.value));
                format!("{} = {value}", c.path)
            };
            let kind = MomentKind::Entry {
                note: c.note,
                change,
            };
            self.show_banner(None, &Moment { at, kind });
        }
    }

    /// `n`: run at full speed to the next moment.
    pub(super) fn start_seek(&mut self) {
        if self.sides.iter().all(|s| s.sim.is_finished()) {
            return;
        }
        self.pacing.seeking = Some(self.now());
        self.pacing.banner = None;
        self.set_paused(false);
    }

    /// Space while seeking: stop where it is.
    pub(super) fn stop_seek(&mut self) {
        self.pacing.seeking = None;
    }

    /// Advances every side together, one instant at a time (the next event
    /// or breaker wait of any side), at most `max_steps` instants; stops and
    /// pauses at the first moment after the seek began. Whether it stopped.
    pub(super) fn seek_slice(&mut self, max_steps: u64) -> bool {
        let Some(from) = self.pacing.seeking else {
            return true;
        };
        let end = self.sides.iter().map(|s| s.sim.end()).max().unwrap_or(0);
        for _ in 0..max_steps.max(1) {
            if self.sides.iter().all(|s| s.sim.is_finished()) {
                self.pacing.seeking = None;
                self.summary_at_end();
                return true;
            }
            let next = self
                .sides
                .iter()
                .filter_map(|s| s.sim.next_stop_bound())
                .min();
            let t = next.map_or(end, |t| t.min(end)).max(self.now());
            let t = self.clamp_to_question(t);
            for s in &mut self.sides {
                s.advance_to(t);
            }
            if self.at_predict_stop() {
                self.pacing.pauses.retain(|&p| p > t);
                return true;
            }
            let found = self
                .sides
                .iter()
                .enumerate()
                .find_map(|(k, s)| s.sim.moment_after(from).map(|m| (k, m)));
            if let Some((k, m)) = found {
                // Stopped where a breaker's wait ended: the screen shows
                // the new state now, not at the next tick.
                for s in &mut self.sides {
                    s.sim.settle_breakers();
                }
                self.pacing.seeking = None;
                self.pacing.pauses.retain(|&p| p > t);
                self.set_paused(true);
                let side = self.comparing().then_some(k);
                self.show_banner(side, &m);
                return true;
            }
        }
        false
    }

    fn show_banner(&mut self, side: Option<usize>, m: &Moment) {
        self.pacing.banner = Some(Shown {
            side,
            moment: m.clone(),
        });
    }

    /// The banner of moment `m` (on `side`), in this thread's language.
    fn banner_of(&self, side: Option<usize>, m: &Moment) -> Banner {
        let letter = side
            .map(|k| format!("{} · ", self.sides[k].letter()))
            .unwrap_or_default();
        let (kind, text, detail) = match &m.kind {
            MomentKind::Entry { note, change } => (
                t!("event-timeline"),
                escape(note.as_deref().unwrap_or(change)).into_owned(),
                if note.is_some() {
                    change.clone()
                } else {
                    String::new()
                },
            ),
            MomentKind::Breaker {
                service,
                from,
                to,
                reason,
            } => {
                let name = &self.sides[side.unwrap_or(0)].sim.world().services[*service].name;
                (
                    "Circuit Breaker".to_string(),
                    format!("{letter}{}: {} → {}", escape(name), from.word(), to.word()),
                    reason.msg().said(),
                )
            }
        };
        Banner {
            title: format!("{} · {kind}", clock(m.at)),
            text,
            detail: escape(&detail).into_owned(),
        }
    }

    /// Takes the banner down (a key was pressed); whether one was up.
    pub(super) fn take_banner(&mut self) -> bool {
        self.pacing.banner.take().is_some()
    }
}
