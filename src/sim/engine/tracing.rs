//! Recording the story of chosen calls (`crate::sim::trace`). The hot path
//! pays one test per call (`tracer.is_some()` when it starts) and one per
//! layer for a flag of the call it already holds (`Call::traced`); everything
//! else here runs only for a traced call, out of line.
//!
//! A filtered trace (`trace_where`) follows every call of the service from
//! the start point and keeps a story only if it matches when it finishes:
//! what it holds is the stories of the calls in flight and the matches.

use super::*;
use crate::patterns::layer::Mark;
use crate::sim::trace::TracedStep;
use crate::sim::trace::{CallTrace, Reception, Step as TraceStep, TraceFrom, TraceRequest, Where};
use std::collections::BTreeMap;

/// The traces asked for, under way and finished.
#[derive(Clone, Debug, Default)]
pub(super) struct Tracer {
    request: Option<TraceRequest>,
    /// Calls still to pick (with a filter: matches still wanted).
    remaining: u32,
    /// The trait kept, and how far past the start point to look for it.
    filter: Option<(Where, Dur)>,
    /// The start point of a filtered trace: the time asked for, or the
    /// arrival of the first call from the index asked for.
    started: Option<SimTime>,
    /// A call arrived past the look-ahead: no more are picked.
    closed: bool,
    /// Every call whose key falls in this fraction is followed, of every
    /// service (`trace_sample`), instead of a request's.
    sample: Option<f64>,
    /// Traced calls in flight, by call slot.
    active: BTreeMap<u32, Active>,
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
        self.active.get_mut(&id)
    }

    /// A finished story: kept, or (filtered, not matching) dropped.
    fn finished(&mut self, trace: CallTrace) {
        let Some((kind, _)) = self.filter else {
            self.done.push(trace);
            return;
        };
        if !kind.matches(&trace) {
            return;
        }
        self.done.push(trace);
        self.remaining = self.remaining.saturating_sub(1);
        // Calls picked before the last match may match too: keep the first.
        let wanted = self.request.map_or(0, |r| r.calls as usize);
        if self.done.len() > wanted {
            self.done.sort_by_key(|t| t.index);
            self.done.truncate(wanted);
        }
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
        tracer.filter = None;
        tracer.started = None;
        tracer.closed = false;
    }

    /// Follows every call of every service whose key (seed, service, call
    /// index) falls in `fraction` of the keys (`sim::trace::sampled`: a
    /// hash, never a draw from the simulation's streams, so the sample
    /// changes no result and picks the same calls on both sides of a
    /// comparison). Finished stories are taken with `take_traces(false)`,
    /// so memory holds the calls in flight and those finished since.
    pub fn trace_sample(&mut self, fraction: f64) {
        let tracer = self.tracer.get_or_insert_with(Default::default);
        **tracer = Tracer::default();
        tracer.sample = Some(fraction);
    }

    /// Follows the calls of `request` and keeps the first `request.calls`
    /// whose story has trait `kind`, looking at the calls arriving at most
    /// `window` after the start point (`trace_start`). Each call is
    /// recorded while in flight and dropped when it finishes not matching,
    /// so memory holds the calls in flight and the matches, however many
    /// calls are looked at. Recording changes no result.
    pub fn trace_where(&mut self, request: TraceRequest, kind: Where, window: Dur) {
        self.trace(request);
        if let Some(t) = self.tracer.as_mut() {
            t.filter = Some((kind, window));
            if let TraceFrom::Time(at) = request.from {
                t.started = Some(at);
            }
        }
    }

    /// Where a filtered trace's look-ahead starts: the time asked for, or
    /// the arrival of the call asked for (`None` before it arrived).
    pub fn trace_start(&self) -> Option<SimTime> {
        self.tracer.as_ref().and_then(|t| t.started)
    }

    /// Whether a filtered trace stopped looking because a call arrived
    /// past its look-ahead (rather than finding all it wanted, or the end).
    pub fn trace_window_closed(&self) -> bool {
        self.tracer.as_ref().is_some_and(|t| t.closed)
    }

    /// How many traced calls are in flight (picked, not finished).
    pub fn traces_in_flight(&self) -> usize {
        self.tracer.as_ref().map_or(0, |t| t.active.len())
    }

    /// Whether every call asked for has been picked and has finished (with
    /// a filter: enough matched, or the look-ahead is over, and every call
    /// picked has finished).
    pub fn traces_complete(&self) -> bool {
        self.tracer
            .as_ref()
            .is_none_or(|t| (t.remaining == 0 || t.closed) && t.active.is_empty())
    }

    /// The finished traces so far (taken out), then, if `unfinished`, the
    /// traced calls still in flight as they stand (with a filter, those
    /// that already match), all in index order.
    pub fn take_traces(&mut self, unfinished: bool) -> Vec<CallTrace> {
        let Some(t) = self.tracer.as_mut() else {
            return Vec::new();
        };
        let mut out = std::mem::take(&mut t.done);
        if unfinished {
            let keep = |a: &&Active| t.filter.is_none_or(|(kind, _)| kind.matches(&a.trace));
            out.extend(t.active.values().filter(keep).map(|a| a.trace.clone()));
        }
        out.sort_by_key(|c| c.index);
        if t.filter.is_some() {
            out.truncate(t.request.map_or(0, |r| r.calls as usize));
        }
        out
    }

    /// A call just allocated: traced if the request picks it.
    #[cold]
    #[inline(never)]
    pub(super) fn trace_pick(&mut self, id: u32) {
        let c = self.arena[id];
        let Some(t) = self.tracer.as_mut() else {
            return;
        };
        if let Some(fraction) = t.sample {
            let name = &self.world.services[c.service as usize].name;
            if crate::sim::trace::sampled(self.seed, name, c.index, fraction) {
                self.follow(id);
            }
            return;
        }
        let Some(req) = t.request else {
            return;
        };
        let picked = t.remaining > 0
            && !t.closed
            && req.service == c.service as usize
            && match req.from {
                TraceFrom::Time(at) => c.arrived >= at,
                TraceFrom::Index(i) => c.index >= i,
            };
        if !picked {
            return;
        }
        if let Some((_, window)) = t.filter {
            let start = *t.started.get_or_insert(c.arrived);
            if c.arrived > start.saturating_add(window.0) {
                t.closed = true;
                return;
            }
        } else {
            t.remaining -= 1;
        }
        self.follow(id);
    }

    /// Starts the story of the call in slot `id`.
    fn follow(&mut self, id: u32) {
        let c = self.arena[id];
        let now = self.now;
        let mask = self.services[c.service as usize].layers;
        let layers = (0..LAYERS)
            .filter(|d| mask & (1 << d) != 0)
            .map(|d| self.order[d])
            .collect();
        let Some(t) = self.tracer.as_mut() else {
            return;
        };
        t.active.insert(
            id,
            Active {
                trace: CallTrace::new(c.service as usize, c.index, c.arrived, layers),
                marks: Marks::all(now),
            },
        );
        self.arena[id].traced = true;
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
        let c = self.arena[id];
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
        if let Some(mut a) = t.active.remove(&id) {
            a.trace.outcome = Some(outcome);
            a.trace.finished = Some(now);
            a.trace.fallback = fallback;
            a.trace.answer = answer;
            t.finished(a.trace);
        }
    }
}

/// The text the fallback answers with (the lesson's `{'error': 'Service timeout'}` by default).
fn fallback_answer(cfg: &crate::patterns::fallback::FallbackConfig) -> Option<String> {
    Some(cfg.answer.clone())
}
