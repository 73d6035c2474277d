//! The breaker's configuration: its kinds, windows, semantics (resilience4j's
//! or the lesson's) and valid ranges, as a scenario file writes them.

use crate::base::range::{Range, Ranged};
use crate::base::settable::Settable;
use crate::base::time::Dur;
use crate::i18n::Msg;
use crate::{msg, settable};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BreakerKind {
    /// Opens after `failure_threshold` failures in a row (the lesson's breaker).
    Consecutive,
    /// Opens when the failure or slow-call rate over a sliding window crosses a threshold.
    Rate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowKind {
    /// The last `window_size` calls.
    Count,
    /// The calls of the last `window_size` of time.
    Time,
}

/// `window_size`: a number of calls or a duration, depending on `window`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WindowSize {
    Calls(u32),
    Time(Dur),
}

impl Serialize for WindowSize {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            WindowSize::Calls(n) => s.serialize_u32(*n),
            WindowSize::Time(d) => d.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for WindowSize {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        match toml::Value::deserialize(d)? {
            toml::Value::Integer(n) if (1..=100_000).contains(&n) => {
                Ok(WindowSize::Calls(n as u32))
            }
            toml::Value::String(s) => crate::base::time::parse_duration(&s)
                .map(WindowSize::Time)
                .map_err(D::Error::custom),
            other => Err(D::Error::custom(crate::msg!(
                "breaker-window-size-type",
                found = other.to_string()
            ))),
        }
    }
}

/// Whose breaker the machine is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Semantics {
    /// resilience4j's: results of calls let in before the last change of
    /// state decide nothing, opening starts the count afresh, OPEN moves to
    /// HALF-OPEN by itself when its wait is over, and `open_from` and
    /// `half_open_calls` say how it waits and probes.
    Resilience4j,
    /// The lesson's class, read literally: every result acts whenever it
    /// arrives (a success closes it and clears the count in any state; a
    /// failure counts, dates the wait, and opens it at the threshold); the
    /// count lasts until a success; OPEN moves to HALF-OPEN only when a call
    /// arrives more than `open_for` after the last failure, and every call
    /// passes while HALF-OPEN. Consecutive kind only; `open_from` does not
    /// apply.
    Lesson,
}

/// Where OPEN's wait of `open_for` counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpenFrom {
    /// From the moment it opened (resilience4j).
    Opened,
    /// From the last failure reported, so a late failure of a call admitted
    /// before it opened keeps it open longer (the lesson's `last_failure_time`).
    LastFailure,
}

/// `half_open_calls`: how many calls HALF-OPEN lets through, and how many
/// results decide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HalfOpenCalls {
    /// N probes pass, the rest are short-circuited; N results decide (resilience4j).
    Calls(u32),
    /// Every call passes; the first result decides (the lesson's breaker).
    All,
}

impl HalfOpenCalls {
    /// Calls let through while half-open.
    #[inline]
    pub(crate) fn permits(self) -> u32 {
        match self {
            HalfOpenCalls::Calls(n) => n,
            HalfOpenCalls::All => u32::MAX,
        }
    }
    /// Results that decide whether to close or re-open.
    #[inline]
    pub(crate) fn deciding(self) -> u32 {
        match self {
            HalfOpenCalls::Calls(n) => n,
            HalfOpenCalls::All => 1,
        }
    }
}

impl Serialize for HalfOpenCalls {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            HalfOpenCalls::Calls(n) => s.serialize_u32(*n),
            HalfOpenCalls::All => s.serialize_str("all"),
        }
    }
}

impl<'de> Deserialize<'de> for HalfOpenCalls {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        match toml::Value::deserialize(d)? {
            toml::Value::Integer(n) if (1..=10_000).contains(&n) => {
                Ok(HalfOpenCalls::Calls(n as u32))
            }
            toml::Value::String(s) if s == "all" => Ok(HalfOpenCalls::All),
            other => Err(D::Error::custom(crate::msg!(
                "breaker-half-open-calls-type",
                found = other.to_string()
            ))),
        }
    }
}

