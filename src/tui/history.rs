//! Bounded time series for the panels. Ticks from the simulation are folded
//! into samples of about one second of virtual time (rates per second read
//! better than per-100 ms counts); the last `CAPACITY` samples are kept, and
//! beside them the whole run in at most `COARSE` marks of a fixed step that
//! doubles whenever they would overflow. So memory does not grow with the
//! length of a session, and every panel can show the same window of time
//! (`Window`, the `w` key) in marks of a fixed step (`View`).

use crate::base::outcome::Outcome;
pub use crate::base::ring::Ring;
use crate::base::time::{SimTime, NANOS_PER_SEC};
use crate::patterns::circuit_breaker::BreakerState;
use crate::sim::metrics::{StatesSeen, Tick};

/// Samples kept: ten minutes of one-second samples.
pub const CAPACITY: usize = 600;

/// Marks kept of the whole run (each `coarse_step` seconds long).
pub const COARSE: usize = 600;

/// The window of time every time-series panel shows; `w` cycles them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Window {
    Secs30,
    #[default]
    Min2,
    Min10,
    /// From t = 0 to now.
    Whole,
}

impl Window {
    pub const ALL: [Window; 4] = [Window::Secs30, Window::Min2, Window::Min10, Window::Whole];

    /// The next window (`w`).
    pub fn next(self) -> Window {
        let i = Window::ALL.iter().position(|w| *w == self).unwrap_or(0);
        Window::ALL[(i + 1) % Window::ALL.len()]
    }

    /// Its length in seconds; `None` for the whole run.
    pub fn secs(self) -> Option<u64> {
        match self {
            Window::Secs30 => Some(30),
            Window::Min2 => Some(120),
            Window::Min10 => Some(600),
            Window::Whole => None,
        }
    }
}

/// A window of time cut into marks of one fixed step, oldest first: what a
/// sparkline, a band or a chart draws.
#[derive(Clone, Debug, PartialEq)]
pub struct View {
    pub window: Window,
    /// One per mark; `None` where the run had not begun (or no sample yet).
    pub marks: Vec<Option<Sample>>,
    /// The step of a mark, in seconds (1 unless downsampled).
    pub step: u64,
    /// The end of the newest mark.
    pub end: SimTime,
}

impl View {
    /// The time the marks cover.
    pub fn span(&self) -> SimTime {
        self.marks.len() as u64 * self.step * NANOS_PER_SEC
    }
    /// Whether a mark merges several one-second samples.
    pub fn downsampled(&self) -> bool {
        self.step > 1
    }
    /// `f` of each mark (`None` where there is no mark).
    pub fn values(&self, f: impl Fn(&Sample) -> f64) -> Vec<Option<f64>> {
        self.marks.iter().map(|m| m.as_ref().map(&f)).collect()
    }
    /// The largest `f` over the marks, at least `floor`.
    pub fn max(&self, floor: f64, f: impl Fn(&Sample) -> f64) -> f64 {
        self.marks.iter().flatten().map(f).fold(floor, f64::max)
    }
}

/// One service over one sample.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ServiceSample {
    pub calls: u64,
    /// Final outcomes, indexed by `Outcome::index`.
    pub outcomes: [u64; 6],
    pub fallbacks: u64,
    pub attempts: u64,
    pub retries: u64,
    /// Attempts the downstream refused (its queue full, or down).
    pub refused: u64,
    /// Attempts that hit the per-attempt timeout.
    pub attempt_timeouts: u64,
    /// The patterns' own counters (`Counts::extra`).
    pub extra: [u64; crate::patterns::registry::COUNTERS],
    /// Calls finished (the weight of `p50`).
    pub finished: u64,
    /// Calls finished that made an attempt, and their attempts
    /// (`Counts::attempted_calls`): attempts per call never below 1.
    pub attempted_calls: u64,
    pub attempted_attempts: u64,
    /// Calls finished that reached the downstream (the weight of
    /// `p50_reached`), and their latency as `p50`/`p99` are of all calls.
    pub reached: u64,
    pub p50_reached: f64,
    pub p99_reached: f64,
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

