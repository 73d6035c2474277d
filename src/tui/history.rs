//! Bounded time series for the panels. Ticks from the simulation are folded
//! into samples of about one second of virtual time (rates per second read
//! better than per-100 ms counts), and only the last `CAPACITY` samples are
//! kept, so memory does not grow with the length of a session.

use crate::base::outcome::Outcome;
pub use crate::base::ring::Ring;
use crate::base::time::{SimTime, NANOS_PER_SEC};
use crate::patterns::circuit_breaker::BreakerState;
use crate::sim::metrics::{StatesSeen, Tick};

/// Samples kept: ten minutes of one-second samples.
pub const CAPACITY: usize = 600;

/// One service over one sample.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ServiceSample {
    pub calls: u64,
    /// Final outcomes, indexed by `Outcome::index`.
    pub outcomes: [u64; 6],
    pub fallbacks: u64,
    pub attempts: u64,
    pub retries: u64,
    /// Attempts that hit the per-attempt timeout.
    pub attempt_timeouts: u64,
    /// Calls finished (the weight of `p50`).
    pub finished: u64,
    /// Finished-weighted mean of the ticks' medians, in ms (display only).
    pub p50: f64,
    /// The worst tick's p99, in ms (display only: percentiles do not add).
    pub p99: f64,
    /// Peak bulkhead slots in use and callers waiting during the sample.
    pub in_use: u32,
    pub waiting: u32,
    /// The most alarming breaker state seen during the sample.
    pub breaker: Option<BreakerState>,
    /// Every breaker state seen during the sample, however briefly (a
    /// HALF_OPEN of 0.2 s between two ticks included).
    pub seen: StatesSeen,
    pub budget_tokens: Option<f64>,
}

/// All services over one sample of virtual time.
#[derive(Clone, Debug, PartialEq)]
pub struct Sample {
    /// The end of the sample.
    pub t: SimTime,
    /// Its length.
    pub len: SimTime,
    pub services: Vec<ServiceSample>,
    pub client_busy: u32,
    pub client_waiting: u32,
}

impl Sample {
    fn empty(n: usize) -> Sample {
        Sample {
            t: 0,
            len: 0,
            services: vec![ServiceSample::default(); n],
            client_busy: 0,
            client_waiting: 0,
        }
    }
    pub fn secs(&self) -> f64 {
        (self.len as f64 / NANOS_PER_SEC as f64).max(1e-9)
    }
    /// `count` of this sample as a rate per second.
    pub fn rate(&self, count: u64) -> f64 {
        count as f64 / self.secs()
    }
}

/// The dashboard's memory of the run: a ring of samples and the one being filled.
#[derive(Clone, Debug)]
pub struct History {
    samples: Ring<Sample>,
    partial: Sample,
    period: SimTime,
    n: usize,
}

impl History {
    pub fn new(services: usize) -> History {
        History {
            samples: Ring::new(CAPACITY),
            partial: Sample::empty(services),
            period: NANOS_PER_SEC,
            n: services,
        }
    }

    pub fn clear(&mut self) {
        self.samples.clear();
        self.partial = Sample::empty(self.n);
    }

    pub fn samples(&self) -> &Ring<Sample> {
        &self.samples
    }

    /// Folds one tick in; a sample is pushed once it spans a second.
    pub fn push_tick(&mut self, tick: &Tick) {
        let p = &mut self.partial;
        p.t = tick.t;
        p.len += tick.len;
        p.client_busy = p.client_busy.max(tick.client_busy);
        p.client_waiting = p.client_waiting.max(tick.client_waiting);
        for (acc, s) in p.services.iter_mut().zip(&tick.services) {
            let c = &s.counts;
            acc.calls += c.calls;
            for o in Outcome::ALL {
                acc.outcomes[o.index()] += c.outcome(o);
            }
            acc.fallbacks += c.fallbacks;
            acc.attempts += c.attempts;
            acc.retries += c.retries;
            acc.attempt_timeouts += c.attempt_outcomes[Outcome::TimedOut.index()];
            let fin = c.finished();
            if fin > 0 {
                let total = acc.finished + fin;
                acc.p50 =
                    (acc.p50 * acc.finished as f64 + s.latency.p50 * fin as f64) / total as f64;
                acc.finished = total;
                acc.p99 = acc.p99.max(s.latency.p99);
            }
            acc.in_use = acc.in_use.max(s.bulkhead_in_use);
            acc.waiting = acc.waiting.max(s.bulkhead_waiting);
            acc.breaker = match acc.breaker {
                Some(b) if b.severity() >= s.breaker.severity() => Some(b),
                _ => Some(s.breaker),
            };
            for st in s.breaker_seen.iter() {
                acc.seen.push(st);
            }
            acc.budget_tokens = s.budget_tokens;
        }
        if p.len >= self.period {
            let done = std::mem::replace(p, Sample::empty(self.n));
            self.samples.push(done);
        }
    }

    /// The last `n` values of `f` over the samples, oldest first.
    pub fn series(&self, n: usize, f: impl Fn(&Sample) -> f64) -> Vec<f64> {
        self.samples.last_n(n).map(f).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ring_keeps_the_newest() {
        let mut r = Ring::new(3);
        for i in 0..5 {
            r.push(i);
        }
        assert_eq!(r.iter().copied().collect::<Vec<_>>(), vec![2, 3, 4]);
        assert_eq!(r.last_n(2).copied().collect::<Vec<_>>(), vec![3, 4]);
        assert_eq!(r.last_n(9).count(), 3);
    }
}
