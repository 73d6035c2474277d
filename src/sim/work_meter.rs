//! The limits enforced while a run goes: calls, attempts and work (events and
//! ramp steps) per simulated second, and calls, attempts and work per run. Estimates before a
//! run (`estimate`) cannot see everything — a closed loop whose calls fail
//! at once, a heavy-tailed think time, a timeline or a key that raises the
//! load — so the engine counts as it goes and stops a run that crosses one,
//! with the time, the limit and what in the scenario drives it.

use crate::base::time::{SimTime, NANOS_PER_SEC};
use crate::sim::limits::*;

/// Which limit a run crossed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    CallsPerSecond,
    AttemptsPerSecond,
    WorkPerSecond,
    CallsPerRun,
    AttemptsPerRun,
    WorkPerRun,
    /// The calls in flight could not be given memory.
    Memory,
}

/// A run stopped at a limit: when, which, how much, and why in words.
#[derive(Clone, Debug, PartialEq)]
pub struct LimitCrossed {
    pub at: SimTime,
    pub limit: Limit,
    pub count: u64,
    /// What crossed it and what would help, for the person who wrote the scenario.
    pub message: crate::i18n::Msg,
}

/// Counts of the current simulated second and of the run.
#[derive(Clone, Debug, Default)]
pub struct WorkMeter {
    second_start: SimTime,
    pub calls: u64,
    pub attempts: u64,
    pub work: u64,
    /// `work` at which to look again (checking every event would cost more
    /// than the counting).
    next_look: u64,
    pub run_calls: u64,
    /// Attempts and work of the seconds before the current one (the run's
    /// are these plus the current second's: nothing more to count per event).
    past_attempts: u64,
    past_work: u64,
}

/// How many units of work pass between two looks at the counts.
const LOOK_EVERY: u64 = 4096;

impl WorkMeter {
    /// Counts one unit of work; true when it is time to `look`.
    #[inline]
    pub fn tick_work(&mut self, units: u64) -> bool {
        self.work += units;
        self.work >= self.next_look
    }

    /// Checks the counts at `now`: a count over its limit is returned. Once a
    /// simulated second has passed, the counts start afresh from the second
    /// `now` is in (so a window is at least a second: it may undercount a
    /// burst that straddles two, never overcount).
    pub fn look(&mut self, now: SimTime) -> Option<(Limit, u64)> {
        self.next_look = self.work + LOOK_EVERY;
        let (run_attempts, run_work) = self.run();
        let crossed = if self.run_calls > MAX_CALLS_PER_RUN {
            Some((Limit::CallsPerRun, self.run_calls))
        } else if run_attempts > MAX_ATTEMPTS_PER_RUN {
            Some((Limit::AttemptsPerRun, run_attempts))
        } else if run_work > MAX_EVENTS_PER_RUN {
            Some((Limit::WorkPerRun, run_work))
        } else if self.calls > MAX_CALLS_PER_SIM_SECOND {
            Some((Limit::CallsPerSecond, self.calls))
        } else if self.attempts > MAX_ATTEMPTS_PER_SIM_SECOND {
            Some((Limit::AttemptsPerSecond, self.attempts))
        } else if self.work > MAX_WORK_PER_SIM_SECOND {
            Some((Limit::WorkPerSecond, self.work))
        } else {
            None
        };
        if crossed.is_none() && now >= self.second_start + NANOS_PER_SEC {
            self.second_start = now - now % NANOS_PER_SEC;
            (self.past_attempts, self.past_work) = (run_attempts, run_work);
            self.calls = 0;
            self.attempts = 0;
            self.work = 0;
            self.next_look = LOOK_EVERY;
        }
        crossed
    }

    /// Counts `attempts` and `work` as done in earlier seconds (for tests).
    pub fn count_as_done(&mut self, attempts: u64, work: u64) {
        self.past_attempts += attempts;
        self.past_work += work;
    }

    /// Attempts and work in the whole run so far.
    pub fn run(&self) -> (u64, u64) {
        (
            self.past_attempts + self.attempts,
            self.past_work + self.work,
        )
    }

    /// The start of the simulated second being counted.
    pub fn second_start(&self) -> SimTime {
        self.second_start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_over_the_limit_is_caught_and_a_new_second_starts_afresh() {
        let mut m = WorkMeter {
            calls: MAX_CALLS_PER_SIM_SECOND, // at the limit: fine
            ..WorkMeter::default()
        };
        assert_eq!(m.look(NANOS_PER_SEC / 2), None);
        m.calls += 1;
        assert_eq!(
            m.look(NANOS_PER_SEC / 2),
            Some((Limit::CallsPerSecond, MAX_CALLS_PER_SIM_SECOND + 1))
        );
        let mut m = WorkMeter {
            calls: MAX_CALLS_PER_SIM_SECOND,
            ..WorkMeter::default()
        };
        assert_eq!(m.look(NANOS_PER_SEC + 5), None);
        assert_eq!((m.calls, m.second_start()), (0, NANOS_PER_SEC));
    }

    #[test]
    fn a_run_s_attempts_and_work_add_up_over_its_seconds_up_to_their_limits() {
        // Each second under its own limits, the run's totals carried on.
        let per_second = MAX_ATTEMPTS_PER_SIM_SECOND / 2;
        let mut m = WorkMeter::default();
        let mut second = 0;
        let mut crossed = None;
        while crossed.is_none() {
            m.attempts = per_second;
            m.work = per_second;
            second += 1;
            crossed = m.look(second * NANOS_PER_SEC);
        }
        let seconds = MAX_ATTEMPTS_PER_RUN / per_second;
        // At the limit it is fine; the first second over it is caught.
        assert_eq!(second, seconds + 1);
        assert_eq!(
            crossed,
            Some((Limit::AttemptsPerRun, (seconds + 1) * per_second))
        );
        // Work alone over its limit, attempts under theirs.
        let mut m = WorkMeter {
            past_work: MAX_EVENTS_PER_RUN,
            ..WorkMeter::default()
        };
        assert_eq!(m.look(0), None);
        m.work = 1;
        assert_eq!(m.look(0), Some((Limit::WorkPerRun, MAX_EVENTS_PER_RUN + 1)));
    }
}
