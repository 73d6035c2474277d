//! The two sides of a comparison: `[variants.a]` and `[variants.b]` of one
//! scenario (each a `label`, a `set` of changes at t = 0 and timeline entries
//! of its own, the scenario's timeline shared), or two scenario files. A side
//! is an ordinary scenario, so everything that runs one runs a side.

use crate::base::escape::escape;
use crate::base::localised::Localised;
use crate::i18n::{decimal_marked_in, Msg};
use crate::msg;
use crate::scenario::overrides::apply_sets;
use crate::scenario::Scenario;
use crate::sim::world::Change;

/// Which side of a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    A,
    B,
}

impl Side {
    pub fn letter(self) -> &'static str {
        match self {
            Side::A => "a",
            Side::B => "b",
        }
    }
}

/// One declared side.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Variant {
    /// By language, like a scenario's name (JSON carries the English).
    pub label: Option<Localised>,
    /// Changes at t = 0, before the timeline (the file's own key order).
    pub set: Vec<Change>,
    /// Timeline entries of this side alone.
    pub timeline: Vec<Change>,
}

impl Variant {
    /// This side's changes: its `set` first, then the shared timeline and its
    /// own merged by time (the shared entry first at equal times).
    pub fn timeline_with(&self, shared: &[Change]) -> Vec<Change> {
        let mut merged: Vec<Change> = shared.iter().chain(&self.timeline).cloned().collect();
        merged.sort_by_key(|c| c.at);
        self.set.iter().cloned().chain(merged).collect()
    }
}

/// `[variants]` of a scenario.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Variants {
    pub a: Variant,
    pub b: Variant,
}

impl Variants {
    pub fn side(&self, side: Side) -> &Variant {
        match side {
            Side::A => &self.a,
            Side::B => &self.b,
        }
    }
}

/// The label of a side that changes nothing, in English (JSON carries it).
pub const AS_WRITTEN: &str = "as written";

/// A label for a side from what it changes, in every language of the
/// catalogue: `retry.budget on, timeout.per_attempt 2s` (`retry.budget
/// encendido, …`), or `as written` (`tal cual`) when it changes nothing.
/// English stays the text JSON carries; numbers follow each language's
/// decimal mark. The parts are data ([`Part`]), said in each language.
pub fn label_of(changes: &[Change]) -> Localised {
    let parts = parts_of(changes);
    Localised::by_language(
        crate::i18n::languages()
            .iter()
            .map(|code| {
                let said: Vec<String> = parts.iter().map(|p| p.say(code)).collect();
                (code.to_string(), said.join(", "))
            })
            .collect(),
    )
}

/// One change of a derived label, as data.
enum Part {
    /// A phrase of the catalogue (`bulkhead off`, `as written`).
    Said(Msg),
    /// A path and a number as TOML writes it (`payment.failure_rate 0.5`).
    Number(String, String),
    /// A path and a value written as it is (`timeout.per_attempt 2s`).
    Plain(String),
}

impl Part {
    fn say(&self, code: &str) -> String {
        match self {
            Part::Said(m) => m.say(code),
            Part::Number(path, n) => format!("{path} {}", decimal_marked_in(code, n)),
            Part::Plain(text) => text.clone(),
        }
    }
}

/// What each change says, in order (`as written` for none).
fn parts_of(changes: &[Change]) -> Vec<Part> {
    if changes.is_empty() {
        return vec![Part::Said(msg!("variant-as-written"))];
    }
    changes
        .iter()
        .map(|c| {
            let short = c
                .path
                .strip_prefix("patterns.")
                .or_else(|| c.path.strip_prefix("services."))
                .unwrap_or(&c.path);
            match (&c.value, short.strip_suffix(".enabled")) {
                (toml::Value::Boolean(true), Some(p)) => Part::Said(msg!("variant-on", what = p)),
                (toml::Value::Boolean(false), Some(p)) => Part::Said(msg!("variant-off", what = p)),
                (toml::Value::Table(_), _) => Part::Said(msg!("variant-on", what = short)),
                (toml::Value::String(s), _) => Part::Plain(format!("{short} {s}")),
                (v @ toml::Value::Float(_), _) => Part::Number(short.to_string(), v.to_string()),
                (v, _) => Part::Plain(format!("{short} {v}")),
            }
        })
        .collect()
}

