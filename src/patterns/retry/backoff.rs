//! How long to wait before each retry: constant, linear, or tenacity's
//! `wait_exponential`; a plain duration in a file means constant.

use crate::base::duration_or_table::DurationOrTable;
use crate::base::time::Dur;
use crate::i18n::Msg;
use crate::msg;
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

    pub(crate) fn validate(&self) -> Result<(), Msg> {
        let hour = Dur::from_secs(3600);
        match *self {
            Backoff::Constant { delay } if delay > hour => Err(msg!("backoff-delay-at-most")),
            Backoff::Linear { initial, max, .. } if initial > max || max > hour => Err(msg!(
                "backoff-linear-order",
                initial = initial.to_string(),
                max = max.to_string()
            )),
            Backoff::Exponential { base, min, max, .. } => {
                if !(base.is_finite() && (1.0..=100.0).contains(&base)) {
                    Err(msg!("backoff-base-range", base = base.to_string()))
                } else if min > max || max > hour {
                    Err(msg!(
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
