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
    /// Of the calls there were to answer once the timeline was over (in
    /// flight then, or arrived later), the fraction answered ok by the end:
    /// did the world recover, whatever its load? A sweep's metric (not in
    /// `ALL`, which a comparison lists).
    Recovered,
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

    /// What a sweep may measure: every metric of a comparison, and
    /// `recovered`.
    pub const SWEEP: [Metric; 9] = {
        let mut all = [Metric::Recovered; 9];
        let mut i = 0;
        while i < Metric::ALL.len() {
            all[i] = Metric::ALL[i];
            i += 1;
        }
        all
    };

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
            Metric::Recovered => "recovered",
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
            Metric::Recovered => "metric-recovered",
        };
        crate::i18n::tr(id, None)
    }

    /// By its name on the command line.
    pub fn by_name(name: &str) -> Option<Metric> {
        Metric::SWEEP.into_iter().find(|m| m.name() == name)
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
        }
    }

    /// Decimals worth showing.
    pub fn decimals(self) -> usize {
        match self {
            Metric::BreakerOpens => 0,
            Metric::AttemptsPerCall | Metric::Recovered => 2,
            _ => 1,
        }
    }
}