impl ServiceSample {
    /// Adds `o`, a later stretch of time: counts add, peaks and p99 take the
    /// larger, p50 is weighted by calls finished, states seen are united.
    pub fn merge(&mut self, o: &ServiceSample) {
        self.calls += o.calls;
        for (a, b) in self.outcomes.iter_mut().zip(&o.outcomes) {
            *a += b;
        }
        self.fallbacks += o.fallbacks;
        self.attempts += o.attempts;
        self.retries += o.retries;
        self.attempt_timeouts += o.attempt_timeouts;
        for (a, b) in self.extra.iter_mut().zip(o.extra) {
            *a += b;
        }
        if o.finished > 0 {
            let total = self.finished + o.finished;
            self.p50 = (self.p50 * self.finished as f64 + o.p50 * o.finished as f64) / total as f64;
            self.finished = total;
            self.p99 = self.p99.max(o.p99);
        }
        self.attempted_calls += o.attempted_calls;
        self.attempted_attempts += o.attempted_attempts;
        if o.reached > 0 {
            let total = self.reached + o.reached;
            self.p50_reached = (self.p50_reached * self.reached as f64
                + o.p50_reached * o.reached as f64)
                / total as f64;
            self.reached = total;
            self.p99_reached = self.p99_reached.max(o.p99_reached);
        }
        self.in_use = self.in_use.max(o.in_use);
        self.waiting = self.waiting.max(o.waiting);
        self.breaker = match (self.breaker, o.breaker) {
            (Some(a), Some(b)) if a.severity() >= b.severity() => Some(a),
            (a, None) => a,
            (_, b) => b,
        };
        for st in o.seen.iter() {
            self.seen.push(st);
        }
        if o.budget_tokens.is_some() {
            self.budget_tokens = o.budget_tokens;
        }
    }
}

impl Sample {
    /// Adds `o`, the stretch of time that follows.
    pub fn merge(&mut self, o: &Sample) {
        self.t = self.t.max(o.t);
        self.len += o.len;
        self.client_busy = self.client_busy.max(o.client_busy);
        self.client_waiting = self.client_waiting.max(o.client_waiting);
        for (a, b) in self.services.iter_mut().zip(&o.services) {
            a.merge(b);
        }
    }

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
    /// The whole run in marks of `coarse_step` seconds, aligned to
    /// multiples of the step in virtual time.
    coarse: Vec<Sample>,
    coarse_step: u64,
}

impl History {
    pub fn new(services: usize) -> History {
        History {
            samples: Ring::new(CAPACITY),
            partial: Sample::empty(services),
            period: NANOS_PER_SEC,
            n: services,
            coarse: Vec::new(),
            coarse_step: 1,
        }
    }

    pub fn clear(&mut self) {
        self.samples.clear();
        self.partial = Sample::empty(self.n);
        self.coarse.clear();
        self.coarse_step = 1;
    }

    /// The step of the whole run's marks, in seconds.
    pub fn coarse_step(&self) -> u64 {
        self.coarse_step
    }

    /// How many marks of the whole run are kept (at most `COARSE`).
    pub fn coarse_len(&self) -> usize {
        self.coarse.len()
    }

    /// Folds a finished sample into the whole run's marks; when they would
    /// overflow, the step doubles and neighbours merge.
    fn push_coarse(&mut self, s: &Sample) {
        let slot = |t: SimTime, step: u64| t.saturating_sub(1) / (step * NANOS_PER_SEC);
        let step = self.coarse_step;
        match self.coarse.last_mut() {
            Some(last) if slot(last.t, step) == slot(s.t, step) => last.merge(s),
            _ => self.coarse.push(s.clone()),
        }
        while self.coarse.len() > COARSE {
            self.coarse_step *= 2;
            let step = self.coarse_step;
            let mut merged: Vec<Sample> = Vec::with_capacity(COARSE / 2 + 1);
            for m in self.coarse.drain(..) {
                match merged.last_mut() {
                    Some(last) if slot(last.t, step) == slot(m.t, step) => last.merge(&m),
                    _ => merged.push(m),
                }
            }
            self.coarse = merged;
        }
    }

