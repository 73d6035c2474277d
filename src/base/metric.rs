//! The measures of a run, one list so they mean the same everywhere: a
//! comparison's table, a sweep's cells, a question's answer and an
//! exercise's goals name them alike. Here are their names and kinds; how each
//! is read off a run is in `report::metrics` (whole runs) and
//! `report::window` (a window of one).

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
    /// The counts a question asks for, as the JSON report names them:
    /// attempts (the first try and every retry), attempts that reached the
    /// downstream, retries, and calls by how they ended.
    Attempts,
    DownstreamAttempts,
    Retries,
    ShortCircuited,
    TimedOut,
    Fallbacks,
    BulkheadRejected,
}

/// What a metric's number is, so a goal or a tolerance reads it right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A count of things (a tolerance has a floor of 1).
    Count,
    /// A percentage 0–100 in tables; a fraction 0–1 in goals.
    Percent,
    /// Milliseconds in tables; a duration in goals.
    Millis,
    /// Any other number (per second, per call).
    Number,
}

impl Metric {
    /// What a comparison lists.
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

    /// The metrics beyond a comparison's: a sweep's `recovered`, and the
    /// counts a question needs, as the JSON report names them.
    const MORE: [Metric; 8] = [
        Metric::Recovered,
        Metric::Attempts,
        Metric::DownstreamAttempts,
        Metric::Retries,
        Metric::ShortCircuited,
        Metric::TimedOut,
        Metric::Fallbacks,
        Metric::BulkheadRejected,
    ];

    /// Every metric a sweep, a question or a goal may name: `ALL`, then `MORE`.
    pub const NAMED: [Metric; 16] = {
        let mut all = [Metric::Goodput; 16];
        let mut i = 0;
        while i < 16 {
            all[i] = if i < 8 {
                Metric::ALL[i]
            } else {
                Metric::MORE[i - 8]
            };
            i += 1;
        }
        all
    };

    /// The name on the command line, in files and in JSON.
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
            Metric::Attempts => "attempts",
            Metric::DownstreamAttempts => "downstream_attempts",
            Metric::Retries => "retries",
            Metric::ShortCircuited => "short_circuited",
            Metric::TimedOut => "timed_out",
            Metric::Fallbacks => "fallbacks",
            Metric::BulkheadRejected => "bulkhead_rejected",
        }
    }

    /// The catalogue id of what a person reads, with its unit.
    pub fn label_id(self) -> &'static str {
        match self {
            Metric::Goodput => "metric-goodput",
            Metric::OkFraction => "metric-ok-fraction",
            Metric::P50 => "metric-p50",
            Metric::P99 => "metric-p99",
            Metric::AttemptsPerCall => "metric-attempts-per-call",
            Metric::BreakerOpens => "metric-breaker-opens",
            Metric::TimedOutFraction => "metric-timed-out-fraction",
            Metric::GoodputAfter => "metric-goodput-after",
            Metric::Recovered => "metric-recovered",
            Metric::Attempts => "metric-attempts",
            Metric::DownstreamAttempts => "metric-downstream-attempts",
            Metric::Retries => "metric-retries",
            Metric::ShortCircuited => "metric-short-circuited",
            Metric::TimedOut => "metric-timed-out",
            Metric::Fallbacks => "metric-fallbacks",
            Metric::BulkheadRejected => "metric-bulkhead-rejected",
        }
    }

    /// By its name.
    pub fn by_name(name: &str) -> Option<Metric> {
        Metric::NAMED.into_iter().find(|m| m.name() == name)
    }

    /// A metric a window can be measured by (a question's, a goal's), by
    /// name; what is valid when it is none.
    pub fn in_windows_by_name(name: &str) -> Result<Metric, crate::i18n::Msg> {
        Metric::by_name(name)
            .filter(|m| m.in_windows())
            .ok_or_else(|| {
                let valid: Vec<&str> = Metric::NAMED
                    .iter()
                    .filter(|m| m.in_windows())
                    .map(|m| m.name())
                    .collect();
                crate::base::settable::unknown_name("metric", name, &valid)
            })
    }

    pub fn kind(self) -> Kind {
        match self {
            Metric::BreakerOpens
            | Metric::Attempts
            | Metric::DownstreamAttempts
            | Metric::Retries
            | Metric::ShortCircuited
            | Metric::TimedOut
            | Metric::Fallbacks
            | Metric::BulkheadRejected => Kind::Count,
            Metric::OkFraction | Metric::TimedOutFraction => Kind::Percent,
            Metric::P50 | Metric::P99 => Kind::Millis,
            Metric::Goodput
            | Metric::AttemptsPerCall
            | Metric::GoodputAfter
            | Metric::Recovered => Kind::Number,
        }
    }

    /// Whether it can be measured over a window of a run (a question's or a
    /// goal's): the two "after the timeline" measures are about the run's
    /// end, not a window.
    pub fn in_windows(self) -> bool {
        !matches!(self, Metric::GoodputAfter | Metric::Recovered)
    }

    /// Decimals worth showing.
    pub fn decimals(self) -> usize {
        match self.kind() {
            Kind::Count => 0,
            _ if matches!(self, Metric::AttemptsPerCall | Metric::Recovered) => 2,
            _ => 1,
        }
    }
}
