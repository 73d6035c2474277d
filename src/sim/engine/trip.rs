//! A call's trip through the layers: admission by the caller's pool, inward
//! through the patterns (`enter`), to the downstream (`dispatch`), outward
//! with its result (`exit`), timers firing (`timer`), a timeout abandoning what
//! it wraps (`abandon_inside`), and the final answer (`finish`).
//!
//! The walk knows layers by depth, never by pattern: at each it calls the
//! layer's hook through the registry (`patterns::registry::enter`, ...) and
//! does what the hook answers (`patterns::layer::{Inward, Outward, Fired}`).

use super::*;
use crate::patterns::layer::{Fired, Inward, Outward};
use crate::sim::trace::Step as TraceStep;

impl Simulation {
    pub(super) fn alloc_call(&mut self, service: usize, client: u32) -> u32 {
        let index = self.services[service].calls_started;
        self.services[service].calls_started += 1;
        let call = Call {
            live: true,
            service: service as u16,
            client,
            arrived: self.now,
            index,
            timers: Timers {
                next_ticket: 1,
                ..Timers::default()
            },
            ..Call::default()
        };
        self.arena.started();
        self.services[service].in_flight += 1;
        self.arena.place(call)
    }

    pub(super) fn start_call(&mut self, s: usize, client: u32) {
        if !self.arena.has_room() {
            self.out_of_memory();
            return;
        }
        self.services[s].metrics.tick.calls += 1;
        self.guard.meter.calls += 1;
        self.guard.meter.run_calls += 1;
        let id = self.alloc_call(s, client);
        if self.tracer.is_some() {
            self.trace_pick(id);
        }
        if self.arena.in_flight() > limits::MAX_IN_FLIGHT {
            if !self.guard.in_flight_noted {
                self.guard.in_flight_noted = true;
                let msg = crate::msg!("limit-in-flight", max = limits::MAX_IN_FLIGHT.to_string());
                self.notices.push(Notice {
                    at: self.now,
                    service: None,
                    kind: NoticeKind::Limit(msg),
                });
            }
            self.finish(id, Outcome::ClientRejected);
            return;
        }
        if let Some(cfg) = &self.world.client {
            let gen = self.arena[id].gen;
            let acquired = self.caller_pool.acquire(cfg, (id, gen));
            if self.arena[id].traced {
                let step = match acquired {
                    Acquire::Granted => None,
                    Acquire::Queued => Some(TraceStep::CallerQueued {
                        waiting: self.caller_pool.waiting().saturating_sub(1),
                    }),
                    Acquire::Rejected => Some(TraceStep::CallerRejected),
                };
                if let Some(step) = step {
                    self.note(id, step);
                }
            }
            match acquired {
                Acquire::Granted => self.arena[id].holds_thread = true,
                Acquire::Queued => return,
                Acquire::Rejected => {
                    self.finish(id, Outcome::ClientRejected);
                    return;
                }
            }
        }
        self.enter(id, 0);
    }

    /// Forgets a layer's armed timer; its heap entry (if it has one) becomes stale.
    pub(super) fn disarm(&mut self, id: u32, depth: usize) {
        if self.arena[id].timers.disarm(depth) {
            self.schedule.stale += 1;
        }
    }

    /// Pushes the call's lazy timer, if it has one, into the heap.
    fn push_lazy(&mut self, id: u32) {
        let c = &mut self.arena[id];
        c.timers.push_lazy(&mut self.schedule.queue, id, c.gen);
    }

    /// The request travels inward from layer `depth` towards the downstream.
    pub(super) fn enter(&mut self, id: u32, depth: usize) {
        let s = self.arena[id].service as usize;
        // The enabled layers from `depth` inward, outermost first.
        let mut layers = self.services[s].layers & (u8::MAX << depth);
        while layers != 0 {
            let d = layers.trailing_zeros() as usize;
            layers &= layers - 1;
            let kind = self.order[d];
            let (next, f) = self.hook(id, d, |cx, e| {
                let next = registry::enter(kind, cx, e);
                if !matches!(next, Inward::Stop(_)) {
                    *e.entered |= 1 << d;
                }
                next
            });
            self.follow_up(id, s, d, f);
            match next {
                Inward::Pass => {}
                Inward::Park => return,
                Inward::Stop(outcome) => {
                    self.exit(id, d, outcome);
                    return;
                }
            }
        }
        self.dispatch(id);
    }

