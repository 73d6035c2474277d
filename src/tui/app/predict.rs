//! Predict, then run (`--predict`, `a`), part of the `App` (pure like it).
//! At each question of the scenario the dashboard pauses *before* the
//! answer is simulated and asks; the teacher types the class's answer (a
//! number, a letter, or the hands per choice: `a 12 b 5 c 3`); `n` runs on;
//! at the end of the question's window it pauses again and shows the
//! prediction beside what the run measured, right or wrong, and why. Students
//! who predict first understand the demonstration; students who only watch do
//! not (Crouch, Fagen, Callan & Mazur, Am. J. Phys. 72, 2004).
//!
//! The window is measured as the headless `report::answers` measures it:
//! snapshots of each side when the clock is exactly at the question and at
//! the window's end, so the screen's answer is the tests' answer.

use super::*;
use crate::base::escape::escape;
use crate::base::metric::Kind;
use crate::base::time::clock;
use crate::report::answers::{value_of, Snapshots};
use crate::report::window::Snapshot;
use crate::scenario::question::{letter, Answer, Question};

/// What the class said.
#[derive(Clone, Debug, PartialEq)]
pub enum Prediction {
    Number(f64),
    /// One choice (from 0).
    Choice(usize),
    /// Hands raised per choice (`a 12 b 5 c 3`), in choice order.
    Hands(Vec<u32>),
}

/// A question's state in this session.
#[derive(Clone, Default)]
pub(super) struct Asked {
    /// Asked (its window's start taken on every side).
    start: Option<Vec<Snapshot>>,
    prediction: Option<Prediction>,
    /// What the run said, once the window is over: a number, or the right
    /// choice's index as a number.
    answer: Option<f64>,
}

/// Predict mode's state.
#[derive(Clone, Default)]
pub(super) struct Predict {
    pub(super) on: bool,
    asked: Vec<Asked>,
    /// The question being answered, and what is typed so far.
    typing: Option<(usize, String)>,
    /// Why the last typed answer could not be read.
    typing_error: Option<String>,
    /// The reveal showing (until a key).
    reveal: Option<usize>,
    /// The summary showing (until a key); whether it is to follow the
    /// reveal up now; whether the run's end has been seen.
    summary: bool,
    summary_due: bool,
    end_seen: bool,
    /// `--predictions FILE.csv`.
    file: Option<String>,
}

/// A question as the screen shows it, in the dashboard's language.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionView {
    /// `1:00 · question 2 of 6`.
    pub title: String,
    pub text: String,
    /// `a) opens`, … (empty for a number).
    pub choices: Vec<String>,
    /// What to type, and in which unit.
    pub hint: String,
    /// While typing: what is typed; at the reveal: the prediction and the
    /// answer, right or wrong.
    pub typed: Option<String>,
    pub error: Option<String>,
    pub outcome: Option<(String, Option<bool>)>,
    pub explain: String,
}

impl App {
    /// Whether predict mode is on.
    pub fn predicting(&self) -> bool {
        self.predict.on
    }

    /// Turns predict mode on (`--predict`): questions still ahead will be
    /// asked.
    pub fn set_predicting(&mut self, on: bool) {
        let n = self.questions().len();
        self.predict.asked.resize(n, Asked::default());
        self.predict.on = on;
        // A question at this very moment (at t = 0, or on `a` at its time)
        // is asked now.
        if on {
            self.at_predict_stop();
        }
    }

    /// `a`: predict mode on or off, said in the status line.
    pub(super) fn toggle_predict(&mut self) {
        let on = !self.predict.on;
        self.set_predicting(on);
        let ahead = self
            .questions()
            .iter()
            .filter(|q| q.at.0 >= self.now())
            .count();
        self.status = Some(if on {
            t!("predict-on", ahead = ahead.to_string())
        } else {
            t!("predict-off")
        });
    }

    /// Where the class's predictions are written on quit (`--predictions`).
    pub fn set_predictions_file(&mut self, path: Option<String>) {
        self.predict.file = path;
    }

    /// On quit: the predictions file to write and its text, if one was asked
    /// for.
    pub fn predictions_file(&self) -> Option<(String, String)> {
        let path = self.predict.file.clone()?;
        Some((path, self.predictions_csv()))
    }

