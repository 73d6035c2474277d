//! An exercise in the dashboard, part of the `App`: the world opens with
//! the exercise's start applied, its task and goals head the help's first
//! page, and `g` grades the live settings — every change made live so far,
//! counted against `may_change` and `max_changes` as `grade` counts a
//! student's `--set`s — by running the scenario headless from t = 0 with
//! them, as `breakwater grade` would. A run, not I/O: no effect needed.

use super::*;
use crate::base::escape::escape;
use crate::base::time::clock;
use crate::report::grade::{bound_text, goal_text, grade, value_text, Grade};
use crate::scenario::exercise::changes::Proposed;
use crate::scenario::exercise::Exercise;

/// An open exercise and its last grade.
pub struct ExerciseState {
    pub exercise: Exercise,
    /// The last `g`: every goal graded, or why the live changes were refused.
    pub graded: Option<Result<Grade, String>>,
}

/// How a line of the exercise's text is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emphasis {
    Title,
    Plain,
    Met,
    Missed,
}

impl ExerciseState {
    /// The exercise's text for the help's first page: its name, task, what
    /// may change, and each goal (with ✓/✗ and the measured value once
    /// graded), in the current language.
    pub fn lines(&self) -> Vec<(String, Emphasis)> {
        let ex = &self.exercise;
        let mut out = vec![
            (
                t!("exercise-title", name = escape(ex.name.get()).into_owned()),
                Emphasis::Title,
            ),
            (escape(ex.task.get()).into_owned(), Emphasis::Plain),
            (
                format!(
                    "{}: {}",
                    t!("exercise-may-change", max = ex.max_changes),
                    escape(&ex.may_change.join(", "))
                ),
                Emphasis::Plain,
            ),
        ];
        let graded = match &self.graded {
            Some(Ok(g)) => Some(g),
            Some(Err(why)) => {
                out.push((
                    t!("exercise-refused", reason = why.as_str()),
                    Emphasis::Missed,
                ));
                None
            }
            None => {
                out.push((t!("exercise-press-g"), Emphasis::Plain));
                None
            }
        };
        for (i, goal) in ex.goals.iter().enumerate() {
            let line = format!("{} · {}", goal_text(goal), bound_text(goal));
            out.push(match graded.map(|g| &g.goals[i]) {
                Some(r) => {
                    let value = value_text(goal.metric, r.value);
                    let measured = t!("grade-measured", value = value);
                    let (verdict, e) = if r.holds {
                        (t!("grade-met"), Emphasis::Met)
                    } else {
                        (t!("grade-missed"), Emphasis::Missed)
                    };
                    (format!("{verdict}  {line} · {measured}"), e)
                }
                None => (format!("·  {line}"), Emphasis::Plain),
            });
        }
        if let Some(g) = graded {
            let n = g.goals.len();
            out.push(if g.passed() {
                (t!("grade-passed", n = n), Emphasis::Met)
            } else {
                (
                    t!("grade-failed", missed = g.missed(), n = n),
                    Emphasis::Missed,
                )
            });
        }
        out
    }
}

impl App {
    /// Opens `exercise` on this dashboard (made on its scenario).
    pub fn open_exercise(&mut self, exercise: Exercise) {
        self.exercise = Some(ExerciseState {
            exercise,
            graded: None,
        });
        // Its task first: the help's first page.
        if !self.selection.help_open() {
            self.selection.toggle_help();
        }
    }

    pub fn exercise(&self) -> Option<&ExerciseState> {
        self.exercise.as_ref()
    }

    /// Every change made live so far on the selected side, in order, as a
    /// student's changes (named by when they were made).
    pub fn live_changes(&self) -> Vec<Proposed> {
        self.sim()
            .changes()
            .iter()
            .filter(|c| c.live && !c.path.is_empty())
            .map(|c| Proposed {
                path: c.path.clone(),
                value: c.value.clone(),
                source: t!("exercise-live-change", at = clock(c.at.0)),
            })
            .collect()
    }

    /// `g`: the goals graded on the live settings, shown on the help's
    /// first page.
    pub(super) fn grade_live(&mut self) {
        let changes = self.live_changes();
        let seed = self.seed;
        let Some(state) = &mut self.exercise else {
            return;
        };
        let ex = &state.exercise;
        let graded = ex.with_changes(&changes).map(|mut s| {
            s.seed = seed;
            grade(&s, &ex.goals)
        });
        self.status = Some(match &graded {
            Ok(g) if g.passed() => t!("grade-passed", n = g.goals.len()),
            Ok(g) => t!("grade-failed", missed = g.missed(), n = g.goals.len()),
            Err(_) => t!("exercise-refused-short"),
        });
        state.graded = Some(graded.map_err(|m| m.said()));
        if !self.selection.help_open() {
            self.selection.toggle_help();
        }
    }
}
