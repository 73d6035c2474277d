//! What a crossed limit says: the count, the limit, and what in the scenario
//! would bring the run back under it, as a message the reader's shell says
//! (limits and the scenario's values as a file writes them).

use super::Simulation;
use crate::base::time::{clock, Dur};
use crate::i18n::Msg;
use crate::msg;
use crate::sim::limits::{
    MAX_ATTEMPTS_PER_RUN, MAX_ATTEMPTS_PER_SIM_SECOND, MAX_CALLS_PER_RUN, MAX_CALLS_PER_SIM_SECOND,
    MAX_EVENTS_PER_RUN, MAX_WORK_PER_SIM_SECOND,
};
use crate::sim::notices::{Notice, NoticeKind};
use crate::sim::work_meter::Limit;
use crate::sim::work_meter::{LimitCrossed, WorkMeter};
use crate::sim::world::LoadKind;

/// The limits enforced while running: the work counted, whether the
/// in-flight cap was noted, and the limit the run stopped at.
#[derive(Clone, Default)]
pub(super) struct Guard {
    /// Work counted against the limits enforced while running.
    pub(super) meter: WorkMeter,
    /// The limit the run crossed, if any: it stopped there.
    pub(super) stopped: Option<LimitCrossed>,
    /// The in-flight cap was hit and said so (once).
    pub(super) in_flight_noted: bool,
}

impl Simulation {
    /// Stops the run if it crossed a limit of work while running.
    #[cold]
    pub(super) fn look_at_work(&mut self) {
        if self.guard.stopped.is_some() {
            return;
        }
        // The event set dropped an event for want of memory (it never
        // aborts): stop here, said as the memory limit.
        if self.schedule.queue.starved() {
            return self.out_of_memory();
        }
        if let Some((limit, count)) = self.guard.meter.look(self.now) {
            let message = self.diagnose(limit, count);
            self.stop_at(limit, count, message);
        }
    }

    /// Stops the run: the table of calls in flight or the event set could
    /// not grow (the memory ran out), said as a limit rather than an abort.
    #[cold]
    pub(super) fn out_of_memory(&mut self) {
        if self.guard.stopped.is_some() {
            return;
        }
        let count = self.arena.in_flight() as u64;
        let message = msg!("limit-memory", calls = count as f64);
        self.stop_at(Limit::Memory, count, message);
    }

    fn stop_at(&mut self, limit: Limit, count: u64, message: Msg) {
        self.notices.push(Notice {
            at: self.now,
            service: None,
            kind: NoticeKind::Limit(message.clone()),
        });
        self.guard.stopped = Some(LimitCrossed {
            at: self.now,
            limit,
            count,
            message,
        });
        self.ended = true;
        self.deferred.agenda.clear();
    }

    /// What crossed a limit, and what in the scenario would help.
    pub(super) fn diagnose(&self, limit: Limit, count: u64) -> Msg {
        let from = clock(self.guard.meter.second_start());
        let load = &self.world.load;
        let count = count as f64;
        match limit {
            Limit::CallsPerSecond if load.kind == LoadKind::Closed => msg!(
                "limit-calls-per-second-closed",
                count = count,
                from = from,
                max = MAX_CALLS_PER_SIM_SECOND.to_string(),
                clients = load.clients.to_string(),
                think = toml::Value::try_from(&load.think)
                    .map_or_else(|_| "?".into(), |v| v.to_string())
            ),
            Limit::CallsPerSecond => msg!(
                "limit-calls-per-second",
                count = count,
                from = from,
                max = MAX_CALLS_PER_SIM_SECOND.to_string(),
                rate = load.rate.to_string()
            ),
            Limit::AttemptsPerSecond => msg!(
                "limit-attempts-per-second",
                count = count,
                from = from,
                max = MAX_ATTEMPTS_PER_SIM_SECOND.to_string(),
                attempts = self
                    .world
                    .services
                    .iter()
                    .filter(|s| s.patterns.retry.enabled)
                    .map(|s| s.patterns.retry.max_attempts)
                    .max()
                    .unwrap_or(1)
                    .to_string()
            ),
            Limit::WorkPerSecond => msg!(
                "limit-work-per-second",
                count = count,
                from = from,
                max = MAX_WORK_PER_SIM_SECOND.to_string(),
                ramps = self.script.ramps.len(),
                services = self.services.len(),
                tick = Dur(self.ticks.len).to_string()
            ),
            Limit::CallsPerRun => msg!(
                "limit-calls-per-run",
                count = count,
                by = clock(self.now),
                max = MAX_CALLS_PER_RUN.to_string()
            ),
            Limit::AttemptsPerRun => msg!(
                "limit-attempts-per-run",
                count = count,
                by = clock(self.now),
                max = MAX_ATTEMPTS_PER_RUN.to_string()
            ),
            Limit::Memory => msg!("limit-memory", calls = count),
            Limit::WorkPerRun => msg!(
                "limit-work-per-run",
                count = count,
                by = clock(self.now),
                max = MAX_EVENTS_PER_RUN.to_string()
            ),
        }
    }
}
