//! Counters and latency histograms, per tick and for the whole run. Memory is
//! fixed: a tick's counters are folded into the totals and reset, and
//! histograms have fixed bucket arrays.

use crate::base::outcome::Outcome;
use crate::base::time::SimTime;
use crate::patterns::circuit_breaker::BreakerState;
use crate::patterns::registry::COUNTERS;
use crate::sim::world::Change;
use hdrhistogram::Histogram;

/// Outcome counts; the same shape per tick and in total.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Calls that arrived.
    pub calls: u64,
    /// Final outcomes of calls, indexed by `Outcome::index`.
    pub outcomes: [u64; 6],
    /// Calls answered by the fallback (also counted by their outcome).
    pub fallbacks: u64,
    /// Attempts made (the first try and every retry).
    pub attempts: u64,
    pub retries: u64,
    /// Outcomes of attempts, indexed by `Outcome::index` (never client_rejected).
    pub attempt_outcomes: [u64; 6],
    /// Attempts that reached the downstream, and those it refused.
    pub downstream_attempts: u64,
    pub downstream_refused: u64,
    /// The patterns' own counters, by `patterns::registry::counters()` index.
    pub extra: [u64; COUNTERS],
    /// Finished calls that made at least one attempt (a retry layer started
    /// one, or it reached the downstream), and their attempts: their ratio
    /// is never below 1, unlike `attempts / calls` when calls are turned
    /// away before any attempt (caller pool, breaker, bulkhead).
    pub attempted_calls: u64,
    pub attempted_attempts: u64,
    /// Finished calls an attempt of which reached the downstream (the
    /// calls in the `*_reached` latency histograms).
    pub reached_calls: u64,
}

impl Counts {
    pub fn outcome(&self, o: Outcome) -> u64 {
        self.outcomes[o.index()]
    }
    pub fn finished(&self) -> u64 {
        self.outcomes.iter().sum()
    }
    pub fn add(&mut self, o: &Counts) {
        self.calls += o.calls;
        for i in 0..6 {
            self.outcomes[i] += o.outcomes[i];
            self.attempt_outcomes[i] += o.attempt_outcomes[i];
        }
        self.fallbacks += o.fallbacks;
        self.attempts += o.attempts;
        self.retries += o.retries;
        self.downstream_attempts += o.downstream_attempts;
        self.downstream_refused += o.downstream_refused;
        for (x, y) in self.extra.iter_mut().zip(o.extra) {
            *x += y;
        }
        self.attempted_calls += o.attempted_calls;
        self.attempted_attempts += o.attempted_attempts;
        self.reached_calls += o.reached_calls;
    }

    /// What was counted since `earlier` (counts taken before these, from
    /// the same run: every count only grows).
    pub fn minus(&self, earlier: &Counts) -> Counts {
        let mut d = self.clone();
        d.calls -= earlier.calls;
        for i in 0..6 {
            d.outcomes[i] -= earlier.outcomes[i];
            d.attempt_outcomes[i] -= earlier.attempt_outcomes[i];
        }
        d.fallbacks -= earlier.fallbacks;
        d.attempts -= earlier.attempts;
        d.retries -= earlier.retries;
        d.downstream_attempts -= earlier.downstream_attempts;
        d.downstream_refused -= earlier.downstream_refused;
        for (x, y) in d.extra.iter_mut().zip(earlier.extra) {
            *x -= y;
        }
        d.attempted_calls -= earlier.attempted_calls;
        d.attempted_attempts -= earlier.attempted_attempts;
        d.reached_calls -= earlier.reached_calls;
        d
    }

    /// Attempts per call among the calls that made an attempt (1 with none).
    pub fn attempts_per_attempted_call(&self) -> f64 {
        if self.attempted_calls == 0 {
            1.0
        } else {
            self.attempted_attempts as f64 / self.attempted_calls as f64
        }
    }

    /// The pattern counter called `name` (0 if no pattern declares it).
    pub fn counter(&self, name: &str) -> u64 {
        crate::patterns::registry::counters()
            .position(|(_, c)| c.name == name)
            .map_or(0, |i| self.extra[i])
    }
}

/// Latency percentiles in milliseconds.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Percentiles {
    pub mean: f64,
    pub p50: f64,
    pub p90: f64,
    pub p99: f64,
    pub max: f64,
}

/// Latencies are recorded in microseconds, up to a week.
const MAX_MICROS: u64 = 7 * 86_400 * 1_000_000;