/// Two worlds under the same load: side A and side B, each a scenario, with
/// the same seed (so the same luck: common random numbers).
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub a: Scenario,
    pub b: Scenario,
    pub label_a: Localised,
    pub label_b: Localised,
}

impl Scenario {
    /// Side `side` of this scenario's `[variants]` as a scenario of its own
    /// (the whole scenario for either side when it declares none).
    pub fn side(&self, side: Side) -> Scenario {
        let mut s = self.clone();
        if let Some(v) = &self.variants {
            let v = v.side(side);
            s.timeline = v.timeline_with(&self.timeline);
            // The side's `set` is written into its recordings like `--set`s.
            s.overrides = v.set.clone();
        }
        s.variants = None;
        s
    }

    /// The side's label: declared, or derived from what it changes.
    pub fn side_label(&self, side: Side) -> Localised {
        match self.variants.as_ref().map(|v| v.side(side)) {
            Some(Variant { label: Some(l), .. }) => l.clone(),
            Some(v) => label_of(&v.set),
            None => label_of(&[]),
        }
    }
}

impl Comparison {
    /// The two declared sides of one scenario (or the scenario twice).
    pub fn of_variants(s: &Scenario) -> Comparison {
        Comparison {
            a: s.side(Side::A),
            b: s.side(Side::B),
            label_a: s.side_label(Side::A),
            label_b: s.side_label(Side::B),
        }
    }

    /// Two files: the same services are required; both run with A's seed,
    /// duration and tick.
    pub fn of_files(a: Scenario, mut b: Scenario) -> Result<Comparison, crate::i18n::Msg> {
        let names = |s: &Scenario| -> Vec<String> {
            s.world.services.iter().map(|x| x.name.clone()).collect()
        };
        if names(&a) != names(&b) {
            return Err(crate::msg!(
                "compare-services-differ",
                a = escape(&a.origin),
                a_names = names(&a).join(", "),
                b = escape(&b.origin),
                b_names = names(&b).join(", ")
            ));
        }
        if b.duration != a.duration {
            // B runs for A's duration: a load B's own estimate accepted
            // for a shorter run may be too much for A's longer one; said
            // as that, not as a `--set` nobody gave.
            let e = crate::sim::estimate::estimate(&b.world, &b.timeline, a.duration);
            if let Some(message) = e.excess() {
                return Err(crate::msg!(
                    "compare-duration-excess",
                    a = escape(&a.origin),
                    b = escape(&b.origin),
                    a_duration = a.duration.to_string(),
                    b_duration = b.duration.to_string(),
                    message = message
                ));
            }
        }
        b.seed = a.seed;
        b.duration = a.duration;
        b.tick = a.tick;
        // The scenarios' names, by language (JSON's `label` is the English).
        let (label_a, label_b) = (a.name.clone(), b.name.clone());
        Ok(Comparison {
            a: a.side(Side::A),
            b: b.side(Side::A),
            label_a,
            label_b,
        })
    }

    /// Applies `--set` to both sides, then `--set-a` and `--set-b` to theirs.
    /// A side whose label was derived gets it derived again.
    pub fn apply_sets(
        &mut self,
        both: &[String],
        only_a: &[String],
        only_b: &[String],
    ) -> Result<(), crate::i18n::Msg> {
        for (s, own, flag, label) in [
            (&mut self.a, only_a, "--set-a", &mut self.label_a),
            (&mut self.b, only_b, "--set-b", &mut self.label_b),
        ] {
            let derived = *label == label_of(&s.overrides);
            apply_sets(s, "--set", both)?;
            apply_sets(s, flag, own)?;
            if derived {
                *label = label_of(&s.overrides);
            }
        }
        if self.label_a == self.label_b {
            self.label_a = self.label_a.map(|t| format!("A: {t}"));
            self.label_b = self.label_b.map(|t| format!("B: {t}"));
        }
        Ok(())
    }

    /// Both sides' seed.
    pub fn set_seed(&mut self, seed: u64) {
        self.a.seed = seed;
        self.b.seed = seed;
    }
}