    /// The scenario's questions (side A's; a comparison's sides share them).
    pub fn questions(&self) -> &[Question] {
        &self.sides[0].scenario.questions
    }

    /// Whether an answer is being typed (a modal context).
    pub fn typing_answer(&self) -> bool {
        self.predict.typing.is_some()
    }

    /// Whether a reveal or the summary shows (an overlay: a key takes it down).
    pub fn predict_overlay(&self) -> bool {
        self.predict.reveal.is_some() || self.predict.summary
    }

    /// Forgets what was asked (a restart).
    pub(super) fn restart_predict(&mut self) {
        let on = self.predict.on;
        let file = self.predict.file.take();
        self.predict = Predict {
            file,
            ..Predict::default()
        };
        self.set_predicting(on);
    }

    /// A target cut at the next predict stop.
    pub(super) fn clamp_to_question(&self, target: SimTime) -> SimTime {
        let now = self.now();
        self.questions()
            .iter()
            .zip(&self.predict.asked)
            .filter(|_| self.predict.on)
            .filter_map(|(q, a)| match (&a.start, a.answer) {
                (None, _) if q.at.0 > now => Some(q.at.0),
                (Some(_), None) if q.until.0 > now => Some(q.until.0),
                _ => None,
            })
            .fold(target, SimTime::min)
    }

    /// At a stop: asks the questions due now and reveals the windows over
    /// now; whether it stopped here.
    pub(super) fn at_predict_stop(&mut self) -> bool {
        if !self.predict.on || self.sides.iter().any(|s| s.sim.now() != self.now()) {
            return false;
        }
        let now = self.now();
        let mut stopped = false;
        for i in 0..self.questions().len() {
            let until = self.questions()[i].until.0;
            let a = &self.predict.asked[i];
            if a.start.is_some() && a.answer.is_none() && until == now {
                self.reveal(i);
                stopped = true;
            }
        }
        for i in 0..self.questions().len() {
            let at = self.questions()[i].at.0;
            if self.predict.asked[i].start.is_none() && at == now {
                // One question at a time: a second at the same instant is
                // asked when the first is answered.
                if self.predict.typing.is_none() && self.predict.reveal.is_none() {
                    self.ask(i);
                    stopped = true;
                }
            }
        }
        if stopped {
            self.stop_seek();
            self.set_paused(true);
            self.take_banner();
        }
        stopped
    }

    fn ask(&mut self, i: usize) {
        let start = self.sides.iter().map(|s| Snapshot::take(&s.sim)).collect();
        self.predict.asked[i].start = Some(start);
        self.predict.typing = Some((i, String::new()));
        self.predict.typing_error = None;
    }

    fn reveal(&mut self, i: usize) {
        let q = self.questions()[i].clone();
        let Some(start) = self.predict.asked[i].start.clone() else {
            return;
        };
        let end: Vec<Snapshot> = self.sides.iter().map(|s| Snapshot::take(&s.sim)).collect();
        let runs: Vec<Snapshots> = start
            .into_iter()
            .zip(end)
            .map(|(a, b)| Snapshots::of_pair(a, b))
            .collect();
        let answer = match &q.answer {
            Answer::Choice { correct, .. } => *correct as f64,
            Answer::Number { .. } => value_of(&q, &runs[0], runs.get(1)).unwrap_or(f64::NAN),
        };
        self.predict.asked[i].answer = Some(answer);
        if self.predict.typing.as_ref().is_some_and(|(k, _)| *k == i) {
            // Never answered: the window ended while the class was typing.
            self.predict.typing = None;
        }
        self.predict.reveal = Some(i);
    }

    /// A letter, digit or mark typed into the answer.
    pub(super) fn type_char(&mut self, c: char) {
        if let Some((_, typed)) = &mut self.predict.typing {
            if typed.chars().count() < 40 {
                typed.push(c);
            }
            self.predict.typing_error = None;
        }
    }

    pub(super) fn erase_char(&mut self) {
        if let Some((_, typed)) = &mut self.predict.typing {
            typed.pop();
        }
    }

    /// `Esc` while typing: no prediction for this question (it is still
    /// answered at the end of its window).
    pub(super) fn cancel_answer(&mut self) {
        self.predict.typing = None;
        self.status = Some(t!("predict-skipped"));
    }