/// A teacher's override of the breaker's own judgement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Force {
    /// The breaker decides.
    None,
    /// Short-circuits every call (resilience4j FORCED_OPEN).
    ForcedOpen,
    /// Lets every call through and records nothing (resilience4j DISABLED).
    Disabled,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BreakerConfig {
    pub enabled: bool,
    pub kind: BreakerKind,
    pub semantics: Semantics,
    pub failure_threshold: u32,
    pub window: WindowKind,
    pub window_size: WindowSize,
    pub min_calls: u32,
    pub failure_rate: f64,
    pub slow_call_duration: Option<Dur>,
    pub slow_call_rate: f64,
    pub open_for: Dur,
    pub open_from: OpenFrom,
    pub half_open_calls: HalfOpenCalls,
    pub force: Force,
}

impl Default for BreakerConfig {
    /// The lesson's values: 5 consecutive failures, open for 60 s; with
    /// resilience4j's semantics (60 s from opening, one probe) unless a
    /// scenario asks for the lesson's (`open_from`, `half_open_calls = "all"`).
    fn default() -> Self {
        BreakerConfig {
            enabled: true,
            kind: BreakerKind::Consecutive,
            semantics: Semantics::Resilience4j,
            failure_threshold: 5,
            window: WindowKind::Count,
            window_size: WindowSize::Calls(100),
            min_calls: 100,
            failure_rate: 0.5,
            slow_call_duration: None,
            slow_call_rate: 1.0,
            open_for: Dur::from_secs(60),
            open_from: OpenFrom::Opened,
            half_open_calls: HalfOpenCalls::Calls(1),
            force: Force::None,
        }
    }
}

settable!(BreakerConfig {
    enabled,
    kind,
    semantics,
    failure_threshold: Range::Whole(1, 10_000),
    window,
    window_size,
    min_calls: Range::Whole(1, 100_000),
    failure_rate: Range::Rate,
    slow_call_duration,
    slow_call_rate: Range::Rate,
    open_for: Range::Span("1ns", "1d"),
    open_from,
    half_open_calls: Range::WholeSaid(1, 10_000, "breaker-half-open-calls-range"),
    force
});

impl Ranged for HalfOpenCalls {
    fn check(&self, range: Range) -> Result<(), Msg> {
        match self {
            HalfOpenCalls::Calls(n) => n.check(range),
            HalfOpenCalls::All => Ok(()),
        }
    }
}

impl BreakerConfig {
    /// After `window` changed kind, gives `window_size` a value of that kind
    /// (100 calls, or 60 s), so that switching between count and time windows
    /// is one change; a `window_size` set after it still wins.
    pub fn fit_window_size(&mut self) {
        match (self.window, self.window_size) {
            (WindowKind::Count, WindowSize::Time(_)) => self.window_size = WindowSize::Calls(100),
            (WindowKind::Time, WindowSize::Calls(_)) => {
                self.window_size = WindowSize::Time(Dur::from_secs(60))
            }
            _ => {}
        }
    }

    /// Checks ranges (declared with the fields) and that the window's size
    /// is of the window's kind, and that the lesson's breaker is asked for
    /// nothing its class does not do; the error names the field and what is
    /// valid.
    pub fn validate(&self) -> Result<(), (&'static str, Msg)> {
        self.check_ranges()?;
        if self.semantics == Semantics::Lesson {
            if self.kind == BreakerKind::Rate {
                return Err(("kind", msg!("breaker-lesson-kind")));
            }
            if let HalfOpenCalls::Calls(n @ 2..) = self.half_open_calls {
                return Err(("half_open_calls", msg!("breaker-lesson-half-open", n = n)));
            }
        }
        match (self.window, self.window_size) {
            (WindowKind::Count, WindowSize::Time(_)) => {
                Err(("window_size", msg!("breaker-window-size-count")))
            }
            (WindowKind::Time, WindowSize::Calls(_)) => {
                Err(("window_size", msg!("breaker-window-size-time")))
            }
            (WindowKind::Time, WindowSize::Time(d))
                if d.0 < 100_000_000 || d > Dur::from_secs(3600) =>
            {
                Err(("window_size", msg!("breaker-time-window-range")))
            }
            _ => Ok(()),
        }
    }
}