    /// The largest `f` over `window` at the finest step kept, at least
    /// `floor`: one scale for every row of a panel.
    pub fn peak(&self, window: Window, floor: f64, f: impl Fn(&Sample) -> f64) -> f64 {
        self.view(window, 2 * COARSE).max(floor, f)
    }

    /// The latest one-second sample's `f` (0 before the first).
    pub fn now(&self, f: impl Fn(&Sample) -> f64) -> f64 {
        self.samples.last().map(f).unwrap_or(0.0)
    }

    /// `window` in at most `width` marks of one fixed step (a whole number
    /// of seconds, and of the whole run's step when the window reaches
    /// beyond the one-second samples), aligned to multiples of the step so
    /// that marks do not shift as time goes on.
    pub fn view(&self, window: Window, width: usize) -> View {
        let width = width.max(1) as u64;
        let end = self.samples.last().map(|s| s.t).unwrap_or(0);
        let total = end.div_ceil(NANOS_PER_SEC).max(1);
        let win = window.secs().unwrap_or(total).max(1);
        let fine_full = self.samples.len() == self.samples.capacity();
        let coarse = fine_full && win > self.samples.len() as u64;
        let unit = if coarse { self.coarse_step } else { 1 };
        let step = win.div_ceil(width).div_ceil(unit).max(1) * unit;
        let slots = win.div_ceil(step);
        let step_ns = step * NANOS_PER_SEC;
        let mut marks: Vec<Option<Sample>> = vec![None; slots as usize];
        if end > 0 {
            // The newest mark is the last slot; slots before t = 0 stay empty.
            let cur = ((end - 1) / step_ns) as i64;
            let first = cur + 1 - slots as i64;
            let mut put = |s: &Sample| {
                let slot = (s.t.saturating_sub(1) / step_ns) as i64;
                if slot < first {
                    return false;
                }
                let k = (slot - first) as usize;
                match &mut marks[k] {
                    Some(m) => m.merge(s),
                    m @ None => *m = Some(s.clone()),
                }
                true
            };
            // Newest first, stopping at the window's start.
            if coarse {
                for s in self.coarse.iter().rev() {
                    if !put(s) {
                        break;
                    }
                }
            } else {
                for s in self.samples.iter().rev() {
                    if !put(s) {
                        break;
                    }
                }
            }
        }
        View {
            window,
            marks,
            step,
            end,
        }
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
            acc.refused += c.downstream_refused;
            acc.attempt_timeouts += c.attempt_outcomes[Outcome::TimedOut.index()];
            for (a, b) in acc.extra.iter_mut().zip(c.extra) {
                *a += b;
            }
            let fin = c.finished();
            if fin > 0 {
                let total = acc.finished + fin;
                acc.p50 =
                    (acc.p50 * acc.finished as f64 + s.latency.p50 * fin as f64) / total as f64;
                acc.finished = total;
                acc.p99 = acc.p99.max(s.latency.p99);
            }
            acc.attempted_calls += c.attempted_calls;
            acc.attempted_attempts += c.attempted_attempts;
            let reached = c.reached_calls;
            if reached > 0 {
                let total = acc.reached + reached;
                acc.p50_reached = (acc.p50_reached * acc.reached as f64
                    + s.latency_reached.p50 * reached as f64)
                    / total as f64;
                acc.reached = total;
                acc.p99_reached = acc.p99_reached.max(s.latency_reached.p99);
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
            self.push_coarse(&done);
            self.samples.push(done);
        }
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
