//! A window of a run: what happened between two moments, for a question's
//! answer ("how many attempts reach payment in the next 60 s?") or an
//! exercise's goal ("user's ok fraction from 3:30 to 4:30"). The run's
//! counters only grow, so a window is the difference of two snapshots taken
//! as the run passes its ends; looking changes no result (a shell that
//! stops at a moment and goes on runs every event as one that never stopped).

use crate::base::metric::Metric;
use crate::base::time::{secs, SimTime};
use crate::report::metrics::Measured;
use crate::sim::metrics::{new_histogram, percentiles, Counts};
use crate::sim::Simulation;
use hdrhistogram::Histogram;

/// Every service's running totals at one moment.
#[derive(Clone)]
pub struct Snapshot {
    pub at: SimTime,
    services: Vec<Taken>,
}

#[derive(Clone)]
struct Taken {
    counts: Counts,
    latency: Histogram<u64>,
    opens: u32,
}

impl Snapshot {
    /// The totals now (the tick in progress included).
    pub fn take(sim: &Simulation) -> Snapshot {
        let services = (0..sim.world().services.len())
            .map(|s| {
                let m = sim.service_metrics(s);
                Taken {
                    counts: m.totals_now(),
                    latency: m.total_latency(),
                    opens: sim.breaker(s).times_opened(),
                }
            })
            .collect();
        Snapshot {
            at: sim.now(),
            services,
        }
    }

    /// Nothing yet: the start of a run.
    pub fn zero(services: usize) -> Snapshot {
        Snapshot {
            at: 0,
            services: (0..services)
                .map(|_| Taken {
                    counts: Counts::default(),
                    latency: new_histogram(3),
                    opens: 0,
                })
                .collect(),
        }
    }
}

/// What happened between `from` and `to` (taken later), for one service or
/// all of them: calls that arrived, attempts made and calls that finished in
/// between, and the latencies of the calls that finished.
pub struct Window {
    pub counts: Counts,
    pub latency: Histogram<u64>,
    pub opens: u32,
    pub seconds: f64,
}

impl Window {
    pub fn between(from: &Snapshot, to: &Snapshot, service: Option<usize>) -> Window {
        let chosen = |s: usize| service.is_none_or(|x| x == s);
        let mut w = Window {
            counts: Counts::default(),
            latency: new_histogram(3),
            opens: 0,
            seconds: secs(to.at.saturating_sub(from.at)),
        };
        for (s, (a, b)) in from.services.iter().zip(&to.services).enumerate() {
            if !chosen(s) {
                continue;
            }
            w.counts.add(&b.counts.minus(&a.counts));
            let mut h = b.latency.clone();
            // The later totals hold every value of the earlier ones.
            let _ = h.subtract(&a.latency);
            w.latency.add(&h).expect("same bounds");
            w.opens += b.opens - a.opens;
        }
        w
    }

    /// `metric` over the window (NaN for a metric of whole runs).
    pub fn value(&self, metric: Metric) -> f64 {
        let latency = percentiles(&self.latency);
        metric.of(&Measured {
            counts: &self.counts,
            latency: &latency,
            opens: self.opens as f64,
            seconds: self.seconds,
        })
    }
}
