//! The breaker's state machine: CLOSED, OPEN, HALF_OPEN and the teacher's
//! forced states. Sans-IO: every method takes the current virtual time and
//! the configuration; transitions come back, with their reason, as data.

use super::config::*;
use super::reason::{percent, Reason};
use super::window::{Counts, Window};
use crate::base::time::{Dur, SimTime};

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
    pub reason: Reason,
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
    last_reason: Option<Reason>,
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
            last_reason: None,
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
    /// Why it is in its state (none before its first transition).
    pub fn last_reason(&self) -> Option<&Reason> {
        self.last_reason.as_ref()
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
    /// A rate breaker's failure and slow-call rates over its window, in
    /// percent as resilience4j's metrics give them (−1 while the window has
    /// fewer than `min_calls` calls); `None` for a consecutive breaker,
    /// which measures no rate.
    pub fn rates(&self, cfg: &BreakerConfig) -> Option<(f64, f64)> {
        if cfg.kind != BreakerKind::Rate {
            return None;
        }
        let t = self.window.totals;
        let min_calls = match cfg.window_size {
            WindowSize::Calls(n) => cfg.min_calls.min(n),
            WindowSize::Time(_) => cfg.min_calls,
        };
        if t.calls == 0 || t.calls < u64::from(min_calls) {
            return Some((-1.0, -1.0));
        }
        let pct = |x: u64| x as f64 * 100.0 / t.calls as f64;
        Some((pct(t.failures), pct(t.slow)))
    }
    /// When an OPEN breaker's wait ends: resilience4j's moves to HALF-OPEN
    /// then; the lesson's lets through the first call that arrives after it.
    pub fn probe_at(&self, cfg: &BreakerConfig) -> Option<SimTime> {
        (self.state == BreakerState::Open).then(|| self.wait_from(cfg) + cfg.open_for.0)
    }

    /// When an OPEN breaker will move to HALF-OPEN by itself, with no call
    /// arriving: resilience4j's at the end of its wait; the lesson's never
    /// (its class checks the time only when a call arrives).
    pub fn moves_at(&self, cfg: &BreakerConfig) -> Option<SimTime> {
        match cfg.semantics {
            Semantics::Resilience4j => self.probe_at(cfg),
            Semantics::Lesson => None,
        }
    }

    /// Where OPEN's wait counts from: its opening, or the last failure (the
    /// lesson's class: always the last failure).
    fn wait_from(&self, cfg: &BreakerConfig) -> SimTime {
        match (cfg.semantics, cfg.open_from) {
            (Semantics::Lesson, _) => self.last_failure,
            (Semantics::Resilience4j, OpenFrom::Opened) => self.since,
            (Semantics::Resilience4j, OpenFrom::LastFailure) => self.last_failure.max(self.since),
        }
    }

    fn go(&mut self, at: SimTime, to: BreakerState, reason: Reason) -> Transition {
        let from = self.state;
        if from.is_open() {
            self.open_total += at.saturating_sub(self.since);
        }
        if to == BreakerState::Open {
            self.opened = self.opened.saturating_add(1);
            self.last_failure = at;
        }
        self.state = to;
        self.since = at;
        self.epoch = self.epoch.wrapping_add(1);
        self.consecutive_failures = 0;
        self.probes_permitted = 0;
        self.probes = Counts::default();
        self.last_reason = Some(reason.clone());
        Transition {
            at,
            from,
            to,
            reason,
        }
    }

    /// Moves OPEN to HALF-OPEN once `open_for` has passed. The transition is
    /// dated when the wait ended, not when somebody looked.
    /// The lesson's breaker never moves by itself: `None`.
    pub fn poll(&mut self, cfg: &BreakerConfig, now: SimTime) -> Option<Transition> {
        let at = self.moves_at(cfg)?;
        if now < at {
            return None;
        }
        Some(self.go(at, BreakerState::HalfOpen, Reason::open_elapsed(cfg)))
    }

    /// Asks to make a call at `now`. `Err` means short-circuited. Like every
    /// method that can change the state, it returns the transition it made
    /// (here: OPEN to HALF-OPEN when the wait is over).
    pub fn try_acquire(
        &mut self,
        cfg: &BreakerConfig,
        now: SimTime,
    ) -> (Result<Permit, ShortCircuited>, Option<Transition>) {
        if cfg.semantics == Semantics::Lesson {
            return self.lesson_acquire(cfg, now);
        }
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
        if cfg.semantics == Semantics::Lesson {
            return self.lesson_result(cfg, now, failed);
        }
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
                        self.consecutive_failures = self.consecutive_failures.saturating_add(1);
                        if self.consecutive_failures >= cfg.failure_threshold {
                            let n = self.consecutive_failures;
                            return Some(self.go(
                                now,
                                BreakerState::Open,
                                Reason::ConsecutiveFailures(n),
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
                    if t.calls < u64::from(min_calls) {
                        return None;
                    }
                    let fr = t.failures as f64 / t.calls as f64;
                    let sr = t.slow as f64 / t.calls as f64;
                    if fr >= cfg.failure_rate {
                        let reason = Reason::FailureRate {
                            rate: percent(fr),
                            threshold: percent(cfg.failure_rate),
                            over: self.window.over(cfg.window_size),
                        };
                        self.window = Window::new(cfg.window_size);
                        return Some(self.go(now, BreakerState::Open, reason));
                    }
                    if cfg.slow_call_duration.is_some() && sr >= cfg.slow_call_rate {
                        let reason = Reason::SlowCallRate {
                            rate: percent(sr),
                            threshold: percent(cfg.slow_call_rate),
                            slow: cfg.slow_call_duration.unwrap_or_default(),
                            over: self.window.over(cfg.window_size),
                        };
                        self.window = Window::new(cfg.window_size);
                        return Some(self.go(now, BreakerState::Open, reason));
                    }
                    None
                }
            },
            BreakerState::HalfOpen => {
                self.probes.calls += 1;
                self.probes.failures += failed as u64;
                self.probes.slow += slow as u64;
                match cfg.kind {
                    BreakerKind::Consecutive => {
                        let all = cfg.half_open_calls == HalfOpenCalls::All;
                        if failed {
                            let reason = if all {
                                Reason::FirstResultFailed
                            } else {
                                Reason::ProbeFailed
                            };
                            Some(self.go(now, BreakerState::Open, reason))
                        } else if self.probes.calls >= u64::from(cfg.half_open_calls.deciding()) {
                            let reason = match cfg.half_open_calls {
                                HalfOpenCalls::All => Reason::FirstResultSucceeded,
                                HalfOpenCalls::Calls(n) => Reason::ProbesSucceeded(n),
                            };
                            Some(self.go(now, BreakerState::Closed, reason))
                        } else {
                            None
                        }
                    }
                    BreakerKind::Rate => {
                        if self.probes.calls < u64::from(cfg.half_open_calls.deciding()) {
                            return None;
                        }
                        let n = self.probes.calls as f64;
                        let fr = self.probes.failures as f64 / n;
                        let sr = self.probes.slow as f64 / n;
                        // At most `deciding()`, a u32.
                        let calls = u32::try_from(self.probes.calls).unwrap_or(u32::MAX);
                        if fr >= cfg.failure_rate {
                            Some(self.go(
                                now,
                                BreakerState::Open,
                                Reason::ProbeFailureRate {
                                    rate: percent(fr),
                                    threshold: percent(cfg.failure_rate),
                                    probes: calls,
                                },
                            ))
                        } else if cfg.slow_call_duration.is_some() && sr >= cfg.slow_call_rate {
                            Some(self.go(
                                now,
                                BreakerState::Open,
                                Reason::ProbeSlowCallRate {
                                    rate: percent(sr),
                                    threshold: percent(cfg.slow_call_rate),
                                    probes: calls,
                                },
                            ))
                        } else {
                            self.window = Window::new(cfg.window_size);
                            Some(self.go(
                                now,
                                BreakerState::Closed,
                                Reason::ProbesHealthy {
                                    rate: percent(fr),
                                    threshold: percent(cfg.failure_rate),
                                    probes: calls,
                                },
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
        let new_semantics = old.semantics != cfg.semantics;
        if old.kind != cfg.kind
            || old.window != cfg.window
            || old.window_size != cfg.window_size
            || new_semantics
        {
            self.window = Window::new(cfg.window_size);
            self.consecutive_failures = 0;
        }
        let judged = matches!(self.state, BreakerState::Open | BreakerState::HalfOpen);
        let new_judge = old.kind != cfg.kind || old.window != cfg.window || new_semantics;
        if old.force == cfg.force && judged && new_judge {
            let what = if new_semantics {
                match cfg.semantics {
                    Semantics::Resilience4j => "semantics = resilience4j",
                    Semantics::Lesson => "semantics = lesson",
                }
            } else if old.kind != cfg.kind {
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
            return Some(self.go(now, BreakerState::Closed, Reason::Reconfigured(what)));
        }
        if old.force != cfg.force {
            return Some(match cfg.force {
                Force::ForcedOpen => self.go(now, BreakerState::ForcedOpen, Reason::ForcedOpen),
                Force::Disabled => self.go(now, BreakerState::Disabled, Reason::Disabled),
                Force::None => {
                    self.window = Window::new(cfg.window_size);
                    self.go(now, BreakerState::Closed, Reason::BackToNormal)
                }
            });
        }
        None
    }
}

/// The lesson's class, read literally (`semantics = "lesson"`). Its `call`
/// checks the state when a call arrives; `_on_success` and `_on_failure` act
/// on every result, whenever it arrives and whatever the state.
impl CircuitBreaker {
    /// `call`: OPEN short-circuits until `now − last_failure > open_for`
    /// (strictly), checked now; then this call, and every call while
    /// HALF-OPEN, passes.
    fn lesson_acquire(
        &mut self,
        cfg: &BreakerConfig,
        now: SimTime,
    ) -> (Result<Permit, ShortCircuited>, Option<Transition>) {
        let permit = Ok(Permit { epoch: self.epoch });
        match self.state {
            BreakerState::Open if now.saturating_sub(self.last_failure) > cfg.open_for.0 => {
                let count = self.consecutive_failures;
                let reason = Reason::CallAfterWait(cfg.open_for);
                let t = self.go(now, BreakerState::HalfOpen, reason);
                // The class's count lasts until a success.
                self.consecutive_failures = count;
                (permit, Some(t))
            }
            BreakerState::Open | BreakerState::ForcedOpen => (Err(ShortCircuited), None),
            BreakerState::Closed | BreakerState::HalfOpen | BreakerState::Disabled => {
                (permit, None)
            }
        }
    }

    /// `_on_success`: count 0 and CLOSED, in any state. `_on_failure`: one
    /// more in the count, the last failure is now, OPEN when the count
    /// reaches the threshold (already OPEN: it stays, waiting from now). The
    /// teacher's forced states count nothing.
    fn lesson_result(
        &mut self,
        cfg: &BreakerConfig,
        now: SimTime,
        failed: bool,
    ) -> Option<Transition> {
        if matches!(
            self.state,
            BreakerState::ForcedOpen | BreakerState::Disabled
        ) {
            return None;
        }
        if !failed {
            self.consecutive_failures = 0;
            return (self.state != BreakerState::Closed)
                .then(|| self.go(now, BreakerState::Closed, Reason::SuccessCloses));
        }
        self.consecutive_failures = self.consecutive_failures.saturating_add(1);
        self.last_failure = now;
        let count = self.consecutive_failures;
        if count < cfg.failure_threshold || self.state == BreakerState::Open {
            return None;
        }
        let t = self.go(now, BreakerState::Open, Reason::ConsecutiveFailures(count));
        self.consecutive_failures = count;
        Some(t)
    }
}

#[cfg(test)]
mod tests;
