//! Circuit breaker, as resilience4j and the lesson define it: CLOSED lets calls
//! through and watches their results; enough failures OPEN it, and it
//! short-circuits every call for `open_for`; then HALF-OPEN lets a few probes
//! through, whose results close it again or re-open it.
//!
//! Sans-IO: every method takes the current virtual time; transitions are
//! returned, with a human reason, for the caller to log.
//!
//! Its size is earned: a third of the file is the unit tests that pin the
//! state machine down transition by transition, kept beside the code they
//! check; the sliding window lives in `sliding_window.rs`.

use crate::base::time::{Dur, SimTime};
use crate::patterns::sliding_window::{Counts, Window};
use crate::settable;
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
            toml::Value::Integer(n) if (1..=100_000).contains(&n) => Ok(WindowSize::Calls(n as u32)),
            toml::Value::String(s) => crate::base::time::parse_duration(&s)
                .map(WindowSize::Time)
                .map_err(D::Error::custom),
            other => Err(D::Error::custom(format!(
                "expected a number of calls from 1 to 100000 (window = \"count\") or a duration such as \"60s\" (window = \"time\"), found {other}"
            ))),
        }
    }
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
    fn permits(self) -> u32 {
        match self {
            HalfOpenCalls::Calls(n) => n,
            HalfOpenCalls::All => u32::MAX,
        }
    }
    /// Results that decide whether to close or re-open.
    #[inline]
    fn deciding(self) -> u32 {
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
            other => Err(D::Error::custom(format!(
                "expected a whole number from 1 to 10000 (probes) or \"all\" (every call passes, the first result decides), found {other}"
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
    failure_threshold,
    window,
    window_size,
    min_calls,
    failure_rate,
    slow_call_duration,
    slow_call_rate,
    open_for,
    open_from,
    half_open_calls,
    force
});

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

    /// Checks ranges; the error names the field and what is valid.
    pub fn validate(&self) -> Result<(), (&'static str, String)> {
        if !(1..=10_000).contains(&self.failure_threshold) {
            return Err((
                "failure_threshold",
                "must be a whole number from 1 to 10000".into(),
            ));
        }
        match (self.window, self.window_size) {
            (WindowKind::Count, WindowSize::Time(_)) => {
                return Err((
                    "window_size",
                    "with window = \"count\", window_size is a number of calls (1 to 100000)"
                        .into(),
                ))
            }
            (WindowKind::Time, WindowSize::Calls(_)) => {
                return Err((
                    "window_size",
                    "with window = \"time\", window_size is a duration such as \"60s\"".into(),
                ))
            }
            (WindowKind::Time, WindowSize::Time(d))
                if d.0 < 100_000_000 || d > Dur::from_secs(3600) =>
            {
                return Err((
                    "window_size",
                    "a time window must be from 100ms to 1h".into(),
                ))
            }
            _ => {}
        }
        if !(1..=100_000).contains(&self.min_calls) {
            return Err((
                "min_calls",
                "must be a whole number from 1 to 100000".into(),
            ));
        }
        for (name, v) in [
            ("failure_rate", self.failure_rate),
            ("slow_call_rate", self.slow_call_rate),
        ] {
            if !(v > 0.0 && v <= 1.0) {
                return Err((
                    if name == "failure_rate" {
                        "failure_rate"
                    } else {
                        "slow_call_rate"
                    },
                    format!("{v} is not a rate; must be above 0 and at most 1 (0.5 = 50 %)"),
                ));
            }
        }
        if self.open_for.0 == 0 || self.open_for > Dur::from_secs(86_400) {
            return Err(("open_for", "must be from 1ns to 1d".into()));
        }
        if let HalfOpenCalls::Calls(n) = self.half_open_calls {
            if !(1..=10_000).contains(&n) {
                return Err((
                    "half_open_calls",
                    "must be a whole number from 1 to 10000, or \"all\"".into(),
                ));
            }
        }
        Ok(())
    }
}

/// What the breaker shows and decides by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BreakerState {
    Closed,
    Open,
    HalfOpen,
    ForcedOpen,
    Disabled,
}

