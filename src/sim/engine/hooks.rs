//! The engine as the layers' hooks see it (`patterns::layer::Engine`): one
//! call at one layer, with the parts of the simulation a hook may touch
//! borrowed apart from the pattern state it is handed (`Cx`). What a hook
//! asks to be done to other calls or to the run (a breaker's transition, the
//! waiters a freed slot lets through) is done by the walk after it returns
//! (`FollowUp`).

use super::tracing::Tracer;
use super::*;
use crate::patterns::layer::{Count, Cx, Engine, Mark, Parked};
use crate::sim::metrics::Counts;
use crate::sim::trace::Step as TraceStep;

/// What a walk leaves for after it: steps that must not recurse (a release
/// admitting a waiter), and what hooks reported for the walk to act on.
#[derive(Clone, Default)]
pub(super) struct Deferred {
    pub(super) agenda: VecDeque<Step>,
    /// Scratch space for the waiters a bulkhead admits (kept to reuse it).
    pub(super) admitted: Vec<Waiter>,
    /// A breaker transition a hook reported, logged by the walk after it
    /// (`FollowUp::TRANSITION`).
    pub(super) transition: Option<Transition>,
    /// The copies a hook asked to fork, started by the walk after it
    /// (`FollowUp::FORK`).
    pub(super) fork_requests: Vec<u32>,
}

impl Timers {
    /// Takes a ticket for a new timer of the layer at `depth`.
    fn new_ticket(&mut self, depth: usize) -> u32 {
        let ticket = self.next_ticket;
        self.next_ticket = self.next_ticket.wrapping_add(1).max(1);
        self.armed[depth] = ticket;
        ticket
    }

    /// Forgets a layer's armed timer; returns whether its heap entry became
    /// stale (a lazy timer was never pushed).
    pub(super) fn disarm(&mut self, depth: usize) -> bool {
        if self.armed[depth] == 0 {
            return false;
        }
        self.armed[depth] = 0;
        if self.lazy.is_some_and(|t| t.depth as usize == depth) {
            self.lazy = None;
            return false; // never pushed: nothing is stale
        }
        true
    }

    /// Pushes the lazy timer, if there is one, into the heap (at the place
    /// in the heap's order it has had since it was armed).
    pub(super) fn push_lazy(&mut self, queue: &mut EventQueue<Event>, call: u32, gen: u32) {
        if let Some(t) = self.lazy.take() {
            let event = Event::Timer {
                call,
                gen,
                depth: t.depth,
                ticket: self.armed[t.depth as usize],
            };
            queue.push_reserved(t.at, NORMAL, t.seq, event);
        }
    }

    fn arm(
        &mut self,
        queue: &mut EventQueue<Event>,
        (call, gen): (u32, u32),
        depth: usize,
        at: SimTime,
    ) {
        // The call now waits on this timer: a lazy timer must be in the heap.
        self.push_lazy(queue, call, gen);
        let ticket = self.new_ticket(depth);
        let depth = depth as u8;
        queue.push(
            at,
            Event::Timer {
                call,
                gen,
                depth,
                ticket,
            },
        );
    }

    /// Arms a timer without pushing it: most attempts end long before their
    /// timeout, and a timer that never fires would only swell the heap. It is
    /// pushed as soon as the call waits on anything not known to end first.
    fn arm_lazily(
        &mut self,
        queue: &mut EventQueue<Event>,
        lazy: bool,
        call: (u32, u32),
        depth: usize,
        at: SimTime,
    ) {
        if !lazy {
            self.arm(queue, call, depth, at);
            return;
        }
        self.new_ticket(depth);
        let seq = queue.reserve();
        let depth = depth as u8;
        self.lazy = Some(LazyTimer { depth, at, seq });
    }
}

/// What the walk does after a hook, for the hook: a set of flags (kept to
/// a byte so that the common case, nothing, costs one test). A transition
/// itself waits in `Simulation::transition`.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct FollowUp(u8);

impl FollowUp {
    const TRANSITION: u8 = 1;
    const WAKE: u8 = 2;
    const TIDY: u8 = 4;
    const FORK: u8 = 8;
    const ABANDON_FORKS: u8 = 16;

