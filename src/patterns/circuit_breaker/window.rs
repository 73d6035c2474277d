//! The rate breaker's sliding window of call results: the last N calls, or
//! the calls of the last D of time kept in buckets (as resilience4j does).
//! Sans-IO like the breaker: recording takes the current virtual time.

use crate::base::time::{SimTime, NANOS_PER_SEC};
use crate::patterns::circuit_breaker::reason::Over;
use crate::patterns::circuit_breaker::{WindowKind, WindowSize};

/// Outcome counts of a sliding window. 64-bit: a time window at a high
/// rate passes 2^32 calls in minutes (an hour at 15 M calls/s), and a
/// wrapped count would open the breaker on a rate never reached.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    pub calls: u64,
    pub failures: u64,
    pub slow: u64,
}

/// A sliding window of call results: the last N calls, or the calls of the last
/// D of time kept in buckets (as resilience4j does, one bucket per second).
#[derive(Clone, Debug)]
pub struct Window {
    kind: WindowKind,
    /// Count window: a ring of (failed, slow) per call; time window: buckets.
    ring: Vec<Counts>,
    next: usize,
    bucket_ns: u64,
    last_bucket: u64,
    pub totals: Counts,
}

impl Window {
    pub fn new(size: WindowSize) -> Window {
        match size {
            WindowSize::Calls(n) => Window {
                kind: WindowKind::Count,
                ring: vec![Counts::default(); n as usize],
                next: 0,
                bucket_ns: 0,
                last_bucket: 0,
                totals: Counts::default(),
            },
            WindowSize::Time(d) => {
                let bucket_ns = if d.0 >= 10 * NANOS_PER_SEC {
                    NANOS_PER_SEC
                } else {
                    (d.0 / 10).max(1)
                };
                let n = d.0.div_ceil(bucket_ns) as usize;
                Window {
                    kind: WindowKind::Time,
                    ring: vec![Counts::default(); n.max(1)],
                    next: 0,
                    bucket_ns,
                    last_bucket: 0,
                    totals: Counts::default(),
                }
            }
        }
    }

    fn sub(&mut self, c: Counts) {
        self.totals.calls -= c.calls;
        self.totals.failures -= c.failures;
        self.totals.slow -= c.slow;
    }

    /// Drops buckets that have slid out of a time window.
    fn advance(&mut self, now: SimTime) {
        if self.kind != WindowKind::Time {
            return;
        }
        let b = now / self.bucket_ns;
        let n = self.ring.len() as u64;
        if b <= self.last_bucket {
            return;
        }
        let steps = (b - self.last_bucket).min(n);
        for i in 1..=steps {
            let slot = ((self.last_bucket + i) % n) as usize;
            let c = std::mem::take(&mut self.ring[slot]);
            self.sub(c);
        }
        self.last_bucket = b;
    }

    pub fn record(&mut self, now: SimTime, failed: bool, slow: bool) {
        let c = Counts {
            calls: 1,
            failures: failed as u64,
            slow: slow as u64,
        };
        match self.kind {
            WindowKind::Count => {
                let old = std::mem::replace(&mut self.ring[self.next], c);
                self.sub(old);
                self.next = (self.next + 1) % self.ring.len();
            }
            WindowKind::Time => {
                self.advance(now);
                let slot = (self.last_bucket % self.ring.len() as u64) as usize;
                let b = &mut self.ring[slot];
                b.calls += 1;
                b.failures += c.failures;
                b.slow += c.slow;
            }
        }
        self.totals.calls += 1;
        self.totals.failures += c.failures;
        self.totals.slow += c.slow;
    }

    /// Adds `c` to the bucket of `now` as if that many results had been
    /// recorded: a test's cheap way to a window of billions of calls.
    #[cfg(test)]
    pub fn preload(&mut self, now: SimTime, c: Counts) {
        self.advance(now);
        let slot = match self.kind {
            WindowKind::Time => (self.last_bucket % self.ring.len() as u64) as usize,
            WindowKind::Count => self.next,
        };
        let b = &mut self.ring[slot];
        b.calls += c.calls;
        b.failures += c.failures;
        b.slow += c.slow;
        self.totals.calls += c.calls;
        self.totals.failures += c.failures;
        self.totals.slow += c.slow;
    }

    /// The calls a rate was measured over, for a transition's reason.
    pub fn over(&self, size: WindowSize) -> Over {
        match size {
            WindowSize::Calls(n) => Over::Calls(n),
            WindowSize::Time(span) => Over::Time {
                span,
                calls: self.totals.calls,
            },
        }
    }
}
