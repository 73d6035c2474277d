//! Moments a class stops at: a timeline entry applied, or a breaker changing
//! state. The engine keeps the latest; a shell that seeks the next moment
//! advances every world in step to `next_stop_bound` and asks `moment_after`.
//!
//! A breaker's OPEN → HALF-OPEN is dated when its wait ends but only noticed
//! at the next tick or call; `next_stop_bound` offers that time in advance,
//! so a seek stops exactly there without touching the breaker (looking never
//! changes a result).

use super::*;
use crate::base::localised::Localised;
use crate::patterns::circuit_breaker::reason::Reason;

/// What happened at a moment.
#[derive(Clone, Debug, PartialEq)]
pub enum MomentKind {
    /// A timeline entry was applied: its note, or its change in words.
    Entry {
        note: Option<Localised>,
        change: String,
    },
    /// A breaker changed state, with why.
    Breaker {
        service: usize,
        from: BreakerState,
        to: BreakerState,
        reason: Reason,
    },
}

/// A moment and when it happened.
#[derive(Clone, Debug, PartialEq)]
pub struct Moment {
    pub at: SimTime,
    pub kind: MomentKind,
}

impl Simulation {
    /// The latest moment, if any has happened.
    pub fn last_moment(&self) -> Option<&Moment> {
        self.script.last_moment.as_ref()
    }

    /// The first moment after `after`, up to now: the latest recorded one if
    /// it is later, or a breaker whose open wait ended in (`after`, now].
    pub fn moment_after(&self, after: SimTime) -> Option<Moment> {
        if let Some(m) = self.script.last_moment.as_ref().filter(|m| m.at > after) {
            return Some(m.clone());
        }
        (0..self.services.len()).find_map(|s| {
            let cfg = &self.world.services[s].patterns.circuit_breaker;
            let b = &self.services[s].state.circuit_breaker;
            let p = b.moves_at(cfg)?;
            (p > after && p <= self.now).then_some(Moment {
                at: p,
                kind: MomentKind::Breaker {
                    service: s,
                    from: BreakerState::Open,
                    to: BreakerState::HalfOpen,
                    reason: Reason::open_elapsed(cfg),
                },
            })
        })
    }

    /// Brings every breaker whose open wait has ended to HALF-OPEN now, as
    /// the next tick or call would (the transition dated when the wait
    /// ended), so a shell stopping at that moment shows the new state, its
    /// reason and its notice. Changes no result: the same transition, at the
    /// same time, only logged before the tick that would have logged it.
    pub fn settle_breakers(&mut self) {
        for s in 0..self.services.len() {
            let cfg = &self.world.services[s].patterns.circuit_breaker;
            let t = self.services[s].state.circuit_breaker.poll(cfg, self.now);
            self.log_transition(s, t);
        }
    }

    /// The earliest time something can happen: the next event, or the end
    /// of an open breaker's wait, whichever comes first.
    pub fn next_stop_bound(&self) -> Option<SimTime> {
        let probe = (0..self.services.len())
            .filter_map(|s| {
                let cfg = &self.world.services[s].patterns.circuit_breaker;
                self.services[s].state.circuit_breaker.moves_at(cfg)
            })
            .filter(|&p| p > self.now)
            .min();
        match (self.schedule.queue.peek_time(), probe) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// A breaker transition of service `s` is the latest moment.
    #[cold]
    pub(super) fn breaker_moment(&mut self, s: usize, t: &Transition) {
        self.script.last_moment = Some(Moment {
            at: t.at,
            kind: MomentKind::Breaker {
                service: s,
                from: t.from,
                to: t.to,
                reason: t.reason.clone(),
            },
        });
    }

    /// A timeline entry applied now is the latest moment; of several entries
    /// at one instant the first with a note is kept.
    #[cold]
    pub(super) fn entry_moment(&mut self, c: &Change) {
        let same_instant = self.script.last_moment.as_ref().is_some_and(|m| {
            m.at == self.now && matches!(m.kind, MomentKind::Entry { note: Some(_), .. })
        });
        if same_instant {
            return;
        }
        let change = if c.path.is_empty() {
            String::new()
        } else {
            format!("{} = {}", c.path, c.value)
        };
        self.script.last_moment = Some(Moment {
            at: self.now,
            kind: MomentKind::Entry {
                note: c.note.clone(),
                change,
            },
        });
    }
}