impl BreakerState {
    pub fn word(self) -> &'static str {
        match self {
            BreakerState::Closed => "CLOSED",
            BreakerState::Open => "OPEN",
            BreakerState::HalfOpen => "HALF_OPEN",
            BreakerState::ForcedOpen => "FORCED_OPEN",
            BreakerState::Disabled => "DISABLED",
        }
    }
    /// The name in JSON and CSV.
    pub fn name(self) -> &'static str {
        match self {
            BreakerState::Closed => "closed",
            BreakerState::Open => "open",
            BreakerState::HalfOpen => "half_open",
            BreakerState::ForcedOpen => "forced_open",
            BreakerState::Disabled => "disabled",
        }
    }
    /// Higher is more alarming: a stretch of time shows its most alarming state.
    pub fn severity(self) -> u8 {
        match self {
            BreakerState::Disabled => 0,
            BreakerState::Closed => 1,
            BreakerState::HalfOpen => 2,
            BreakerState::Open => 3,
            BreakerState::ForcedOpen => 4,
        }
    }
    /// Whether calls are being short-circuited wholesale.
    pub fn is_open(self) -> bool {
        matches!(self, BreakerState::Open | BreakerState::ForcedOpen)
    }
}

/// A change of state, with why.
#[derive(Clone, Debug, PartialEq)]
pub struct Transition {
    pub at: SimTime,
    pub from: BreakerState,
    pub to: BreakerState,
    pub reason: String,
}

/// The breaker refused a call: it is short-circuited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShortCircuited;

/// Permission to make a call; its result must be reported with the same epoch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Permit {
    pub epoch: u32,
}

/// The breaker's state machine.
#[derive(Clone, Debug)]
pub struct CircuitBreaker {
    state: BreakerState,
    /// Bumped on every transition so late results of an older state are ignored.
    epoch: u32,
    since: SimTime,
    /// The last failure reported (admitted in any state): where OPEN's wait
    /// counts from with `open_from = "last_failure"`.
    last_failure: SimTime,
    consecutive_failures: u32,
    window: Window,
    probes_permitted: u32,
    probes: Counts,
    /// Time spent open so far, for reports.
    open_total: u64,
    opened: u32,
    last_reason: String,
}

impl CircuitBreaker {
    pub fn new(cfg: &BreakerConfig) -> CircuitBreaker {
        let mut b = CircuitBreaker {
            state: BreakerState::Closed,
            epoch: 0,
            since: 0,
            last_failure: 0,
            consecutive_failures: 0,
            window: Window::new(cfg.window_size),
            probes_permitted: 0,
            probes: Counts::default(),
            open_total: 0,
            opened: 0,
            last_reason: String::new(),
        };
        match cfg.force {
            Force::ForcedOpen => b.state = BreakerState::ForcedOpen,
            Force::Disabled => b.state = BreakerState::Disabled,
            Force::None => {}
        }
        b
    }

    pub fn state(&self) -> BreakerState {
        self.state
    }
    /// When the current state began.
    pub fn since(&self) -> SimTime {
        self.since
    }
    pub fn last_reason(&self) -> &str {
        &self.last_reason
    }
    /// How many times it has opened (not counting forced opens).
    pub fn times_opened(&self) -> u32 {
        self.opened
    }
    /// Total time in OPEN or FORCED-OPEN up to `now`.
    pub fn open_time(&self, now: SimTime) -> Dur {
        Dur(self.open_total
            + if self.state.is_open() {
                now.saturating_sub(self.since)
            } else {
                0
            })
    }
    /// When an OPEN breaker will let a probe through.
    pub fn probe_at(&self, cfg: &BreakerConfig) -> Option<SimTime> {
        (self.state == BreakerState::Open).then(|| self.wait_from(cfg) + cfg.open_for.0)
    }

