//! Probability distributions of durations (service latency, think time).
//! A plain duration means constant; otherwise a table names the `dist`.

use crate::base::duration_or_table::DurationOrTable;
use crate::base::maths;
use crate::base::time::{Dur, NANOS_PER_SEC};
use crate::sim::mixture::{Mixture, MixtureSampler};
use crate::sim::sampling::{Exp, LogNormal, Normal, Pareto};
use rand::Rng;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The longest duration any draw may take, so that heavy tails (pareto) cannot
/// overflow the clock: one day.
pub const MAX_DRAW: u64 = 86_400 * NANOS_PER_SEC;

/// z such that Φ(z) = 0.99; links a lognormal's p50 and p99.
const Z99: f64 = 2.326_347_874_040_841;

/// The derive reads the table form (`Dist::deserialize`, inherent); the
/// trait impl below adds the plain-duration form.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(
    remote = "Self",
    tag = "dist",
    rename_all = "lowercase",
    deny_unknown_fields
)]
pub enum Dist {
    Constant {
        value: Dur,
    },
    Uniform {
        min: Dur,
        max: Dur,
    },
    Exponential {
        mean: Dur,
    },
    Normal {
        mean: Dur,
        sd: Dur,
    },
    LogNormal {
        p50: Dur,
        p99: Dur,
    },
    Pareto {
        scale: Dur,
        shape: f64,
    },
    /// Each draw comes from one part, chosen with probability its weight
    /// (weights normalised): rare slow answers beside common fast ones, the
    /// tails hedging exists for. Read and written by hand (`mixture.rs`).
    #[serde(skip)]
    Mixture(Mixture),
}

pub const DIST_NAMES: &[&str] = &[
    "constant",
    "uniform",
    "exponential",
    "normal",
    "lognormal",
    "pareto",
    "mixture",
];

impl Dist {
    /// The mean of the distribution in seconds (∞ for pareto with shape ≤ 1).
    pub fn mean_secs(&self) -> f64 {
        match *self {
            Dist::Constant { value } => value.as_secs_f64(),
            Dist::Uniform { min, max } => (min.as_secs_f64() + max.as_secs_f64()) / 2.0,
            Dist::Exponential { mean } => mean.as_secs_f64(),
            Dist::Normal { mean, .. } => mean.as_secs_f64(),
            Dist::LogNormal { p50, p99 } => {
                let sigma = maths::ln(p99.as_secs_f64() / p50.as_secs_f64()) / Z99;
                p50.as_secs_f64() * maths::exp(sigma * sigma / 2.0)
            }
            Dist::Pareto { scale, shape } => {
                if shape <= 1.0 {
                    f64::INFINITY
                } else {
                    shape * scale.as_secs_f64() / (shape - 1.0)
                }
            }
            Dist::Mixture(ref m) => m.mean_secs(),
        }
    }

    /// The lesser of mean and median, in seconds: a typical draw that a heavy
    /// tail (an infinite mean) cannot inflate. For estimates of load.
    pub fn typical_secs(&self) -> f64 {
        let median = match *self {
            Dist::Exponential { mean } => mean.as_secs_f64() * std::f64::consts::LN_2,
            Dist::LogNormal { p50, .. } => p50.as_secs_f64(),
            Dist::Pareto { scale, shape } => scale.as_secs_f64() * maths::pow(2.0, 1.0 / shape),
            Dist::Mixture(ref m) => m.typical_secs(),
            _ => self.mean_secs(),
        };
        median.min(self.mean_secs())
    }

