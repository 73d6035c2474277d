//! Retry: try again after a failed attempt, waiting a backoff between tries
//! (tenacity's `wait_exponential`, AWS's jitter formulas), optionally limited
//! by a gRPC-style retry budget and an overall deadline.
//!
//! Sans-IO: the policy computes delays and decisions; the simulation sleeps.

use crate::base::duration_or_table::DurationOrTable;
use crate::base::outcome::Outcome;
use crate::base::time::{Dur, SimTime};
use crate::settable;
use rand::Rng;
use serde::{Deserialize, Serialize};

/// How long to wait before retry n (n = 1 is the first retry). The derive
/// reads the table form (`Backoff::deserialize`, inherent); the trait impl
/// adds the plain-duration form.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(
    remote = "Self",
    tag = "kind",
    rename_all = "lowercase",
    deny_unknown_fields
)]
pub enum Backoff {
    Constant {
        delay: Dur,
    },
    Linear {
        initial: Dur,
        step: Dur,
        #[serde(default = "hour")]
        max: Dur,
    },
    /// tenacity's `wait_exponential`: `multiplier × base^(n−1)` clamped to `[min, max]`.
    Exponential {
        multiplier: Dur,
        #[serde(default = "two")]
        base: f64,
        #[serde(default)]
        min: Dur,
        #[serde(default = "hour")]
        max: Dur,
    },
}

impl Backoff {
    /// The wait before retry `n` (1-based), before jitter.
    pub fn delay(&self, n: u32) -> Dur {
        let n = n.max(1);
        Dur(match *self {
            Backoff::Constant { delay } => delay.0,
            Backoff::Linear { initial, step, max } => initial
                .0
                .saturating_add(step.0.saturating_mul((n - 1) as u64))
                .min(max.0),
            Backoff::Exponential {
                multiplier,
                base,
                min,
                max,
            } => {
                let raw =
                    multiplier.0 as f64 * crate::base::maths::powi(base, (n - 1).min(1000) as i32);
                let clamped = raw.max(min.0 as f64).min(max.0 as f64);
                clamped.round() as u64
            }
        })
    }

    /// The longest wait the backoff can produce (the cap for decorrelated jitter).
    pub fn cap(&self) -> Dur {
        match *self {
            Backoff::Constant { delay } => delay,
            Backoff::Linear { max, .. } | Backoff::Exponential { max, .. } => max,
        }
    }

    fn validate(&self) -> Result<(), String> {
        let hour = Dur::from_secs(3600);
        match *self {
            Backoff::Constant { delay } if delay > hour => Err(crate::t!("backoff-delay-at-most")),
            Backoff::Linear { initial, max, .. } if initial > max || max > hour => Err(crate::t!(
                "backoff-linear-order",
                initial = initial.to_string(),
                max = max.to_string()
            )),
            Backoff::Exponential { base, min, max, .. } => {
                if !(base.is_finite() && (1.0..=100.0).contains(&base)) {
                    Err(crate::t!("backoff-base-range", base = base.to_string()))
                } else if min > max || max > hour {
                    Err(crate::t!(
                        "backoff-exponential-order",
                        min = min.to_string(),
                        max = max.to_string()
                    ))
                } else {
                    Ok(())
                }
            }
            _ => Ok(()),
        }
    }
}

fn hour() -> Dur {
    Dur::from_secs(3600)
}
fn two() -> f64 {
    2.0
}

impl<'de> Deserialize<'de> for Backoff {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        DurationOrTable {
            what: "backoff",
            tag: "kind",
            kinds: &["constant", "linear", "exponential"],
            example: "{ kind = \"exponential\", multiplier = \"1s\", min = \"1s\", max = \"10s\" }",
        }
        .read(
            toml::Value::deserialize(d)?,
            |delay| Backoff::Constant { delay },
            Backoff::deserialize,
        )
        .map_err(D::Error::custom)
    }
}

impl Serialize for Backoff {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        match self {
            Backoff::Constant { delay } => {
                m.serialize_entry("kind", "constant")?;
                m.serialize_entry("delay", delay)?;
            }
            Backoff::Linear { initial, step, max } => {
                m.serialize_entry("kind", "linear")?;
                m.serialize_entry("initial", initial)?;
                m.serialize_entry("step", step)?;
                m.serialize_entry("max", max)?;
            }
            Backoff::Exponential {
                multiplier,
                base,
                min,
                max,
            } => {
                m.serialize_entry("kind", "exponential")?;
                m.serialize_entry("multiplier", multiplier)?;
                m.serialize_entry("base", base)?;
                m.serialize_entry("min", min)?;
                m.serialize_entry("max", max)?;
            }
        }
        m.end()
    }
}