    /// Where OPEN's wait counts from: its opening, or the last failure.
    fn wait_from(&self, cfg: &BreakerConfig) -> SimTime {
        match cfg.open_from {
            OpenFrom::Opened => self.since,
            OpenFrom::LastFailure => self.last_failure.max(self.since),
        }
    }

    fn go(&mut self, at: SimTime, to: BreakerState, reason: String) -> Transition {
        let from = self.state;
        if from.is_open() {
            self.open_total += at.saturating_sub(self.since);
        }
        if to == BreakerState::Open {
            self.opened += 1;
            self.last_failure = at;
        }
        self.state = to;
        self.since = at;
        self.epoch = self.epoch.wrapping_add(1);
        self.consecutive_failures = 0;
        self.probes_permitted = 0;
        self.probes = Counts::default();
        self.last_reason = reason.clone();
        Transition {
            at,
            from,
            to,
            reason,
        }
    }

    /// Moves OPEN to HALF-OPEN once `open_for` has passed. The transition is
    /// dated when the wait ended, not when somebody looked.
    pub fn poll(&mut self, cfg: &BreakerConfig, now: SimTime) -> Option<Transition> {
        if self.state != BreakerState::Open {
            return None;
        }
        let at = self.wait_from(cfg) + cfg.open_for.0;
        if now < at {
            return None;
        }
        let waited = match cfg.open_from {
            OpenFrom::Opened => format!("open for {} elapsed", cfg.open_for),
            OpenFrom::LastFailure => format!("{} since the last failure", cfg.open_for),
        };
        let then = match cfg.half_open_calls {
            HalfOpenCalls::Calls(_) => "probing",
            HalfOpenCalls::All => "every call passes, the first result decides",
        };
        Some(self.go(at, BreakerState::HalfOpen, format!("{waited}; {then}")))
    }

    /// Asks to make a call at `now`. `Err` means short-circuited. Like every
    /// method that can change the state, it returns the transition it made
    /// (here: OPEN to HALF-OPEN when the wait is over).
    pub fn try_acquire(
        &mut self,
        cfg: &BreakerConfig,
        now: SimTime,
    ) -> (Result<Permit, ShortCircuited>, Option<Transition>) {
        let transition = self.poll(cfg, now);
        let answer = match self.state {
            BreakerState::Closed | BreakerState::Disabled => Ok(Permit { epoch: self.epoch }),
            BreakerState::Open | BreakerState::ForcedOpen => Err(ShortCircuited),
            BreakerState::HalfOpen => {
                if self.probes_permitted < cfg.half_open_calls.permits() {
                    self.probes_permitted += 1;
                    Ok(Permit { epoch: self.epoch })
                } else {
                    Err(ShortCircuited)
                }
            }
        };
        (answer, transition)
    }