    fn has(self, flag: u8) -> bool {
        self.0 & flag != 0
    }
}

/// One call at one layer: the engine's side of a hook.
pub(super) struct Walk<'a> {
    id: u32,
    gen: u32,
    depth: usize,
    index: u64,
    now: SimTime,
    timers: &'a mut Timers,
    queue: &'a mut EventQueue<Event>,
    stale: &'a mut usize,
    lazy_timers: bool,
    counts: &'a mut Counts,
    tracer: &'a mut Option<Box<Tracer>>,
    attempts: StreamKey,
    transition: &'a mut Option<Transition>,
    fork_requests: &'a mut Vec<u32>,
    follow: FollowUp,
    /// The call's entered layers (the walk's, not the hooks': the closure
    /// that runs a hook updates it while the call is at hand).
    pub(super) entered: &'a mut u8,
    /// What a layer's answer stood in for, so far (`Call::answered`).
    answered: Option<Outcome>,
}

impl Engine for Walk<'_> {
    type Step = TraceStep;
    type Rng = LazyRng;

    #[inline]
    fn call(&self) -> u32 {
        self.id
    }
    #[inline]
    fn next_ticket(&self) -> u32 {
        self.timers.next_ticket
    }
    #[inline]
    fn arm(&mut self, at: SimTime) {
        self.timers
            .arm(self.queue, (self.id, self.gen), self.depth, at);
    }
    #[inline]
    fn arm_lazily(&mut self, at: SimTime) {
        let call = (self.id, self.gen);
        self.timers
            .arm_lazily(self.queue, self.lazy_timers, call, self.depth, at);
    }
    #[inline]
    fn disarm(&mut self) {
        if self.timers.disarm(self.depth) {
            *self.stale += 1;
        }
    }
    #[inline]
    fn count(&mut self, count: Count) {
        match count {
            Count::Attempt => self.counts.attempts += 1,
            Count::Retry => self.counts.retries += 1,
            Count::AttemptOutcome(o) => {
                // An attempt a placed fallback answered counts by its cause.
                let o = match (o, self.answered) {
                    (Outcome::Ok, Some(cause)) => cause,
                    _ => o,
                };
                self.counts.attempt_outcomes[o.index()] += 1
            }
            Count::Named(name) => self.counts.extra[registry::counter_index(name)] += 1,
        }
    }
    #[inline]
    fn jitter(&self, attempt: u32) -> LazyRng {
        LazyRng::new(self.attempts, self.index, attempt, Draw::Jitter)
    }
    fn note(&mut self, step: TraceStep) {
        if let Some(t) = self.tracer.as_mut() {
            t.note(self.id, self.now, step);
        }
    }
    fn since(&mut self, mark: Mark) -> Dur {
        let (id, now) = (self.id, self.now);
        self.tracer
            .as_mut()
            .map_or(Dur(0), |t| t.since(id, now, mark))
    }
    #[inline]
    fn transition(&mut self, transition: Option<Transition>) {
        if transition.is_some() {
            *self.transition = transition;
            self.follow.0 |= FollowUp::TRANSITION;
        }
    }
    #[inline]
    fn wake(&mut self) {
        self.follow.0 |= FollowUp::WAKE;
    }
    #[inline]
    fn tidy(&mut self) {
        self.follow.0 |= FollowUp::TIDY;
    }
    fn fork(&mut self, n: u32) {
        self.fork_requests.push(n);
        self.follow.0 |= FollowUp::FORK;
    }
    fn abandon_forks(&mut self) {
        self.follow.0 |= FollowUp::ABANDON_FORKS;
    }
}

/// The calls parked on the timer of the layer at `depth`.
struct ParkedAt<'a> {
    calls: &'a [Call],
    depth: usize,
}

impl Parked for ParkedAt<'_> {
    fn parked(&self, w: Waiter) -> Option<&CallLayers> {
        let c = &self.calls[w.call as usize];
        (c.live && c.timers.armed[self.depth] == w.ticket).then_some(&c.layers)
    }
}

