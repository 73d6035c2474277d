//! The simulation: a discrete-event loop in virtual time that composes load,
//! the caller's pool, the patterns of each service (in `patterns.order`) and
//! the downstream queues. No wall clock, threads or I/O: shells call
//! `advance_to` and read ticks, notices and the summary.

use crate::base::outcome::Outcome;
use crate::base::time::{SimTime, NANOS_PER_SEC};
use crate::patterns::bulkhead::{Admission, Bulkhead, Waiter};
use crate::patterns::circuit_breaker::{BreakerState, CircuitBreaker, Permit, Transition};
use crate::patterns::retry::{Decision, RetryBudget, RetryState};
use crate::patterns::{PatternKind, PatternSet};
use crate::sim::caller_pool::{Acquire, CallerPool};
use crate::sim::dist::Sampler;
use crate::sim::downstream::{Caller, Downstream, JobId, Submit};
use crate::sim::event_queue::{EventQueue, LATE, NORMAL};
use crate::sim::limits;
use crate::sim::metrics::{percentiles, ServiceMetrics, Tick, TickService};
use crate::sim::notices::{Notice, NoticeKind, Notices};
use crate::sim::rng::{stream, SimRng};
use crate::sim::setup::Setup;
use crate::sim::world::{Change, LoadKind, Touched, World};
use rand::Rng;
use rand_distr::{Distribution, Exp1};
use std::collections::VecDeque;

const LAYERS: usize = 4;
const NO_CLIENT: u32 = u32::MAX;

