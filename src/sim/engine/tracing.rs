//! Recording the story of chosen calls (`crate::sim::trace`). The hot path
//! pays one test per call (`tracer.is_some()` when it starts) and one per
//! layer for a flag of the call it already holds (`Call::traced`); everything
//! else here runs only for a traced call, out of line.

use super::*;
use crate::patterns::layer::Mark;
use crate::sim::trace::TracedStep;
use crate::sim::trace::{CallTrace, Reception, Step as TraceStep, TraceFrom, TraceRequest};

/// The traces asked for, under way and finished.
#[derive(Clone, Debug, Default)]
pub(super) struct Tracer {
    request: Option<TraceRequest>,
    /// Calls still to pick.
    remaining: u32,
    /// Traced calls in flight, by call slot.
    active: Vec<(u32, Active)>,
    /// Forked copies of traced calls in flight, by their own slot: their
    /// steps go into the story of the call they answer to.
    forks: Vec<(u32, ForkStory)>,
    done: Vec<CallTrace>,
}

/// A copy of a traced call: whose story it writes in, as which copy.
#[derive(Clone, Debug)]
struct ForkStory {
    parent: u32,
    n: u32,
    marks: Marks,
}

impl Tracer {
    fn active(&mut self, id: u32) -> Option<&mut Active> {
        self.active
            .iter_mut()
            .find(|(slot, _)| *slot == id)
            .map(|(_, a)| a)
    }

    /// Adds a step to a traced call's story, updating the times later steps
    /// are measured from (a copy's steps go to its call's story, marked).
    #[cold]
    #[inline(never)]
    pub(super) fn note(&mut self, id: u32, now: SimTime, step: TraceStep) {
        if let Some(k) = self.forks.iter().position(|(slot, _)| *slot == id) {
            let f = &mut self.forks[k].1;
            f.marks.update(now, &step);
            let (parent, n) = (f.parent, f.n);
            if let Some(a) = self.active(parent) {
                let step = TraceStep::Fork {
                    n,
                    step: Box::new(step),
                };
                a.trace.steps.push(TracedStep { at: now, step });
            }
            return;
        }
        let Some(a) = self.active(id) else {
            return;
        };
        a.marks.update(now, &step);
        a.trace.steps.push(TracedStep { at: now, step });
    }

    /// How long since the call's mark.
    #[cold]
    #[inline(never)]
    pub(super) fn since(&mut self, id: u32, now: SimTime, mark: Mark) -> Dur {
        if let Some((_, f)) = self.forks.iter().find(|(slot, _)| *slot == id) {
            return Dur(now.saturating_sub(f.marks.at(mark)));
        }
        Dur(self
            .active(id)
            .map_or(0, |a| now.saturating_sub(a.marks.at(mark))))
    }
}

/// A traced call in flight, with the times its next steps are measured from.
#[derive(Clone, Debug)]
struct Active {
    trace: CallTrace,
    marks: Marks,
}

/// The times a traced call's (or copy's) next steps are measured from.
#[derive(Clone, Copy, Debug)]
struct Marks {
    attempt_started: SimTime,
    sent: SimTime,
    queued: SimTime,
    timeout_armed: SimTime,
}

impl Marks {
    fn all(now: SimTime) -> Marks {
        Marks {
            attempt_started: now,
            sent: now,
            queued: now,
            timeout_armed: now,
        }
    }

    fn update(&mut self, now: SimTime, step: &TraceStep) {
        match step {
            TraceStep::Attempt { .. } => self.attempt_started = now,
            TraceStep::Sent { .. } => self.sent = now,
            TraceStep::CallerQueued { .. } | TraceStep::BulkheadQueued { .. } => self.queued = now,
            TraceStep::TimeoutArmed { .. } => self.timeout_armed = now,
            _ => {}
        }
    }

    fn at(&self, mark: Mark) -> SimTime {
        match mark {
            Mark::Attempt => self.attempt_started,
            Mark::Queued => self.queued,
            Mark::TimeoutArmed => self.timeout_armed,
            Mark::Sent => self.sent,
        }
    }
}

impl Simulation {
    /// Follows the first `calls` calls of `service` from `from` (replacing
    /// any earlier request): their stories are collected by `take_traces`.
    /// Recording changes no result.
    pub fn trace(&mut self, request: TraceRequest) {
        let tracer = self.tracer.get_or_insert_with(Default::default);
        tracer.request = Some(request);
        tracer.remaining = request.calls;
    }

    /// Whether every call asked for has been picked and has finished.
    pub fn traces_complete(&self) -> bool {
        self.tracer
            .as_ref()
            .is_none_or(|t| t.remaining == 0 && t.active.is_empty())
    }

