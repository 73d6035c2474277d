//! How each measure (`base::metric`) is read off a run's summary or a window
//! of a run, and what a person reads for it.

use crate::base::outcome::Outcome;
use crate::report::summary::{ServiceSummary, Summary};
use crate::sim::metrics::{Counts, Percentiles};

pub use crate::base::metric::Metric;

impl Metric {
    /// What a person reads, with its unit, in the current language.
    pub fn label(self) -> String {
        crate::i18n::tr(self.label_id(), None)
    }

    /// The value for one service (`Some`) or all of them, over the run;
    /// NaN where it is undefined (`goodput_after` and `recovered` of a run
    /// that ended before its timeline did, or with nothing after it).
    pub fn value(self, s: &Summary, service: Option<&ServiceSummary>) -> f64 {
        let (counts, latency, opens): (&Counts, &Percentiles, f64) = match service {
            Some(x) => (&x.counts, &x.latency, x.breaker_opened as f64),
            None => (
                &s.totals,
                &s.totals_latency,
                s.services.iter().map(|x| x.breaker_opened as f64).sum(),
            ),
        };
        let measured = Measured {
            counts,
            latency,
            opens,
            seconds: s.sim_seconds,
        };
        match self {
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
            Metric::Recovered => {
                let pair = |x: &ServiceSummary| x.ok_after_timeline.zip(x.owed_after_timeline);
                let (ok, owed) = match service {
                    Some(x) => pair(x),
                    None => s
                        .services
                        .iter()
                        .map(pair)
                        .try_fold((0, 0), |(a, b), p| p.map(|(o, w)| (a + o, b + w))),
                }
                .unwrap_or((0, 0));
                if owed > 0 {
                    ok as f64 / owed as f64
                } else {
                    f64::NAN
                }
            }
            _ => self.of(&measured),
        }
    }

    /// The value of a metric measured over a run or a window of one
    /// (`in_windows`); NaN for the others, which need the whole run.
    pub fn of(self, m: &Measured) -> f64 {
        let c = m.counts;
        let finished = c.finished().max(1) as f64;
        match self {
            Metric::Goodput => c.outcome(Outcome::Ok) as f64 / m.seconds.max(1e-9),
            Metric::OkFraction => 100.0 * c.outcome(Outcome::Ok) as f64 / finished,
            Metric::P50 => m.latency.p50,
            Metric::P99 => m.latency.p99,
            Metric::AttemptsPerCall => c.attempts as f64 / c.calls.max(1) as f64,
            Metric::BreakerOpens => m.opens,
            Metric::TimedOutFraction => 100.0 * c.outcome(Outcome::TimedOut) as f64 / finished,
            Metric::Attempts => c.attempts as f64,
            Metric::DownstreamAttempts => c.downstream_attempts as f64,
            Metric::Retries => c.retries as f64,
            Metric::ShortCircuited => c.outcome(Outcome::ShortCircuited) as f64,
            Metric::TimedOut => c.outcome(Outcome::TimedOut) as f64,
            Metric::Fallbacks => c.fallbacks as f64,
            Metric::BulkheadRejected => c.outcome(Outcome::BulkheadRejected) as f64,
            Metric::GoodputAfter | Metric::Recovered => f64::NAN,
        }
    }
}

/// What a metric is read from: the counts, latency percentiles and breaker
/// opens of a run or of a window of it, and how long that was.
pub struct Measured<'a> {
    pub counts: &'a Counts,
    pub latency: &'a Percentiles,
    pub opens: f64,
    pub seconds: f64,
}
