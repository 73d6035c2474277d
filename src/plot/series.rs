//! The data of a figure, from the same per-tick series as `run --timeseries`:
//! ticks are folded into points of at least one second (as the dashboard
//! does), at most `MAX_POINTS` of them, so memory does not grow with the run;
//! breaker states are kept tick by tick as intervals, so a state that lasted
//! one tick is in the figure.
//!
//! How a point folds its ticks (the figure's caption says so too): counts are
//! summed and divided by the point's length (an exact rate over it); pool use
//! is its peak; p50 is the mean of the ticks' medians weighted by the calls
//! they finished; p99 is the worst tick's. Latency is absent from a point in
//! which no call finished (the line has a gap, not a zero).

use crate::base::outcome::Outcome;
use crate::base::time::{SimTime, NANOS_PER_SEC};
use crate::patterns::circuit_breaker::BreakerState;
use crate::patterns::registry::{self, COUNTERS};
use crate::sim::metrics::Tick;
use crate::sim::world::World;

/// The most points a line has: more than a slide has pixels to show them.
pub const MAX_POINTS: u64 = 1000;

/// The shortest point: rates per second read better than per-100 ms counts.
pub const MIN_POINT: SimTime = NANOS_PER_SEC;

/// One service over one point.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ServicePoint {
    pub ok: u64,
    pub retries: u64,
    pub attempt_timeouts: u64,
    pub fallbacks: u64,
    /// The patterns' own counters (`Counts::extra`).
    pub extra: [u64; COUNTERS],
    /// Calls finished: the weight of the ticks' medians.
    pub finished: u64,
    p50_weighted: f64,
    /// The worst tick's p99 (ms), if any call finished.
    pub p99: Option<f64>,
    /// Peak bulkhead slots in use as a fraction of the capacity then, while
    /// the service had a bulkhead.
    pub pool: Option<f64>,
}

impl ServicePoint {
    /// The finished-weighted mean of the ticks' medians (ms).
    pub fn p50(&self) -> Option<f64> {
        (self.finished > 0).then(|| self.p50_weighted / self.finished as f64)
    }
}

/// All services over one point of time.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// Its start and end.
    pub from: SimTime,
    pub to: SimTime,
    pub services: Vec<ServicePoint>,
    /// Peak caller threads in use as a fraction of the pool, with a pool.
    pub client: Option<f64>,
}

impl Point {
    /// `count` over this point as a rate per second.
    pub fn rate(&self, count: u64) -> f64 {
        let secs = (self.to - self.from) as f64 / NANOS_PER_SEC as f64;
        if secs > 0.0 {
            count as f64 / secs
        } else {
            0.0
        }
    }
    /// The middle of the point, where its value is drawn.
    pub fn mid(&self) -> SimTime {
        self.from + (self.to - self.from) / 2
    }
}

/// A stretch of time in which a breaker was (at some moment of every tick) in
/// one state. Stretches of different states overlap in a tick where the
/// state changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Band {
    pub state: BreakerState,
    pub from: SimTime,
    pub to: SimTime,
}

/// Which patterns were on somewhere, at some time: the figure shows a panel
/// only for what existed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Seen {
    pub breaker: bool,
    pub retry: bool,
    pub bulkhead: bool,
    pub client_pool: bool,
    pub timeout: bool,
    pub fallback: bool,
    /// A pattern's counter: its pattern was on, or it counted something.
    pub counters: [bool; COUNTERS],
}

impl Seen {
    pub fn or(self, o: Seen) -> Seen {
        Seen {
            breaker: self.breaker || o.breaker,
            retry: self.retry || o.retry,
            bulkhead: self.bulkhead || o.bulkhead,
            client_pool: self.client_pool || o.client_pool,
            timeout: self.timeout || o.timeout,
            fallback: self.fallback || o.fallback,
            counters: std::array::from_fn(|k| self.counters[k] || o.counters[k]),
        }
    }
}

/// One side's series: points for the lines, bands per service for the
/// breaker.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub services: Vec<String>,
    pub points: Vec<Point>,
    /// Per service, in time order within each state.
    pub bands: Vec<Vec<Band>>,
    pub seen: Seen,
    /// The length of a point and of a tick.
    pub point_len: SimTime,
    pub tick_len: SimTime,
    /// The simulated time covered.
    pub end: SimTime,
    /// Bulkhead capacity per service at the end (for the legend), and the
    /// caller pool's threads.
    pub capacity: Vec<Option<u32>>,
    pub client_threads: Option<u32>,
}

/// The length of a point for a run of `end` with ticks of `tick`: a whole
/// number of ticks, at least `MIN_POINT`, and at most `MAX_POINTS` points.
pub fn point_length(end: SimTime, tick: SimTime) -> SimTime {
    let tick = tick.max(1);
    let ticks = end.div_ceil(tick).max(1);
    let k = MIN_POINT
        .div_ceil(tick)
        .max(ticks.div_ceil(MAX_POINTS))
        .max(1);
    k * tick
}

/// Folds ticks into a `Series`; memory is bounded by `MAX_POINTS` and by
/// the number of breaker transitions.
pub struct Recorder {
    series: Series,
    current: Option<Point>,
    /// Bands closer than this merge (a fraction of a pixel at any size).
    merge_gap: SimTime,
}

