//! The measures a comparison (and later a sweep or a plot) reports, one list
//! so they mean the same everywhere: names as the command line and JSON
//! write them, what they mean, and how each is read off a run's summary.

use crate::base::outcome::Outcome;
use crate::report::summary::{ServiceSummary, Summary};
use crate::sim::metrics::{Counts, Percentiles};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Metric {
    /// ok calls per simulated second (fallbacks excluded).
    Goodput,
    OkFraction,
    P50,
    P99,
    AttemptsPerCall,
    BreakerOpens,
    TimedOutFraction,
    /// ok calls per simulated second after the last timeline entry: does
    /// the world recover once the incident is over?
    GoodputAfter,
}

impl Metric {
    pub const ALL: [Metric; 8] = [
        Metric::Goodput,
        Metric::OkFraction,
        Metric::P50,
        Metric::P99,
        Metric::AttemptsPerCall,
        Metric::BreakerOpens,
        Metric::TimedOutFraction,
        Metric::GoodputAfter,
    ];

    /// The name on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Metric::Goodput => "goodput",
            Metric::OkFraction => "ok_fraction",
            Metric::P50 => "p50",
            Metric::P99 => "p99",
            Metric::AttemptsPerCall => "attempts_per_call",
            Metric::BreakerOpens => "breaker_opens",
            Metric::TimedOutFraction => "timed_out_fraction",
            Metric::GoodputAfter => "goodput_after",
        }
    }

    /// What a person reads, with its unit, in the current language.
    pub fn label(self) -> String {
        let id = match self {
            Metric::Goodput => "metric-goodput",
            Metric::OkFraction => "metric-ok-fraction",
            Metric::P50 => "metric-p50",
            Metric::P99 => "metric-p99",
            Metric::AttemptsPerCall => "metric-attempts-per-call",
            Metric::BreakerOpens => "metric-breaker-opens",
            Metric::TimedOutFraction => "metric-timed-out-fraction",
            Metric::GoodputAfter => "metric-goodput-after",
        };
        crate::i18n::tr(id, None)
    }

    /// By its name on the command line.
    pub fn by_name(name: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.name() == name)
    }

    /// The value for one service (`Some`) or all of them, over the run;
    /// NaN where it is undefined (`goodput_after` of a run that ended
    /// before its timeline did, or with nothing after it).
    pub fn value(self, s: &Summary, service: Option<&ServiceSummary>) -> f64 {
        let (counts, latency, opens): (&Counts, &Percentiles, f64) = match service {
            Some(x) => (&x.counts, &x.latency, x.breaker_opened as f64),
            None => (
                &s.totals,
                &s.totals_latency,
                s.services.iter().map(|x| x.breaker_opened as f64).sum(),
            ),
        };
        let finished = counts.finished().max(1) as f64;
        match self {
            Metric::Goodput => counts.outcome(Outcome::Ok) as f64 / s.sim_seconds.max(1e-9),
            Metric::OkFraction => 100.0 * counts.outcome(Outcome::Ok) as f64 / finished,
            Metric::P50 => latency.p50,
            Metric::P99 => latency.p99,
            Metric::AttemptsPerCall => counts.attempts as f64 / counts.calls.max(1) as f64,
            Metric::BreakerOpens => opens,
            Metric::TimedOutFraction => 100.0 * counts.outcome(Outcome::TimedOut) as f64 / finished,
            Metric::GoodputAfter => {
                let ok = match service {
                    Some(x) => x.ok_after_timeline,
                    None => s.services.iter().map(|x| x.ok_after_timeline).sum(),
                };
                match (ok, s.after_timeline) {
                    (Some(ok), Some(secs)) if secs > 0.0 => ok as f64 / secs,
                    _ => f64::NAN,
                }
            }
        }
    }

    /// Decimals worth showing.
    pub fn decimals(self) -> usize {
        match self {
            Metric::BreakerOpens => 0,
            Metric::AttemptsPerCall => 2,
            _ => 1,
        }
    }
}
