//! How much a run will do, estimated before it starts (`check`, `run
//! --duration`) and before a live change is accepted: calls, attempts (with
//! the retries of failures and of timeouts) and events, from the load, the
//! patterns and the timeline; and the calls in flight at once, for a
//! sweep's memory. The engine enforces the limits while running as well
//! (`work_meter`); this only says early what would cross them.

use crate::base::outcome::Outcome;
use crate::base::time::Dur;
use crate::patterns::PatternKind;
use crate::sim::limits::{
    EVENTS_PER_WALL_SECOND, MAX_EXPECTED_ATTEMPTS, MAX_EXPECTED_CALLS, MAX_EXPECTED_EVENTS,
    MAX_IN_FLIGHT,
};
use crate::sim::world::{Change, LoadKind, ServiceConfig, World};

impl World {
    /// Calls per simulated second at this moment. A closed loop's client
    /// cycles in its typical think time plus the fastest service's typical
    /// call: its latency (times `latency_factor`) cut by its timeout, as an
    /// attempt cut at `per_attempt` answers then (never under the engine's
    /// 1 µs floor; a service that is down answers at once); "typical" is the
    /// lesser of mean and median, so a heavy tail cannot make the estimate
    /// vanish.
    pub fn calls_per_second(&self) -> f64 {
        match self.load.kind {
            LoadKind::Closed => {
                let fastest = self
                    .services
                    .iter()
                    .map(|s| {
                        if s.params.down {
                            return 0.0;
                        }
                        let latency =
                            s.params.latency.typical_secs() * s.params.latency_factor.max(0.0);
                        let t = &s.patterns.timeout;
                        if t.enabled {
                            latency.min(t.per_attempt.as_secs_f64())
                        } else {
                            latency
                        }
                    })
                    .fold(f64::INFINITY, f64::min);
                let cycle = (self.load.think.typical_secs() + fastest).max(1e-6);
                self.load.clients as f64 / cycle
            }
            _ => self.load.rate,
        }
    }

    /// Attempts per call, at worst over the services (`Load::attempts`).
    pub fn attempts_per_call(&self) -> f64 {
        self.services
            .iter()
            .map(|s| self.load_of(s).attempts)
            .fold(1.0, f64::max)
    }

    /// Events per call, the services weighed by their shares
    /// (`Load::events`).
    pub fn events_per_call(&self) -> f64 {
        let total = self.total_share();
        if total.is_nan() || total <= 0.0 {
            return 2.0;
        }
        self.services
            .iter()
            .map(|s| s.params.share / total * self.load_of(s).events())
            .sum::<f64>()
            .max(2.0)
    }

    /// Calls in flight at once, at most, estimated for memory (Little's
    /// law): the arrivals times how long a call stays — each attempt its
    /// mean latency (× `latency_factor`) cut by its timeout, times the
    /// attempts; without retries or copies no more than the workers — plus
    /// every queue full (the services', the bulkheads', the caller pool's);
    /// a closed loop has no more than its clients; never more than
    /// `MAX_IN_FLIGHT`.
    pub fn calls_in_flight(&self) -> f64 {
        let total = self.total_share();
        let rate = self.calls_per_second();
        let mut calls = 0.0;
        for s in &self.services {
            let share = if total > 0.0 {
                s.params.share / total
            } else {
                1.0
            };
            let mut latency = s.params.latency.mean_secs() * s.params.latency_factor.max(0.0);
            if s.patterns.timeout.enabled {
                latency = latency.min(s.patterns.timeout.per_attempt.as_secs_f64());
            }
            if s.params.down {
                latency = 0.0;
            }
            let mut here = share * rate * latency * self.load_of(s).attempts;
            let mut queues = f64::from(s.params.queue);
            if s.patterns.bulkhead.enabled {
                queues += f64::from(s.patterns.bulkhead.max_queue);
            }
            // Without retries or copies, a call in flight is in the
            // service or in one of its queues.
            if !s.patterns.retry.enabled && !s.patterns.hedging.enabled {
                here = here.min(f64::from(s.params.workers));
            }
            calls += here + queues;
        }
        if let Some(c) = &self.client {
            calls += f64::from(c.queue);
        }
        if self.load.kind == LoadKind::Closed {
            calls = calls.min(f64::from(self.load.clients));
        }
        if calls.is_finite() {
            calls.min(MAX_IN_FLIGHT as f64)
        } else {
            MAX_IN_FLIGHT as f64
        }
    }

