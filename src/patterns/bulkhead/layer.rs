//! The bulkhead as a layer: a slot on the way in (or a wait for one on the
//! layer's timer, or a rejection), the slot given back on the way out, and
//! the waiters let through when a slot frees up.

use super::{Admission, Waiter};
use crate::base::outcome::Outcome;
use crate::base::time::Dur;
use crate::patterns::layer::{Cx, Engine, Fired, Inward, Layer, Mark, Outward, Parked};
use crate::patterns::registry::ServiceLayers;
use crate::patterns::PatternSet;

/// Where a call stands with its service's bulkhead.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Slot {
    #[default]
    None,
    /// Queued for a slot, with a `max_wait` timer armed.
    Waiting,
    Held,
}

/// The bulkhead's steps in a traced call's story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// A slot, taken at once (`in_use` of `max` after taking it).
    Slot { in_use: u32, max: u32 },
    /// It was full: the call waits at most `max_wait`.
    Queued { waiting: u32, max_wait: Dur },
    /// A slot freed up after waiting.
    Admitted { waited: Dur },
    /// It turned the call away: full at once, or after waiting.
    Rejected { waited: Option<Dur> },
}

pub struct BulkheadLayer;

impl Layer for BulkheadLayer {
    #[inline]
    fn enter<E: Engine>(cx: &mut Cx, eng: &mut E) -> Inward {
        let cfg = &cx.patterns.bulkhead;
        let b = &mut cx.service.bulkhead;
        let waiter = Waiter {
            call: eng.call(),
            ticket: eng.next_ticket(),
        };
        let admission = b.try_acquire(cfg, waiter);
        if cx.traced {
            let step = match admission {
                Admission::Granted => Step::Slot {
                    in_use: b.in_use(),
                    max: cfg.max_concurrent,
                },
                Admission::Queued => Step::Queued {
                    waiting: b.waiting().saturating_sub(1),
                    max_wait: cfg.max_wait,
                },
                Admission::Rejected => Step::Rejected { waited: None },
            };
            eng.note(step.into());
        }
        match admission {
            Admission::Granted => {
                cx.call.bulkhead = Slot::Held;
                Inward::Pass
            }
            Admission::Queued => {
                cx.call.bulkhead = Slot::Waiting;
                eng.arm(cx.now + cfg.max_wait.0);
                Inward::Park
            }
            Admission::Rejected => Inward::Stop(Outcome::BulkheadRejected),
        }
    }

    #[inline]
    fn exit<E: Engine>(cx: &mut Cx, eng: &mut E, _outcome: Outcome) -> Outward {
        if cx.call.bulkhead == Slot::Held {
            release(cx, eng);
        }
        Outward::Pass
    }

    /// The wait is over without a slot.
    #[inline]
    fn timer<E: Engine>(cx: &mut Cx, eng: &mut E) -> Fired {
        cx.call.bulkhead = Slot::None;
        if cx.traced {
            let waited = Some(eng.since(Mark::Queued));
            eng.note(Step::Rejected { waited }.into());
        }
        give_up(cx, eng);
        Fired::Exit(Outcome::BulkheadRejected)
    }

    #[inline]
    fn abandon<E: Engine>(cx: &mut Cx, eng: &mut E) {
        match cx.call.bulkhead {
            Slot::Held => release(cx, eng),
            Slot::Waiting => {
                cx.call.bulkhead = Slot::None;
                eng.disarm();
                give_up(cx, eng);
            }
            Slot::None => {}
        }
    }

    #[inline]
    fn resumed<E: Engine>(cx: &mut Cx, eng: &mut E) {
        if cx.traced {
            let waited = eng.since(Mark::Queued);
            eng.note(Step::Admitted { waited }.into());
        }
        // Turned off, the bulkhead let it through without a slot.
        cx.call.bulkhead = if cx.patterns.bulkhead.enabled {
            Slot::Held
        } else {
            Slot::None
        };
    }

    #[inline]
    fn wake(
        patterns: &PatternSet,
        service: &mut ServiceLayers,
        calls: &impl Parked,
        out: &mut Vec<Waiter>,
    ) {
        let b = &mut service.bulkhead;
        if b.queue_len() == 0 {
            return; // nobody waits: the common case on every release
        }
        let cfg = &patterns.bulkhead;
        let is_live = |w| waits(calls, w);
        // Turned off, the bulkhead lets whoever still waits through, without a slot.
        if cfg.enabled {
            b.admit(cfg, is_live, out);
        } else {
            b.release_waiters(is_live, out);
        }
    }

    /// Dead queue entries are dropped lazily; when they pile up (no slot is
    /// freed for a long time) they are swept.
    #[inline]
    fn tidy(service: &mut ServiceLayers, calls: &impl Parked) {
        let b = &mut service.bulkhead;
        if b.queue_len() > 2 * b.waiting() as usize + 16 {
            b.retain_waiters(|w| waits(calls, *w));
        }
    }
}

/// A waiter is live while its call still waits on that very timer.
fn waits(calls: &impl Parked, w: Waiter) -> bool {
    calls.parked(w).is_some_and(|c| c.bulkhead == Slot::Waiting)
}

/// Gives the slot back; the waiters, if any, may go on (with nobody queued,
/// `wake` would do nothing: not asking spares the engine the round trip on
/// nearly every release).
#[inline]
fn release<E: Engine>(cx: &mut Cx, eng: &mut E) {
    cx.call.bulkhead = Slot::None;
    cx.service.bulkhead.release();
    if cx.service.bulkhead.queue_len() != 0 {
        eng.wake();
    }
}

/// A waiter gave up: its queue entry is dropped lazily.
fn give_up<E: Engine>(cx: &mut Cx, eng: &mut E) {
    cx.service.bulkhead.abandon();
    eng.tidy();
}