/// Randomisation of the backoff, as in AWS's "Exponential Backoff and Jitter".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Jitter {
    /// The backoff exactly.
    None,
    /// uniform(0, d).
    Full,
    /// d/2 + uniform(0, d/2).
    Equal,
    /// min(cap, uniform(first, 3 × previous sleep)).
    Decorrelated,
}

impl Jitter {
    /// The sleep before the next retry, given the backoff's delay `d`, the
    /// previous sleep (0 before the first retry), the first delay and the cap.
    pub fn apply<R: Rng + ?Sized>(
        self,
        d: Dur,
        prev: Dur,
        first: Dur,
        cap: Dur,
        rng: &mut R,
    ) -> Dur {
        let (d, prev, first, cap) = (d.0, prev.0, first.0, cap.0);
        Dur(match self {
            Jitter::None => d,
            Jitter::Full => {
                if d == 0 {
                    0
                } else {
                    rng.random_range(0..=d)
                }
            }
            Jitter::Equal => {
                let half = d / 2;
                (d - half)
                    + if half == 0 {
                        0
                    } else {
                        rng.random_range(0..=half)
                    }
            }
            Jitter::Decorrelated => {
                let lo = first;
                let hi = prev.max(first).saturating_mul(3);
                let s = if hi <= lo {
                    lo
                } else {
                    rng.random_range(lo..=hi)
                };
                s.min(cap.max(first))
            }
        })
    }
}

/// gRPC retry throttling: a failed attempt costs a token, a success earns
/// `token_ratio`; retries are allowed only while tokens > max_tokens / 2.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    pub max_tokens: f64,
    #[serde(default = "default_ratio")]
    pub token_ratio: f64,
}

fn default_ratio() -> f64 {
    0.1
}

#[derive(Clone, Debug, PartialEq)]
pub struct RetryConfig {
    pub enabled: bool,
    pub max_attempts: u32,
    pub backoff: Backoff,
    pub jitter: Jitter,
    pub budget: Option<Budget>,
    pub retry_on: Vec<Outcome>,
    pub deadline: Option<Dur>,
}

impl Default for RetryConfig {
    /// The lesson's retry: `stop_after_attempt(3)`, `wait_exponential(multiplier=1, min=1, max=10)`.
    fn default() -> Self {
        RetryConfig {
            enabled: true,
            max_attempts: 3,
            backoff: Backoff::Exponential {
                multiplier: Dur::from_secs(1),
                base: 2.0,
                min: Dur::from_secs(1),
                max: Dur::from_secs(10),
            },
            jitter: Jitter::None,
            budget: None,
            retry_on: vec![Outcome::Failed, Outcome::TimedOut],
            deadline: None,
        }
    }
}

settable!(RetryConfig {
    enabled,
    max_attempts,
    backoff,
    jitter,
    budget,
    retry_on,
    deadline
});

impl RetryConfig {
    pub fn validate(&self) -> Result<(), (&'static str, String)> {
        if !(1..=100).contains(&self.max_attempts) {
            return Err(("max_attempts", crate::t!("retry-max-attempts-range")));
        }
        self.backoff.validate().map_err(|e| ("backoff", e))?;
        if let Some(b) = self.budget {
            if !(b.max_tokens.is_finite() && b.max_tokens >= 1.0 && b.max_tokens <= 1e6) {
                return Err((
                    "budget",
                    crate::t!("budget-max-tokens", value = b.max_tokens.to_string()),
                ));
            }
            if !(b.token_ratio.is_finite() && b.token_ratio > 0.0 && b.token_ratio <= b.max_tokens)
            {
                return Err((
                    "budget",
                    crate::t!("budget-token-ratio", value = b.token_ratio.to_string()),
                ));
            }
        }
        if self.retry_on.contains(&Outcome::ClientRejected) {
            return Err(("retry_on", crate::t!("retry-on-client-rejected")));
        }
        if let Some(d) = self.deadline {
            if d.0 == 0 || d > Dur::from_secs(86_400) {
                return Err(("deadline", crate::patterns::duration_range("1ns", "1d")));
            }
        }
        Ok(())
    }
}

