//! Running a simulation in steps of virtual time with a look after each:
//! how the files that watch a run (`--openmetrics`, `--log`, `--otlp`) and
//! a run paced in real time (`run --serve`) see it, with no result changed.

use crate::base::time::SimTime;
use crate::sim::metrics::Tick;
use crate::sim::Simulation;

/// Runs `sim` to its end in steps of `step`, handing every tick to
/// `on_tick` as `run` does and the simulation after each step (and once at
/// 0) to `at_step`. Stepping changes no result: the same events run in the
/// same order as in one `run`.
pub fn run_in_steps(
    sim: &mut Simulation,
    step: SimTime,
    on_tick: &mut dyn FnMut(&Tick),
    at_step: &mut dyn FnMut(&mut Simulation),
) {
    let end = sim.end();
    Stepper::new(step).advance(sim, end, on_tick, at_step);
}

/// Where a run stepped by `run_in_steps` is: a run paced in real time
/// advances it bit by bit, with the same looks at the same moments.
pub struct Stepper {
    step: SimTime,
    next: SimTime,
    started: bool,
}

impl Stepper {
    pub fn new(step: SimTime) -> Stepper {
        Stepper {
            step: step.max(1),
            next: 0,
            started: false,
        }
    }

    /// Advances `sim` to `until`, with a look (`at_step`) at every step
    /// boundary reached, at 0 the first time, and when the run ends.
    pub fn advance(
        &mut self,
        sim: &mut Simulation,
        until: SimTime,
        on_tick: &mut dyn FnMut(&Tick),
        at_step: &mut dyn FnMut(&mut Simulation),
    ) {
        if !self.started {
            self.started = true;
            at_step(sim);
            self.next = self.step.min(sim.end());
        }
        while !sim.is_finished() && self.next <= until {
            sim.advance_to(self.next, on_tick);
            at_step(sim);
            if sim.is_finished() {
                return;
            }
            self.next = self.next.saturating_add(self.step).min(sim.end());
        }
        if !sim.is_finished() && until > sim.now() {
            sim.advance_to(until, on_tick);
            if sim.is_finished() {
                at_step(sim);
            }
        }
    }
}
