//! The simulation: a discrete-event loop in virtual time that composes load,
//! the caller's pool, the patterns of each service (in `patterns.order`) and
//! the downstream queues. No wall clock, threads or I/O: shells call
//! `advance_to` and read ticks, notices and the summary.
//!
//! This file owns the driving loop, the event and call types and the public
//! view. The rest is split by concern:
//! - `trip`: a call's trip through the layers (enter, dispatch, exit, timers,
//!   abandon, finish), by depth, never naming a pattern;
//! - `hooks`: the engine as the layers' hooks see it (`patterns::layer::Engine`),
//!   the call's timers, and what the walk does after a hook (waking waiters,
//!   reporting a breaker's transition);
//! - `load`: open-loop arrivals and closed-loop clients;
//! - `changes`: changes to the world (timeline, keys, recordings) and ramps;
//! - `forks`: copies of a call a layer forks (hedged attempts) and their join;
//! - `arena`: the calls in flight, in reused slots;
//! - `ticks`: closing a tick and what it measures;
//! - `diagnose`: the limits enforced while running and what a crossed one says;
//! - `moments`: the moments a class stops at;
//! - `tracing`: the stories of traced calls;
//! - `view`: what the shells read.
//!
//! `Simulation` owns its state in parts, each with the file that uses it:
//! `Schedule` (the event heap), `Arena`, `Deferred` (`hooks`), `Script`
//! (`changes`), `Ticks`, `Guard` (`diagnose`), `Forks`.
//!
//! ## A call's lifecycle
//! A call arrives (an arrival, or a closed-loop client ready), takes a caller
//! thread if the scenario has a `[client]` pool (or waits for one), then goes
//! *inward* through the enabled layers in `patterns.order`, outermost first:
//! each layer it enters sets its bit in `Call::entered`. A layer may stop it on
//! the way (an open breaker short-circuits, a full bulkhead rejects) or park it
//! (a bulkhead wait, a retry's backoff sleep), arming a timer. Past the last
//! layer the attempt is dispatched to the downstream. Its result travels
//! *outward* (`exit`), clearing the bits; a retry layer may send it inward
//! again after a backoff; a timeout that fires abandons everything inside it.
//! When no layer holds it any more the call finishes with one outcome.
//!
//! ## Stale events
//! Nothing is removed from the event heap. Call slots are reused, so each
//! slot has a generation (`gen`, bumped when a call finishes) and each armed
//! timer a ticket (`timers.armed[depth]`, zeroed when disarmed). An event whose
//! generation or ticket no longer matches is stale and ignored; arrivals and
//! jobs carry generations likewise. Stale events are counted and the heap is
//! compacted when they dominate, so memory follows what is in flight.

use crate::base::outcome::Outcome;
use crate::base::time::{Dur, SimTime, NANOS_PER_SEC};
use crate::patterns::bulkhead::{Bulkhead, Waiter};
use crate::patterns::circuit_breaker::{BreakerState, CircuitBreaker, Transition};
use crate::patterns::registry::{self, CallLayers, ServiceLayers};
use crate::patterns::{PatternKind, PatternSet};
use crate::sim::caller_pool::{Acquire, CallerPool};
use crate::sim::clients::Clients;
use crate::sim::downstream::{Caller, Downstream, JobId, Submit};
use crate::sim::event_queue::{EventQueue, LATE, NORMAL};
use crate::sim::limits;
use crate::sim::metrics::{
    new_histogram, AfterTimeline, Counts, ServiceMetrics, StatesSeen, Tick, TickService,
};
use crate::sim::notices::{Notice, NoticeKind, Notices};
use crate::sim::rng::{Draw, DrawKey, LazyRng, SimRng, StreamKey};
use crate::sim::setup::Setup;
use crate::sim::work_meter::LimitCrossed;
use crate::sim::world::{Change, ChangePath, LoadKind, Touched, World};
use std::collections::VecDeque;

mod arena;
mod changes;
mod diagnose;
mod forks;
mod hooks;
mod load;
mod moments;
mod ticks;
mod tracing;
mod trip;
mod view;