/// The retry budget's token bucket, one per service.
#[derive(Clone, Debug, PartialEq)]
pub struct RetryBudget {
    pub tokens: f64,
}

impl RetryBudget {
    pub fn new(b: Option<Budget>) -> RetryBudget {
        RetryBudget {
            tokens: b.map_or(0.0, |b| b.max_tokens),
        }
    }
    pub fn on_attempt(&mut self, b: Budget, failed: bool) {
        if failed {
            self.tokens = (self.tokens - 1.0).max(0.0);
        } else {
            self.tokens = (self.tokens + b.token_ratio).min(b.max_tokens);
        }
    }
    /// The tokens left, when the service has a budget at all.
    pub fn reading(&self, cfg: &RetryConfig) -> Option<f64> {
        cfg.budget.map(|_| self.tokens)
    }
    pub fn allows_retry(&self, b: Budget) -> bool {
        self.tokens > b.max_tokens / 2.0
    }
}

/// What to do after an attempt ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Sleep this long, then try again.
    RetryAfter(Dur),
    /// Give the result to the caller.
    Stop,
}

/// Why the retry layer gave a result to the caller instead of retrying.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopReason {
    /// The attempt succeeded.
    Succeeded,
    /// The retry layer was turned off while the call was under way.
    Disabled,
    /// `retry_on` does not list this outcome.
    NotRetried,
    /// All `max_attempts` were made.
    Exhausted { max_attempts: u32 },
    /// The retry budget is below half its tokens.
    Budget,
    /// The next attempt would start after `deadline`.
    Deadline,
}

/// Per-call retry state: how many attempts have been made and the last sleep.
#[derive(Clone, Copy, Debug, Default)]
pub struct RetryState {
    pub attempts: u32,
    pub started: SimTime,
    pub prev_sleep: Dur,
}

impl RetryState {
    pub fn begin(now: SimTime) -> RetryState {
        RetryState {
            attempts: 1,
            started: now,
            prev_sleep: Dur(0),
        }
    }

    /// Decides after an attempt that ended with `outcome` at `now`, updating the budget.
    pub fn decide<R: Rng + ?Sized>(
        &mut self,
        cfg: &RetryConfig,
        budget: &mut RetryBudget,
        outcome: Outcome,
        now: SimTime,
        rng: &mut R,
    ) -> Decision {
        let retryable = cfg.retry_on.contains(&outcome);
        if let Some(b) = cfg.budget {
            budget.on_attempt(b, !outcome.is_ok() && retryable);
        }
        // Turned off live: calls already retrying stop at this attempt.
        if !cfg.enabled || !retryable || outcome.is_ok() || self.attempts >= cfg.max_attempts {
            return Decision::Stop;
        }
        if let Some(b) = cfg.budget {
            if !budget.allows_retry(b) {
                return Decision::Stop;
            }
        }
        let d = cfg.backoff.delay(self.attempts);
        let first = cfg.backoff.delay(1);
        let sleep = cfg
            .jitter
            .apply(d, self.prev_sleep, first, cfg.backoff.cap(), rng);
        if let Some(deadline) = cfg.deadline {
            if now + sleep > self.started + deadline {
                return Decision::Stop;
            }
        }
        self.prev_sleep = sleep;
        Decision::RetryAfter(sleep)
    }