    /// The key of the call's current attempt (attempts count from 1).
    fn attempt_key(&self, id: u32) -> DrawKey {
        let c = &self.arena[id];
        let attempt = c.layers.attempt();
        c.draws(self.services[c.service as usize].attempts)
            .at(c.index, attempt)
    }

    /// The attempt reaches the downstream.
    pub(super) fn dispatch(&mut self, id: u32) {
        let s = self.arena[id].service as usize;
        let gen = self.arena[id].gen;
        let key = self.attempt_key(id);
        self.arena[id].reached = true;
        let rt = &mut self.services[s];
        if !rt.downstream.has_room() {
            return self.out_of_memory();
        }
        rt.metrics.tick.downstream_attempts += 1;
        self.guard.meter.attempts += 1;
        let submitted = rt.downstream.submit(
            &self.world.services[s].params,
            Caller { call: id, gen },
            key,
            self.now,
        );
        if self.arena[id].traced {
            self.note_sent(id, s, &submitted);
        }
        let rt = &mut self.services[s];
        match submitted {
            Submit::Refused => {
                rt.metrics.tick.downstream_refused += 1;
                self.exit(id, LAYERS, Outcome::Failed);
            }
            Submit::Started { job, done_at } => {
                let c = &mut self.arena[id];
                c.job = Some(job);
                if c.timers.lazy.is_some_and(|t| done_at >= t.at) {
                    self.push_lazy(id);
                }
                self.schedule.queue.push(
                    done_at,
                    Event::JobDone {
                        service: s as u16,
                        job,
                        call: id,
                    },
                );
            }
            Submit::Queued { job } => {
                self.arena[id].job = Some(job);
                self.push_lazy(id);
            }
        }
    }

    pub(super) fn job_done(&mut self, s: usize, job: JobId) {
        let params = &self.world.services[s].params;
        let rt = &mut self.services[s];
        let done = rt.downstream.complete(job, params, self.now);
        if done.is_none() {
            self.schedule.stale = self.schedule.stale.saturating_sub(1);
        }
        self.start_queued_jobs(s);
        if let Some((caller, failed)) = done {
            let c = &mut self.arena[caller.call];
            if c.live && c.gen == caller.gen && c.job == Some(job) {
                c.job = None;
                if c.traced {
                    self.note_replied(caller.call, !failed);
                }
                let outcome = if failed { Outcome::Failed } else { Outcome::Ok };
                self.exit(caller.call, LAYERS, outcome);
            }
        }
    }

    pub(super) fn start_queued_jobs(&mut self, s: usize) {
        let params = &self.world.services[s].params;
        let rt = &mut self.services[s];
        while let Some((next, at)) = rt.downstream.start_next(params, self.now) {
            self.schedule.queue.push(
                at,
                Event::JobDone {
                    service: s as u16,
                    job: next,
                    call: rt.downstream.caller_of(next).call,
                },
            );
        }
    }

    /// A breaker transition of service `s` becomes a notice.
    pub(super) fn log_transition(&mut self, s: usize, transition: Option<Transition>) {
        if let Some(t) = transition {
            self.services[s].state.breaker_tally.transition(t.to);
            if self.world.services[s].patterns.circuit_breaker.enabled {
                self.services[s].breaker_seen.push(t.to);
            }
            self.breaker_moment(s, &t);
            self.notices.push(Notice {
                at: t.at,
                service: Some(s),
                kind: NoticeKind::Breaker {
                    from: t.from,
                    to: t.to,
                    reason: t.reason,
                },
            });
        }
    }

    /// The result travels outward from below layer `depth` towards the caller.
    pub(super) fn exit(&mut self, id: u32, depth: usize, mut outcome: Outcome) {
        let s = self.arena[id].service as usize;
        // The entered layers outside `depth`, innermost first: each is
        // visited once, and only if it is still entered when its turn comes.
        let mut outside = (1u16 << depth) - 1;
        loop {
            let open = self.arena[id].entered as u16 & outside;
            if open == 0 {
                break;
            }
            let d = 15 - open.leading_zeros() as usize;
            outside = (1u16 << d) - 1;
            let kind = self.order[d];
            let (next, f) = self.hook(id, d, |cx, e| {
                let next = registry::exit(kind, cx, e, outcome);
                if next != Outward::Park {
                    *e.entered &= !(1 << d);
                }
                next
            });
            self.follow_up(id, s, d, f);
            match next {
                Outward::Pass => {}
                Outward::Park => return,
                Outward::Answer(answer) => {
                    let c = &mut self.arena[id];
                    c.answered = c.answered.or(Some(outcome));
                    outcome = answer;
                }
            }
        }
        if self.arena[id].fork != 0 {
            self.join(id, outcome);
        } else {
            self.finish(id, outcome);
        }
    }