    /// `Enter` while typing: the class's answer, if it can be read.
    pub(super) fn confirm_answer(&mut self) {
        let Some((i, typed)) = self.predict.typing.clone() else {
            return;
        };
        let q = self.questions()[i].clone();
        match read_prediction(&q, &typed, self.lang) {
            Ok(p) => {
                self.predict.asked[i].prediction = Some(p);
                self.predict.typing = None;
                self.status = Some(t!("predict-noted", until = clock(q.until.0)));
                // A second question at the same instant is asked now.
                self.at_predict_stop();
            }
            Err(e) => self.predict.typing_error = Some(e),
        }
    }

    /// Takes a reveal or the summary down (a key was pressed); whether one
    /// was up. At the end of the run the summary follows the last reveal.
    pub(super) fn take_predict_overlay(&mut self) -> bool {
        let was = self.predict_overlay();
        let revealed = self.predict.reveal.take().is_some();
        self.predict.summary = false;
        if revealed && self.predict.summary_due {
            self.predict.summary_due = false;
            self.predict.summary = true;
        } else if was {
            self.at_predict_stop();
        }
        was
    }

    /// At the end of the run, the summary shows once (after the reveals
    /// of windows that end with the run).
    pub(super) fn summary_at_end(&mut self) {
        let over = self.sides.iter().all(|s| s.sim.is_finished());
        let any = self.predict.asked.iter().any(|a| a.start.is_some());
        if !(self.predict.on && over && any) || self.predict.end_seen {
            return;
        }
        self.predict.end_seen = true;
        for i in 0..self.questions().len() {
            let a = &self.predict.asked[i];
            if a.start.is_some() && a.answer.is_none() {
                self.reveal(i);
            }
        }
        if self.predict.reveal.is_some() {
            self.predict.summary_due = true;
        } else {
            self.predict.summary = true;
        }
        self.set_paused(true);
    }

    /// The question on screen (typing or revealed), in the dashboard's
    /// language.
    pub fn question_view(&self) -> Option<QuestionView> {
        let (i, typing) = match (&self.predict.typing, self.predict.reveal) {
            (_, Some(i)) => (i, None),
            (Some((i, typed)), None) => (*i, Some(typed.clone())),
            _ => return None,
        };
        Some(crate::i18n::scoped(self.lang, || self.view_of(i, typing)))
    }

    fn view_of(&self, i: usize, typing: Option<String>) -> QuestionView {
        let q = &self.questions()[i];
        let asked = &self.predict.asked[i];
        let title = t!(
            "predict-title",
            at = clock(q.at.0),
            n = (i + 1).to_string(),
            of = self.questions().len().to_string()
        );
        let choices = match &q.answer {
            Answer::Choice { choices, .. } => choices
                .iter()
                .enumerate()
                .map(|(k, c)| format!("{}) {}", letter(k), escape(c)))
                .collect(),
            Answer::Number { .. } => Vec::new(),
        };
        let outcome = asked.answer.map(|answer| {
            let said = asked
                .prediction
                .as_ref()
                .map(|p| show_prediction(q, p))
                .unwrap_or_else(|| t!("predict-none"));
            let right = asked.prediction.as_ref().map(|p| is_right(q, p, answer));
            let mut verdict = match right {
                Some(true) => t!("predict-right"),
                Some(false) => t!("predict-wrong"),
                None => String::new(),
            };
            // What counted as right, so the class sees the tolerance.
            if let Some((low, high)) = q.right_range(answer).filter(|_| answer.is_finite()) {
                let range = t!(
                    "predict-range",
                    low = show_number(q, low),
                    high = show_number(q, high)
                );
                verdict = format!("{verdict} {range}").trim().to_string();
            }
            (
                t!(
                    "predict-outcome",
                    said = said,
                    answer = show_answer(q, answer),
                    verdict = verdict
                ),
                right,
            )
        });
        QuestionView {
            title,
            text: escape(&q.text).into_owned(),
            choices,
            hint: hint_of(q),
            typed: typing,
            error: self.predict.typing_error.clone(),
            outcome,
            explain: if asked.answer.is_some() {
                escape(&q.explain).into_owned()
            } else {
                String::new()
            },
        }
    }

    /// The summary of every question, while it shows: one line each.
    pub fn predict_summary(&self) -> Option<Vec<(String, Option<bool>)>> {
        if !self.predict.summary {
            return None;
        }
        Some(crate::i18n::scoped(self.lang, || self.summary_lines()))
    }

