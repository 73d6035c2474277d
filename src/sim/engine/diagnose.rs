//! What a crossed limit says: the count, the limit, and what in the scenario
//! would bring the run back under it.

use super::Simulation;
use crate::base::time::{clock, Dur};
use crate::sim::limits::{
    MAX_ATTEMPTS_PER_SIM_SECOND, MAX_CALLS_PER_RUN, MAX_CALLS_PER_SIM_SECOND,
    MAX_WORK_PER_SIM_SECOND,
};
use crate::sim::work_meter::Limit;
use crate::sim::world::LoadKind;

impl Simulation {
    /// What crossed a limit, and what in the scenario would help.
    pub(super) fn diagnose(&self, limit: Limit, count: u64) -> String {
        let from = clock(self.meter.second_start());
        let load = &self.world.load;
        match limit {
            Limit::CallsPerSecond if load.kind == LoadKind::Closed => format!(
                "{count} calls in the simulated second from {from}, over the limit of {MAX_CALLS_PER_SIM_SECOND}: \
                 a closed loop of {} clients with think {} starts a new call as soon as the last is answered, \
                 and refused, short-circuited or rejected calls are answered at once; \
                 give `think` a minimum, e.g. think = {{ dist = \"uniform\", min = \"10ms\", max = \"100ms\" }}",
                load.clients,
                toml::Value::try_from(&load.think).map_or_else(|_| "?".into(), |v| v.to_string()),
            ),
            Limit::CallsPerSecond => format!(
                "{count} calls in the simulated second from {from}, over the limit of {MAX_CALLS_PER_SIM_SECOND}: \
                 load.rate is {} calls/s; lower it",
                load.rate
            ),
            Limit::AttemptsPerSecond => format!(
                "{count} attempts in the simulated second from {from}, over the limit of {MAX_ATTEMPTS_PER_SIM_SECOND}: \
                 retries multiply the load (up to {} attempts per call); lower `max_attempts` or add a retry budget",
                self.world
                    .services
                    .iter()
                    .filter(|s| s.patterns.retry.enabled)
                    .map(|s| s.patterns.retry.max_attempts)
                    .max()
                    .unwrap_or(1)
            ),
            Limit::WorkPerSecond => format!(
                "{count} units of work (events and ramp steps) in the simulated second from {from}, \
                 over the limit of {MAX_WORK_PER_SIM_SECOND}: {} ramps are moving, each step checking {} services, \
                 with a tick of {}; lengthen the tick, use fewer ramps or lower the load",
                self.ramps.len(),
                self.services.len(),
                Dur(self.tick_len)
            ),
            Limit::CallsPerRun => format!(
                "{count} calls by {}, over the limit of {MAX_CALLS_PER_RUN} per run: \
                 shorten the duration or lower the load",
                clock(self.now)
            ),
        }
    }
}