    /// The probability that a draw scaled by `factor` lasts longer than
    /// `limit` seconds (the share of attempts a timeout of `limit` cuts, for
    /// estimates of load; draws are capped at a day, as `sample` caps them).
    pub fn exceeds(&self, limit: f64, factor: f64) -> f64 {
        if limit * NANOS_PER_SEC as f64 >= MAX_DRAW as f64 {
            return 0.0;
        }
        if factor <= 0.0 {
            return 0.0;
        }
        // P(factor·X > limit) = P(X > t).
        let t = limit / factor;
        let normal_above = |z: f64| 0.5 * maths::erfc(z / std::f64::consts::SQRT_2);
        let p = match *self {
            Dist::Constant { value } => f64::from(u8::from(value.as_secs_f64() > t)),
            Dist::Uniform { min, max } => {
                let (a, b) = (min.as_secs_f64(), max.as_secs_f64());
                if t < a {
                    1.0
                } else if t >= b {
                    0.0
                } else {
                    (b - t) / (b - a)
                }
            }
            Dist::Exponential { mean } => {
                let m = mean.as_secs_f64();
                if m <= 0.0 {
                    0.0
                } else {
                    maths::exp(-t / m)
                }
            }
            Dist::Normal { mean, sd } => {
                let (m, s) = (mean.as_secs_f64(), sd.as_secs_f64());
                if s <= 0.0 {
                    f64::from(u8::from(m > t))
                } else {
                    normal_above((t - m) / s)
                }
            }
            Dist::LogNormal { p50, p99 } => {
                let (m, q) = (p50.as_secs_f64(), p99.as_secs_f64());
                let sigma = maths::ln(q / m) / Z99;
                if t <= 0.0 {
                    1.0
                } else if sigma.is_nan() || sigma <= 0.0 {
                    f64::from(u8::from(m > t))
                } else {
                    normal_above(maths::ln(t / m) / sigma)
                }
            }
            Dist::Pareto { scale, shape } => {
                let s = scale.as_secs_f64();
                if t < s {
                    1.0
                } else {
                    maths::pow(s / t, shape)
                }
            }
            Dist::Mixture(ref m) => m.shares().map(|(w, d)| w * d.exceeds(limit, factor)).sum(),
        };
        if p.is_finite() {
            p.clamp(0.0, 1.0)
        } else {
            1.0
        }
    }

    /// Checks the parameters; the message says what is valid.
    pub fn validate(&self) -> Result<(), crate::i18n::Msg> {
        let day = Dur(MAX_DRAW);
        let check = |name: &str, d: Dur| {
            if d > day {
                Err(crate::msg!("dist-at-most-a-day", name = name))
            } else {
                Ok(())
            }
        };
        match *self {
            Dist::Constant { value } => check("value", value),
            Dist::Uniform { min, max } => {
                check("max", max)?;
                if min > max {
                    return Err(crate::msg!(
                        "dist-uniform-order",
                        min = min.to_string(),
                        max = max.to_string()
                    ));
                }
                Ok(())
            }
            Dist::Exponential { mean } => check("mean", mean),
            Dist::Normal { mean, sd } => {
                check("mean", mean)?;
                check("sd", sd)
            }
            Dist::LogNormal { p50, p99 } => {
                check("p99", p99)?;
                if p50.0 == 0 {
                    return Err(crate::msg!("dist-lognormal-p50"));
                }
                if p99 < p50 {
                    return Err(crate::msg!(
                        "dist-lognormal-order",
                        p50 = p50.to_string(),
                        p99 = p99.to_string()
                    ));
                }
                Ok(())
            }
            Dist::Pareto { scale, shape } => {
                check("scale", scale)?;
                if scale.0 == 0 {
                    return Err(crate::msg!("dist-pareto-scale"));
                }
                if !(shape.is_finite() && shape > 0.0 && shape <= 100.0) {
                    return Err(crate::msg!("dist-pareto-shape", shape = shape.to_string()));
                }
                Ok(())
            }
            Dist::Mixture(ref m) => m.validate(),
        }
    }

    /// Prepares a sampler; call only after `validate`.
    pub fn sampler(&self) -> Sampler {
        let s = |d: Dur| d.as_secs_f64();
        match *self {
            Dist::Constant { value } => Sampler::Constant(value.0),
            Dist::Uniform { min, max } => Sampler::Uniform(s(min), s(max)),
            Dist::Exponential { mean } => {
                if mean.0 == 0 {
                    Sampler::Constant(0)
                } else {
                    Sampler::Exp(Exp::with_mean(s(mean)))
                }
            }
            Dist::Normal { mean, sd } => Sampler::Normal(Normal {
                mean: s(mean),
                sd: s(sd),
            }),
            Dist::LogNormal { p50, p99 } => {
                let sigma = maths::ln(s(p99) / s(p50)) / Z99;
                Sampler::LogNormal(LogNormal {
                    mu: maths::ln(s(p50)),
                    sigma,
                })
            }
            Dist::Pareto { scale, shape } => Sampler::Pareto(Pareto::new(s(scale), shape)),
            Dist::Mixture(ref m) => Sampler::Mixture(Box::new(m.sampler())),
        }
    }
}

