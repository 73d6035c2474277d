//! Hedging as a layer. On the way in it lets the call's own attempt go on
//! and arms its timer for the first copy (or forks every copy at once, with
//! no delay). Its timer forks the next copy. Each result, the call's own
//! (`exit`) or a copy's (`joined`), is settled here: a success wins and the
//! rest is abandoned; a failure starts the next copy at once, and the last
//! failure is the answer once nothing is left running or to start.

use crate::base::outcome::Outcome;
use crate::patterns::layer::{Count, Cx, Engine, Fired, Inward, Layer, Note, NoteValue, Outward};

/// A call's hedging layer.
#[derive(Clone, Copy, Debug, Default)]
pub struct CallHedging {
    /// Copies sent so far.
    sent: u8,
    /// Attempts still running: the call's own and its copies.
    running: u8,
}

/// What a result does to the call.
enum Settled {
    /// The call's answer: the rest is abandoned.
    Answer(Outcome),
    /// Other attempts still run (or a copy just started): wait for them.
    Wait,
}

pub struct Hedging;

/// Sends copy number `sent + 1`.
#[inline(always)]
fn send_copy<E: Engine>(cx: &mut Cx, eng: &mut E) {
    let h = &mut cx.call.hedging;
    h.sent += 1;
    h.running += 1;
    let n = h.sent;
    eng.fork(n as u32);
    eng.count(Count::Named(super::HEDGED.name));
    if cx.traced {
        let note = Note::new("trace-hedging-copy-sent", "hedge_sent")
            .with("n", NoteValue::Count(n as u64));
        eng.note(note.into());
    }
}

/// Whether another copy may still be sent.
#[inline(always)]
fn more_to_send(cx: &Cx) -> bool {
    let cfg = &cx.patterns.hedging;
    cfg.enabled && (cx.call.hedging.sent as u32) < cfg.max_hedged_attempts
}

/// Arms the timer for the next copy, if there is one to send.
#[inline(always)]
fn arm_next<E: Engine>(cx: &Cx, eng: &mut E) {
    if more_to_send(cx) {
        eng.arm(cx.patterns.hedging.next_at(cx.now));
    }
}

/// A result came back: from the call's own attempt (`copy` 0) or a copy.
#[inline(always)]
fn settle<E: Engine>(cx: &mut Cx, eng: &mut E, copy: u32, outcome: Outcome) -> Settled {
    let h = &mut cx.call.hedging;
    h.running = h.running.saturating_sub(1);
    if outcome == Outcome::Ok {
        eng.disarm();
        eng.abandon_forks();
        if cx.traced && cx.call.hedging.sent > 0 {
            let id = if copy == 0 {
                "trace-hedging-own-won"
            } else {
                "trace-hedging-copy-won"
            };
            let note = Note::new(id, "hedge_won").with("n", NoteValue::Count(copy as u64));
            eng.note(note.into());
        }
        return Settled::Answer(outcome);
    }
    if more_to_send(cx) {
        // A failure sends the next copy at once; the timer restarts for
        // the one after.
        eng.disarm();
        send_copy(cx, eng);
        arm_next(cx, eng);
        return Settled::Wait;
    }
    if cx.call.hedging.running > 0 {
        return Settled::Wait;
    }
    eng.disarm();
    if cx.traced && cx.call.hedging.sent > 0 {
        let note = Note::new("trace-hedging-all-failed", "hedge_all_failed")
            .with("outcome", NoteValue::Outcome(outcome));
        eng.note(note.into());
    }
    Settled::Answer(outcome)
}

impl Layer for Hedging {
    #[inline(always)]
    fn enter<E: Engine>(cx: &mut Cx, eng: &mut E) -> Inward {
        cx.call.hedging = CallHedging {
            sent: 0,
            running: 1,
        };
        if cx.patterns.hedging.delay.0 == 0 {
            while more_to_send(cx) {
                send_copy(cx, eng);
            }
        } else {
            arm_next(cx, eng);
        }
        Inward::Pass
    }

    /// The call's own attempt answered.
    #[inline(always)]
    fn exit<E: Engine>(cx: &mut Cx, eng: &mut E, outcome: Outcome) -> Outward {
        match settle(cx, eng, 0, outcome) {
            Settled::Answer(_) => Outward::Pass,
            Settled::Wait => Outward::Park,
        }
    }

    /// The delay is over and nothing answered: the next copy.
    #[inline(always)]
    fn timer<E: Engine>(cx: &mut Cx, eng: &mut E) -> Fired {
        if more_to_send(cx) {
            send_copy(cx, eng);
            arm_next(cx, eng);
        }
        Fired::Nothing
    }

    /// A copy answered. Its answer, when it is the call's, also abandons the
    /// call's own attempt if that still runs.
    #[inline(always)]
    fn joined<E: Engine>(cx: &mut Cx, eng: &mut E, copy: u32, outcome: Outcome) -> Fired {
        match settle(cx, eng, copy, outcome) {
            Settled::Answer(o) => Fired::Abandon(o),
            Settled::Wait => Fired::Nothing,
        }
    }

    /// A timeout outside gave up on the call: every copy goes too.
    #[inline(always)]
    fn abandon<E: Engine>(_cx: &mut Cx, eng: &mut E) {
        eng.disarm();
        eng.abandon_forks();
    }
}