impl Recorder {
    pub fn new(services: Vec<String>, end: SimTime, tick: SimTime) -> Recorder {
        let n = services.len();
        Recorder {
            series: Series {
                services,
                points: Vec::new(),
                bands: vec![Vec::new(); n],
                seen: Seen::default(),
                point_len: point_length(end, tick),
                tick_len: tick,
                end: 0,
                capacity: vec![None; n],
                client_threads: None,
            },
            current: None,
            merge_gap: end / 16_384,
        }
    }

    /// Adds a tick, with the world as it was at its end (capacities and
    /// which patterns are on).
    pub fn push(&mut self, tick: &Tick, world: &World) {
        let from = tick.t - tick.len;
        let s = &mut self.series;
        s.end = tick.t;
        s.client_threads = world.client.as_ref().map(|c| c.threads);
        s.seen.client_pool |= s.client_threads.is_some();
        let slot = (from / s.point_len) * s.point_len;
        if self.current.as_ref().is_some_and(|p| p.from != slot) {
            s.points.extend(self.current.take());
        }
        let n = s.services.len();
        let point = self.current.get_or_insert_with(|| Point {
            from: slot,
            to: slot,
            services: vec![ServicePoint::default(); n],
            client: None,
        });
        point.to = tick.t;
        if let Some(threads) = s.client_threads {
            let used = tick.client_busy as f64 / threads.max(1) as f64;
            point.client = Some(point.client.map_or(used, |u: f64| u.max(used)));
        }
        for (i, (t, sp)) in tick.services.iter().zip(&mut point.services).enumerate() {
            let c = &t.counts;
            sp.ok += c.outcome(Outcome::Ok);
            sp.retries += c.retries;
            sp.attempt_timeouts += c.attempt_outcomes[Outcome::TimedOut.index()];
            sp.fallbacks += c.fallbacks;
            for (a, b) in sp.extra.iter_mut().zip(c.extra) {
                *a += b;
            }
            let finished = c.finished();
            if finished > 0 {
                sp.finished += finished;
                sp.p50_weighted += t.latency.p50 * finished as f64;
                sp.p99 = Some(sp.p99.map_or(t.latency.p99, |p| p.max(t.latency.p99)));
            }
            let pats = &world.services[i].patterns;
            s.capacity[i] = pats
                .bulkhead
                .enabled
                .then_some(pats.bulkhead.max_concurrent);
            if let Some(cap) = s.capacity[i] {
                let used = t.bulkhead_in_use as f64 / cap.max(1) as f64;
                sp.pool = Some(sp.pool.map_or(used, |u| u.max(used)));
            }
            s.seen.breaker |= pats.circuit_breaker.enabled || !t.breaker_seen.is_empty();
            s.seen.retry |= pats.retry.enabled;
            s.seen.bulkhead |= pats.bulkhead.enabled;
            s.seen.timeout |= pats.timeout.enabled;
            s.seen.fallback |=
                (pats.fallback.enabled && !pats.fallback.on.is_empty()) || c.fallbacks > 0;
            for (k, (p, _)) in registry::counters().enumerate() {
                s.seen.counters[k] |= p.config(pats).enabled() || c.extra[k] > 0;
            }
            for state in t.breaker_seen.iter() {
                extend_band(&mut s.bands[i], state, from, tick.t, self.merge_gap);
            }
        }
    }

    pub fn finish(mut self) -> Series {
        self.series.points.extend(self.current.take());
        self.series
    }
}

/// Extends the last band of `state` to `to` when it reaches `from` (within
/// `gap`), or starts a new one.
fn extend_band(
    bands: &mut Vec<Band>,
    state: BreakerState,
    from: SimTime,
    to: SimTime,
    gap: SimTime,
) {
    if let Some(b) = bands.iter_mut().rev().find(|b| b.state == state) {
        if b.to + gap >= from {
            b.to = b.to.max(to);
            return;
        }
    }
    bands.push(Band { state, from, to });
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: SimTime = NANOS_PER_SEC;

    #[test]
    fn points_are_whole_ticks_of_at_least_a_second_and_at_most_max_points() {
        assert_eq!(point_length(300 * S, S / 10), S);
        assert_eq!(point_length(300 * S, 5 * S), 5 * S);
        assert_eq!(point_length(3 * S / 2, S / 10), S);
        // A day at 100 ms: 864,000 ticks into at most 1000 points.
        let p = point_length(86_400 * S, S / 10);
        assert_eq!(p % (S / 10), 0);
        assert!(86_400 * S / p <= MAX_POINTS && p >= 86_400 * S / MAX_POINTS);
    }

    #[test]
    fn bands_join_neighbouring_ticks_and_split_at_gaps() {
        let mut b = Vec::new();
        let t = S / 10;
        for (k, st) in [
            BreakerState::Closed,
            BreakerState::Closed,
            BreakerState::Open,
            BreakerState::Open,
            BreakerState::Closed,
        ]
        .into_iter()
        .enumerate()
        {
            extend_band(&mut b, st, k as u64 * t, (k as u64 + 1) * t, 0);
        }
        assert_eq!(
            b,
            vec![
                Band {
                    state: BreakerState::Closed,
                    from: 0,
                    to: 2 * t
                },
                Band {
                    state: BreakerState::Open,
                    from: 2 * t,
                    to: 4 * t
                },
                Band {
                    state: BreakerState::Closed,
                    from: 4 * t,
                    to: 5 * t
                },
            ]
        );
    }
}