    fn summary_lines(&self) -> Vec<(String, Option<bool>)> {
        self.questions()
            .iter()
            .zip(&self.predict.asked)
            .enumerate()
            .map(|(i, (q, a))| {
                let said = a
                    .prediction
                    .as_ref()
                    .map(|p| show_prediction(q, p))
                    .unwrap_or_else(|| t!("predict-none"));
                let right = match (&a.prediction, a.answer) {
                    (Some(p), Some(x)) => Some(is_right(q, p, x)),
                    _ => None,
                };
                let answer = match a.answer {
                    Some(x) => show_answer(q, x),
                    None if a.start.is_none() => t!("predict-not-asked"),
                    None => "…".into(),
                };
                let mark = match right {
                    Some(true) => "✓",
                    Some(false) => "✗",
                    None => "·",
                };
                (
                    t!(
                        "predict-summary-line",
                        mark = mark,
                        n = (i + 1).to_string(),
                        at = clock(q.at.0),
                        said = said,
                        answer = answer
                    ),
                    right,
                )
            })
            .collect()
    }

    /// The teacher's records (`--predictions FILE.csv`): one row per question
    /// asked, in the dashboard's language.
    pub fn predictions_csv(&self) -> String {
        crate::i18n::scoped(self.lang, || {
            let mut out = String::from("time,question,prediction,answer,right\n");
            for (q, a) in self.questions().iter().zip(&self.predict.asked) {
                if a.start.is_none() {
                    continue;
                }
                let prediction = a.prediction.as_ref().map(|p| typed_form(q, p));
                let answer = a.answer.map(|x| answer_form(q, x));
                let right = match (&a.prediction, a.answer) {
                    (Some(p), Some(x)) => {
                        if is_right(q, p, x) {
                            "yes"
                        } else {
                            "no"
                        }
                    }
                    _ => "",
                };
                let row = [
                    clock(q.at.0),
                    q.text.get().to_string(),
                    prediction.unwrap_or_default(),
                    answer.unwrap_or_default(),
                    right.to_string(),
                ];
                let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
                out.push_str(&cells.join(","));
                out.push('\n');
            }
            out
        })
    }
}

/// A CSV cell: quoted when it holds a comma, a quote or a line break; a
/// cell a spreadsheet would run as a formula starts with `'`.
fn csv_cell(s: &str) -> String {
    let s = crate::base::escape::escape(s).into_owned();
    let s = if s.starts_with(['=', '+', '@']) {
        format!("'{s}")
    } else {
        s
    };
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// What the class should type: the metric with its unit and the window, or
/// the letters.
fn hint_of(q: &Question) -> String {
    match &q.answer {
        Answer::Number { metric, .. } => t!(
            "predict-hint-number",
            metric = metric.label(),
            over = crate::base::time::span_words(q.over())
        ),
        Answer::Choice { choices, .. } => t!(
            "predict-hint-choice",
            last = letter(choices.len() - 1).to_string()
        ),
    }
}

/// Reads what the teacher typed for `q`.
pub fn read_prediction(q: &Question, typed: &str, lang: &str) -> Result<Prediction, String> {
    let typed = typed.trim();
    match &q.answer {
        Answer::Number { .. } => read_number(typed, lang)
            .map(Prediction::Number)
            .ok_or_else(|| t!("predict-bad-number")),
        Answer::Choice { choices, .. } => {
            let n = choices.len();
            let index = |s: &str| {
                let mut cs = s.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => (0..n).find(|&k| letter(k) == c.to_ascii_lowercase()),
                    _ => None,
                }
            };
            let words: Vec<&str> = typed.split_whitespace().collect();
            let bad = || t!("predict-bad-choice", last = letter(n - 1).to_string());
            match words.as_slice() {
                [one] => index(one).map(Prediction::Choice).ok_or_else(bad),
                pairs if pairs.len() % 2 == 0 && !pairs.is_empty() => {
                    let mut hands = vec![0u32; n];
                    for pair in pairs.chunks(2) {
                        let k = index(pair[0]).ok_or_else(bad)?;
                        hands[k] = pair[1].parse().map_err(|_| bad())?;
                    }
                    if hands.iter().all(|&h| h == 0) {
                        return Err(bad());
                    }
                    Ok(Prediction::Hands(hands))
                }
                _ => Err(bad()),
            }
        }
    }
}

