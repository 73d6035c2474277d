//! The story of one call, as the engine records it when asked: every layer's
//! decision, each attempt and its outcome, each wait, the final answer.
//! Plain data (sans-IO): the core fills it in, shells print or draw it.
//!
//! A trace is asked for with `Simulation::trace` (which calls, from when or
//! from which index) and collected with `take_traces`. Recording only reads
//! what the engine decides; it never draws a random number nor changes a
//! decision, so a traced run gives the same numbers as one without.

use crate::base::outcome::Outcome;
use crate::base::time::{Dur, SimTime};
use crate::patterns::circuit_breaker::reason::Reason;
use crate::patterns::circuit_breaker::BreakerState;
use crate::patterns::layer::Note;
use crate::patterns::retry::StopReason;
use crate::patterns::{self, PatternKind};

/// Which calls of a service to follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TraceFrom {
    /// The calls arriving at or after this time.
    Time(SimTime),
    /// The calls whose index among the service's calls is at least this:
    /// with common random numbers, the same call on both sides of a comparison.
    Index(u64),
}

/// A request for traces: the first `calls` calls of `service` from `from`
/// (with a `Where`, the first `calls` of them whose story matches).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TraceRequest {
    pub service: usize,
    pub from: TraceFrom,
    pub calls: u32,
}

/// How far past its start a filtered trace looks (`Simulation::trace_where`):
/// ten simulated minutes, for the command line and the dashboard alike.
pub const LOOK_AHEAD: Dur = Dur::from_secs(600);

/// A trait of a call's story that a filtered trace keeps (`Simulation::trace_where`):
/// what the lesson talks about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Where {
    /// The call made more than one attempt.
    Retried,
    /// An attempt (or a hedged copy) was cut by the per-attempt timeout.
    Cut,
    /// A hedging copy was sent.
    Hedged,
    /// The fallback answered the call.
    Fallback,
    /// The call's final outcome (its cause, whether the fallback answered or not).
    Ended(Outcome),
}

impl Where {
    /// Every kind, in the order the command line and the dashboard list them.
    pub const ALL: [Where; 10] = [
        Where::Retried,
        Where::Cut,
        Where::Ended(Outcome::TimedOut),
        Where::Fallback,
        Where::Ended(Outcome::ShortCircuited),
        Where::Ended(Outcome::BulkheadRejected),
        Where::Ended(Outcome::ClientRejected),
        Where::Hedged,
        Where::Ended(Outcome::Failed),
        Where::Ended(Outcome::Ok),
    ];

    /// The name on the command line and in JSON (`retried`, `timed_out`, …).
    pub fn name(self) -> &'static str {
        match self {
            Where::Retried => "retried",
            Where::Cut => "cut",
            Where::Hedged => "hedged",
            Where::Fallback => "fallback",
            Where::Ended(o) => o.name(),
        }
    }

    pub fn from_name(name: &str) -> Option<Where> {
        Where::ALL.into_iter().find(|w| w.name() == name)
    }

    /// Whether a call's story (finished or not) has this trait. A final
    /// outcome needs the story finished.
    pub fn matches(self, t: &CallTrace) -> bool {
        let steps = || t.steps.iter().map(|s| &s.step);
        let own_or_copy = |s: &Step| match s {
            Step::Fork { step, .. } => matches!(**step, Step::TimeoutFired { .. }),
            s => matches!(s, Step::TimeoutFired { .. }),
        };
        match self {
            Where::Retried => steps().any(|s| matches!(s, Step::Attempt { n } if *n > 1)),
            Where::Cut => steps().any(own_or_copy),
            Where::Hedged => steps().any(|s| match s {
                Step::Note(n) => n.kind == "hedge_sent",
                Step::Fork { .. } => true,
                _ => false,
            }),
            Where::Fallback => t.fallback,
            Where::Ended(o) => t.outcome == Some(o),
        }
    }
}

/// A pure hash of call `index` of service `service` under `seed`, for a
/// `purpose` and a sub-item: the same for the same call on every run and
/// on both sides of a comparison. It reads no random stream.
pub fn call_key(seed: u64, purpose: &str, service: &str, index: u64, sub: u32) -> u64 {
    crate::sim::rng::StreamKey::new(seed, purpose, service)
        .at(index, sub)
        .0
}

/// Whether call `index` of `service` is in a sample of `fraction` of the
/// calls (0 … 1), chosen by the call's key.
pub fn sampled(seed: u64, service: &str, index: u64, fraction: f64) -> bool {
    if fraction >= 1.0 {
        return true;
    }
    let unit =
        (call_key(seed, "trace-sample", service, index, 0) >> 11) as f64 / (1u64 << 53) as f64;
    unit < fraction
}

/// What the downstream did with an attempt sent to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reception {
    /// A worker took it at once.
    Started,
    /// It waits in the service's queue behind `ahead` others.
    Queued { ahead: u32 },
    /// The queue was full (or the service down): refused at once.
    Refused,
}