    /// Reports the result of a permitted call: whether it failed and how long it took.
    pub fn on_result(
        &mut self,
        cfg: &BreakerConfig,
        permit: Permit,
        now: SimTime,
        failed: bool,
        duration: Dur,
    ) -> Option<Transition> {
        if permit.epoch != self.epoch {
            // A result from before the last transition decides nothing; a
            // failure still dates OPEN's wait when it counts from the last one.
            if failed && self.state == BreakerState::Open {
                self.last_failure = self.last_failure.max(now);
            }
            return None;
        }
        let slow = cfg.slow_call_duration.is_some_and(|d| duration >= d);
        match self.state {
            BreakerState::Closed => match cfg.kind {
                BreakerKind::Consecutive => {
                    if failed {
                        self.consecutive_failures += 1;
                        if self.consecutive_failures >= cfg.failure_threshold {
                            let n = self.consecutive_failures;
                            return Some(self.go(
                                now,
                                BreakerState::Open,
                                format!("{n} consecutive failure{}", if n == 1 { "" } else { "s" }),
                            ));
                        }
                    } else {
                        self.consecutive_failures = 0;
                    }
                    None
                }
                BreakerKind::Rate => {
                    self.window.record(now, failed, slow);
                    let t = self.window.totals;
                    // As resilience4j: a count window smaller than min_calls
                    // needs only to be full.
                    let min_calls = match cfg.window_size {
                        WindowSize::Calls(n) => cfg.min_calls.min(n),
                        WindowSize::Time(_) => cfg.min_calls,
                    };
                    if t.calls < min_calls {
                        return None;
                    }
                    let fr = t.failures as f64 / t.calls as f64;
                    let sr = t.slow as f64 / t.calls as f64;
                    if fr >= cfg.failure_rate {
                        let over = self.window.describe(cfg.window_size);
                        let reason = format!(
                            "failure rate {} ≥ {} {over}",
                            pct(fr),
                            pct(cfg.failure_rate)
                        );
                        self.window = Window::new(cfg.window_size);
                        return Some(self.go(now, BreakerState::Open, reason));
                    }
                    if cfg.slow_call_duration.is_some() && sr >= cfg.slow_call_rate {
                        let over = self.window.describe(cfg.window_size);
                        let reason = format!(
                            "slow-call rate {} ≥ {} (calls ≥ {}) {over}",
                            pct(sr),
                            pct(cfg.slow_call_rate),
                            cfg.slow_call_duration.unwrap_or_default()
                        );
                        self.window = Window::new(cfg.window_size);
                        return Some(self.go(now, BreakerState::Open, reason));
                    }
                    None
                }
            },
            BreakerState::HalfOpen => {
                self.probes.calls += 1;
                self.probes.failures += failed as u32;
                self.probes.slow += slow as u32;
                match cfg.kind {
                    BreakerKind::Consecutive => {
                        let all = cfg.half_open_calls == HalfOpenCalls::All;
                        if failed {
                            let reason = if all {
                                "first result failed"
                            } else {
                                "probe failed"
                            };
                            Some(self.go(now, BreakerState::Open, reason.into()))
                        } else if self.probes.calls >= cfg.half_open_calls.deciding() {
                            let reason = match cfg.half_open_calls {
                                HalfOpenCalls::All => "first result succeeded".to_string(),
                                HalfOpenCalls::Calls(1) => "probe succeeded".to_string(),
                                HalfOpenCalls::Calls(n) => format!("{n} probes succeeded"),
                            };
                            Some(self.go(now, BreakerState::Closed, reason))
                        } else {
                            None
                        }
                    }
                    BreakerKind::Rate => {
                        if self.probes.calls < cfg.half_open_calls.deciding() {
                            return None;
                        }
                        let n = self.probes.calls as f64;
                        let fr = self.probes.failures as f64 / n;
                        let sr = self.probes.slow as f64 / n;
                        let calls = self.probes.calls;
                        if fr >= cfg.failure_rate {
                            Some(self.go(
                                now,
                                BreakerState::Open,
                                format!(
                                    "probe failure rate {} ≥ {} over {calls} probes",
                                    pct(fr),
                                    pct(cfg.failure_rate)
                                ),
                            ))
                        } else if cfg.slow_call_duration.is_some() && sr >= cfg.slow_call_rate {
                            Some(self.go(
                                now,
                                BreakerState::Open,
                                format!(
                                    "probe slow-call rate {} ≥ {} over {calls} probes",
                                    pct(sr),
                                    pct(cfg.slow_call_rate)
                                ),
                            ))
                        } else {
                            self.window = Window::new(cfg.window_size);
                            Some(self.go(
                                now,
                                BreakerState::Closed,
                                format!(
                                    "probe failure rate {} < {} over {calls} probes",
                                    pct(fr),
                                    pct(cfg.failure_rate)
                                ),
                            ))
                        }
                    }
                }
            }
            BreakerState::Open | BreakerState::ForcedOpen | BreakerState::Disabled => None,
        }
    }