impl Simulation {
    /// Runs a hook of the layer at `depth` for call `id`.
    #[inline(always)]
    pub(super) fn hook<R>(
        &mut self,
        id: u32,
        depth: usize,
        f: impl FnOnce(&mut Cx, &mut Walk) -> R,
    ) -> (R, FollowUp) {
        let Simulation {
            arena,
            services,
            world,
            schedule,
            tracer,
            now,
            deferred,
            ..
        } = self;
        let Schedule {
            queue,
            stale,
            lazy_timers,
            ..
        } = schedule;
        let Deferred {
            transition,
            fork_requests,
            ..
        } = deferred;
        let Call {
            service,
            gen,
            index,
            traced,
            layers,
            timers,
            entered,
            fork,
            answered,
            ..
        } = &mut arena[id];
        let s = *service as usize;
        let ServiceRt {
            state,
            metrics,
            attempts,
            ..
        } = &mut services[s];
        let mut walk = Walk {
            id,
            gen: *gen,
            depth,
            index: *index,
            now: *now,
            timers,
            queue,
            stale,
            lazy_timers: *lazy_timers,
            counts: &mut metrics.tick,
            tracer,
            attempts: if *fork == 0 {
                *attempts
            } else {
                attempts.fork(*fork as u32)
            },
            transition,
            fork_requests,
            follow: FollowUp::default(),
            entered,
            answered: *answered,
        };
        let mut cx = Cx {
            patterns: &world.services[s].patterns,
            call: layers,
            service: state,
            now: *now,
            traced: *traced,
        };
        let r = f(&mut cx, &mut walk);
        (r, walk.follow)
    }

    /// Does what a hook of the layer at `depth` for call `id` of service `s`
    /// asked for.
    #[inline(always)]
    pub(super) fn follow_up(&mut self, id: u32, s: usize, depth: usize, f: FollowUp) {
        if f != FollowUp::default() {
            self.follow_up_now(id, s, depth, f);
        }
    }

    #[inline(never)]
    fn follow_up_now(&mut self, id: u32, s: usize, depth: usize, f: FollowUp) {
        if f.has(FollowUp::TRANSITION) {
            let t = self.deferred.transition.take();
            self.log_transition(s, t);
        }
        if f.has(FollowUp::TIDY) {
            self.tidy(s, depth);
        }
        if f.has(FollowUp::WAKE) {
            self.wake(s, depth);
        }
        if f.has(FollowUp::ABANDON_FORKS) {
            self.abandon_forks(id);
        }
        if f.has(FollowUp::FORK) {
            let mut asked = std::mem::take(&mut self.deferred.fork_requests);
            for n in asked.drain(..) {
                self.fork(id, depth, n);
            }
            self.deferred.fork_requests = asked;
        }
    }

    /// The layer at `depth` of service `s` lets its parked calls go on: each
    /// continues inward from the next layer (deferred, so a release admitting
    /// a waiter does not recurse).
    pub(super) fn wake(&mut self, s: usize, depth: usize) {
        let kind = self.order[depth];
        let mut woken = std::mem::take(&mut self.deferred.admitted);
        let calls = ParkedAt {
            calls: self.arena.slots(),
            depth,
        };
        let patterns = &self.world.services[s].patterns;
        registry::wake(
            kind,
            patterns,
            &mut self.services[s].state,
            &calls,
            &mut woken,
        );
        for w in woken.drain(..) {
            self.disarm(w.call, depth);
            let ((), f) = self.hook(w.call, depth, |cx, e| registry::resumed(kind, cx, e));
            self.follow_up(w.call, s, depth, f);
            let gen = self.arena[w.call].gen;
            self.deferred.agenda.push_back(Step::Enter {
                call: w.call,
                gen,
                depth: depth as u8 + 1,
            });
        }
        self.deferred.admitted = woken;
    }

    /// The layer at `depth` of service `s` sweeps its waiters that gave up.
    fn tidy(&mut self, s: usize, depth: usize) {
        let kind = self.order[depth];
        let calls = ParkedAt {
            calls: self.arena.slots(),
            depth,
        };
        registry::tidy(kind, &mut self.services[s].state, &calls);
    }
}
