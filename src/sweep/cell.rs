//! One cell: the cell's scenario run once per seed, each an independent
//! deterministic run (exactly `run --set … --seed S`), read through the
//! metric. A run that crosses a limit marks the cell instead of ending
//! the sweep, and so does one whose calls in flight cannot be given memory
//! (reserved before it runs, `memory`). Runs go in slices so that Ctrl-C
//! stops a long cell at once.

use crate::base::time::clock;
use crate::report::metrics::Metric;
use crate::report::Summary;
use crate::scenario::Scenario;
use crate::sim::Simulation;
use crate::sweep::stats::mean_interval;
use crate::sweep::text;
use std::sync::atomic::{AtomicBool, Ordering};
// `std::time::Instant` natively; the browser's clock on wasm32, where
// `std::time::Instant::now()` panics.
use web_time::Instant;

/// Events run between two looks at the stop flag (a few milliseconds).
const SLICE_EVENTS: u64 = 1 << 16;

/// What is measured: a metric of one service (its index) or of all.
#[derive(Clone, Copy, Debug)]
pub struct Measure {
    pub metric: Metric,
    pub service: Option<usize>,
}

impl Measure {
    pub fn of(&self, s: &Summary) -> f64 {
        self.metric.value(s, self.service.map(|i| &s.services[i]))
    }
}

/// A finished cell.
#[derive(Clone, Debug, PartialEq)]
pub struct CellResult {
    pub index: usize,
    /// The metric (the mean over the seeds); `None` where it is undefined
    /// or a run crossed a limit.
    pub value: Option<f64>,
    /// The 95 % interval of the mean, with two seeds or more.
    pub interval: Option<(f64, f64)>,
    /// The run's summary, with one seed (not kept for a resumed cell).
    pub run: Option<Summary>,
    /// Why a run of this cell stopped early, if one did.
    pub limit: Option<String>,
}

/// Runs cell `index` (scenario `s`) with seeds `first … first + seeds − 1`;
/// `None` if `stop` was raised before it finished.
pub fn run_cell(
    s: &Scenario,
    index: usize,
    (first, seeds): (u64, u64),
    m: Measure,
    stop: &AtomicBool,
) -> Option<CellResult> {
    let mut values = Vec::new();
    let mut run = None;
    let mut limit = None;
    // The calls in flight the cell may hold, reserved before it runs: a
    // cell that cannot have them is marked, as one that crossed a limit.
    let calls = crate::sweep::memory::calls_in_flight(s) as usize;
    for seed in first..first + seeds {
        let started = Instant::now();
        let mut sim = Simulation::with_seed(s, seed);
        sim.measure_ticks(false);
        if !sim.reserve_calls(calls) {
            limit.get_or_insert_with(|| {
                text::cell_limit(seed, &clock(0), &text::cell_memory(calls))
            });
            continue;
        }
        let end = sim.end();
        while !sim.advance_within(end, SLICE_EVENTS, &mut |_| {}) {
            if stop.load(Ordering::Relaxed) {
                return None;
            }
        }
        if let Some(crossed) = sim.limit_crossed() {
            limit.get_or_insert_with(|| {
                text::cell_limit(
                    seed,
                    &clock(crossed.at),
                    &crossed.message.say(crate::i18n::current()),
                )
            });
            continue;
        }
        let summary = Summary::of(&sim, &s.name, started.elapsed().as_secs_f64());
        values.push(m.of(&summary));
        if seeds == 1 {
            run = Some(summary);
        }
    }
    let (value, interval) = if limit.is_some() || values.iter().any(|v| !v.is_finite()) {
        (None, None)
    } else {
        let (mean, interval) = mean_interval(&values);
        (Some(mean), interval)
    };
    Some(CellResult {
        index,
        value,
        interval,
        run,
        limit,
    })
}