use arena::Arena;
use changes::Script;
use diagnose::Guard;
use forks::Forks;
use hooks::Deferred;
pub use moments::{Moment, MomentKind};
use ticks::Ticks;

/// How many layers a call can go through (every pattern that is a layer).
const LAYERS: usize = PatternKind::ALL.len();
const NO_CLIENT: u32 = u32::MAX;
/// The depth an unlisted fallback keeps in `order` (last), not as a layer.
const UNLISTED_FALLBACK: u8 = 1 << (LAYERS - 1);

#[derive(Clone, Copy, Debug)]
enum Event {
    /// An open-loop arrival for a service (it waits in the service's lane).
    Arrival {
        service: u16,
    },
    /// A closed-loop client finished thinking.
    ClientReady {
        client: u32,
    },
    JobDone {
        service: u16,
        job: JobId,
        /// The call that sent it (it may have moved on): only to fetch its
        /// slot into the cache early (`prefetch_next`).
        call: u32,
    },
    /// A pattern's timer: retry wake-up, bulkhead wait expiry, or timeout.
    Timer {
        call: u32,
        gen: u32,
        depth: u8,
        ticket: u32,
    },
    Tick,
    Change {
        index: u32,
    },
}

// An event in the heap costs its 16 bytes and a 16-byte key.
const _: () = assert!(std::mem::size_of::<Event>() == 16);

/// One call in flight: where it is in the layers and what it holds.
#[derive(Clone, Copy, Debug, Default)]
struct Call {
    gen: u32,
    live: bool,
    service: u16,
    client: u32,
    arrived: SimTime,
    /// The call's index among its service's calls: with the attempt number,
    /// the key of its random draws.
    index: u64,
    holds_thread: bool,
    /// An attempt of it reached the downstream (`dispatch`), refused or not.
    reached: bool,
    /// Bit d: the layer at depth d is entered and awaits the inner result.
    entered: u8,
    /// Each layer's own state for this call (the patterns' structs).
    layers: CallLayers,
    timers: Timers,
    job: Option<JobId>,
    /// Its story is being recorded (`tracing`).
    traced: bool,
    /// For a copy a layer forked (a hedged attempt), its number (from 1);
    /// 0 for a call of its own. What it answers to is in `Simulation::forked`.
    fork: u8,
    /// What a layer's own answer stands in for (`Outward::Answer`: a placed
    /// fallback answered a timeout): the call is counted by this cause.
    answered: Option<Outcome>,
}

/// What a forked copy of a call answers to: the call (slot and generation),
/// the depth of the layer that forked it, and its number (from 1). Kept
/// beside the arena, so calls that are not copies do not carry it.
#[derive(Clone, Copy, Debug, Default)]
struct Fork {
    parent: u32,
    parent_gen: u32,
    depth: u8,
    n: u8,
}

impl Call {
    /// The root of the call's draws: its service's, or a fork's own.
    #[inline]
    fn draws(&self, root: StreamKey) -> StreamKey {
        if self.fork == 0 {
            root
        } else {
            root.fork(self.fork as u32)
        }
    }
}

/// A call's layer timers.
#[derive(Clone, Copy, Debug, Default)]
struct Timers {
    /// The armed timer of each layer (0 = none).
    armed: [u32; LAYERS],
    /// A layer's timer while it is armed but not yet in the heap (see
    /// `trip::Timers::arm_lazily`).
    lazy: Option<LazyTimer>,
    next_ticket: u32,
}

/// A timer kept out of the heap while the attempt it guards is known to end
/// first: its layer, its time and its reserved place in the heap's order.
#[derive(Clone, Copy, Debug)]
struct LazyTimer {
    depth: u8,
    at: SimTime,
    seq: u64,
}

/// Deferred work, so that a release admitting a waiter does not recurse.
#[derive(Clone, Copy)]
enum Step {
    /// A waiting caller got a thread: start its call.
    Start { call: u32, gen: u32 },
    /// A bulkhead waiter got a slot: continue inward from `depth`.
    Enter { call: u32, gen: u32, depth: u8 },
}