/// A distribution ready to draw from, in nanoseconds.
#[derive(Clone, Debug)]
pub enum Sampler {
    Constant(u64),
    Uniform(f64, f64),
    Exp(Exp),
    Normal(Normal),
    LogNormal(LogNormal),
    Pareto(Pareto),
    Mixture(Box<MixtureSampler>),
}

impl Sampler {
    /// One draw in nanoseconds, scaled by `factor`, cut at 0 and at `MAX_DRAW`.
    #[inline]
    pub fn sample<R: Rng + ?Sized>(&self, rng: &mut R, factor: f64) -> u64 {
        let secs = match self {
            Sampler::Constant(ns) => {
                if factor == 1.0 {
                    return *ns;
                }
                *ns as f64 / NANOS_PER_SEC as f64
            }
            Sampler::Uniform(a, b) => {
                if a == b {
                    *a
                } else {
                    rng.random_range(*a..*b)
                }
            }
            Sampler::Exp(d) => d.sample(rng),
            Sampler::Normal(d) => d.sample(rng),
            Sampler::LogNormal(d) => d.sample(rng),
            Sampler::Pareto(d) => d.sample(rng),
            Sampler::Mixture(m) => return m.sample(rng, factor),
        };
        let ns = secs * factor * NANOS_PER_SEC as f64;
        if ns.is_nan() || ns <= 0.0 {
            0
        } else if ns >= MAX_DRAW as f64 {
            MAX_DRAW
        } else {
            // ns > 0 here: adding ½ and truncating rounds, without a libm call.
            (ns + 0.5) as u64
        }
    }
}

impl<'de> Deserialize<'de> for Dist {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let value = toml::Value::deserialize(d)?;
        if let toml::Value::Table(t) = &value {
            if t.get("dist").and_then(toml::Value::as_str) == Some("mixture") {
                return Mixture::read(t.clone())
                    .map(Dist::Mixture)
                    .map_err(D::Error::custom);
            }
        }
        DurationOrTable {
            what: "distribution",
            tag: "dist",
            kinds: DIST_NAMES,
            example: "{ dist = \"exponential\", mean = \"80ms\" }",
        }
        .read(value, |value| Dist::Constant { value }, Dist::deserialize)
        .map_err(D::Error::custom)
    }
}

impl Serialize for Dist {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        if let Dist::Constant { value } = self {
            return value.serialize(s);
        }
        let mut m = s.serialize_map(None)?;
        match self {
            Dist::Constant { .. } => unreachable!("handled above"),
            Dist::Uniform { min, max } => {
                m.serialize_entry("dist", "uniform")?;
                m.serialize_entry("min", min)?;
                m.serialize_entry("max", max)?;
            }
            Dist::Exponential { mean } => {
                m.serialize_entry("dist", "exponential")?;
                m.serialize_entry("mean", mean)?;
            }
            Dist::Normal { mean, sd } => {
                m.serialize_entry("dist", "normal")?;
                m.serialize_entry("mean", mean)?;
                m.serialize_entry("sd", sd)?;
            }
            Dist::LogNormal { p50, p99 } => {
                m.serialize_entry("dist", "lognormal")?;
                m.serialize_entry("p50", p50)?;
                m.serialize_entry("p99", p99)?;
            }
            Dist::Pareto { scale, shape } => {
                m.serialize_entry("dist", "pareto")?;
                m.serialize_entry("scale", scale)?;
                m.serialize_entry("shape", shape)?;
            }
            Dist::Mixture(mix) => {
                m.serialize_entry("dist", "mixture")?;
                m.serialize_entry("parts", &mix.to_parts())?;
            }
        }
        m.end()
    }
}
