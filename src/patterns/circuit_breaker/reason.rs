//! Why a circuit breaker changed state, kept as data and said in words only
//! when shown: the events and the breaker panel read it in the reader's
//! language, and switching language relabels the reasons already given.

use crate::base::time::{span_words, Dur};
use crate::i18n::Msg;
use crate::msg;

/// The calls a rate was measured over.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Over {
    /// The last `n` calls (a count window).
    Calls(u32),
    /// The calls of the last `span` of time (a time window), `calls` of them.
    Time { span: Dur, calls: u64 },
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
    /// OPEN → HALF_OPEN (the lesson's class): a call arrived more than
    /// `open_for` after the last failure; it passes, and so does every call
    /// until a result decides.
    CallAfterWait(Dur),
    /// → CLOSED (the lesson's class): a success closes it in any state.
    SuccessCloses,
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

impl Over {
    fn msg(self) -> Msg {
        match self {
            Over::Calls(n) => msg!("reason-over-calls", n = n),
            Over::Time { span, calls } => {
                msg!("reason-over-time", span = span_words(span), n = calls)
            }
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
        self.msg().say(code)
    }

    /// The reason as data, for a shell to say in its reader's language.
    pub fn msg(&self) -> Msg {
        match *self {
            Reason::ConsecutiveFailures(n) => msg!("reason-consecutive-failures", n = n),
            Reason::FailureRate {
                rate,
                threshold,
                over,
            } => msg!(
                "reason-failure-rate",
                rate = rate,
                threshold = threshold,
                over = over.msg()
            ),
            Reason::SlowCallRate {
                rate,
                threshold,
                slow,
                over,
            } => msg!(
                "reason-slow-call-rate",
                rate = rate,
                threshold = threshold,
                slow = span_words(slow),
                over = over.msg()
            ),
            Reason::OpenElapsed {
                open_for,
                since_last_failure,
                first_decides,
            } => msg!(
                "reason-open-elapsed",
                open_for = span_words(open_for),
                from = if since_last_failure {
                    "last-failure"
                } else {
                    "opened"
                },
                then = if first_decides {
                    "first-result"
                } else {
                    "probes"
                }
            ),
            Reason::FirstResultFailed => msg!("reason-first-result-failed"),
            Reason::FirstResultSucceeded => msg!("reason-first-result-succeeded"),
            Reason::CallAfterWait(open_for) => {
                msg!("reason-call-after-wait", open_for = span_words(open_for))
            }
            Reason::SuccessCloses => msg!("reason-success-closes"),
            Reason::Reconfigured(what) => msg!("reason-reconfigured", what = what),
            Reason::ProbeFailed => msg!("reason-probe-failed"),
            Reason::ProbesSucceeded(n) => msg!("reason-probes-succeeded", n = n),
            Reason::ProbeFailureRate {
                rate,
                threshold,
                probes,
            } => msg!(
                "reason-probe-failure-rate",
                rate = rate,
                threshold = threshold,
                n = probes
            ),
            Reason::ProbeSlowCallRate {
                rate,
                threshold,
                probes,
            } => msg!(
                "reason-probe-slow-call-rate",
                rate = rate,
                threshold = threshold,
                n = probes
            ),
            Reason::ProbesHealthy {
                rate,
                threshold,
                probes,
            } => msg!(
                "reason-probes-healthy",
                rate = rate,
                threshold = threshold,
                n = probes
            ),
            Reason::ForcedOpen => msg!("reason-forced-open"),
            Reason::Disabled => msg!("reason-disabled"),
            Reason::BackToNormal => msg!("reason-back-to-normal"),
        }
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
