//! Why a circuit breaker changed state, kept as data and said in words only
//! when shown: the events and the breaker panel read it in the reader's
//! language, and switching language relabels the reasons already given.

use crate::base::time::Dur;
use crate::i18n::{arg, FluentArgs, FluentValue};
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
    FailureRate {
        rate: u32,
        threshold: u32,
        over: Over,
    },
    /// CLOSED → OPEN: the slow-call rate (calls of at least `slow`) crossed it.
    SlowCallRate {
        rate: u32,
        threshold: u32,
        slow: Dur,
        over: Over,
    },
    /// OPEN → HALF_OPEN: `open_for` passed, counted from the opening or from
    /// the last failure; then probes decide, or the first result does.
    OpenElapsed {
        open_for: Dur,
        since_last_failure: bool,
        first_decides: bool,
    },
    /// HALF_OPEN → OPEN / CLOSED when every call passes and the first result
    /// decides.
    FirstResultFailed,
    FirstResultSucceeded,
    /// The breaker was reconfigured (`what`, as a file writes it: `kind =
    /// rate`) and starts closed, as a new breaker does.
    Reconfigured(&'static str),
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

/// A message of the catalogue in language `code`.
fn say(code: &str, id: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    let mut a = FluentArgs::new();
    for (k, v) in args {
        a.set(*k, v.clone());
    }
    crate::i18n::tr_in(code, id, Some(&a))
}

impl Over {
    fn text(self, code: &str) -> String {
        match self {
            Over::Calls(n) => say(code, "reason-over-calls", &[("n", arg(n))]),
            Over::Time { span, calls } => say(
                code,
                "reason-over-time",
                &[("span", arg(span.to_string())), ("n", arg(calls))],
            ),
        }
    }
}

impl Reason {
    /// OPEN → HALF_OPEN for a breaker configured as `cfg`.
    pub fn open_elapsed(cfg: &crate::patterns::circuit_breaker::BreakerConfig) -> Reason {
        use crate::patterns::circuit_breaker::{HalfOpenCalls, OpenFrom};
        Reason::OpenElapsed {
            open_for: cfg.open_for,
            since_last_failure: cfg.open_from == OpenFrom::LastFailure,
            first_decides: cfg.half_open_calls == HalfOpenCalls::All,
        }
    }

    /// In language `code`; machine outputs (a trace's JSON) use `en`.
    pub fn in_language(&self, code: &str) -> String {
        let rates =
            |rate: u32, threshold: u32| [("rate", arg(rate)), ("threshold", arg(threshold))];
        match *self {
            Reason::ConsecutiveFailures(n) => {
                say(code, "reason-consecutive-failures", &[("n", arg(n))])
            }
            Reason::FailureRate {
                rate,
                threshold,
                over,
            } => {
                let [r, t] = rates(rate, threshold);
                say(
                    code,
                    "reason-failure-rate",
                    &[r, t, ("over", arg(over.text(code)))],
                )
            }
            Reason::SlowCallRate {
                rate,
                threshold,
                slow,
                over,
            } => {
                let [r, t] = rates(rate, threshold);
                say(
                    code,
                    "reason-slow-call-rate",
                    &[
                        r,
                        t,
                        ("slow", arg(slow.to_string())),
                        ("over", arg(over.text(code))),
                    ],
                )
            }
            Reason::OpenElapsed {
                open_for,
                since_last_failure,
                first_decides,
            } => say(
                code,
                "reason-open-elapsed",
                &[
                    ("open_for", arg(open_for.to_string())),
                    (
                        "from",
                        arg(if since_last_failure {
                            "last-failure"
                        } else {
                            "opened"
                        }),
                    ),
                    (
                        "then",
                        arg(if first_decides {
                            "first-result"
                        } else {
                            "probes"
                        }),
                    ),
                ],
            ),
            Reason::FirstResultFailed => say(code, "reason-first-result-failed", &[]),
            Reason::FirstResultSucceeded => say(code, "reason-first-result-succeeded", &[]),
            Reason::Reconfigured(what) => say(code, "reason-reconfigured", &[("what", arg(what))]),
            Reason::ProbeFailed => say(code, "reason-probe-failed", &[]),
            Reason::ProbesSucceeded(n) => say(code, "reason-probes-succeeded", &[("n", arg(n))]),
            Reason::ProbeFailureRate {
                rate,
                threshold,
                probes,
            } => {
                let [r, t] = rates(rate, threshold);
                say(
                    code,
                    "reason-probe-failure-rate",
                    &[r, t, ("n", arg(probes))],
                )
            }
            Reason::ProbeSlowCallRate {
                rate,
                threshold,
                probes,
            } => {
                let [r, t] = rates(rate, threshold);
                say(
                    code,
                    "reason-probe-slow-call-rate",
                    &[r, t, ("n", arg(probes))],
                )
            }
            Reason::ProbesHealthy {
                rate,
                threshold,
                probes,
            } => {
                let [r, t] = rates(rate, threshold);
                say(code, "reason-probes-healthy", &[r, t, ("n", arg(probes))])
            }
            Reason::ForcedOpen => say(code, "reason-forced-open", &[]),
            Reason::Disabled => say(code, "reason-disabled", &[]),
            Reason::BackToNormal => say(code, "reason-back-to-normal", &[]),
        }
    }
}

impl fmt::Display for Reason {
    /// In the reader's language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_language(crate::i18n::current()))
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
