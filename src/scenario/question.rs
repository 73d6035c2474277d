//! A question a timeline entry asks the class before the run answers it
//! (`[timeline.ask]`): a number the run will measure over a window that
//! starts at the entry, or one of a few choices. The number is never typed
//! into the file: the file names a metric, a service and a window, and the
//! run itself says what it was, so a question stays right when the scenario
//! changes.

use crate::base::localised::Localised;
use crate::base::metric::{Kind, Metric};
use crate::base::settable::unknown_name;
use crate::base::time::Dur;
use crate::msg;
use crate::sim::world::{key, PathError, Seg, World};
use serde::Deserialize;

/// The most choices a question offers (letters a–h).
pub const MAX_CHOICES: usize = 8;
/// A question's default tolerance, relative to the answer.
pub const DEFAULT_TOLERANCE: f64 = 0.25;

/// A question, as the run and the dashboard use it.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// When it is asked: its timeline entry's time.
    pub at: Dur,
    pub text: Localised,
    /// Said with the answer (may be blank).
    pub explain: Localised,
    pub answer: Answer,
    /// When the answer is known and shown: the end of its window.
    pub until: Dur,
}

/// What a question's answer is.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// `metric` of `service` (all services: `None`) over the window; right
    /// within `tolerance` of it (relative; at least 1 for counts).
    Number {
        metric: Metric,
        service: Option<usize>,
        tolerance: f64,
        /// In a comparison: whose number (required there).
        side: Option<Sided>,
    },
    /// One of `choices` (`correct`, from 0: a is 0).
    Choice {
        choices: Vec<Localised>,
        correct: usize,
    },
}

/// Whose number, in a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sided {
    A,
    B,
    /// B's number less A's.
    BLessA,
}

impl Sided {
    pub fn name(self) -> &'static str {
        match self {
            Sided::A => "a",
            Sided::B => "b",
            Sided::BLessA => "b-a",
        }
    }
}

impl Question {
    /// Whether `predicted` is right for the simulated `actual` number: within
    /// the tolerance relative to it, or within 1 for a count.
    pub fn within(&self, predicted: f64, actual: f64) -> bool {
        let Answer::Number {
            metric, tolerance, ..
        } = &self.answer
        else {
            return false;
        };
        if !(predicted.is_finite() && actual.is_finite()) {
            return false;
        }
        let floor = if metric.kind() == Kind::Count {
            1.0
        } else {
            0.0
        };
        (predicted - actual).abs() <= (tolerance * actual.abs()).max(floor) + 1e-9
    }

    /// The predictions counted right for the simulated `actual` number
    /// (lowest, highest); `None` for a choice question.
    pub fn right_range(&self, actual: f64) -> Option<(f64, f64)> {
        let Answer::Number {
            metric,
            tolerance,
            side,
            ..
        } = &self.answer
        else {
            return None;
        };
        let floor = if metric.kind() == Kind::Count {
            1.0
        } else {
            0.0
        };
        let margin = (tolerance * actual.abs()).max(floor);
        // A count, a share or a latency is never below 0; a difference may be.
        let low = if *side == Some(Sided::BLessA) {
            actual - margin
        } else {
            (actual - margin).max(0.0)
        };
        // Nor is a share above 100 %.
        let high = if metric.kind() == Kind::Percent && *side != Some(Sided::BLessA) {
            (actual + margin).min(100.0)
        } else {
            actual + margin
        };
        Some((low, high))
    }

    /// The window's length.
    pub fn over(&self) -> Dur {
        Dur(self.until.0.saturating_sub(self.at.0))
    }
}

/// The letter of choice `i` (`a` for 0).
pub fn letter(i: usize) -> char {
    (b'a' + i.min(25) as u8) as char
}

/// `[timeline.ask]` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAsk {
    text: Localised,
    #[serde(default)]
    explain: Localised,
    choices: Option<toml::Value>,
    answer: RawAnswer,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnswer {
    metric: Option<String>,
    service: Option<String>,
    over: Option<Dur>,
    tolerance: Option<f64>,
    side: Option<String>,
    choice: Option<toml::Value>,
}

/// What a question needs to know of its scenario to be checked.
pub(crate) struct Context<'a> {
    pub world: &'a World,
    pub duration: Dur,
    /// Whether it runs as a comparison (`[variants]`).
    pub compared: bool,
    /// The next timeline entry's time after the question's, if any: a
    /// choice without `over` is answered there (or at the end).
    pub next_entry: Option<Dur>,
}

