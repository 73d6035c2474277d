//! Retry's timings against tenacity and AWS's formulas, its stops, its budget.

use super::*;
use crate::base::outcome::Outcome;
use crate::base::time::Dur;
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
            let s = Jitter::Decorrelated.apply(Dur(base), Dur(0), Dur(base), Dur(10_000), &mut rng);
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
        if let Decision::RetryAfter(_) = st.decide(&cfg, &mut budget, Outcome::Failed, 0, &mut rng)
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