/// A number as a class types it, in the dashboard's language: `1200`,
/// `1 200`, `12.5`; in Spanish `12,5` and `1.200`; both marks: the last
/// is the decimal one.
pub fn read_number(typed: &str, lang: &str) -> Option<f64> {
    let s: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    if s.is_empty() {
        return None;
    }
    let decimal = crate::i18n::scoped(lang, crate::i18n::decimal_mark);
    let (mine, other) = if decimal == "," {
        (',', '.')
    } else {
        ('.', ',')
    };
    let grouped = |mark: char| {
        let digits = s.trim_start_matches('-');
        let mut parts = digits.split(mark);
        let first = parts.next().unwrap_or("");
        (1..=3).contains(&first.len())
            && parts.clone().count() > 0
            && parts.all(|p| p.len() == 3 && p.chars().all(|c| c.is_ascii_digit()))
    };
    let plain = match (s.rfind(mine), s.rfind(other)) {
        (Some(a), Some(b)) => {
            let (dec, group) = if a > b { (mine, other) } else { (other, mine) };
            s.replace(group, "").replace(dec, ".")
        }
        (None, Some(_)) if grouped(other) => s.replace(other, ""),
        (None, Some(_)) => s.replace(other, "."),
        (Some(_), None) => s.replace(mine, "."),
        (None, None) => s.clone(),
    };
    plain.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// Whether `p` is right for the run's `answer`: a number within the
/// question's tolerance, the right letter, or most hands on the right one.
pub fn is_right(q: &Question, p: &Prediction, answer: f64) -> bool {
    match p {
        Prediction::Number(x) => q.within(*x, answer),
        Prediction::Choice(k) => *k as f64 == answer,
        Prediction::Hands(h) => {
            let right = answer as usize;
            let best = h.iter().copied().max().unwrap_or(0);
            h.get(right).is_some_and(|&r| r == best && r > 0)
                && h.iter().filter(|&&x| x == best).count() == 1
        }
    }
}

/// The prediction as the screen says it.
fn show_prediction(q: &Question, p: &Prediction) -> String {
    match p {
        Prediction::Number(x) => show_number(q, *x),
        Prediction::Choice(k) => letter(*k).to_string(),
        Prediction::Hands(h) => {
            let total: u32 = h.iter().sum();
            let parts: Vec<String> = h
                .iter()
                .enumerate()
                .filter(|(_, &n)| n > 0)
                .map(|(k, n)| format!("{} {n}", letter(k)))
                .collect();
            t!(
                "predict-hands",
                hands = parts.join(" · "),
                total = total.to_string()
            )
        }
    }
}

/// The prediction as typed, for the records.
fn typed_form(q: &Question, p: &Prediction) -> String {
    match p {
        Prediction::Number(x) => answer_form(q, *x),
        Prediction::Choice(k) => letter(*k).to_string(),
        Prediction::Hands(h) => h
            .iter()
            .enumerate()
            .map(|(k, n)| format!("{} {n}", letter(k)))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// The run's answer for the records: a plain number (a point for
/// decimals, so a spreadsheet reads it) or a letter.
fn answer_form(q: &Question, x: f64) -> String {
    match &q.answer {
        Answer::Number { metric, .. } => {
            if x.is_finite() {
                format!("{x:.*}", metric.decimals())
            } else {
                String::new()
            }
        }
        Answer::Choice { .. } => letter(x as usize).to_string(),
    }
}

/// The run's answer as the screen says it: the number whole with its unit,
/// or the right choice's letter and text.
fn show_answer(q: &Question, x: f64) -> String {
    match &q.answer {
        Answer::Number { .. } => show_number(q, x),
        Answer::Choice { choices, .. } => {
            let k = x as usize;
            format!("{}) {}", letter(k), escape(&choices[k]))
        }
    }
}

fn show_number(q: &Question, x: f64) -> String {
    let Answer::Number { metric, .. } = &q.answer else {
        return String::new();
    };
    if !x.is_finite() {
        return "—".into();
    }
    let number = crate::i18n::number(x, metric.decimals());
    match metric.kind() {
        Kind::Percent => format!("{number} %"),
        Kind::Millis => format!("{number} ms"),
        Kind::Count | Kind::Number => number,
    }
}