    /// The finished traces so far (taken out), in the order they finished,
    /// then, if `unfinished`, the traced calls still in flight as they stand.
    pub fn take_traces(&mut self, unfinished: bool) -> Vec<CallTrace> {
        let Some(t) = self.tracer.as_mut() else {
            return Vec::new();
        };
        let mut out = std::mem::take(&mut t.done);
        if unfinished {
            out.extend(t.active.iter().map(|(_, a)| a.trace.clone()));
        }
        out
    }

    /// A call just allocated: traced if the request picks it.
    #[cold]
    #[inline(never)]
    pub(super) fn trace_pick(&mut self, id: u32) {
        let c = self.calls[id as usize];
        let Some(t) = self.tracer.as_mut() else {
            return;
        };
        let Some(req) = t.request else {
            return;
        };
        let picked = t.remaining > 0
            && req.service == c.service as usize
            && match req.from {
                TraceFrom::Time(at) => c.arrived >= at,
                TraceFrom::Index(i) => c.index >= i,
            };
        if !picked {
            return;
        }
        t.remaining -= 1;
        let now = self.now;
        let mask = self.services[c.service as usize].layers;
        let layers = (0..LAYERS)
            .filter(|d| mask & (1 << d) != 0)
            .map(|d| self.order[d])
            .collect();
        let Some(t) = self.tracer.as_mut() else {
            return;
        };
        t.active.push((
            id,
            Active {
                trace: CallTrace::new(c.service as usize, c.index, c.arrived, layers),
                marks: Marks::all(now),
            },
        ));
        self.calls[id as usize].traced = true;
    }

    /// A copy of traced call `parent` started in slot `child`: its steps go
    /// into the call's story as copy `n`'s.
    #[cold]
    #[inline(never)]
    pub(super) fn trace_fork(&mut self, child: u32, parent: u32, n: u32) {
        let now = self.now;
        if let Some(t) = self.tracer.as_mut() {
            let marks = Marks::all(now);
            t.forks.push((child, ForkStory { parent, n, marks }));
        }
    }

    /// A copy's slot is freed: its part of the story is over.
    #[cold]
    #[inline(never)]
    pub(super) fn untrace_fork(&mut self, child: u32) {
        if let Some(t) = self.tracer.as_mut() {
            t.forks.retain(|(slot, _)| *slot != child);
        }
    }

    /// Adds a step to a traced call's story, updating the times later steps
    /// are measured from.
    #[cold]
    #[inline(never)]
    pub(super) fn note(&mut self, id: u32, step: TraceStep) {
        if let Some(t) = self.tracer.as_mut() {
            t.note(id, self.now, step);
        }
    }

    /// How long since the call's last step of a kind (see `Active`).
    fn since(&mut self, id: u32, mark: Mark) -> Dur {
        let now = self.now;
        self.tracer
            .as_mut()
            .map_or(Dur(0), |t| t.since(id, now, mark))
    }

    #[cold]
    #[inline(never)]
    pub(super) fn note_caller_granted(&mut self, id: u32) {
        let waited = self.since(id, Mark::Queued);
        self.note(id, TraceStep::CallerGranted { waited });
    }

    #[cold]
    #[inline(never)]
    pub(super) fn note_sent(&mut self, id: u32, s: usize, submit: &Submit) {
        let reception = match submit {
            Submit::Refused => Reception::Refused,
            Submit::Started { .. } => Reception::Started,
            Submit::Queued { .. } => Reception::Queued {
                ahead: self.services[s].downstream.queued().saturating_sub(1),
            },
        };
        self.note(id, TraceStep::Sent { reception });
    }

    #[cold]
    #[inline(never)]
    pub(super) fn note_replied(&mut self, id: u32, ok: bool) {
        let took = self.since(id, Mark::Sent);
        self.note(id, TraceStep::Replied { ok, took });
    }

    /// The call's final answer closes its story.
    #[cold]
    #[inline(never)]
    pub(super) fn note_finished(&mut self, id: u32, outcome: Outcome, fallback: bool) {
        let c = self.calls[id as usize];
        let latency = Dur(self.now - c.arrived);
        let answer = fallback
            .then(|| fallback_answer(&self.world.services[c.service as usize].patterns.fallback))
            .flatten();
        self.note(
            id,
            TraceStep::Finished {
                outcome,
                fallback,
                latency,
            },
        );
        let now = self.now;
        let Some(t) = self.tracer.as_mut() else {
            return;
        };
        if let Some(k) = t.active.iter().position(|(slot, _)| *slot == id) {
            let (_, mut a) = t.active.swap_remove(k);
            a.trace.outcome = Some(outcome);
            a.trace.finished = Some(now);
            a.trace.fallback = fallback;
            a.trace.answer = answer;
            t.done.push(a.trace);
        }
    }
}

/// The text the fallback answers with (the lesson's `{'error': 'Service timeout'}` by default).
fn fallback_answer(cfg: &crate::patterns::fallback::FallbackConfig) -> Option<String> {
    Some(cfg.answer.clone())
}
