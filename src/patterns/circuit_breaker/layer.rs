//! The breaker as a layer: asked for a permit on the way in (an open breaker
//! short-circuits), told the result on the way out or when a timeout outside
//! abandons the call.

use super::reason::Reason;
use super::{BreakerState, Permit};
use crate::base::outcome::Outcome;
use crate::base::time::{Dur, SimTime};
use crate::patterns::layer::{Cx, Engine, Inward, Layer, Outward};

/// A call's breaker layer: its permit while it holds one, and since when.
#[derive(Clone, Copy, Debug, Default)]
pub struct CallBreaker {
    pub permit: Option<Permit>,
    pub entered: SimTime,
}

/// The breaker's steps in a traced call's story.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Its decision, and its state when it made it.
    Decided {
        state: BreakerState,
        permitted: bool,
    },
    /// It counted this result (`failed` or a success), and the transition
    /// it made because of it, if any.
    Recorded {
        failed: bool,
        transition: Option<(BreakerState, BreakerState, Reason)>,
    },
}

pub struct Breaker;

/// The breaker counts the call's result, if it holds a permit.
#[inline]
fn result<E: Engine>(cx: &mut Cx, eng: &mut E, outcome: Outcome) {
    let c = &mut cx.call.circuit_breaker;
    let Some(permit) = c.permit.take() else {
        return;
    };
    let duration = Dur(cx.now - c.entered);
    let failed = matches!(
        outcome,
        Outcome::Failed | Outcome::TimedOut | Outcome::BulkheadRejected
    );
    cx.service.breaker_tally.result(failed, duration);
    let cfg = &cx.patterns.circuit_breaker;
    let t = cx
        .service
        .circuit_breaker
        .on_result(cfg, permit, cx.now, failed, duration);
    if cx.traced {
        let transition = t.as_ref().map(|t| (t.from, t.to, t.reason.clone()));
        eng.note(Step::Recorded { failed, transition }.into());
    }
    eng.transition(t);
}

impl Layer for Breaker {
    #[inline]
    fn enter<E: Engine>(cx: &mut Cx, eng: &mut E) -> Inward {
        let cfg = &cx.patterns.circuit_breaker;
        let breaker = &mut cx.service.circuit_breaker;
        let (answer, transition) = breaker.try_acquire(cfg, cx.now);
        if cx.traced {
            let state = breaker.state();
            let permitted = answer.is_ok();
            eng.note(Step::Decided { state, permitted }.into());
        }
        eng.transition(transition);
        match answer {
            Ok(permit) => {
                cx.call.circuit_breaker = CallBreaker {
                    permit: Some(permit),
                    entered: cx.now,
                };
                Inward::Pass
            }
            Err(_short_circuited) => {
                cx.service.breaker_tally.not_permitted += 1;
                Inward::Stop(Outcome::ShortCircuited)
            }
        }
    }

    #[inline]
    fn exit<E: Engine>(cx: &mut Cx, eng: &mut E, outcome: Outcome) -> Outward {
        result(cx, eng, outcome);
        Outward::Pass
    }

    #[inline]
    fn abandon<E: Engine>(cx: &mut Cx, eng: &mut E) {
        result(cx, eng, Outcome::TimedOut);
    }
}