#[derive(Clone, Copy, Debug)]
enum Event {
    /// An open-loop arrival for a service (stale if `gen` is old).
    Arrival {
        service: u16,
        gen: u32,
    },
    /// A closed-loop client finished thinking.
    ClientReady {
        client: u32,
    },
    JobDone {
        service: u16,
        job: JobId,
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

/// One call in flight: where it is in the layers and what it holds.
#[derive(Clone, Copy, Debug, Default)]
struct Call {
    gen: u32,
    live: bool,
    service: u16,
    client: u32,
    arrived: SimTime,
    holds_thread: bool,
    /// Bit d: the layer at depth d is entered and awaits the inner result.
    entered: u8,
    retry: RetryState,
    retry_used: bool,
    retry_sleeping: bool,
    permit: Option<Permit>,
    breaker_entered: SimTime,
    bulkhead_held: bool,
    bulkhead_waiting: bool,
    /// The armed timer of each layer (0 = none).
    timers: [u32; LAYERS],
    next_ticket: u32,
    job: Option<JobId>,
}

/// Deferred work, so that a release admitting a waiter does not recurse.
enum Step {
    /// A waiting caller got a thread: start its call.
    Start { call: u32, gen: u32 },
    /// A bulkhead waiter got a slot: continue inward from `depth`.
    Enter { call: u32, gen: u32, depth: u8 },
}

/// Per-service runtime state.
struct ServiceRt {
    downstream: Downstream,
    breaker: CircuitBreaker,
    bulkhead: Bulkhead,
    budget: RetryBudget,
    arrivals: SimRng,
    arrival_gen: u32,
    /// The open-loop arrival rate the pending arrival was drawn at.
    arrival_rate: f64,
    /// When the pending arrival comes, so a rate change can rescale the wait.
    next_arrival: Option<SimTime>,
    jitter: SimRng,
    metrics: ServiceMetrics,
    in_flight: u64,
}

/// A numeric value moving linearly towards a target.
struct Ramp {
    path: String,
    from: f64,
    to: f64,
    start: SimTime,
    end: SimTime,
    integer: bool,
    /// A pattern-wide path set to the target when done (so `[patterns]` ends
    /// there too); the services themselves ramp from their own values.
    then: Option<String>,
}

fn number(v: &toml::Value) -> Option<f64> {
    v.as_float().or(v.as_integer().map(|i| i as f64))
}

/// Whether a change at `path` replaces a ramp at `ramp`: the same path, or a
/// pattern-wide path over one service's copy of it.
fn covers(path: &str, ramp: &str) -> bool {
    path == ramp
        || path.strip_prefix("patterns.").is_some_and(|rest| {
            ramp.starts_with("services.")
                && ramp.ends_with(rest)
                && ramp[..ramp.len() - rest.len()].ends_with('.')
        })
}

pub struct Simulation {
    now: SimTime,
    end: SimTime,
    tick_len: SimTime,
    last_tick: SimTime,
    seed: u64,
    world: World,
    order: [PatternKind; LAYERS],
    queue: EventQueue<Event>,
    calls: Vec<Call>,
    free_calls: Vec<u32>,
    in_flight: usize,
    agenda: VecDeque<Step>,
    services: Vec<ServiceRt>,
    caller_pool: CallerPool,
    clients_active: Vec<bool>,
    think: Sampler,
    think_rng: SimRng,
    routing_rng: SimRng,
    changes: Vec<Change>,
    ramps: Vec<Ramp>,
    notices: Notices,
    transitions: Vec<Transition>,
    tick: Tick,
    in_flight_limit_noted: bool,
    /// The last tick has been reported; nothing more runs.
    ended: bool,
    /// Events in the heap that no longer matter (disarmed timers, redrawn
    /// arrivals, cancelled jobs): the heap is compacted when they dominate, so
    /// memory follows what is in flight, not rate × timeout.
    stale: usize,
}

impl Simulation {
    pub fn new(setup: &impl Setup) -> Simulation {
        Simulation::with_seed(setup, setup.seed())
    }

    pub fn with_seed(setup: &impl Setup, seed: u64) -> Simulation {
        let world = setup.world().clone();
        let mut order = PatternKind::DEFAULT_ORDER;
        order.copy_from_slice(&world.order[..LAYERS]);
        let services = world
            .services
            .iter()
            .map(|s| ServiceRt {
                downstream: Downstream::new(
                    &s.params,
                    stream(seed, "latency", &s.name),
                    stream(seed, "failures", &s.name),
                ),
                breaker: CircuitBreaker::new(&s.patterns.circuit_breaker),
                bulkhead: Bulkhead::default(),
                budget: RetryBudget::new(s.patterns.retry.budget),
                arrivals: stream(seed, "arrivals", &s.name),
                arrival_gen: 0,
                arrival_rate: 0.0,
                next_arrival: None,
                jitter: stream(seed, "jitter", &s.name),
                metrics: ServiceMetrics::default(),
                in_flight: 0,
            })
            .collect();
        let mut sim = Simulation {
            now: 0,
            end: setup.duration().0,
            tick_len: setup.tick().0,
            last_tick: 0,
            seed,
            think: world.load.think.sampler(),
            world,
            order,
            queue: EventQueue::default(),
            calls: Vec::new(),
            free_calls: Vec::new(),
            in_flight: 0,
            agenda: VecDeque::new(),
            services,
            caller_pool: CallerPool::default(),
            clients_active: Vec::new(),
            think_rng: stream(seed, "think", ""),
            routing_rng: stream(seed, "routing", ""),
            changes: Vec::new(),
            ramps: Vec::new(),
            notices: Notices::default(),
            transitions: Vec::new(),
            tick: Tick {
                t: 0,
                len: 0,
                services: Vec::new(),
                client_busy: 0,
                client_waiting: 0,
            },
            in_flight_limit_noted: false,
            ended: false,
            stale: 0,
        };
        for c in setup.timeline() {
            sim.schedule_change(c.clone());
        }
        sim.queue.push(sim.tick_len.min(sim.end), Event::Tick);
        sim.start_load();
        sim
    }

    // ---- public view -------------------------------------------------------

    pub fn now(&self) -> SimTime {
        self.now
    }
    pub fn end(&self) -> SimTime {
        self.end
    }
    pub fn seed(&self) -> u64 {
        self.seed
    }
    pub fn is_finished(&self) -> bool {
        self.now >= self.end
    }
    pub fn world(&self) -> &World {
        &self.world
    }
    pub fn notices(&self) -> &Notices {
        &self.notices
    }
    pub fn in_flight(&self) -> usize {
        self.in_flight
    }
    /// Events waiting in the heap (live and stale): for memory checks.
    pub fn pending_events(&self) -> usize {
        self.queue.len()
    }
    /// Every change scheduled so far (timeline and live), in scheduling order.
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }
    /// The next change still to come, if any.
    pub fn next_change(&self) -> Option<&Change> {
        self.changes
            .iter()
            .filter(|c| c.at.0 > self.now && !c.path.is_empty())
            .min_by_key(|c| c.at)
    }
    pub fn caller_pool(&self) -> (u32, u32) {
        (self.caller_pool.busy(), self.caller_pool.waiting())
    }
    pub fn breaker(&self, service: usize) -> &CircuitBreaker {
        &self.services[service].breaker
    }
    pub fn bulkhead(&self, service: usize) -> &Bulkhead {
        &self.services[service].bulkhead
    }
    pub fn downstream(&self, service: usize) -> &Downstream {
        &self.services[service].downstream
    }
    pub fn budget_tokens(&self, service: usize) -> Option<f64> {
        self.world.services[service]
            .patterns
            .retry
            .budget
            .map(|_| self.services[service].budget.tokens)
    }
    pub fn service_metrics(&self, service: usize) -> &ServiceMetrics {
        &self.services[service].metrics
    }
    pub fn service_in_flight(&self, service: usize) -> u64 {
        self.services[service].in_flight
    }
    /// The breaker state as shown, with an OPEN whose wait is over shown HALF-OPEN.
    pub fn breaker_state(&self, service: usize) -> BreakerState {
        let cfg = &self.world.services[service].patterns.circuit_breaker;
        let b = &self.services[service].breaker;
        match b.probe_at(cfg) {
            Some(t) if t <= self.now => BreakerState::HalfOpen,
            _ => b.state(),
        }
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
    /// can slice heavy work and stay responsive. Returns whether `until` (or
    /// the end) was reached; if not, the clock stays at the last event run.
    pub fn advance_within(
        &mut self,
        until: SimTime,
        max_events: u64,
        on_tick: &mut dyn FnMut(&Tick),
    ) -> bool {
        let until = until.min(self.end);
        let mut budget = max_events;
        while let Some(t) = self.queue.peek_time() {
            if t > until || self.ended {
                break;
            }
            if budget == 0 {
                return false;
            }
            budget -= 1;
            let (t, ev) = self.queue.pop().expect("peeked");
            self.now = t;
            let last_tick = matches!(ev, Event::Tick) && t >= self.end;
            self.handle(ev, on_tick);
            self.compact_if_stale();
            if last_tick {
                self.ended = true;
                self.agenda.clear();
                break;
            }
            self.drain_agenda();
        }
        self.now = self.now.max(until);
        true
    }

    /// Runs to the end of the scenario.
    pub fn run(&mut self, on_tick: &mut dyn FnMut(&Tick)) {
        self.advance_to(self.end, on_tick);
    }

    /// Makes a change now, as a user at the keyboard does. It is queued like a
    /// timeline event and runs after everything else at this instant, so a
    /// recording replays it identically.
    pub fn change_now(&mut self, path: &str, value: toml::Value) -> Result<(), String> {
        // Check first, so that a bad value is refused without being scheduled.
        self.world.clone().set(path, &value)?;
        let change = Change {
            at: crate::base::time::Dur(self.now),
            path: path.to_string(),
            value,
            over: None,
            note: None,
            live: true,
        };
        self.schedule_change(change);
        self.advance_to(self.now, &mut |_| {});
        Ok(())
    }

    fn schedule_change(&mut self, c: Change) {
        let class = if c.live { LATE } else { NORMAL };
        let at = c.at.0;
        self.changes.push(c);
        self.queue.push_class(
            at,
            class,
            Event::Change {
                index: self.changes.len() as u32 - 1,
            },
        );
    }

    fn handle(&mut self, ev: Event, on_tick: &mut dyn FnMut(&Tick)) {
        match ev {
            Event::Arrival { service, gen } => {
                let s = service as usize;
                if self.services[s].arrival_gen == gen {
                    self.services[s].next_arrival = None;
                    self.start_call(s, NO_CLIENT);
                    self.schedule_arrival(s);
                } else {
                    self.stale = self.stale.saturating_sub(1);
                }
            }
            Event::ClientReady { client } => self.client_ready(client),
            Event::JobDone { service, job } => self.job_done(service as usize, job),
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
        while let Some(step) = self.agenda.pop_front() {
            match step {
                Step::Start { call, gen } => {
                    if self.calls[call as usize].gen == gen && self.calls[call as usize].live {
                        self.calls[call as usize].holds_thread = true;
                        self.enter(call, 0);
                    }
                }
                Step::Enter { call, gen, depth } => {
                    if self.calls[call as usize].gen == gen && self.calls[call as usize].live {
                        self.enter(call, depth as usize);
                    }
                }
            }
        }
    }

    // ---- load -----------------------------------------------------------------

    fn start_load(&mut self) {
        match self.world.load.kind {
            LoadKind::Poisson | LoadKind::Constant => self.reschedule_arrivals(),
            LoadKind::Closed => self.sync_clients(),
        }
    }

    fn service_rate(&self, s: usize) -> f64 {
        let total: f64 = self.world.services.iter().map(|x| x.params.share).sum();
        if total <= 0.0 {
            return 0.0;
        }
        self.world.load.rate * self.world.services[s].params.share / total
    }

    /// Brings every service's pending arrival in line with its current rate.
    /// Only services whose own rate changed are touched, and their remaining
    /// wait is rescaled rather than redrawn: exact for constant load, still
    /// exponential for Poisson, and no extra random draw, so a ramp does not
    /// postpone arrivals tick after tick.
    fn reschedule_arrivals(&mut self) {
        for s in 0..self.services.len() {
            let rate = if self.world.load.kind == LoadKind::Closed {
                0.0
            } else {
                self.service_rate(s)
            };
            let old = self.services[s].arrival_rate;
            if rate == old {
                continue;
            }
            let rt = &mut self.services[s];
            rt.arrival_rate = rate;
            let pending = rt.next_arrival.take();
            if pending.is_some() {
                rt.arrival_gen = rt.arrival_gen.wrapping_add(1);
                self.stale += 1;
            }
            match pending {
                Some(at) if old > 0.0 && rate > 0.0 => {
                    let left = at.saturating_sub(self.now) as f64 * old / rate;
                    let at = self.now.saturating_add((left + 0.5) as u64);
                    self.push_arrival(s, at);
                }
                _ => self.schedule_arrival(s),
            }
        }
    }

    /// Draws the wait until the service's next arrival at its current rate.
    fn schedule_arrival(&mut self, s: usize) {
        let rate = self.services[s].arrival_rate;
        if rate <= 0.0 {
            self.services[s].next_arrival = None;
            return;
        }
        let gap_secs = match self.world.load.kind {
            LoadKind::Poisson => {
                let e: f64 = Exp1.sample(&mut self.services[s].arrivals);
                e / rate
            }
            _ => 1.0 / rate,
        };
        let gap = ((gap_secs * NANOS_PER_SEC as f64 + 0.5) as u64).max(1);
        self.push_arrival(s, self.now.saturating_add(gap));
    }

    fn push_arrival(&mut self, s: usize, at: SimTime) {
        let rt = &mut self.services[s];
        rt.next_arrival = Some(at);
        let gen = rt.arrival_gen;
        self.queue.push(
            at,
            Event::Arrival {
                service: s as u16,
                gen,
            },
        );
    }

    /// Starts or retires closed-loop clients to match `load.clients`.
    fn sync_clients(&mut self) {
        if self.world.load.kind != LoadKind::Closed {
            return;
        }
        let n = self.world.load.clients as usize;
        if self.clients_active.len() < n {
            self.clients_active.resize(n, false);
        }
        for c in 0..n {
            if !self.clients_active[c] {
                self.clients_active[c] = true;
                self.client_think(c as u32);
            }
        }
    }

    fn client_think(&mut self, client: u32) {
        if client as usize >= self.world.load.clients as usize
            || self.world.load.kind != LoadKind::Closed
        {
            self.clients_active[client as usize] = false;
            return;
        }
        // At least 1 µs between a client's calls, so that zero think and zero
        // latency cannot make an endless loop at one instant.
        let d = self.think.sample(&mut self.think_rng, 1.0).max(1_000);
        self.queue.push(self.now + d, Event::ClientReady { client });
    }

    fn client_ready(&mut self, client: u32) {
        if client as usize >= self.world.load.clients as usize
            || self.world.load.kind != LoadKind::Closed
        {
            self.clients_active[client as usize] = false;
            return;
        }
        let total: f64 = self.world.services.iter().map(|s| s.params.share).sum();
        let mut u = self.routing_rng.random::<f64>() * total;
        let mut pick = self.services.len() - 1;
        for (i, s) in self.world.services.iter().enumerate() {
            if u < s.params.share {
                pick = i;
                break;
            }
            u -= s.params.share;
        }
        self.start_call(pick, client);
    }

    // ---- calls ----------------------------------------------------------------

    fn alloc_call(&mut self, service: usize, client: u32) -> u32 {
        let call = Call {
            live: true,
            service: service as u16,
            client,
            arrived: self.now,
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

    fn start_call(&mut self, s: usize, client: u32) {
        self.services[s].metrics.tick.calls += 1;
        let id = self.alloc_call(s, client);
        if self.in_flight > limits::MAX_IN_FLIGHT {
            if !self.in_flight_limit_noted {
                self.in_flight_limit_noted = true;
                let msg = format!(
                    "{} calls in flight: the limit; new calls are refused as client_rejected",
                    limits::MAX_IN_FLIGHT
                );
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
            match self.caller_pool.acquire(cfg, (id, gen)) {
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

    /// Forgets a layer's armed timer; its heap entry becomes stale.
    fn disarm(&mut self, id: u32, depth: usize) {
        let c = &mut self.calls[id as usize];
        if c.timers[depth] != 0 {
            c.timers[depth] = 0;
            self.stale += 1;
        }
    }

    /// Whether a queued event still matters.
    fn is_current(&self, ev: &Event) -> bool {
        match *ev {
            Event::Arrival { service, gen } => self.services[service as usize].arrival_gen == gen,
            Event::Timer {
                call,
                gen,
                depth,
                ticket,
            } => {
                let c = &self.calls[call as usize];
                c.live && c.gen == gen && ticket != 0 && c.timers[depth as usize] == ticket
            }
            Event::JobDone { service, job } => {
                self.services[service as usize].downstream.is_current(job)
            }
            Event::ClientReady { .. } | Event::Tick | Event::Change { .. } => true,
        }
    }

    /// Drops stale events once they are most of the heap.
    fn compact_if_stale(&mut self) {
        if self.stale > 4096 && self.stale * 2 > self.queue.len() {
            let mut queue = std::mem::take(&mut self.queue);
            queue.retain(|ev| self.is_current(ev));
            self.queue = queue;
            self.stale = 0;
        }
    }

    fn arm(&mut self, id: u32, depth: usize, at: SimTime) {
        let c = &mut self.calls[id as usize];
        let ticket = c.next_ticket;
        c.next_ticket = c.next_ticket.wrapping_add(1).max(1);
        c.timers[depth] = ticket;
        let gen = c.gen;
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

    /// The request travels inward from layer `depth` towards the downstream.
    fn enter(&mut self, id: u32, depth: usize) {
        let s = self.calls[id as usize].service as usize;
        let now = self.now;
        for d in depth..LAYERS {
            let kind = self.order[d];
            let pats = &self.world.services[s].patterns;
            if !pats.is_enabled(kind) {
                continue;
            }
            match kind {
                PatternKind::Retry => {
                    let c = &mut self.calls[id as usize];
                    c.retry = RetryState::begin(now);
                    c.retry_used = true;
                    c.entered |= 1 << d;
                    self.services[s].metrics.tick.attempts += 1;
                }
                PatternKind::CircuitBreaker => {
                    let cfg = &pats.circuit_breaker;
                    let rt = &mut self.services[s];
                    match rt.breaker.try_acquire(cfg, now, &mut self.transitions) {
                        Ok(permit) => {
                            let c = &mut self.calls[id as usize];
                            c.permit = Some(permit);
                            c.breaker_entered = now;
                            c.entered |= 1 << d;
                            self.log_transitions(s);
                        }
                        Err(_short_circuited) => {
                            self.log_transitions(s);
                            self.exit(id, d, Outcome::ShortCircuited);
                            return;
                        }
                    }
                }
                PatternKind::Bulkhead => {
                    let cfg = &pats.bulkhead;
                    let ticket = self.calls[id as usize].next_ticket;
                    match self.services[s]
                        .bulkhead
                        .try_acquire(cfg, Waiter { call: id, ticket })
                    {
                        Admission::Granted => {
                            let c = &mut self.calls[id as usize];
                            c.bulkhead_held = true;
                            c.entered |= 1 << d;
                        }
                        Admission::Queued => {
                            let wait = cfg.max_wait.0;
                            let c = &mut self.calls[id as usize];
                            c.bulkhead_waiting = true;
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
                    self.calls[id as usize].entered |= 1 << d;
                    self.arm(id, d, at);
                }
            }
        }
        self.dispatch(id);
    }

    /// The attempt reaches the downstream.
    fn dispatch(&mut self, id: u32) {
        let s = self.calls[id as usize].service as usize;
        let gen = self.calls[id as usize].gen;
        let rt = &mut self.services[s];
        rt.metrics.tick.downstream_attempts += 1;
        match rt.downstream.submit(
            &self.world.services[s].params,
            Caller { call: id, gen },
            self.now,
        ) {
            Submit::Refused => {
                rt.metrics.tick.downstream_refused += 1;
                self.exit(id, LAYERS, Outcome::Failed);
            }
            Submit::Started { job, done_at } => {
                self.calls[id as usize].job = Some(job);
                self.queue.push(
                    done_at,
                    Event::JobDone {
                        service: s as u16,
                        job,
                    },
                );
            }
            Submit::Queued { job } => self.calls[id as usize].job = Some(job),
        }
    }

    fn job_done(&mut self, s: usize, job: JobId) {
        let params = &self.world.services[s].params;
        let rt = &mut self.services[s];
        let done = rt.downstream.complete(job, params, self.now);
        if done.is_none() {
            self.stale = self.stale.saturating_sub(1);
        }
        while let Some((next, at)) = rt.downstream.start_next(params, self.now) {
            self.queue.push(
                at,
                Event::JobDone {
                    service: s as u16,
                    job: next,
                },
            );
        }
        if let Some((caller, failed)) = done {
            let c = &mut self.calls[caller.call as usize];
            if c.live && c.gen == caller.gen && c.job == Some(job) {
                c.job = None;
                let outcome = if failed { Outcome::Failed } else { Outcome::Ok };
                self.exit(caller.call, LAYERS, outcome);
            }
        }
    }

    fn start_queued_jobs(&mut self, s: usize) {
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

    fn release_bulkhead(&mut self, s: usize, id: u32) {
        self.calls[id as usize].bulkhead_held = false;
        let rt = &mut self.services[s];
        rt.bulkhead.release();
        self.admit_bulkhead(s);
    }

    /// A bulkhead waiter gave up. Its queue entry is dropped lazily; when
    /// dead entries pile up (no slot is freed for a long time) they are swept.
    fn abandon_bulkhead_wait(&mut self, s: usize) {
        self.services[s].bulkhead.abandon();
        let b = &self.services[s].bulkhead;
        if b.queue_len() > 2 * b.waiting() as usize + 16 {
            let depth = self
                .order
                .iter()
                .position(|k| *k == PatternKind::Bulkhead)
                .expect("bulkhead in order");
            let calls = &self.calls;
            self.services[s].bulkhead.retain_waiters(|w| {
                let c = &calls[w.call as usize];
                c.live && c.bulkhead_waiting && c.timers[depth] == w.ticket
            });
        }
    }

    fn admit_bulkhead(&mut self, s: usize) {
        let cfg = &self.world.services[s].patterns.bulkhead;
        let calls = &self.calls;
        let depth = self
            .order
            .iter()
            .position(|k| *k == PatternKind::Bulkhead)
            .expect("bulkhead in order");
        let mut admitted = Vec::new();
        // A waiter is live while its call still waits on that very timer.
        let is_live = |w: Waiter| {
            let c = &calls[w.call as usize];
            c.live && c.bulkhead_waiting && c.timers[depth] == w.ticket
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
        for w in admitted {
            self.disarm(w.call, depth);
            let c = &mut self.calls[w.call as usize];
            c.bulkhead_waiting = false;
            c.bulkhead_held = with_slot;
            self.agenda.push_back(Step::Enter {
                call: w.call,
                gen: c.gen,
                depth: depth as u8 + 1,
            });
        }
    }

    fn log_transitions(&mut self, s: usize) {
        for t in self.transitions.drain(..) {
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

    fn breaker_result(&mut self, id: u32, s: usize, outcome: Outcome) {
        let c = &mut self.calls[id as usize];
        let Some(permit) = c.permit.take() else {
            return;
        };
        let duration = self.now - c.breaker_entered;
        let failed = matches!(
            outcome,
            Outcome::Failed | Outcome::TimedOut | Outcome::BulkheadRejected
        );
        let cfg = &self.world.services[s].patterns.circuit_breaker;
        if let Some(t) = self.services[s]
            .breaker
            .on_result(cfg, permit, self.now, failed, duration)
        {
            self.transitions.push(t);
            self.log_transitions(s);
        }
    }

    /// The result travels outward from below layer `depth` towards the caller.
    fn exit(&mut self, id: u32, depth: usize, outcome: Outcome) {
        let s = self.calls[id as usize].service as usize;
        for d in (0..depth).rev() {
            if self.calls[id as usize].entered & (1 << d) == 0 {
                continue;
            }
            match self.order[d] {
                PatternKind::Timeout => {
                    self.disarm(id, d);
                    self.calls[id as usize].entered &= !(1 << d);
                }
                PatternKind::Bulkhead => {
                    self.calls[id as usize].entered &= !(1 << d);
                    if self.calls[id as usize].bulkhead_held {
                        self.release_bulkhead(s, id);
                    }
                }
                PatternKind::CircuitBreaker => {
                    self.calls[id as usize].entered &= !(1 << d);
                    self.breaker_result(id, s, outcome);
                }
                PatternKind::Retry => {
                    self.services[s].metrics.tick.attempt_outcomes[outcome.index()] += 1;
                    let cfg = &self.world.services[s].patterns.retry;
                    let rt = &mut self.services[s];
                    let c = &mut self.calls[id as usize];
                    match c
                        .retry
                        .decide(cfg, &mut rt.budget, outcome, self.now, &mut rt.jitter)
                    {
                        Decision::RetryAfter(sleep) => {
                            c.retry_sleeping = true;
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

    fn timer(&mut self, id: u32, gen: u32, depth: usize, ticket: u32) {
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
                c.retry_sleeping = false;
                c.retry.attempts += 1;
                let m = &mut self.services[s].metrics.tick;
                m.attempts += 1;
                m.retries += 1;
                self.enter(id, depth + 1);
            }
            PatternKind::Bulkhead => {
                let c = &mut self.calls[id as usize];
                c.bulkhead_waiting = false;
                c.entered &= !(1 << depth);
                self.abandon_bulkhead_wait(s);
                self.exit(id, depth, Outcome::BulkheadRejected);
            }
            // A timeout turned off while armed lets the call run on.
            PatternKind::Timeout if !self.world.services[s].patterns.timeout.enabled => {}
            PatternKind::Timeout => {
                self.abandon_inside(id, depth);
                self.calls[id as usize].entered &= !(1 << depth);
                self.exit(id, depth, Outcome::TimedOut);
            }
            PatternKind::CircuitBreaker => {}
        }
    }

    /// A timeout at `depth` fired: everything inside it is cancelled for the
    /// caller. The downstream keeps the work unless `cancel_on_timeout`.
    fn abandon_inside(&mut self, id: u32, depth: usize) {
        let s = self.calls[id as usize].service as usize;
        for d in (depth + 1..LAYERS).rev() {
            if self.calls[id as usize].entered & (1 << d) == 0 {
                continue;
            }
            self.calls[id as usize].entered &= !(1 << d);
            match self.order[d] {
                PatternKind::Timeout => self.disarm(id, d),
                PatternKind::Bulkhead => {
                    if self.calls[id as usize].bulkhead_held {
                        self.release_bulkhead(s, id);
                    } else if self.calls[id as usize].bulkhead_waiting {
                        self.calls[id as usize].bulkhead_waiting = false;
                        self.disarm(id, d);
                        self.abandon_bulkhead_wait(s);
                    }
                }
                PatternKind::CircuitBreaker => self.breaker_result(id, s, Outcome::TimedOut),
                PatternKind::Retry => {
                    if self.calls[id as usize].retry_sleeping {
                        self.calls[id as usize].retry_sleeping = false;
                        self.disarm(id, d);
                    } else {
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
    fn finish(&mut self, id: u32, outcome: Outcome) {
        let c = self.calls[id as usize];
        let s = c.service as usize;
        let fallback = self.world.services[s].patterns.fallback.answers(outcome);
        let rt = &mut self.services[s];
        let m = &mut rt.metrics;
        m.tick.outcomes[outcome.index()] += 1;
        if fallback {
            m.tick.fallbacks += 1;
        }
        if !c.retry_used && outcome != Outcome::ClientRejected {
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

    fn admit_callers(&mut self) {
        if let Some(cfg) = &self.world.client {
            while let Some((call, gen)) = self.caller_pool.admit(cfg) {
                self.agenda.push_back(Step::Start { call, gen });
            }
        }
    }

    // ---- ticks and changes -------------------------------------------------------

    fn end_tick(&mut self, on_tick: &mut dyn FnMut(&Tick)) {
        for s in 0..self.services.len() {
            let cfg = &self.world.services[s].patterns.circuit_breaker;
            if let Some(t) = self.services[s].breaker.poll(cfg, self.now) {
                self.transitions.push(t);
                self.log_transitions(s);
            }
        }
        self.step_ramps();
        let tick = &mut self.tick;
        tick.len = self.now - self.last_tick;
        tick.t = self.now;
        tick.client_busy = self.caller_pool.busy();
        tick.client_waiting = self.caller_pool.waiting();
        tick.services.clear();
        for (s, rt) in self.services.iter_mut().enumerate() {
            rt.downstream.touch(self.now);
            tick.services.push(TickService {
                counts: rt.metrics.tick.clone(),
                latency: percentiles(&rt.metrics.tick_latency),
                in_flight: rt.in_flight,
                downstream_busy: rt.downstream.busy(),
                downstream_queued: rt.downstream.queued(),
                bulkhead_in_use: rt.bulkhead.in_use(),
                bulkhead_waiting: rt.bulkhead.waiting(),
                breaker: rt.breaker.state(),
                budget_tokens: self.world.services[s]
                    .patterns
                    .retry
                    .budget
                    .map(|_| rt.budget.tokens),
            });
            rt.metrics.end_tick();
        }
        on_tick(&self.tick);
        self.last_tick = self.now;
        if self.now < self.end {
            self.queue
                .push((self.now + self.tick_len).min(self.end), Event::Tick);
        }
    }

    fn step_ramps(&mut self) {
        let now = self.now;
        let mut i = 0;
        while i < self.ramps.len() {
            let r = &self.ramps[i];
            let frac = if now >= r.end {
                1.0
            } else {
                (now - r.start) as f64 / (r.end - r.start) as f64
            };
            let v = r.from + (r.to - r.from) * frac;
            let value = if r.integer {
                toml::Value::Integer(v.round() as i64)
            } else {
                toml::Value::Float(v)
            };
            let path = r.path.clone();
            let done = now >= r.end;
            // A ramp step the world refuses (out of range) is skipped.
            let _ = self.set_world(&path, &value);
            if done {
                if let Some(then) = self.ramps[i].then.clone() {
                    let _ = self.set_world(&then, &value);
                }
                self.ramps.swap_remove(i);
            } else {
                i += 1;
            }
        }
    }

    fn apply_change(&mut self, index: usize) {
        let c = self.changes[index].clone();
        if let Some(note) = &c.note {
            self.notices.push(Notice {
                at: self.now,
                service: None,
                kind: NoticeKind::Note(note.clone()),
            });
        }
        if c.path.is_empty() {
            return;
        }
        if let (Some(over), Some(to)) = (c.over, number(&c.value)) {
            // A pattern-wide ramp moves each service from its own value.
            let targets: Vec<String> = match c.path.strip_prefix("patterns.") {
                Some(rest) => self
                    .world
                    .services
                    .iter()
                    .map(|s| format!("services.{}.{rest}", s.name))
                    .collect(),
                None => vec![c.path.clone()],
            };
            self.ramps.retain(|r| !covers(&c.path, &r.path));
            let last = targets.len().saturating_sub(1);
            for (k, path) in targets.into_iter().enumerate() {
                let Some(current) = self.world.get(&path) else {
                    continue;
                };
                let Some(from) = number(&current) else {
                    continue;
                };
                let then = (k == last && path != c.path).then(|| c.path.clone());
                self.ramps.push(Ramp {
                    path,
                    from,
                    to,
                    start: self.now,
                    end: self.now + over.0,
                    // Whole numbers only where the field holds whole numbers.
                    integer: current.is_integer(),
                    then,
                });
            }
            self.notices.push(Notice {
                at: self.now,
                service: None,
                kind: NoticeKind::Change {
                    path: c.path.clone(),
                    value: format!("{} over {over}", c.value),
                    live: c.live,
                },
            });
            return;
        }
        match self.set_world(&c.path, &c.value) {
            Ok(()) => {
                self.ramps.retain(|r| !covers(&c.path, &r.path));
                self.notices.push(Notice {
                    at: self.now,
                    service: None,
                    kind: NoticeKind::Change {
                        path: c.path.clone(),
                        value: c.value.to_string(),
                        live: c.live,
                    },
                });
            }
            Err(e) => self.notices.push(Notice {
                at: self.now,
                service: None,
                kind: NoticeKind::Limit(e),
            }),
        }
    }

    /// Changes the world at `path` and lets the running parts catch up: the
    /// one place where a timeline event, a ramp step or a key press lands.
    fn set_world(&mut self, path: &str, value: &toml::Value) -> Result<(), String> {
        let before: Vec<PatternSet> = self
            .world
            .services
            .iter()
            .map(|s| s.patterns.clone())
            .collect();
        let touched = self.world.set(path, value)?;
        self.refresh(touched, &before);
        Ok(())
    }

    /// Lets the running parts catch up with a changed world.
    fn refresh(&mut self, touched: Touched, before: &[PatternSet]) {
        match touched {
            Touched::Load => {
                self.think = self.world.load.think.sampler();
                self.reschedule_arrivals();
                self.sync_clients();
            }
            Touched::Client => self.admit_callers(),
            Touched::Service(i) => {
                let p = &self.world.services[i].params;
                self.services[i].downstream.reconfigure(p, self.now);
                self.start_queued_jobs(i);
                // A share may have moved, and with it every service's rate.
                self.reschedule_arrivals();
            }
            Touched::Pattern(which, _) => {
                let range = match which {
                    Some(i) => i..i + 1,
                    None => 0..self.services.len(),
                };
                for s in range {
                    let pats = &self.world.services[s].patterns;
                    let old = &before[s].circuit_breaker;
                    if let Some(t) =
                        self.services[s]
                            .breaker
                            .reconfigure(old, &pats.circuit_breaker, self.now)
                    {
                        self.transitions.push(t);
                    }
                    let pats = &self.world.services[s].patterns;
                    if before[s].retry.budget != pats.retry.budget {
                        self.services[s].budget = RetryBudget::new(pats.retry.budget);
                    }
                    self.log_transitions(s);
                    self.admit_bulkhead(s);
                }
            }
        }
    }
}