/// Per-service runtime state.
#[derive(Clone)]
struct ServiceRt {
    downstream: Downstream,
    /// Each layer's own runtime for this service (the patterns' structs).
    state: ServiceLayers,
    arrivals: SimRng,
    /// The root of this service's per-attempt draws (common random numbers).
    attempts: StreamKey,
    /// Calls started so far: the next call's index.
    calls_started: u64,
    /// Bit d: the layer at depth d of `order` is enabled for this service.
    layers: u8,
    /// The open-loop arrival rate the pending arrival (in the service's lane
    /// of the queue) was drawn at, so a rate change can rescale its wait.
    arrival_rate: f64,
    metrics: ServiceMetrics,
    in_flight: u64,
    /// The breaker states seen in the tick so far (empty without a breaker).
    breaker_seen: StatesSeen,
}

/// The enabled layers of a pattern set, as bits by depth in `order`, among
/// the `placed` ones (an unlisted fallback is not a layer).
fn layer_mask(patterns: &PatternSet, order: &[PatternKind; LAYERS], placed: u8) -> u8 {
    (0..LAYERS)
        .filter(|&d| placed & 1 << d != 0 && patterns.is_enabled(order[d]))
        .fold(0, |m, d| m | 1 << d)
}

/// Cloneable, so a shell can run a copy ahead (a trace) without touching
/// the world it shows.
#[derive(Clone)]
pub struct Simulation {
    now: SimTime,
    end: SimTime,
    seed: u64,
    world: World,
    order: [PatternKind; LAYERS],
    /// Bit d: depth d of `order` is a layer (all but an unlisted fallback,
    /// last, which answers in `finish` instead).
    placed: u8,
    /// The events to come (`Schedule`).
    schedule: Schedule,
    /// The calls in flight (`arena`).
    arena: Arena,
    /// The work a walk leaves for after it (`hooks::Deferred`).
    deferred: Deferred,
    services: Vec<ServiceRt>,
    caller_pool: CallerPool,
    /// The closed loop's clients (`sim/clients.rs`).
    clients: Clients,
    /// The timeline's changes and ramps (`changes::Script`).
    script: Script,
    notices: Notices,
    /// The tick being measured and what is kept across ticks (`ticks`).
    ticks: Ticks,
    /// The last tick has been reported (or a limit crossed); nothing more runs.
    ended: bool,
    /// The limits enforced while running (`diagnose::Guard`).
    guard: Guard,
    /// The calls being traced, when a trace was asked for.
    tracer: Option<Box<tracing::Tracer>>,
    /// The forked copies running (`forks`).
    forks: Forks,
}

/// The events to come and what keeps their heap small.
#[derive(Clone, Default)]
struct Schedule {
    queue: EventQueue<Event>,
    /// Events in the heap that no longer matter (disarmed timers, redrawn
    /// arrivals, cancelled jobs): the heap is compacted when they dominate, so
    /// memory follows what is in flight, not rate × timeout.
    stale: usize,
    /// Timeout timers stay out of the heap while they cannot fire (see
    /// `trip::arm_lazily`); off only to test that this changes no result.
    lazy_timers: bool,
    /// Events handled so far (for benchmarks: events per call).
    handled: u64,
}

impl Simulation {
    pub fn new(setup: &impl Setup) -> Simulation {
        Simulation::with_seed(setup, setup.seed())
    }