pub fn new_histogram(sigfig: u8) -> Histogram<u64> {
    Histogram::new_with_bounds(1, MAX_MICROS, sigfig).expect("valid histogram bounds")
}

pub fn percentiles(h: &Histogram<u64>) -> Percentiles {
    if h.is_empty() {
        return Percentiles::default();
    }
    let ms = |us: u64| us as f64 / 1000.0;
    Percentiles {
        mean: h.mean() / 1000.0,
        p50: ms(h.value_at_quantile(0.5)),
        p90: ms(h.value_at_quantile(0.9)),
        p99: ms(h.value_at_quantile(0.99)),
        max: ms(h.max()),
    }
}

/// The upper bounds (ns) of the latency buckets an exported histogram
/// shows (`le` in seconds: 5 ms … 60 s, then +Inf): Prometheus' default
/// buckets widened to the minutes a retry storm's calls can take.
pub const LATENCY_BOUNDS_NS: [u64; 14] = [
    5_000_000,
    10_000_000,
    25_000_000,
    50_000_000,
    100_000_000,
    250_000_000,
    500_000_000,
    1_000_000_000,
    2_500_000_000,
    5_000_000_000,
    10_000_000_000,
    30_000_000_000,
    60_000_000_000,
    u64::MAX,
];

/// Finished calls by latency bucket (not cumulative; the last is +Inf).
pub type LatencyBuckets = [u64; LATENCY_BOUNDS_NS.len()];

/// One service's measurements.
#[derive(Clone)]
pub struct ServiceMetrics {
    pub tick: Counts,
    pub total: Counts,
    /// The tick's latencies, when per-tick percentiles are wanted (a
    /// dashboard, a time series); a plain headless run skips the cost.
    pub tick_latency: Option<Histogram<u64>>,
    /// The run's latencies of the calls that never reached the downstream
    /// (short-circuited, rejected: instant answers); with
    /// `total_latency_reached`, every finished call (`total_latency`). Each
    /// call is recorded once, in one of the two, so the second measure
    /// costs a headless run nothing per call.
    pub total_latency_instant: Histogram<u64>,
    /// Exact sum of latencies (ns) of finished calls, for the mean.
    pub latency_sum_ns: u128,
    /// The same, only of the calls that reached the downstream at least
    /// once (short-circuited and rejected calls are instant answers).
    pub tick_latency_reached: Option<Histogram<u64>>,
    pub total_latency_reached: Histogram<u64>,
    pub latency_reached_sum_ns: u128,
    /// Every finished call's latency by bucket since the run began, when an
    /// exported histogram wants it (`Simulation::measure_buckets`).
    pub buckets: Option<Box<LatencyBuckets>>,
}

impl Default for ServiceMetrics {
    fn default() -> Self {
        ServiceMetrics {
            tick: Counts::default(),
            total: Counts::default(),
            tick_latency: Some(new_histogram(2)),
            total_latency_instant: new_histogram(3),
            latency_sum_ns: 0,
            tick_latency_reached: Some(new_histogram(2)),
            total_latency_reached: new_histogram(3),
            latency_reached_sum_ns: 0,
            buckets: None,
        }
    }
}

impl ServiceMetrics {
    #[inline]
    pub fn record_latency(&mut self, ns: u64, reached: bool) {
        let us = ns / 1000;
        if let Some(h) = &mut self.tick_latency {
            h.saturating_record(us);
        }
        self.latency_sum_ns += ns as u128;
        if let Some(b) = &mut self.buckets {
            let i = LATENCY_BOUNDS_NS.partition_point(|&le| le < ns);
            b[i] += 1;
        }
        if reached {
            if let Some(h) = &mut self.tick_latency_reached {
                h.saturating_record(us);
            }
            self.total_latency_reached.saturating_record(us);
            self.latency_reached_sum_ns += ns as u128;
        } else {
            self.total_latency_instant.saturating_record(us);
        }
    }

    /// The run's latencies of every finished call.
    pub fn total_latency(&self) -> Histogram<u64> {
        let mut h = self.total_latency_reached.clone();
        h.add(&self.total_latency_instant).expect("same bounds");
        h
    }

    /// Counts including the tick in progress.
    pub fn totals_now(&self) -> Counts {
        let mut c = self.total.clone();
        c.add(&self.tick);
        c
    }

