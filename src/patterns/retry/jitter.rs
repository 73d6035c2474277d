//! Randomising the backoff (AWS's "Exponential Backoff and Jitter").

use crate::base::time::Dur;
use rand::Rng;
use serde::{Deserialize, Serialize};

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