    /// Applies a changed configuration: a new `force`, or a new kind or window
    /// (which starts the window afresh). A new kind or kind of window is a
    /// new way of judging: an OPEN or HALF-OPEN breaker starts CLOSED, as a
    /// breaker built with the new configuration would, so a fix applied
    /// while it is open shows at once instead of after the old wait.
    pub fn reconfigure(
        &mut self,
        old: &BreakerConfig,
        cfg: &BreakerConfig,
        now: SimTime,
    ) -> Option<Transition> {
        if old.kind != cfg.kind || old.window != cfg.window || old.window_size != cfg.window_size {
            self.window = Window::new(cfg.window_size);
            self.consecutive_failures = 0;
        }
        let judged = matches!(self.state, BreakerState::Open | BreakerState::HalfOpen);
        if old.force == cfg.force && judged && (old.kind != cfg.kind || old.window != cfg.window) {
            let what = if old.kind != cfg.kind {
                match cfg.kind {
                    BreakerKind::Consecutive => "kind = consecutive",
                    BreakerKind::Rate => "kind = rate",
                }
            } else {
                match cfg.window {
                    WindowKind::Count => "window = count",
                    WindowKind::Time => "window = time",
                }
            };
            return Some(self.go(
                now,
                BreakerState::Closed,
                format!("reconfigured ({what}): starts closed, as a new breaker does"),
            ));
        }
        if old.force != cfg.force {
            return Some(match cfg.force {
                Force::ForcedOpen => self.go(
                    now,
                    BreakerState::ForcedOpen,
                    "forced open by the operator".into(),
                ),
                Force::Disabled => self.go(
                    now,
                    BreakerState::Disabled,
                    "disabled by the operator: lets all calls through".into(),
                ),
                Force::None => {
                    self.window = Window::new(cfg.window_size);
                    self.go(
                        now,
                        BreakerState::Closed,
                        "returned to normal by the operator".into(),
                    )
                }
            });
        }
        None
    }
}

/// 0.625 → "62 %" (rounded down, so the reason never overstates the rate).
fn pct(x: f64) -> String {
    format!("{} %", ((x * 100.0) + 1e-9).floor() as i64)
}

