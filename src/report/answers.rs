//! The run's own answers to a scenario's questions: each numeric question's
//! metric over its window, measured by running the scenario (both sides of
//! a comparison) and taking snapshots as the run passes each window's ends.
//! The dashboard measures the same windows as it runs; a test of a lesson
//! asks here.

use crate::base::time::SimTime;
use crate::report::window::{Snapshot, Window};
use crate::scenario::question::{Answer, Question, Sided};
use crate::scenario::variants::Comparison;
use crate::scenario::Scenario;
use crate::sim::Simulation;
use std::collections::BTreeMap;

/// Snapshots of one run at the times asked for.
pub struct Snapshots {
    taken: BTreeMap<SimTime, Snapshot>,
}

impl Snapshots {
    /// Runs `s` to its end, taking a snapshot at each of `times`.
    pub fn of_run(s: &Scenario, times: &[SimTime]) -> Snapshots {
        let mut sim = Simulation::new(s);
        sim.measure_ticks(false);
        let mut times = times.to_vec();
        times.sort_unstable();
        times.dedup();
        let mut taken = BTreeMap::new();
        for t in times {
            sim.advance_to(t, &mut |_| {});
            taken.insert(t, Snapshot::take(&sim));
        }
        Snapshots { taken }
    }

    /// Two snapshots a shell took itself (the dashboard, at a question and
    /// at the end of its window).
    pub fn of_pair(from: Snapshot, to: Snapshot) -> Snapshots {
        let mut taken = BTreeMap::new();
        taken.insert(from.at, from);
        taken.insert(to.at, to);
        Snapshots { taken }
    }

    /// The window between two of the times taken.
    pub fn window(&self, from: SimTime, to: SimTime, service: Option<usize>) -> Option<Window> {
        Some(Window::between(
            self.taken.get(&from)?,
            self.taken.get(&to)?,
            service,
        ))
    }
}

/// The times a question's window needs snapshots at.
pub fn times_of(questions: &[Question]) -> Vec<SimTime> {
    questions.iter().flat_map(|q| [q.at.0, q.until.0]).collect()
}

/// A numeric question's answer from the runs' snapshots (A's alone outside
/// a comparison); `None` for a choice question.
pub fn value_of(q: &Question, a: &Snapshots, b: Option<&Snapshots>) -> Option<f64> {
    let Answer::Number {
        metric,
        service,
        side,
        ..
    } = &q.answer
    else {
        return None;
    };
    let of = |s: &Snapshots| {
        s.window(q.at.0, q.until.0, *service)
            .map_or(f64::NAN, |w| w.value(*metric))
    };
    Some(match (side, b) {
        (Some(Sided::B), Some(b)) => of(b),
        (Some(Sided::BLessA), Some(b)) => of(b) - of(a),
        _ => of(a),
    })
}

/// Every question's answer in a run of `s` (with `[variants]`, its two
/// sides): the number for a numeric question, `None` for a choice.
pub fn answers(s: &Scenario) -> Vec<Option<f64>> {
    let times = times_of(&s.questions);
    let (a, b) = if s.variants.is_some() {
        let c = Comparison::of_variants(s);
        (
            Snapshots::of_run(&c.a, &times),
            Some(Snapshots::of_run(&c.b, &times)),
        )
    } else {
        (Snapshots::of_run(s, &times), None)
    };
    s.questions
        .iter()
        .map(|q| value_of(q, &a, b.as_ref()))
        .collect()
}
