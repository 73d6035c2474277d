//! A call's trip through the layers: admission by the caller's pool, inward
//! through the patterns (`enter`), to the downstream (`dispatch`), outward
//! with its result (`exit`), timers firing (`timer`), a timeout abandoning what
//! it wraps (`abandon_inside`), and the final answer (`finish`).

use super::*;
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
            next_ticket: 1,
            ..Call::default()
        };
        self.in_flight += 1;
        self.services[service].in_flight += 1;
        match self.free_calls.pop() {
            Some(i) => {
                // Tickets keep counting across the slot's generations: a
                // bulkhead waiter left behind by the previous call in this
                // slot must not match a timer of the new one.
                let old = &self.calls[i as usize];
                let (gen, next_ticket) = (old.gen.wrapping_add(1), old.next_ticket);
                self.calls[i as usize] = Call {
                    gen,
                    next_ticket,
                    ..call
                };
                i
            }
            None => {
                self.calls.push(call);
                self.calls.len() as u32 - 1
            }
        }
    }

    pub(super) fn start_call(&mut self, s: usize, client: u32) {
        self.services[s].metrics.tick.calls += 1;
        self.meter.calls += 1;
        self.meter.run_calls += 1;
        let id = self.alloc_call(s, client);
        if self.tracer.is_some() {
            self.trace_pick(id);
        }
        if self.in_flight > limits::MAX_IN_FLIGHT {
            if !self.in_flight_limit_noted {
                self.in_flight_limit_noted = true;
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
            let gen = self.calls[id as usize].gen;
            let acquired = self.caller_pool.acquire(cfg, (id, gen));
            if self.calls[id as usize].traced {
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
                Acquire::Granted => self.calls[id as usize].holds_thread = true,
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
        let c = &mut self.calls[id as usize];
        if c.timers[depth] != 0 {
            c.timers[depth] = 0;
            if depth == self.timeout_depth && c.lazy.take().is_some() {
                return; // never pushed: nothing is stale
            }
            self.stale += 1;
        }
    }

    /// Takes a ticket for a new timer of the layer at `depth`.
    fn new_ticket(&mut self, id: u32, depth: usize) -> u32 {
        let c = &mut self.calls[id as usize];
        let ticket = c.next_ticket;
        c.next_ticket = c.next_ticket.wrapping_add(1).max(1);
        c.timers[depth] = ticket;
        ticket
    }

    pub(super) fn arm(&mut self, id: u32, depth: usize, at: SimTime) {
        // The call now waits on this timer: a lazy timeout must be in the heap.
        self.push_lazy(id);
        let ticket = self.new_ticket(id, depth);
        let gen = self.calls[id as usize].gen;
        self.queue.push(
            at,
            Event::Timer {
                call: id,
                gen,
                depth: depth as u8,
                ticket,
            },
        );
    }

    /// Arms the timeout layer's timer without pushing it: most attempts end
    /// long before their timeout, and a timer that never fires would only
    /// swell the heap. It is pushed (at the place in the heap's order it has
    /// now) as soon as the call waits on anything not known to end first.
    fn arm_lazily(&mut self, id: u32, depth: usize, at: SimTime) {
        debug_assert_eq!(depth, self.timeout_depth);
        if !self.lazy_timers {
            self.arm(id, depth, at);
            return;
        }
        self.new_ticket(id, depth);
        let seq = self.queue.reserve();
        self.calls[id as usize].lazy = Some(LazyTimer { at, seq });
    }

    /// Pushes the call's lazy timer, if it has one, into the heap.
    fn push_lazy(&mut self, id: u32) {
        let c = &mut self.calls[id as usize];
        if let Some(t) = c.lazy.take() {
            let event = Event::Timer {
                call: id,
                gen: c.gen,
                depth: self.timeout_depth as u8,
                ticket: c.timers[self.timeout_depth],
            };
            self.queue.push_reserved(t.at, NORMAL, t.seq, event);
        }
    }

    /// The request travels inward from layer `depth` towards the downstream.
    pub(super) fn enter(&mut self, id: u32, depth: usize) {
        let s = self.calls[id as usize].service as usize;
        let now = self.now;
        // The enabled layers from `depth` inward, outermost first.
        let mut layers = self.services[s].layers & (u8::MAX << depth);
        while layers != 0 {
            let d = layers.trailing_zeros() as usize;
            layers &= layers - 1;
            let kind = self.order[d];
            let pats = &self.world.services[s].patterns;
            match kind {
                PatternKind::Retry => {
                    let c = &mut self.calls[id as usize];
                    c.retry = RetryState::begin(now);
                    c.retry_phase = RetryPhase::Attempting;
                    c.entered |= 1 << d;
                    self.services[s].metrics.tick.attempts += 1;
                    if c.traced {
                        self.note(id, TraceStep::Attempt { n: 1 });
                    }
                }
                PatternKind::CircuitBreaker => {
                    let cfg = &pats.circuit_breaker;
                    let rt = &mut self.services[s];
                    let (answer, transition) = rt.breaker.try_acquire(cfg, now);
                    self.log_transition(s, transition);
                    if self.calls[id as usize].traced {
                        let state = self.services[s].breaker.state();
                        let permitted = answer.is_ok();
                        self.note(id, TraceStep::Breaker { state, permitted });
                    }
                    match answer {
                        Ok(permit) => {
                            let c = &mut self.calls[id as usize];
                            c.permit = Some(permit);
                            c.breaker_entered = now;
                            c.entered |= 1 << d;
                        }
                        Err(_short_circuited) => {
                            self.exit(id, d, Outcome::ShortCircuited);
                            return;
                        }
                    }
                }
                PatternKind::Bulkhead => {
                    let cfg = &pats.bulkhead;
                    let ticket = self.calls[id as usize].next_ticket;
                    let admission = self.services[s]
                        .bulkhead
                        .try_acquire(cfg, Waiter { call: id, ticket });
                    let wait = cfg.max_wait.0;
                    if self.calls[id as usize].traced {
                        self.note_bulkhead(id, s, admission);
                    }
                    match admission {
                        Admission::Granted => {
                            let c = &mut self.calls[id as usize];
                            c.bulkhead = Slot::Held;
                            c.entered |= 1 << d;
                        }
                        Admission::Queued => {
                            let c = &mut self.calls[id as usize];
                            c.bulkhead = Slot::Waiting;
                            c.entered |= 1 << d;
                            self.arm(id, d, now + wait);
                            return;
                        }
                        Admission::Rejected => {
                            self.exit(id, d, Outcome::BulkheadRejected);
                            return;
                        }
                    }
                }
                PatternKind::Timeout => {
                    let at = pats.timeout.deadline(now);
                    let c = &mut self.calls[id as usize];
                    c.entered |= 1 << d;
                    if c.traced {
                        let after = Dur(at - now);
                        self.note(id, TraceStep::TimeoutArmed { after });
                    }
                    self.arm_lazily(id, d, at);
                }
            }
        }
        self.dispatch(id);
    }

    /// The key of the call's current attempt (attempts count from 1).
    fn attempt_key(&self, id: u32) -> DrawKey {
        let c = &self.calls[id as usize];
        let attempt = c.retry.attempts.max(1);
        self.services[c.service as usize]
            .attempts
            .at(c.index, attempt)
    }

    /// The attempt reaches the downstream.
    pub(super) fn dispatch(&mut self, id: u32) {
        let s = self.calls[id as usize].service as usize;
        let gen = self.calls[id as usize].gen;
        let key = self.attempt_key(id);
        let rt = &mut self.services[s];
        rt.metrics.tick.downstream_attempts += 1;
        self.meter.attempts += 1;
        let submitted = rt.downstream.submit(
            &self.world.services[s].params,
            Caller { call: id, gen },
            key,
            self.now,
        );
        if self.calls[id as usize].traced {
            self.note_sent(id, s, &submitted);
        }
        let rt = &mut self.services[s];
        match submitted {
            Submit::Refused => {
                rt.metrics.tick.downstream_refused += 1;
                self.exit(id, LAYERS, Outcome::Failed);
            }
            Submit::Started { job, done_at } => {
                let c = &mut self.calls[id as usize];
                c.job = Some(job);
                if c.lazy.is_some_and(|t| done_at >= t.at) {
                    self.push_lazy(id);
                }
                self.queue.push(
                    done_at,
                    Event::JobDone {
                        service: s as u16,
                        job,
                    },
                );
            }
            Submit::Queued { job } => {
                self.calls[id as usize].job = Some(job);
                self.push_lazy(id);
            }
        }
    }

    pub(super) fn job_done(&mut self, s: usize, job: JobId) {
        let params = &self.world.services[s].params;
        let rt = &mut self.services[s];
        let done = rt.downstream.complete(job, params, self.now);
        if done.is_none() {
            self.stale = self.stale.saturating_sub(1);
        }
        self.start_queued_jobs(s);
        if let Some((caller, failed)) = done {
            let c = &mut self.calls[caller.call as usize];
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
            self.queue.push(
                at,
                Event::JobDone {
                    service: s as u16,
                    job: next,
                },
            );
        }
    }

    pub(super) fn release_bulkhead(&mut self, s: usize, id: u32) {
        self.calls[id as usize].bulkhead = Slot::None;
        let rt = &mut self.services[s];
        rt.bulkhead.release();
        self.admit_bulkhead(s);
    }

    /// A bulkhead waiter gave up. Its queue entry is dropped lazily; when
    /// dead entries pile up (no slot is freed for a long time) they are swept.
    pub(super) fn abandon_bulkhead_wait(&mut self, s: usize) {
        self.services[s].bulkhead.abandon();
        let b = &self.services[s].bulkhead;
        if b.queue_len() > 2 * b.waiting() as usize + 16 {
            let depth = self.depth_of(PatternKind::Bulkhead);
            let calls = &self.calls;
            self.services[s].bulkhead.retain_waiters(|w| {
                let c = &calls[w.call as usize];
                c.live && c.bulkhead == Slot::Waiting && c.timers[depth] == w.ticket
            });
        }
    }

    pub(super) fn admit_bulkhead(&mut self, s: usize) {
        if self.services[s].bulkhead.queue_len() == 0 {
            return; // nobody waits: the common case on every release
        }
        let cfg = &self.world.services[s].patterns.bulkhead;
        let calls = &self.calls;
        let depth = self.depth_of(PatternKind::Bulkhead);
        let mut admitted = std::mem::take(&mut self.admitted);
        // A waiter is live while its call still waits on that very timer.
        let is_live = |w: Waiter| {
            let c = &calls[w.call as usize];
            c.live && c.bulkhead == Slot::Waiting && c.timers[depth] == w.ticket
        };
        // Turned off, the bulkhead lets whoever still waits through, without a slot.
        let with_slot = cfg.enabled;
        if with_slot {
            self.services[s].bulkhead.admit(cfg, is_live, &mut admitted);
        } else {
            self.services[s]
                .bulkhead
                .release_waiters(is_live, &mut admitted);
        }
        for w in admitted.drain(..) {
            self.disarm(w.call, depth);
            if self.calls[w.call as usize].traced {
                self.note_bulkhead_waited(w.call, true);
            }
            let c = &mut self.calls[w.call as usize];
            c.bulkhead = if with_slot { Slot::Held } else { Slot::None };
            self.agenda.push_back(Step::Enter {
                call: w.call,
                gen: c.gen,
                depth: depth as u8 + 1,
            });
        }
        self.admitted = admitted;
    }

    /// A breaker transition of service `s` becomes a notice.
    pub(super) fn log_transition(&mut self, s: usize, transition: Option<Transition>) {
        if let Some(t) = transition {
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

    pub(super) fn breaker_result(&mut self, id: u32, s: usize, outcome: Outcome) {
        let c = &mut self.calls[id as usize];
        let Some(permit) = c.permit.take() else {
            return;
        };
        let duration = Dur(self.now - c.breaker_entered);
        let failed = matches!(
            outcome,
            Outcome::Failed | Outcome::TimedOut | Outcome::BulkheadRejected
        );
        let cfg = &self.world.services[s].patterns.circuit_breaker;
        let t = self.services[s]
            .breaker
            .on_result(cfg, permit, self.now, failed, duration);
        if self.calls[id as usize].traced {
            self.note_breaker_recorded(id, failed, t.as_ref());
        }
        self.log_transition(s, t);
    }

    /// The result travels outward from below layer `depth` towards the caller.
    pub(super) fn exit(&mut self, id: u32, depth: usize, outcome: Outcome) {
        let s = self.calls[id as usize].service as usize;
        // The entered layers outside `depth`, innermost first: each is
        // visited once, and only if it is still entered when its turn comes.
        let mut outside = (1u16 << depth) - 1;
        loop {
            let open = self.calls[id as usize].entered as u16 & outside;
            if open == 0 {
                break;
            }
            let d = 15 - open.leading_zeros() as usize;
            outside = (1u16 << d) - 1;
            match self.order[d] {
                PatternKind::Timeout => {
                    self.disarm(id, d);
                    self.calls[id as usize].entered &= !(1 << d);
                }
                PatternKind::Bulkhead => {
                    self.calls[id as usize].entered &= !(1 << d);
                    if self.calls[id as usize].bulkhead == Slot::Held {
                        self.release_bulkhead(s, id);
                    }
                }
                PatternKind::CircuitBreaker => {
                    self.calls[id as usize].entered &= !(1 << d);
                    self.breaker_result(id, s, outcome);
                }
                PatternKind::Retry => {
                    self.services[s].metrics.tick.attempt_outcomes[outcome.index()] += 1;
                    if self.calls[id as usize].traced {
                        self.note_attempt_ended(id, outcome);
                    }
                    let mut jitter = {
                        let c = &self.calls[id as usize];
                        let root = self.services[s].attempts;
                        LazyRng::new(root, c.index, c.retry.attempts.max(1), Draw::Jitter)
                    };
                    let cfg = &self.world.services[s].patterns.retry;
                    let rt = &mut self.services[s];
                    let c = &mut self.calls[id as usize];
                    let decision =
                        c.retry
                            .decide(cfg, &mut rt.budget, outcome, self.now, &mut jitter);
                    if c.traced {
                        self.note_retry(id, s, outcome, decision);
                    }
                    let c = &mut self.calls[id as usize];
                    match decision {
                        Decision::RetryAfter(sleep) => {
                            c.retry_phase = RetryPhase::BackingOff;
                            let at = self.now + sleep;
                            self.arm(id, d, at);
                            return;
                        }
                        Decision::Stop => c.entered &= !(1 << d),
                    }
                }
            }
        }
        self.finish(id, outcome);
    }

    pub(super) fn timer(&mut self, id: u32, gen: u32, depth: usize, ticket: u32) {
        let c = &self.calls[id as usize];
        if !c.live || c.gen != gen || c.timers[depth] != ticket || ticket == 0 {
            self.stale = self.stale.saturating_sub(1);
            return;
        }
        let s = c.service as usize;
        self.calls[id as usize].timers[depth] = 0;
        match self.order[depth] {
            PatternKind::Retry => {
                let c = &mut self.calls[id as usize];
                c.retry_phase = RetryPhase::Attempting;
                c.retry.attempts += 1;
                if c.traced {
                    let n = c.retry.attempts;
                    self.note(id, TraceStep::Attempt { n });
                }
                let m = &mut self.services[s].metrics.tick;
                m.attempts += 1;
                m.retries += 1;
                self.enter(id, depth + 1);
            }
            PatternKind::Bulkhead => {
                let c = &mut self.calls[id as usize];
                c.bulkhead = Slot::None;
                c.entered &= !(1 << depth);
                if c.traced {
                    self.note_bulkhead_waited(id, false);
                }
                self.abandon_bulkhead_wait(s);
                self.exit(id, depth, Outcome::BulkheadRejected);
            }
            // A timeout turned off while armed lets the call run on.
            PatternKind::Timeout if !self.world.services[s].patterns.timeout.enabled => {}
            PatternKind::Timeout => {
                if self.calls[id as usize].traced {
                    self.note_timeout_fired(id);
                }
                self.abandon_inside(id, depth);
                self.calls[id as usize].entered &= !(1 << depth);
                self.exit(id, depth, Outcome::TimedOut);
            }
            PatternKind::CircuitBreaker => {}
        }
    }

    /// A timeout at `depth` fired: everything inside it is cancelled for the
    /// caller. The downstream keeps the work unless `cancel_on_timeout`.
    pub(super) fn abandon_inside(&mut self, id: u32, depth: usize) {
        let s = self.calls[id as usize].service as usize;
        for d in (depth + 1..LAYERS).rev() {
            if self.calls[id as usize].entered & (1 << d) == 0 {
                continue;
            }
            self.calls[id as usize].entered &= !(1 << d);
            match self.order[d] {
                PatternKind::Timeout => self.disarm(id, d),
                PatternKind::Bulkhead => {
                    if self.calls[id as usize].bulkhead == Slot::Held {
                        self.release_bulkhead(s, id);
                    } else if self.calls[id as usize].bulkhead == Slot::Waiting {
                        self.calls[id as usize].bulkhead = Slot::None;
                        self.disarm(id, d);
                        self.abandon_bulkhead_wait(s);
                    }
                }
                PatternKind::CircuitBreaker => self.breaker_result(id, s, Outcome::TimedOut),
                PatternKind::Retry => {
                    if self.calls[id as usize].retry_phase == RetryPhase::BackingOff {
                        self.calls[id as usize].retry_phase = RetryPhase::Attempting;
                        self.disarm(id, d);
                    } else {
                        if self.calls[id as usize].traced {
                            self.note_attempt_ended(id, Outcome::TimedOut);
                        }
                        // The attempt in progress ends as timed out, and a
                        // budget is charged for it as for any failed attempt.
                        self.services[s].metrics.tick.attempt_outcomes
                            [Outcome::TimedOut.index()] += 1;
                        let cfg = &self.world.services[s].patterns.retry;
                        if let Some(b) = cfg.budget {
                            let failed = cfg.retry_on.contains(&Outcome::TimedOut);
                            self.services[s].budget.on_attempt(b, failed);
                        }
                    }
                }
            }
        }
        if let Some(job) = self.calls[id as usize].job.take() {
            if self.world.services[s].params.cancel_on_timeout {
                if self.services[s].downstream.cancel(job, self.now) {
                    self.stale += 1;
                }
                self.start_queued_jobs(s);
            }
        }
    }

    /// The call's final answer.
    pub(super) fn finish(&mut self, id: u32, outcome: Outcome) {
        let c = self.calls[id as usize];
        let s = c.service as usize;
        let fallback = self.world.services[s].patterns.fallback.answers(outcome);
        if c.traced {
            self.note_finished(id, outcome, fallback);
        }
        let rt = &mut self.services[s];
        let m = &mut rt.metrics;
        m.tick.outcomes[outcome.index()] += 1;
        if fallback {
            m.tick.fallbacks += 1;
        }
        if c.retry_phase == RetryPhase::Unused && outcome != Outcome::ClientRejected {
            m.tick.attempts += 1;
            m.tick.attempt_outcomes[outcome.index()] += 1;
        }
        m.record_latency(self.now - c.arrived);
        rt.in_flight -= 1;
        self.in_flight -= 1;
        let call = &mut self.calls[id as usize];
        call.live = false;
        call.gen = call.gen.wrapping_add(1);
        self.free_calls.push(id);
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
                self.agenda.push_back(Step::Start { call, gen });
            }
        }
    }
}