impl RawAsk {
    /// The question at `at`; `base` is where it is in the file
    /// (`timeline[i].ask`).
    pub(crate) fn build(&self, at: Dur, base: &[Seg], cx: &Context) -> Result<Question, PathError> {
        let here = |more: &[&str]| {
            let mut p = base.to_vec();
            p.extend(more.iter().map(|k| key(k)));
            p
        };
        if self.text.is_blank() {
            return Err(PathError::new(here(&["text"]), msg!("ask-text-blank")));
        }
        let a = &self.answer;
        let over = match a.over {
            Some(o) => {
                if o.0 == 0 || at.0.saturating_add(o.0) > cx.duration.0 {
                    return Err(PathError::new(
                        here(&["answer", "over"]),
                        msg!(
                            "ask-over-range",
                            over = o.to_string(),
                            left = Dur(cx.duration.0 - at.0).to_string()
                        ),
                    ));
                }
                Some(o)
            }
            None => None,
        };
        let answer = match (&self.choices, &a.choice) {
            (Some(choices), Some(choice)) => {
                if let Some(k) = [
                    ("metric", a.metric.is_some()),
                    ("service", a.service.is_some()),
                    ("tolerance", a.tolerance.is_some()),
                    ("side", a.side.is_some()),
                ]
                .iter()
                .find(|(_, given)| *given)
                {
                    return Err(PathError::new(
                        here(&["answer", k.0]),
                        msg!("ask-choice-with-number", key = k.0),
                    ));
                }
                let choices = build_choices(choices, &here(&["choices"]))?;
                let correct = choice_index(choice, choices.len())
                    .map_err(|m| PathError::new(here(&["answer", "choice"]), m))?;
                Answer::Choice { choices, correct }
            }
            (Some(_), None) => {
                return Err(PathError::new(
                    here(&["answer"]),
                    msg!("ask-choice-missing"),
                ))
            }
            (None, Some(_)) => return Err(PathError::new(here(&[]), msg!("ask-choices-missing"))),
            (None, None) => {
                let Some(name) = &a.metric else {
                    return Err(PathError::new(
                        here(&["answer"]),
                        msg!("ask-answer-missing"),
                    ));
                };
                let metric = Metric::in_windows_by_name(name)
                    .map_err(|m| PathError::new(here(&["answer", "metric"]), m))?;
                let service = cx
                    .world
                    .service_or_all(a.service.as_deref().unwrap_or("all"))
                    .map_err(|m| PathError::new(here(&["answer", "service"]), m))?;
                let tolerance = a.tolerance.unwrap_or(DEFAULT_TOLERANCE);
                if !(0.0..=10.0).contains(&tolerance) {
                    return Err(PathError::new(
                        here(&["answer", "tolerance"]),
                        msg!("ask-tolerance-range"),
                    ));
                }
                let side = match (a.side.as_deref(), cx.compared) {
                    (None, false) => None,
                    (None, true) => {
                        return Err(PathError::new(here(&["answer"]), msg!("ask-side-missing")))
                    }
                    (Some(_), false) => {
                        return Err(PathError::new(
                            here(&["answer", "side"]),
                            msg!("ask-side-alone"),
                        ))
                    }
                    (Some(s), true) => Some(match s {
                        "a" => Sided::A,
                        "b" => Sided::B,
                        "b-a" => Sided::BLessA,
                        other => {
                            return Err(PathError::new(
                                here(&["answer", "side"]),
                                unknown_name("side", other, &["a", "b", "b-a"]),
                            ))
                        }
                    }),
                };
                if over.is_none() {
                    return Err(PathError::new(here(&["answer"]), msg!("ask-over-missing")));
                }
                Answer::Number {
                    metric,
                    service,
                    tolerance,
                    side,
                }
            }
        };
        let until = match over {
            Some(o) => Dur(at.0 + o.0),
            None => cx.next_entry.unwrap_or(cx.duration),
        };
        Ok(Question {
            at,
            text: self.text.clone(),
            explain: self.explain.clone(),
            answer,
            until,
        })
    }
}

/// `choices = ["…", "…"]` or `choices.en = [...]`, `choices.es = [...]`
/// (the same number in every language).
fn build_choices(v: &toml::Value, here: &[Seg]) -> Result<Vec<Localised>, PathError> {
    let list = |v: &toml::Value, at: &[Seg]| -> Result<Vec<String>, PathError> {
        let bad = || {
            PathError::new(
                at.to_vec(),
                msg!("ask-choices-shape", max = MAX_CHOICES.to_string()),
            )
        };
        let toml::Value::Array(items) = v else {
            return Err(bad());
        };
        if !(2..=MAX_CHOICES).contains(&items.len()) {
            return Err(bad());
        }
        items
            .iter()
            .map(|x| match x.as_str() {
                Some(s) if !s.trim().is_empty() => Ok(s.to_string()),
                _ => Err(bad()),
            })
            .collect()
    };
    let by_language: Vec<(String, Vec<String>)> = match v {
        toml::Value::Table(t) => {
            let known = crate::i18n::languages();
            let mut out = Vec::new();
            for (code, items) in t {
                let mut at = here.to_vec();
                at.push(key(code));
                if !known.contains(&code.as_str()) {
                    return Err(PathError {
                        path: at,
                        at_key: true,
                        message: unknown_name("language", code, known),
                    });
                }
                out.push((code.clone(), list(items, &at)?));
            }
            if out.is_empty() {
                return Err(PathError::new(
                    here.to_vec(),
                    msg!("ask-choices-shape", max = MAX_CHOICES.to_string()),
                ));
            }
            out
        }
        other => vec![(String::new(), list(other, here)?)],
    };
    let n = by_language[0].1.len();
    if let Some((code, _)) = by_language.iter().find(|(_, l)| l.len() != n) {
        let mut at = here.to_vec();
        at.push(key(code));
        return Err(PathError::new(
            at,
            msg!("ask-choices-count", n = n.to_string()),
        ));
    }
    Ok((0..n)
        .map(|i| {
            Localised::by_language(
                by_language
                    .iter()
                    .map(|(code, l)| (code.clone(), l[i].clone()))
                    .collect(),
            )
        })
        .collect())
}

/// `choice = 1` (from 0) or `choice = "b"`.
fn choice_index(v: &toml::Value, n: usize) -> Result<usize, crate::i18n::Msg> {
    let last = letter(n - 1).to_string();
    let bad = || msg!("ask-choice-range", n = n.to_string(), last = last.clone());
    match v {
        toml::Value::Integer(i) if (0..n as i64).contains(i) => Ok(*i as usize),
        toml::Value::String(s) => {
            let mut cs = s.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => (0..n).find(|&i| letter(i) == c).ok_or_else(bad),
                _ => Err(bad()),
            }
        }
        _ => Err(bad()),
    }
}
