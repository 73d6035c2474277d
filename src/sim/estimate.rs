//! How much a run will do, estimated before it starts (`check`, `run
//! --duration`) and before a live change is accepted: calls and attempts, from
//! the load, the retry policies and the timeline. The engine enforces the
//! limits while running as well (`work_meter`); this only says early what
//! would cross them.

use crate::base::time::Dur;
use crate::sim::limits::{MAX_EXPECTED_ATTEMPTS, MAX_EXPECTED_CALLS};
use crate::sim::world::{Change, LoadKind, World};

impl World {
    /// Calls per simulated second at this moment. A closed loop's client
    /// cycles in its typical think time plus the fastest service's typical
    /// latency (never under the engine's 1 µs floor; a service that is down
    /// answers at once); "typical" is the lesser of mean and median, so a
    /// heavy tail cannot make the estimate vanish.
    pub fn calls_per_second(&self) -> f64 {
        match self.load.kind {
            LoadKind::Closed => {
                let fastest = self
                    .services
                    .iter()
                    .map(|s| {
                        if s.params.down {
                            0.0
                        } else {
                            s.params.latency.typical_secs()
                        }
                    })
                    .fold(f64::INFINITY, f64::min);
                let cycle = (self.load.think.typical_secs() + fastest).max(1e-6);
                self.load.clients as f64 / cycle
            }
            _ => self.load.rate,
        }
    }

    /// Attempts per call, at worst over the services: Σ p^k for k below
    /// `max_attempts`, with p the failure rate (1 for a service that is down),
    /// and no more than 1 + `token_ratio` where a retry budget caps retries
    /// (in the long run it allows about `token_ratio` retries per call).
    pub fn attempts_per_call(&self) -> f64 {
        self.services
            .iter()
            .map(|s| {
                let r = &s.patterns.retry;
                if !r.enabled {
                    return 1.0;
                }
                let p = if s.params.down {
                    1.0
                } else {
                    s.params.failure_rate
                };
                let amplification: f64 = (0..r.max_attempts)
                    .map(|k| crate::base::maths::powi(p, k as i32))
                    .sum();
                match r.budget {
                    Some(b) => amplification.min(1.0 + b.token_ratio.max(0.0)),
                    None => amplification,
                }
            })
            .fold(1.0, f64::max)
    }
}

/// The estimate of a run.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate {
    pub calls: f64,
    pub attempts: f64,
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
        } else {
            crate::msg!(
                "estimate-attempts",
                attempts = self.attempts.round(),
                max = format!("{MAX_EXPECTED_ATTEMPTS:.0}")
            )
        })
    }
}

/// Estimates a run of `duration` from `world`, with `timeline` (sorted by
/// time) applied as it goes. A ramp counts at its target from its start.
pub fn estimate(world: &World, timeline: &[Change], duration: Dur) -> Estimate {
    let mut dry = world.clone();
    let mut e = Estimate {
        calls: 0.0,
        attempts: 0.0,
        crossed: None,
    };
    let mut from = 0.0;
    let end = duration.as_secs_f64();
    let add = |dry: &World, from: f64, to: f64, after: Option<usize>, e: &mut Estimate| {
        let calls = dry.calls_per_second() * (to - from).max(0.0);
        e.calls += calls;
        e.attempts += calls * dry.attempts_per_call();
        if e.crossed.is_none()
            && (e.calls > MAX_EXPECTED_CALLS || e.attempts > MAX_EXPECTED_ATTEMPTS)
        {
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
