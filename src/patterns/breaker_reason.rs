//! Why a circuit breaker changed state, kept as data and said in words only
//! when shown: the events and the breaker panel read it in the reader's
//! language, and switching language relabels the reasons already given.

use crate::base::time::Dur;
use std::fmt;

/// The calls a rate was measured over.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Over {
    /// The last `n` calls (a count window).
    Calls(u32),
    /// The calls of the last `span` of time (a time window), `calls` of them.
    Time { span: Dur, calls: u32 },
}

/// Why a breaker changed state. Rates are whole percentages, rounded down
/// so that a reason never overstates a rate.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// CLOSED → OPEN: `n` failures in a row.
    ConsecutiveFailures(u32),
    /// CLOSED → OPEN: the failure rate crossed the threshold.
    FailureRate { rate: u32, threshold: u32, over: Over },
    /// CLOSED → OPEN: the slow-call rate (calls of at least `slow`) crossed it.
    SlowCallRate {
        rate: u32,
        threshold: u32,
        slow: Dur,
        over: Over,
    },
    /// OPEN → HALF_OPEN: `open_for` passed.
    OpenElapsed(Dur),
    /// HALF_OPEN → OPEN: a probe failed (consecutive breaker).
    ProbeFailed,
    /// HALF_OPEN → CLOSED: `n` probes succeeded.
    ProbesSucceeded(u32),
    /// HALF_OPEN → OPEN: the probes' failure rate crossed the threshold.
    ProbeFailureRate {
        rate: u32,
        threshold: u32,
        probes: u32,
    },
    /// HALF_OPEN → OPEN: the probes' slow-call rate crossed it.
    ProbeSlowCallRate {
        rate: u32,
        threshold: u32,
        probes: u32,
    },
    /// HALF_OPEN → CLOSED: the probes' failure rate stayed under it.
    ProbesHealthy {
        rate: u32,
        threshold: u32,
        probes: u32,
    },
    /// The operator forced it open.
    ForcedOpen,
    /// The operator disabled it: every call goes through.
    Disabled,
    /// The operator gave it back its own judgement.
    BackToNormal,
}

/// 0.625 → 62 (rounded down, so the reason never overstates the rate).
pub fn percent(x: f64) -> u32 {
    ((x * 100.0) + 1e-9).floor().max(0.0) as u32
}

impl Over {
    fn text(self) -> String {
        match self {
            Over::Calls(n) => crate::t!("reason-over-calls", n = n),
            Over::Time { span, calls } => {
                crate::t!("reason-over-time", span = span.to_string(), n = calls)
            }
        }
    }
}

impl fmt::Display for Reason {
    /// In the reader's language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::t;
        let text = match *self {
            Reason::ConsecutiveFailures(n) => t!("reason-consecutive-failures", n = n),
            Reason::FailureRate {
                rate,
                threshold,
                over,
            } => t!(
                "reason-failure-rate",
                rate = rate,
                threshold = threshold,
                over = over.text()
            ),
            Reason::SlowCallRate {
                rate,
                threshold,
                slow,
                over,
            } => t!(
                "reason-slow-call-rate",
                rate = rate,
                threshold = threshold,
                slow = slow.to_string(),
                over = over.text()
            ),
            Reason::OpenElapsed(d) => t!("reason-open-elapsed", open_for = d.to_string()),
            Reason::ProbeFailed => t!("reason-probe-failed"),
            Reason::ProbesSucceeded(n) => t!("reason-probes-succeeded", n = n),
            Reason::ProbeFailureRate {
                rate,
                threshold,
                probes,
            } => t!(
                "reason-probe-failure-rate",
                rate = rate,
                threshold = threshold,
                n = probes
            ),
            Reason::ProbeSlowCallRate {
                rate,
                threshold,
                probes,
            } => t!(
                "reason-probe-slow-call-rate",
                rate = rate,
                threshold = threshold,
                n = probes
            ),
            Reason::ProbesHealthy {
                rate,
                threshold,
                probes,
            } => t!(
                "reason-probes-healthy",
                rate = rate,
                threshold = threshold,
                n = probes
            ),
            Reason::ForcedOpen => t!("reason-forced-open"),
            Reason::Disabled => t!("reason-disabled"),
            Reason::BackToNormal => t!("reason-back-to-normal"),
        };
        f.write_str(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_round_down() {
        assert_eq!(percent(0.625), 62);
        assert_eq!(percent(0.5), 50);
        assert_eq!(percent(1.0), 100);
        assert_eq!(percent(0.999), 99);
    }
}
