//! Retry as a layer: the first attempt on the way in, the decision on the
//! way out (sleep on the layer's timer, then in again), and an attempt a
//! timeout outside cuts short.

use super::{Decision, RetryState, StopReason};
use crate::base::outcome::Outcome;
use crate::base::time::Dur;
use crate::patterns::layer::{Count, Cx, Engine, Fired, Inward, Layer, Mark, Outward};

/// Where a call stands with its retry layer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Phase {
    /// Never entered: the call's single attempt is counted when it finishes.
    #[default]
    Unused,
    /// An attempt is under way (or the layer has let the result out).
    Attempting,
    /// Sleeping a backoff before the next attempt, with a timer armed.
    BackingOff,
}

/// A call's retry layer.
#[derive(Clone, Copy, Debug, Default)]
pub struct CallRetry {
    pub state: RetryState,
    pub phase: Phase,
}

impl CallRetry {
    /// The number of the attempt under way (1 without a retry layer).
    pub fn attempt(&self) -> u32 {
        self.state.attempts.max(1)
    }
}

/// The retry layer's steps in a traced call's story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Attempt `n` starts (1 is the first).
    Attempt { n: u32 },
    /// Attempt `n` ended so, after `took`.
    AttemptEnded { n: u32, outcome: Outcome, took: Dur },
    /// It waits `wait` before attempt `next`.
    Backoff { wait: Dur, next: u32 },
    /// It gives the result to the caller, and why no retry.
    Stopped { reason: StopReason },
}

pub struct Retry;

fn note_ended<E: Engine>(cx: &Cx, eng: &mut E, outcome: Outcome) {
    let n = cx.call.retry.attempt();
    let took = eng.since(Mark::Attempt);
    eng.note(Step::AttemptEnded { n, outcome, took }.into());
}

impl Layer for Retry {
    #[inline]
    fn enter<E: Engine>(cx: &mut Cx, eng: &mut E) -> Inward {
        let c = &mut cx.call.retry;
        c.state = RetryState::begin(cx.now);
        c.phase = Phase::Attempting;
        eng.count(Count::Attempt);
        if cx.traced {
            eng.note(Step::Attempt { n: 1 }.into());
        }
        Inward::Pass
    }

    #[inline]
    fn exit<E: Engine>(cx: &mut Cx, eng: &mut E, outcome: Outcome) -> Outward {
        eng.count(Count::AttemptOutcome(outcome));
        if cx.traced {
            note_ended(cx, eng, outcome);
        }
        let mut jitter = eng.jitter(cx.call.retry.attempt());
        let cfg = &cx.patterns.retry;
        let c = &mut cx.call.retry;
        let budget = &mut cx.service.retry;
        let decision = c.state.decide(cfg, budget, outcome, cx.now, &mut jitter);
        if cx.traced {
            let step = match decision {
                Decision::RetryAfter(wait) => Some(Step::Backoff {
                    wait,
                    next: c.state.attempts + 1,
                }),
                Decision::Stop => match c.state.stop_reason(cfg, budget, outcome) {
                    StopReason::Succeeded => None,
                    reason => Some(Step::Stopped { reason }),
                },
            };
            if let Some(step) = step {
                eng.note(step.into());
            }
        }
        match decision {
            Decision::RetryAfter(sleep) => {
                cx.call.retry.phase = Phase::BackingOff;
                eng.arm(cx.now + sleep);
                Outward::Park
            }
            Decision::Stop => {
                let attempts = cx.call.retry.attempt();
                let ok = outcome == Outcome::Ok;
                cx.service.retry_tally.gave_back(ok, attempts);
                Outward::Pass
            }
        }
    }

    /// The backoff is over: the next attempt.
    #[inline]
    fn timer<E: Engine>(cx: &mut Cx, eng: &mut E) -> Fired {
        let c = &mut cx.call.retry;
        c.phase = Phase::Attempting;
        c.state.attempts += 1;
        if cx.traced {
            let n = c.state.attempts;
            eng.note(Step::Attempt { n }.into());
        }
        eng.count(Count::Attempt);
        eng.count(Count::Retry);
        Fired::Reenter
    }

    #[inline]
    fn abandon<E: Engine>(cx: &mut Cx, eng: &mut E) {
        if cx.call.retry.phase == Phase::BackingOff {
            cx.call.retry.phase = Phase::Attempting;
            eng.disarm();
            return;
        }
        if cx.traced {
            note_ended(cx, eng, Outcome::TimedOut);
        }
        // The attempt in progress ends as timed out, and a budget is charged
        // for it as for any failed attempt.
        eng.count(Count::AttemptOutcome(Outcome::TimedOut));
        let cfg = &cx.patterns.retry;
        if let Some(b) = cfg.budget {
            let failed = cfg.retry_on.contains(&Outcome::TimedOut);
            cx.service.retry.on_attempt(b, failed);
        }
    }
}