    pub(super) fn timer(&mut self, id: u32, gen: u32, depth: usize, ticket: u32) {
        let c = &self.arena[id];
        if !c.live || c.gen != gen || c.timers.armed[depth] != ticket || ticket == 0 {
            self.schedule.stale = self.schedule.stale.saturating_sub(1);
            return;
        }
        let s = c.service as usize;
        self.arena[id].timers.armed[depth] = 0;
        let kind = self.order[depth];
        let (fired, f) = self.hook(id, depth, |cx, e| registry::timer(kind, cx, e));
        self.follow_up(id, s, depth, f);
        self.fired(id, depth, fired);
    }

    /// Does what the layer at `depth` answered when its timer fired (or a
    /// copy it forked came back).
    pub(super) fn fired(&mut self, id: u32, depth: usize, fired: Fired) {
        match fired {
            Fired::Nothing => {}
            Fired::Reenter => self.enter(id, depth + 1),
            Fired::Exit(outcome) => {
                self.arena[id].entered &= !(1 << depth);
                self.exit(id, depth, outcome);
            }
            Fired::Abandon(outcome) => {
                self.abandon_inside(id, depth);
                self.arena[id].entered &= !(1 << depth);
                self.exit(id, depth, outcome);
            }
        }
    }

    /// A timeout at `depth` fired: everything inside it is cancelled for the
    /// caller. The downstream keeps the work unless `cancel_on_timeout`.
    pub(super) fn abandon_inside(&mut self, id: u32, depth: usize) {
        let s = self.arena[id].service as usize;
        for d in (depth + 1..LAYERS).rev() {
            if self.arena[id].entered & (1 << d) == 0 {
                continue;
            }
            self.arena[id].entered &= !(1 << d);
            let kind = self.order[d];
            let ((), f) = self.hook(id, d, |cx, e| registry::abandon(kind, cx, e));
            self.follow_up(id, s, d, f);
        }
        if let Some(job) = self.arena[id].job.take() {
            if self.world.services[s].params.cancel_on_timeout {
                if self.services[s].downstream.cancel(job, self.now) {
                    self.schedule.stale += 1;
                }
                self.start_queued_jobs(s);
            }
        }
    }

    /// The call's final answer.
    pub(super) fn finish(&mut self, id: u32, outcome: Outcome) {
        let c = self.arena[id];
        let s = c.service as usize;
        // Counted by its cause: what a placed fallback's answer stood in for,
        // or, with the fallback unlisted, the outcome it answers after all.
        let (outcome, fallback) = match c.answered {
            Some(cause) if outcome == Outcome::Ok => (cause, true),
            _ => (
                outcome,
                self.placed & UNLISTED_FALLBACK == 0
                    && self.world.services[s].patterns.fallback.answers(outcome),
            ),
        };
        if c.traced {
            self.note_finished(id, outcome, fallback);
        }
        let rt = &mut self.services[s];
        let m = &mut rt.metrics;
        m.tick.outcomes[outcome.index()] += 1;
        if fallback {
            m.tick.fallbacks += 1;
        }
        if !c.layers.counted_attempts() && outcome != Outcome::ClientRejected {
            m.tick.attempts += 1;
            m.tick.attempt_outcomes[outcome.index()] += 1;
        }
        // The attempts of a call that made one: a retry layer's count, or
        // the single attempt of a call that reached the downstream.
        let made = if c.layers.counted_attempts() {
            u64::from(c.layers.attempt())
        } else {
            u64::from(c.reached)
        };
        if made > 0 {
            m.tick.attempted_calls += 1;
            m.tick.attempted_attempts += made;
        }
        m.tick.reached_calls += u64::from(c.reached);
        m.record_latency(self.now - c.arrived, c.reached);
        rt.in_flight -= 1;
        self.arena.finished();
        self.arena.release(id);
        if c.holds_thread {
            self.caller_pool.release();
            self.admit_callers();
        }
        if c.client != NO_CLIENT {
            self.client_think(c.client);
        }
    }

    pub(super) fn admit_callers(&mut self) {
        if let Some(cfg) = &self.world.client {
            while let Some((call, gen)) = self.caller_pool.admit(cfg) {
                self.deferred.agenda.push_back(Step::Start { call, gen });
            }
        }
    }
}