/// One thing that happened to a traced call.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// The call arrived (its index among the service's calls).
    Arrived { index: u64 },
    /// Every caller thread was busy: it waits for one (`waiting` before it).
    CallerQueued { waiting: u32 },
    /// It got a caller thread after waiting.
    CallerGranted { waited: Dur },
    /// The caller's pool had no thread and no room to wait.
    CallerRejected,
    /// The retry layer starts attempt `n` (1 is the first).
    Attempt { n: u32 },
    /// The breaker's decision, and its state when it made it.
    Breaker {
        state: BreakerState,
        permitted: bool,
    },
    /// The breaker counted this result (`failed` or a success), and the
    /// transition it made because of it, if any.
    BreakerRecorded {
        failed: bool,
        transition: Option<(BreakerState, BreakerState, Reason)>,
    },
    /// A bulkhead slot, taken at once (`in_use` of `max` after taking it).
    BulkheadSlot { in_use: u32, max: u32 },
    /// The bulkhead was full: the call waits at most `max_wait`.
    BulkheadQueued { waiting: u32, max_wait: Dur },
    /// A slot freed up after waiting.
    BulkheadAdmitted { waited: Dur },
    /// The bulkhead turned it away: full at once, or after waiting.
    BulkheadRejected { waited: Option<Dur> },
    /// The timeout layer starts its clock.
    TimeoutArmed { after: Dur },
    /// The attempt reaches the downstream.
    Sent { reception: Reception },
    /// The downstream answered (`ok` or an error) after `took` since it was sent.
    Replied { ok: bool, took: Dur },
    /// The timeout fired after `after`: everything inside it is abandoned.
    TimeoutFired { after: Dur },
    /// Attempt `n` ended so, after `took`.
    AttemptEnded { n: u32, outcome: Outcome, took: Dur },
    /// The retry layer waits `wait` before attempt `next`.
    Backoff { wait: Dur, next: u32 },
    /// The retry layer gives the result to the caller, and why no retry.
    RetryStopped { reason: StopReason },
    /// A step a pattern tells in its own words (`patterns::layer::Note`).
    Note(Note),
    /// A step of copy `n` of the call (a hedged attempt a layer forked).
    Fork { n: u32, step: Box<Step> },
    /// The final answer: its outcome, and whether the fallback answered.
    Finished {
        outcome: Outcome,
        fallback: bool,
        latency: Dur,
    },
}

/// A step and when it happened.
#[derive(Clone, Debug, PartialEq)]
pub struct TracedStep {
    pub at: SimTime,
    pub step: Step,
}

/// One call's story from arrival to final answer.
#[derive(Clone, Debug, PartialEq)]
pub struct CallTrace {
    pub service: usize,
    /// The call's index among its service's calls.
    pub index: u64,
    pub arrived: SimTime,
    /// The layers enabled for the service when it arrived, outermost first.
    pub layers: Vec<PatternKind>,
    pub steps: Vec<TracedStep>,
    /// The final answer; `None` when the run ended (or stopped) first.
    pub outcome: Option<Outcome>,
    pub finished: Option<SimTime>,
    /// The fallback answered the call.
    pub fallback: bool,
    /// The fallback's answer, when the scenario gives one.
    pub answer: Option<String>,
}

impl CallTrace {
    pub(crate) fn new(
        service: usize,
        index: u64,
        arrived: SimTime,
        layers: Vec<PatternKind>,
    ) -> CallTrace {
        CallTrace {
            service,
            index,
            arrived,
            layers,
            steps: vec![TracedStep {
                at: arrived,
                step: Step::Arrived { index },
            }],
            outcome: None,
            finished: None,
            fallback: false,
            answer: None,
        }
    }

    /// The waits between attempts, in order.
    pub fn backoffs(&self) -> Vec<Dur> {
        self.steps
            .iter()
            .filter_map(|s| match s.step {
                Step::Backoff { wait, .. } => Some(wait),
                _ => None,
            })
            .collect()
    }

    /// Each attempt's outcome, in order.
    pub fn attempt_outcomes(&self) -> Vec<Outcome> {
        self.steps
            .iter()
            .filter_map(|s| match s.step {
                Step::AttemptEnded { outcome, .. } => Some(outcome),
                _ => None,
            })
            .collect()
    }
}

// Each layer's own steps, as steps of the story.

impl From<patterns::retry::layer::Step> for Step {
    fn from(step: patterns::retry::layer::Step) -> Step {
        use patterns::retry::layer::Step as S;
        match step {
            S::Attempt { n } => Step::Attempt { n },
            S::AttemptEnded { n, outcome, took } => Step::AttemptEnded { n, outcome, took },
            S::Backoff { wait, next } => Step::Backoff { wait, next },
            S::Stopped { reason } => Step::RetryStopped { reason },
        }
    }
}

impl From<patterns::circuit_breaker::layer::Step> for Step {
    fn from(step: patterns::circuit_breaker::layer::Step) -> Step {
        use patterns::circuit_breaker::layer::Step as S;
        match step {
            S::Decided { state, permitted } => Step::Breaker { state, permitted },
            S::Recorded { failed, transition } => Step::BreakerRecorded { failed, transition },
        }
    }
}

impl From<patterns::bulkhead::layer::Step> for Step {
    fn from(step: patterns::bulkhead::layer::Step) -> Step {
        use patterns::bulkhead::layer::Step as S;
        match step {
            S::Slot { in_use, max } => Step::BulkheadSlot { in_use, max },
            S::Queued { waiting, max_wait } => Step::BulkheadQueued { waiting, max_wait },
            S::Admitted { waited } => Step::BulkheadAdmitted { waited },
            S::Rejected { waited } => Step::BulkheadRejected { waited },
        }
    }
}

impl From<patterns::timeout::layer::Step> for Step {
    fn from(step: patterns::timeout::layer::Step) -> Step {
        use patterns::timeout::layer::Step as S;
        match step {
            S::Armed { after } => Step::TimeoutArmed { after },
            S::Fired { after } => Step::TimeoutFired { after },
        }
    }
}

impl From<Note> for Step {
    fn from(note: Note) -> Step {
        Step::Note(note)
    }
}
