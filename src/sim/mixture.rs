//! A mixture of latency distributions: each draw comes from one part, chosen
//! with probability its weight (weights normalised). Common fast answers with
//! rare slow ones are the tails that dominate p99 and that hedged requests
//! exist for (Dean & Barroso, "The Tail at Scale", 2013).
//!
//! `{ dist = "mixture", parts = [ { weight = 0.98, dist = "constant", value = "10ms" },
//! { weight = 0.02, dist = "constant", value = "1s" } ] }`: any other distribution
//! may be a part (a plain duration is written `{ weight, dist = "constant", value }`).

use crate::i18n::Msg;
use crate::msg;
use crate::sim::dist::{Dist, Sampler};
use rand::Rng;
use serde::Deserialize;

/// The most parts a mixture may have.
pub const MAX_PARTS: usize = 16;

/// The parts with their weights, as written.
#[derive(Clone, Debug, PartialEq)]
pub struct Mixture {
    pub parts: Vec<(f64, Dist)>,
}

impl Mixture {
    fn total(&self) -> f64 {
        self.parts.iter().map(|(w, _)| w).sum()
    }

    /// Each part's share of the draws (the weights normalised).
    pub fn shares(&self) -> impl Iterator<Item = (f64, &Dist)> + '_ {
        let total = self.total();
        self.parts.iter().map(move |(w, d)| (w / total, d))
    }

    /// The mean in seconds: the parts' means by their shares.
    pub fn mean_secs(&self) -> f64 {
        self.shares().map(|(p, d)| p * d.mean_secs()).sum()
    }

    /// A typical draw in seconds: the typical draw of the part in which the
    /// median falls, parts taken from the fastest (for estimates of load).
    pub fn typical_secs(&self) -> f64 {
        let mut parts: Vec<(f64, f64)> =
            self.shares().map(|(p, d)| (p, d.typical_secs())).collect();
        parts.sort_by(|a, b| a.1.total_cmp(&b.1));
        let mut seen = 0.0;
        for (p, typical) in &parts {
            seen += p;
            if seen >= 0.5 {
                return *typical;
            }
        }
        parts.last().map_or(0.0, |p| p.1)
    }

    /// 1 to `MAX_PARTS` parts, weights above 0, each part valid.
    pub fn validate(&self) -> Result<(), Msg> {
        if self.parts.is_empty() || self.parts.len() > MAX_PARTS {
            return Err(msg!("dist-mixture-parts", max = MAX_PARTS));
        }
        for (w, d) in &self.parts {
            if !(w.is_finite() && *w > 0.0) {
                return Err(msg!("dist-mixture-weight", value = w.to_string()));
            }
            d.validate()?;
        }
        if !self.total().is_finite() {
            return Err(msg!(
                "dist-mixture-weight",
                value = self.total().to_string()
            ));
        }
        Ok(())
    }

    /// Reads `parts` from a `dist = "mixture"` table.
    pub fn read(mut table: toml::Table) -> Result<Mixture, Msg> {
        table.remove("dist");
        let parts = match table.remove("parts") {
            Some(toml::Value::Array(parts)) => parts,
            _ => return Err(msg!("dist-mixture-parts", max = MAX_PARTS)),
        };
        if let Some(other) = table.keys().next() {
            return Err(crate::base::settable::unknown_name(
                "key",
                other,
                &["dist", "parts"],
            ));
        }
        let mut out = Vec::with_capacity(parts.len());
        for part in parts {
            let toml::Value::Table(mut part) = part else {
                return Err(msg!("dist-mixture-parts", max = MAX_PARTS));
            };
            let weight = match part.remove("weight") {
                Some(v) => crate::base::settable::number(&v)
                    .ok_or_else(|| msg!("dist-mixture-weight", value = v.to_string()))?,
                None => return Err(msg!("dist-mixture-no-weight")),
            };
            if part.get("dist").and_then(toml::Value::as_str) == Some("mixture") {
                return Err(msg!("dist-mixture-nested"));
            }
            let dist =
                <Dist as Deserialize>::deserialize(toml::Value::Table(part)).map_err(|e| {
                    let text = e.message().trim();
                    Msg::decode(text).unwrap_or_else(|| Msg::verbatim(text))
                })?;
            out.push((weight, dist));
        }
        let m = Mixture { parts: out };
        m.validate()?;
        Ok(m)
    }

    /// The parts as a file writes them (`weight` first).
    pub fn to_parts(&self) -> Vec<toml::Value> {
        self.parts
            .iter()
            .map(|(w, d)| {
                let mut t = toml::Table::new();
                t.insert("weight".into(), toml::Value::Float(*w));
                match d {
                    Dist::Constant { value } => {
                        t.insert("dist".into(), "constant".into());
                        t.insert("value".into(), value.to_string().into());
                    }
                    other => {
                        if let Ok(toml::Value::Table(rest)) = toml::Value::try_from(other) {
                            t.extend(rest);
                        }
                    }
                }
                toml::Value::Table(t)
            })
            .collect()
    }

    /// Prepares a sampler; call only after `validate`.
    pub fn sampler(&self) -> MixtureSampler {
        let mut cum = Vec::with_capacity(self.parts.len());
        let mut acc = 0.0;
        for (p, _) in self.shares() {
            acc += p;
            cum.push(acc);
        }
        MixtureSampler {
            cum,
            parts: self.parts.iter().map(|(_, d)| d.sampler()).collect(),
        }
    }
}

/// A mixture ready to draw from: the parts' cumulative shares and samplers.
#[derive(Clone, Debug)]
pub struct MixtureSampler {
    cum: Vec<f64>,
    parts: Vec<Sampler>,
}

impl MixtureSampler {
    /// One draw: a uniform picks the part, the part draws from the same stream.
    pub fn sample<R: Rng + ?Sized>(&self, rng: &mut R, factor: f64) -> u64 {
        let u: f64 = rng.random();
        let i = self
            .cum
            .iter()
            .position(|&c| u < c)
            .unwrap_or(self.parts.len() - 1);
        self.parts[i].sample(rng, factor)
    }
}