    pub fn with_seed(setup: &impl Setup, seed: u64) -> Simulation {
        let world = setup.world().clone();
        // An unlisted fallback stays last in `order`, but not as a layer.
        let mut order = PatternKind::ALL;
        let listed = world.order.len().min(LAYERS);
        order[..listed].copy_from_slice(&world.order[..listed]);
        let placed = ((1u16 << listed) - 1) as u8;
        let services = world
            .services
            .iter()
            .map(|s| ServiceRt {
                downstream: Downstream::new(&s.params),
                layers: layer_mask(&s.patterns, &order, placed),
                state: ServiceLayers::new(&s.patterns),
                arrivals: StreamKey::new(seed, "arrivals", &s.name).stream(),
                attempts: StreamKey::new(seed, "attempts", &s.name),
                calls_started: 0,
                arrival_rate: 0.0,
                metrics: ServiceMetrics::default(),
                in_flight: 0,
                breaker_seen: StatesSeen::default(),
            })
            .collect();
        let mut sim = Simulation {
            now: 0,
            end: setup.duration().0,
            seed,
            clients: Clients::new(seed, world.load.think.sampler()),
            world,
            order,
            placed,
            schedule: Schedule {
                lazy_timers: true,
                ..Schedule::default()
            },
            arena: Arena::default(),
            deferred: Deferred::default(),
            services,
            caller_pool: CallerPool::default(),
            script: Script::default(),
            notices: Notices::default(),
            ticks: Ticks::new(
                setup.tick().0,
                setup.timeline(),
                setup.world().services.len(),
            ),
            ended: false,
            guard: Guard::default(),
            tracer: None,
            forks: Forks::default(),
        };
        for s in 0..sim.services.len() {
            sim.restart_breaker_seen(s);
        }
        for c in setup.timeline() {
            sim.schedule_change(c.clone());
        }
        sim.schedule
            .queue
            .push(sim.ticks.len.min(sim.end), Event::Tick);
        sim.start_load();
        sim
    }

    // ---- driving -------------------------------------------------------------

    /// Runs every event up to and including `until` (capped at the end),
    /// calling `on_tick` at each tick boundary.
    ///
    /// The last tick, at the end, closes the run: events at the end that
    /// come after it are not run, so that the ticks add up to the totals.
    pub fn advance_to(&mut self, until: SimTime, on_tick: &mut dyn FnMut(&Tick)) {
        self.advance_within(until, u64::MAX, on_tick);
    }

    /// As `advance_to`, but handles at most `max_events` events, so a shell
    /// can slice heavy work and stay responsive. Returns whether the slice is
    /// over: `until` (or the end) reached, or the run stopped at a limit
    /// (`limit_crossed`); if not, the clock stays at the last event run.
    pub fn advance_within(
        &mut self,
        until: SimTime,
        max_events: u64,
        on_tick: &mut dyn FnMut(&Tick),
    ) -> bool {
        let until = until.min(self.end);
        let mut budget = max_events;
        while !self.ended {
            if budget == 0 {
                if self.schedule.queue.peek_time().is_some_and(|t| t <= until) {
                    return false;
                }
                break;
            }
            let Some((t, ev)) = self.schedule.queue.pop_due(until) else {
                break;
            };
            budget -= 1;
            self.schedule.handled += 1;
            if self.schedule.queue.gives_hints() {
                self.prefetch_next();
            }
            self.now = t;
            let last_tick = matches!(ev, Event::Tick) && t >= self.end;
            self.handle(ev, on_tick);
            self.compact_if_stale();
            if self.guard.meter.tick_work(1) {
                self.look_at_work();
            }
            if last_tick {
                self.ended = true;
                self.deferred.agenda.clear();
                break;
            }
            self.drain_agenda();
        }
        // An event dropped for want of memory since the last look at the
        // work stops the run even when the set ran dry first.
        if self.schedule.queue.starved() {
            self.out_of_memory();
        }
        if self.guard.stopped.is_none() {
            self.now = self.now.max(until);
        }
        true
    }

    /// Pushes every timeout timer into the heap when armed, as the engine
    /// once did. Only for tests that prove lazy timers change no result.
    #[doc(hidden)]
    pub fn set_lazy_timers(&mut self, lazy: bool) {
        self.schedule.lazy_timers = lazy;
    }

    /// Counts `attempts` and `work` as done already, as if by earlier
    /// seconds of the run: a test reaches the limits per run in a second
    /// instead of minutes. Only for tests.
    #[doc(hidden)]
    pub fn count_as_done(&mut self, attempts: u64, work: u64) {
        self.guard.meter.count_as_done(attempts, work);
    }