    /// Why `decide` just answered `Stop` for `outcome` (with the budget as
    /// `decide` left it): its checks, in its order. For traces; draws nothing.
    pub fn stop_reason(
        &self,
        cfg: &RetryConfig,
        budget: &RetryBudget,
        outcome: Outcome,
    ) -> StopReason {
        if outcome.is_ok() {
            StopReason::Succeeded
        } else if !cfg.enabled {
            StopReason::Disabled
        } else if !cfg.retry_on.contains(&outcome) {
            StopReason::NotRetried
        } else if self.attempts >= cfg.max_attempts {
            StopReason::Exhausted {
                max_attempts: cfg.max_attempts,
            }
        } else if cfg.budget.is_some_and(|b| !budget.allows_retry(b)) {
            StopReason::Budget
        } else {
            StopReason::Deadline
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    const S: u64 = 1_000_000_000;

    #[test]
    fn tenacity_wait_exponential_values() {
        let b = RetryConfig::default().backoff;
        let waits: Vec<u64> = (1..=6).map(|n| b.delay(n).0 / S).collect();
        assert_eq!(waits, vec![1, 2, 4, 8, 10, 10]);
        // min clamps from below: multiplier 0.1 s, min 1 s.
        let b = Backoff::Exponential {
            multiplier: Dur::from_millis(100),
            base: 2.0,
            min: Dur::from_secs(1),
            max: Dur::from_secs(10),
        };
        assert_eq!(b.delay(1), Dur(S));
        assert_eq!(b.delay(5), Dur(1_600_000_000));
        let b = Backoff::Exponential {
            multiplier: Dur::from_secs(1),
            base: 3.0,
            min: Dur(0),
            max: Dur::from_secs(100),
        };
        assert_eq!(b.delay(3), Dur(9 * S));
    }

    #[test]
    fn constant_and_linear_values() {
        assert_eq!(
            Backoff::Constant {
                delay: Dur::from_millis(200)
            }
            .delay(7),
            Dur(200_000_000)
        );
        let l = Backoff::Linear {
            initial: Dur::from_secs(1),
            step: Dur::from_millis(500),
            max: Dur::from_secs(2),
        };
        assert_eq!(
            [l.delay(1), l.delay(2), l.delay(3), l.delay(4)],
            [S, 1_500_000_000, 2 * S, 2 * S].map(Dur)
        );
    }

    fn mean_of(j: Jitter, d: u64, n: usize) -> (f64, u64, u64) {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let mut sum = 0f64;
        let (mut lo, mut hi) = (u64::MAX, 0);
        let mut prev = Dur(0);
        for _ in 0..n {
            let s = j.apply(Dur(d), prev, Dur(d), Dur(10 * d), &mut rng);
            if j == Jitter::Decorrelated {
                prev = s;
            }
            sum += s.0 as f64;
            lo = lo.min(s.0);
            hi = hi.max(s.0);
        }
        (sum / n as f64, lo, hi)
    }

    #[test]
    fn jitter_bounds_and_means() {
        let d = 1000 * 1_000_000u64; // 1 s
        let (m, lo, hi) = mean_of(Jitter::Full, d, 100_000);
        assert!(lo < d / 100 && hi <= d);
        assert!((m / d as f64 - 0.5).abs() < 0.01, "full jitter mean {m}");
        let (m, lo, hi) = mean_of(Jitter::Equal, d, 100_000);
        assert!(lo >= d / 2 && hi <= d);
        assert!((m / d as f64 - 0.75).abs() < 0.01, "equal jitter mean {m}");
        let (_, lo, hi) = mean_of(Jitter::Decorrelated, d, 100_000);
        assert!(lo >= d && hi <= 10 * d, "decorrelated in [base, cap]");
        let (m, lo, hi) = mean_of(Jitter::None, d, 10);
        assert_eq!((m as u64, lo, hi), (d, d, d));
    }

    #[test]
    fn decorrelated_first_sleep_is_uniform_base_to_three_base() {
        let mut rng = ChaCha8Rng::seed_from_u64(9);
        let base = 100u64;
        let n = 100_000;
        let mean = (0..n)
            .map(|_| {
                let s =
                    Jitter::Decorrelated.apply(Dur(base), Dur(0), Dur(base), Dur(10_000), &mut rng);
                s.0 as f64
            })
            .sum::<f64>()
            / n as f64;
        assert!((mean - 200.0).abs() < 2.0, "mean {mean}");
    }

    #[test]
    fn stops_after_max_attempts_and_on_non_retryable() {
        let cfg = RetryConfig::default();
        let mut budget = RetryBudget::new(None);
        let mut rng = ChaCha8Rng::seed_from_u64(0);
        let mut st = RetryState::begin(0);
        assert_eq!(
            st.decide(&cfg, &mut budget, Outcome::Failed, 0, &mut rng),
            Decision::RetryAfter(Dur(S))
        );
        st.attempts += 1;
        assert_eq!(
            st.decide(&cfg, &mut budget, Outcome::TimedOut, 0, &mut rng),
            Decision::RetryAfter(Dur(2 * S))
        );
        st.attempts += 1;
        assert_eq!(
            st.decide(&cfg, &mut budget, Outcome::Failed, 0, &mut rng),
            Decision::Stop
        );
        let mut st = RetryState::begin(0);
        assert_eq!(
            st.decide(&cfg, &mut budget, Outcome::ShortCircuited, 0, &mut rng),
            Decision::Stop
        );
        assert_eq!(
            st.decide(&cfg, &mut budget, Outcome::Ok, 0, &mut rng),
            Decision::Stop
        );
    }

    #[test]
    fn stop_reasons_follow_the_decision() {
        let cfg = RetryConfig {
            deadline: Some(Dur::from_millis(2500)),
            budget: Some(Budget {
                max_tokens: 2.0,
                token_ratio: 0.1,
            }),
            ..RetryConfig::default()
        };
        let mut budget = RetryBudget::new(cfg.budget);
        let mut rng = ChaCha8Rng::seed_from_u64(0);
        let mut st = RetryState::begin(0);
        let why = |st: &RetryState, b: &RetryBudget, o| st.stop_reason(&cfg, b, o);
        assert_eq!(why(&st, &budget, Outcome::Ok), StopReason::Succeeded);
        assert_eq!(
            why(&st, &budget, Outcome::ShortCircuited),
            StopReason::NotRetried
        );
        // 2 tokens, a failure spends one: 1 is not above half of 2.
        assert_eq!(
            st.decide(&cfg, &mut budget, Outcome::Failed, 0, &mut rng),
            Decision::Stop
        );
        assert_eq!(why(&st, &budget, Outcome::Failed), StopReason::Budget);
        let cfg = RetryConfig {
            budget: None,
            ..cfg
        };
        let mut budget = RetryBudget::new(None);
        st.attempts = 2;
        assert_eq!(
            st.decide(&cfg, &mut budget, Outcome::Failed, S, &mut rng),
            Decision::Stop
        );
        assert_eq!(
            st.stop_reason(&cfg, &budget, Outcome::Failed),
            StopReason::Deadline
        );
        st.attempts = 3;
        assert_eq!(
            st.stop_reason(&cfg, &budget, Outcome::TimedOut),
            StopReason::Exhausted { max_attempts: 3 }
        );
    }

    #[test]
    fn deadline_stops_a_retry_that_would_start_too_late() {
        let cfg = RetryConfig {
            deadline: Some(Dur::from_millis(2500)),
            max_attempts: 10,
            ..RetryConfig::default()
        };
        let mut budget = RetryBudget::new(None);
        let mut rng = ChaCha8Rng::seed_from_u64(0);
        let mut st = RetryState::begin(0);
        assert_eq!(
            st.decide(&cfg, &mut budget, Outcome::Failed, 0, &mut rng),
            Decision::RetryAfter(Dur(S))
        );
        st.attempts += 1;
        // At 1 s the next wait is 2 s: 3 s > 2.5 s.
        assert_eq!(
            st.decide(&cfg, &mut budget, Outcome::Failed, S, &mut rng),
            Decision::Stop
        );
    }

    #[test]
    fn budget_throttles_when_half_spent() {
        let b = Budget {
            max_tokens: 10.0,
            token_ratio: 0.1,
        };
        let cfg = RetryConfig {
            budget: Some(b),
            max_attempts: 100,
            backoff: Backoff::Constant { delay: Dur(1) },
            ..RetryConfig::default()
        };
        let mut budget = RetryBudget::new(Some(b));
        let mut rng = ChaCha8Rng::seed_from_u64(0);
        let mut retries = 0;
        for _ in 0..100 {
            let mut st = RetryState::begin(0);
            if let Decision::RetryAfter(_) =
                st.decide(&cfg, &mut budget, Outcome::Failed, 0, &mut rng)
            {
                retries += 1;
            }
        }
        // 10 tokens: retries while tokens > 5 → failures at 10,9,8,7,6 leave 9..5; the 5th leaves 5.
        assert_eq!(retries, 4);
        // Every failure cost a token: the bucket is empty.
        assert_eq!(budget.tokens, 0.0);
        // Successes earn 0.1 each: 45 leave 4.5 (still throttled), 55 give 5.5.
        for _ in 0..45 {
            budget.on_attempt(b, false);
        }
        assert!(!budget.allows_retry(b));
        for _ in 0..10 {
            budget.on_attempt(b, false);
        }
        assert!(budget.allows_retry(b));
    }
}