    /// The tick's percentiles (zeros when they are not measured).
    pub fn tick_percentiles(&self) -> Percentiles {
        self.tick_latency
            .as_ref()
            .map(percentiles)
            .unwrap_or_default()
    }

    /// The tick's percentiles of the calls that reached the downstream.
    pub fn tick_percentiles_reached(&self) -> Percentiles {
        self.tick_latency_reached
            .as_ref()
            .map(percentiles)
            .unwrap_or_default()
    }

    /// Folds the finished tick into the totals.
    pub fn end_tick(&mut self) {
        let t = std::mem::take(&mut self.tick);
        self.total.add(&t);
        if let Some(h) = &mut self.tick_latency {
            h.reset();
        }
        if let Some(h) = &mut self.tick_latency_reached {
            h.reset();
        }
    }
}

/// One service at the end of a tick: the tick's counts and the gauges then.
#[derive(Clone, Debug, PartialEq)]
pub struct TickService {
    pub counts: Counts,
    /// The tick's latency percentiles (zeros unless
    /// `Simulation::measure_ticks` is on, as it is by default).
    pub latency: Percentiles,
    /// The same, of the calls that reached the downstream at least once.
    pub latency_reached: Percentiles,
    /// Calls started and not yet answered.
    pub in_flight: u64,
    pub downstream_busy: u32,
    pub downstream_queued: u32,
    pub bulkhead_in_use: u32,
    pub bulkhead_waiting: u32,
    pub breaker: BreakerState,
    /// Every breaker state the service was in during the tick, in the order
    /// first seen, so a 0.2 s HALF-OPEN between two ticks is not lost; empty
    /// while the service has no breaker.
    pub breaker_seen: StatesSeen,
    pub budget_tokens: Option<f64>,
}

/// The breaker states seen within a tick, each once, in the order first seen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatesSeen {
    states: [Option<BreakerState>; 5],
    len: u8,
}

impl StatesSeen {
    /// Only `state`.
    pub fn of(state: BreakerState) -> StatesSeen {
        let mut s = StatesSeen::default();
        s.push(state);
        s
    }
    /// Adds `state` unless it was seen already.
    pub fn push(&mut self, state: BreakerState) {
        if !self.contains(state) && (self.len as usize) < self.states.len() {
            self.states[self.len as usize] = Some(state);
            self.len += 1;
        }
    }
    pub fn contains(&self, state: BreakerState) -> bool {
        self.iter().any(|s| s == state)
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    pub fn iter(&self) -> impl Iterator<Item = BreakerState> + '_ {
        self.states[..self.len as usize].iter().flatten().copied()
    }
}

/// What one tick of virtual time produced.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// The end of the tick.
    pub t: SimTime,
    /// Its length (the last tick may be shorter).
    pub len: SimTime,
    pub services: Vec<TickService>,
    pub client_busy: u32,
    pub client_waiting: u32,
}

/// Each service's counts when the scenario's timeline is over (its last
/// entry, a ramp's end included): what comes after is the world left to
/// itself, e.g. whether a retry storm outlives its trigger. Taken at the
/// first tick boundary at or after that moment; with no timeline, at 0.
#[derive(Clone, Debug, Default)]
pub struct AfterTimeline {
    /// When the timeline is over.
    from: SimTime,
    /// When the counts were taken, and the counts.
    taken: Option<(SimTime, Vec<Counts>)>,
}

impl AfterTimeline {
    pub fn new(timeline: &[Change], services: usize) -> AfterTimeline {
        let from = timeline
            .iter()
            .map(|c| c.at.0.saturating_add(c.over.map_or(0, |o| o.0)))
            .max()
            .unwrap_or(0);
        let taken = (from == 0).then(|| (0, vec![Counts::default(); services]));
        AfterTimeline { from, taken }
    }

    /// At a tick boundary: takes the counts once the timeline is over.
    #[inline]
    pub fn observe<'a>(&mut self, now: SimTime, counts: impl Iterator<Item = &'a Counts>) {
        if self.taken.is_none() && now >= self.from {
            self.taken = Some((now, counts.cloned().collect()));
        }
    }

    /// When the counts were taken and each service's counts then; `None`
    /// while the timeline is not over (or the run ended before).
    pub fn taken(&self) -> Option<(SimTime, &[Counts])> {
        self.taken.as_ref().map(|(t, c)| (*t, c.as_slice()))
    }
}