    /// What one call to `s` costs, estimated: see `Load`.
    fn load_of(&self, s: &ServiceConfig) -> Load {
        let r = &s.patterns.retry;
        let t = &s.patterns.timeout;
        // The timeout cuts attempts where it sits inside the retry (per
        // attempt); outside it, it cuts the whole call, never retried.
        let place = |k: PatternKind| self.order.iter().position(|o| *o == k);
        let inside = match (place(PatternKind::Retry), place(PatternKind::Timeout)) {
            (Some(r), Some(t)) => r < t,
            _ => true,
        };
        let timed_out = if t.enabled && !s.params.down {
            s.params
                .latency
                .exceeds(t.per_attempt.as_secs_f64(), s.params.latency_factor)
        } else {
            0.0
        };
        if !r.enabled {
            return Load {
                attempts: 1.0,
                timed_out,
            };
        }
        let failed = if s.params.down {
            1.0
        } else {
            s.params.failure_rate
        };
        let retried = if inside && r.retry_on.contains(&Outcome::TimedOut) {
            (failed + timed_out).min(1.0)
        } else {
            failed
        };
        let amplification: f64 = (0..r.max_attempts)
            .map(|k| crate::base::maths::powi(retried, k as i32))
            .sum();
        Load {
            attempts: match r.budget {
                Some(b) => amplification.min(1.0 + b.token_ratio.max(0.0)),
                None => amplification,
            },
            timed_out,
        }
    }
}

/// What one call costs a service, estimated. Attempts: Σ pᵏ for k below
/// `max_attempts`, with p the share of attempts retried — the failure rate
/// (1 for a service that is down), plus, where `retry_on` lists
/// `timed_out` and the timeout is per attempt, the share of latencies
/// longer than `per_attempt` — and no more than 1 + `token_ratio` where a
/// retry budget caps retries (in the long run it allows about
/// `token_ratio` retries per call).
struct Load {
    attempts: f64,
    /// The share of attempts a timeout cuts.
    timed_out: f64,
}

impl Load {
    /// Events: the arrival, one per attempt (its answer), one per retry
    /// (the wait before it) and one more per attempt cut by a timeout (its
    /// timer; the abandoned answer is the attempt's own). Measured
    /// (`cargo bench --bench throughput`): 1.91 events per call where it
    /// says 2 (900,000 in flight), 300 where it says 300 (100 attempts,
    /// each cut by a timeout), 1.92 where it says 2.5 (`heavy.toml`,
    /// whose retries it counts at the worst service).
    fn events(&self) -> f64 {
        1.0 + self.attempts + (self.attempts - 1.0) + self.attempts * self.timed_out
    }
}

/// The estimate of a run.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate {
    pub calls: f64,
    pub attempts: f64,
    /// Events the engine will handle (`Load::events`), what a run's wall
    /// time goes with.
    pub events: f64,
    /// Where the estimate first crossed a limit: `Some(None)` already before
    /// any timeline change, `Some(Some(i))` after change `i`; `None` if never.
    pub crossed: Option<Option<usize>>,
}

impl Estimate {
    /// The limit crossed, in words, if one is.
    pub fn excess(&self) -> Option<crate::i18n::Msg> {
        self.crossed?;
        Some(if self.calls > MAX_EXPECTED_CALLS {
            crate::msg!(
                "estimate-calls",
                calls = self.calls.round(),
                max = format!("{MAX_EXPECTED_CALLS:.0}")
            )
        } else if self.attempts > MAX_EXPECTED_ATTEMPTS {
            crate::msg!(
                "estimate-attempts",
                attempts = self.attempts.round(),
                max = format!("{MAX_EXPECTED_ATTEMPTS:.0}")
            )
        } else {
            crate::msg!(
                "estimate-events",
                events = self.events.round(),
                max = format!("{MAX_EXPECTED_EVENTS:.0}")
            )
        })
    }

    /// A rough wall time in seconds, from the fastest to the slowest pace
    /// measured (`EVENTS_PER_WALL_SECOND`).
    pub fn wall_secs(&self) -> (f64, f64) {
        let (slowest, fastest) = EVENTS_PER_WALL_SECOND;
        (self.events / fastest, self.events / slowest)
    }

    fn over(&self) -> bool {
        self.calls > MAX_EXPECTED_CALLS
            || self.attempts > MAX_EXPECTED_ATTEMPTS
            || self.events > MAX_EXPECTED_EVENTS
    }
}

/// Estimates a run of `duration` from `world`, with `timeline` (sorted by
/// time) applied as it goes. A ramp counts at its target from its start.
pub fn estimate(world: &World, timeline: &[Change], duration: Dur) -> Estimate {
    let mut dry = world.clone();
    let mut e = Estimate {
        calls: 0.0,
        attempts: 0.0,
        events: 0.0,
        crossed: None,
    };
    let mut from = 0.0;
    let end = duration.as_secs_f64();
    let add = |dry: &World, from: f64, to: f64, after: Option<usize>, e: &mut Estimate| {
        let calls = dry.calls_per_second() * (to - from).max(0.0);
        e.calls += calls;
        e.attempts += calls * dry.attempts_per_call();
        e.events += calls * dry.events_per_call();
        if e.crossed.is_none() && e.over() {
            e.crossed = Some(after);
        }
    };
    let mut after = None;
    for (i, c) in timeline.iter().enumerate() {
        let at = c.at.as_secs_f64().min(end);
        add(&dry, from, at, after, &mut e);
        from = at;
        if !c.path.is_empty() {
            // A change the world refuses changes nothing (as when it runs).
            let _ = dry.set(&c.path, &c.value);
        }
        after = Some(i);
    }
    add(&dry, from, end, after, &mut e);
    e
}