#[cfg(test)]
mod lesson_semantics_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::time::NANOS_PER_SEC;

    const S: u64 = NANOS_PER_SEC;

    /// Asks for a permit, keeping any transition in `log`.
    fn acquire(
        b: &mut CircuitBreaker,
        cfg: &BreakerConfig,
        now: SimTime,
        log: &mut Vec<Transition>,
    ) -> Result<Permit, ShortCircuited> {
        let (answer, transition) = b.try_acquire(cfg, now);
        log.extend(transition);
        answer
    }

    fn fail(b: &mut CircuitBreaker, cfg: &BreakerConfig, now: SimTime) -> Option<Transition> {
        let p = b.try_acquire(cfg, now).0.expect("permitted");
        b.on_result(cfg, p, now, true, Dur(0))
    }

    #[test]
    fn lesson_breaker_opens_after_five_failures_and_probes_after_sixty_seconds() {
        let cfg = BreakerConfig::default();
        let mut b = CircuitBreaker::new(&cfg);
        for i in 0..4 {
            assert_eq!(
                fail(&mut b, &cfg, i * S),
                None,
                "failure {} must not open",
                i + 1
            );
            assert_eq!(b.state(), BreakerState::Closed);
        }
        let t = fail(&mut b, &cfg, 4 * S).expect("fifth failure opens");
        assert_eq!((t.from, t.to), (BreakerState::Closed, BreakerState::Open));
        assert_eq!(t.reason, "5 consecutive failures");
        let mut log = vec![];
        // Opened at 4 s: 59.9 s later it is still open.
        assert!(acquire(&mut b, &cfg, 4 * S + 59_900_000_000, &mut log).is_err());
        assert!(log.is_empty());
        // 60.1 s later a probe passes; the transition is dated at exactly 64 s.
        let p = acquire(&mut b, &cfg, 4 * S + 60_100_000_000, &mut log).expect("probe");
        assert_eq!(log[0].to, BreakerState::HalfOpen);
        assert_eq!(log[0].at, 64 * S);
        // Only one probe at a time.
        assert!(acquire(&mut b, &cfg, 4 * S + 60_200_000_000, &mut log).is_err());
        let t = b
            .on_result(&cfg, p, 65 * S, false, Dur(0))
            .expect("success closes");
        assert_eq!(
            (t.to, t.reason.as_str()),
            (BreakerState::Closed, "probe succeeded")
        );
    }

    #[test]
    fn failed_probe_reopens() {
        let cfg = BreakerConfig::default();
        let mut b = CircuitBreaker::new(&cfg);
        for i in 0..5 {
            fail(&mut b, &cfg, i);
        }
        let t = fail(&mut b, &cfg, 61 * S).expect("probe failure re-opens");
        assert_eq!(
            (t.to, t.reason.as_str()),
            (BreakerState::Open, "probe failed")
        );
        assert_eq!(b.times_opened(), 2);
    }

    #[test]
    fn success_resets_consecutive_count() {
        let cfg = BreakerConfig::default();
        let mut b = CircuitBreaker::new(&cfg);
        for i in 0..4 {
            fail(&mut b, &cfg, i);
        }
        let mut log = vec![];
        let p = acquire(&mut b, &cfg, 5, &mut log).unwrap();
        b.on_result(&cfg, p, 5, false, Dur(0));
        for i in 0..4 {
            assert!(fail(&mut b, &cfg, 6 + i).is_none());
        }
        assert_eq!(b.state(), BreakerState::Closed);
    }

    fn rate_cfg() -> BreakerConfig {
        BreakerConfig {
            kind: BreakerKind::Rate,
            window_size: WindowSize::Calls(10),
            min_calls: 10,
            failure_rate: 0.5,
            ..BreakerConfig::default()
        }
    }

    #[test]
    fn rate_breaker_waits_for_min_calls_then_trips_at_threshold() {
        let cfg = rate_cfg();
        let mut b = CircuitBreaker::new(&cfg);
        // Nine failures: 100 % failure rate but below min_calls.
        for i in 0..9 {
            assert!(fail(&mut b, &cfg, i).is_none());
        }
        // The tenth call succeeds: 9/10 = 90 % ≥ 50 % with min_calls reached.
        let mut log = vec![];
        let p = acquire(&mut b, &cfg, 10, &mut log).unwrap();
        let t = b.on_result(&cfg, p, 10, false, Dur(0)).expect("opens");
        assert_eq!(t.reason, "failure rate 90 % ≥ 50 % over the last 10 calls");
    }

    #[test]
    fn rate_breaker_below_threshold_stays_closed() {
        let cfg = rate_cfg();
        let mut b = CircuitBreaker::new(&cfg);
        let mut log = vec![];
        // 4 failures in each 10: 40 % < 50 %, for 100 calls.
        for i in 0..100u64 {
            let p = acquire(&mut b, &cfg, i, &mut log).unwrap();
            assert!(
                b.on_result(&cfg, p, i, i % 10 < 4, Dur(0)).is_none(),
                "call {i}"
            );
        }
    }

    #[test]
    fn time_window_forgets_old_failures() {
        let cfg = BreakerConfig {
            window: WindowKind::Time,
            window_size: WindowSize::Time(Dur::from_secs(10)),
            min_calls: 4,
            ..rate_cfg()
        };
        let mut b = CircuitBreaker::new(&cfg);
        fail(&mut b, &cfg, 0);
        fail(&mut b, &cfg, S);
        let mut log = vec![];
        // 20 s later the two failures are out of the window: 1 failure in 4 = 25 %.
        for i in 0..3 {
            let p = acquire(&mut b, &cfg, 20 * S + i, &mut log).unwrap();
            assert!(b.on_result(&cfg, p, 20 * S + i, false, Dur(0)).is_none());
        }
        assert!(fail(&mut b, &cfg, 20 * S + 5).is_none());
        assert_eq!(b.state(), BreakerState::Closed);
    }

    #[test]
    fn slow_calls_trip_a_rate_breaker_without_errors() {
        let cfg = BreakerConfig {
            slow_call_duration: Some(Dur::from_secs(1)),
            slow_call_rate: 0.6,
            ..rate_cfg()
        };
        let mut b = CircuitBreaker::new(&cfg);
        let mut log = vec![];
        let mut opened = None;
        for i in 0..10u64 {
            let p = acquire(&mut b, &cfg, i, &mut log).unwrap();
            if let Some(t) = b.on_result(&cfg, p, i, false, Dur(2 * S)) {
                opened = Some((i, t));
                break;
            }
        }
        let (i, t) = opened.expect("opens on slow calls");
        assert_eq!(i, 9, "only once min_calls is reached");
        assert!(
            t.reason.starts_with("slow-call rate 100 % ≥ 60 %"),
            "{}",
            t.reason
        );
    }

    #[test]
    fn half_open_limit_and_multi_probe_close() {
        let cfg = BreakerConfig {
            half_open_calls: HalfOpenCalls::Calls(3),
            ..BreakerConfig::default()
        };
        let mut b = CircuitBreaker::new(&cfg);
        for i in 0..5 {
            fail(&mut b, &cfg, i);
        }
        let mut log = vec![];
        let now = 70 * S;
        let permits: Vec<_> = (0..3)
            .map(|_| acquire(&mut b, &cfg, now, &mut log).expect("probe"))
            .collect();
        assert!(
            acquire(&mut b, &cfg, now, &mut log).is_err(),
            "a fourth call is short-circuited"
        );
        assert!(b.on_result(&cfg, permits[0], now, false, Dur(0)).is_none());
        assert!(b.on_result(&cfg, permits[1], now, false, Dur(0)).is_none());
        let t = b.on_result(&cfg, permits[2], now, false, Dur(0)).unwrap();
        assert_eq!(
            (t.to, t.reason.as_str()),
            (BreakerState::Closed, "3 probes succeeded")
        );
    }

    #[test]
    fn forced_states_override_judgement() {
        let normal = BreakerConfig::default();
        let forced = BreakerConfig {
            force: Force::ForcedOpen,
            ..normal.clone()
        };
        let disabled = BreakerConfig {
            force: Force::Disabled,
            ..normal.clone()
        };
        let mut b = CircuitBreaker::new(&normal);
        let mut log = vec![];
        let t = b.reconfigure(&normal, &forced, 1).unwrap();
        assert_eq!(t.to, BreakerState::ForcedOpen);
        assert!(acquire(&mut b, &forced, 2, &mut log).is_err());
        b.reconfigure(&forced, &disabled, 3);
        for i in 0..50 {
            let p = acquire(&mut b, &disabled, 4 + i, &mut log).expect("disabled lets all through");
            assert!(b.on_result(&disabled, p, 4 + i, true, Dur(0)).is_none());
        }
        let t = b.reconfigure(&disabled, &normal, 100).unwrap();
        assert_eq!(t.to, BreakerState::Closed);
    }

    #[test]
    fn late_results_from_before_a_transition_are_ignored() {
        let cfg = BreakerConfig::default();
        let mut b = CircuitBreaker::new(&cfg);
        let mut log = vec![];
        let old = acquire(&mut b, &cfg, 0, &mut log).unwrap();
        for i in 0..5 {
            fail(&mut b, &cfg, i);
        }
        assert_eq!(b.state(), BreakerState::Open);
        let _probe = acquire(&mut b, &cfg, 61 * S, &mut log).unwrap();
        // The old call's success must not close the half-open breaker.
        assert!(b.on_result(&cfg, old, 61 * S, false, Dur(0)).is_none());
        assert_eq!(b.state(), BreakerState::HalfOpen);
    }
}