    /// Reserves memory for `calls` calls in flight at once before running
    /// (a sweep's cell, from its estimate): false if it cannot be had, and
    /// the run should not start.
    pub fn reserve_calls(&mut self, calls: usize) -> bool {
        self.arena.reserve(calls).is_ok()
    }

    /// Events handled so far.
    pub fn events_handled(&self) -> u64 {
        self.schedule.handled
    }

    /// The limit the run crossed, if it stopped at one.
    pub fn limit_crossed(&self) -> Option<&LimitCrossed> {
        self.guard.stopped.as_ref()
    }

    /// Each service's counts when the scenario's timeline was over, and when.
    pub fn after_timeline(&self) -> Option<(SimTime, &[Counts])> {
        self.ticks.after_timeline.taken()
    }

    /// Runs to the end of the scenario.
    pub fn run(&mut self, on_tick: &mut dyn FnMut(&Tick)) {
        self.advance_to(self.end, on_tick);
    }

    fn handle(&mut self, ev: Event, on_tick: &mut dyn FnMut(&Tick)) {
        match ev {
            Event::Arrival { service } => {
                let s = service as usize;
                self.start_call(s, NO_CLIENT);
                self.schedule_arrival(s);
            }
            Event::ClientReady { client } => self.client_ready(client),
            Event::JobDone { service, job, .. } => self.job_done(service as usize, job),
            Event::Timer {
                call,
                gen,
                depth,
                ticket,
            } => self.timer(call, gen, depth as usize, ticket),
            Event::Tick => self.end_tick(on_tick),
            Event::Change { index } => self.apply_change(index as usize),
        }
    }

    fn drain_agenda(&mut self) {
        while let Some(step) = self.deferred.agenda.pop_front() {
            match step {
                Step::Start { call, gen } => {
                    if self.arena[call].gen == gen && self.arena[call].live {
                        self.arena[call].holds_thread = true;
                        if self.arena[call].traced {
                            self.note_caller_granted(call);
                        }
                        self.enter(call, 0);
                    }
                }
                Step::Enter { call, gen, depth } => {
                    if self.arena[call].gen == gen && self.arena[call].live {
                        self.enter(call, depth as usize);
                    }
                }
            }
        }
    }

    /// Asks the CPU for what the next event will touch (its call's slot, its job's), so
    /// that with many calls in flight the next event's memory arrives while
    /// this one is handled. A hint: no result depends on it.
    /// Out of line, so that with few events pending (no hints) the loop is
    /// as it was.
    #[inline(never)]
    fn prefetch_next(&self) {
        let Some(&ev) = self.schedule.queue.next_hint() else {
            return;
        };
        match ev {
            Event::JobDone { service, job, call } => {
                if let Some(rt) = self.services.get(service as usize) {
                    rt.downstream.prefetch(job);
                }
                self.arena.prefetch(call);
            }
            Event::Timer { call, .. } => self.arena.prefetch(call),
            _ => {}
        }
    }

    /// Whether a queued event still matters.
    fn is_current(&self, ev: &Event) -> bool {
        match *ev {
            Event::Arrival { .. } => true,
            Event::Timer {
                call,
                gen,
                depth,
                ticket,
            } => {
                let c = &self.arena[call];
                c.live && c.gen == gen && ticket != 0 && c.timers.armed[depth as usize] == ticket
            }
            Event::JobDone { service, job, .. } => {
                self.services[service as usize].downstream.is_current(job)
            }
            Event::ClientReady { .. } | Event::Tick | Event::Change { .. } => true,
        }
    }

    /// Drops stale events once they are most of the heap.
    #[inline]
    fn compact_if_stale(&mut self) {
        if self.schedule.stale > 4096 {
            self.compact();
        }
    }

    #[cold]
    fn compact(&mut self) {
        if self.schedule.stale * 2 > self.schedule.queue.len() {
            let mut queue = std::mem::take(&mut self.schedule.queue);
            queue.retain(|ev| self.is_current(ev));
            self.schedule.queue = queue;
            self.schedule.stale = 0;
        }
    }
}
