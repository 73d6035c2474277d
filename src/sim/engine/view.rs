//! What the shells read of a simulation: its clock, its world, each
//! service's patterns and measurements, and which pattern counters a
//! report should show.

use super::*;

impl Simulation {
    pub fn now(&self) -> SimTime {
        self.now
    }
    pub fn end(&self) -> SimTime {
        self.end
    }
    pub fn seed(&self) -> u64 {
        self.seed
    }
    /// At the end, or stopped at a limit.
    pub fn is_finished(&self) -> bool {
        self.now >= self.end || self.guard.stopped.is_some()
    }
    pub fn world(&self) -> &World {
        &self.world
    }
    pub fn notices(&self) -> &Notices {
        &self.notices
    }
    pub fn in_flight(&self) -> usize {
        self.arena.in_flight()
    }
    /// Events waiting in the heap (live and stale): for memory checks.
    pub fn pending_events(&self) -> usize {
        self.schedule.queue.len()
    }
    /// Every change scheduled so far (timeline and live), in scheduling order.
    pub fn changes(&self) -> &[Change] {
        &self.script.changes
    }
    /// The next change still to come, if any.
    pub fn next_change(&self) -> Option<&Change> {
        self.script
            .changes
            .iter()
            .filter(|c| c.at.0 > self.now && !c.path.is_empty())
            .min_by_key(|c| c.at)
    }
    pub fn caller_pool(&self) -> (u32, u32) {
        (self.caller_pool.busy(), self.caller_pool.waiting())
    }
    pub fn breaker(&self, service: usize) -> &CircuitBreaker {
        &self.services[service].state.circuit_breaker
    }
    pub fn bulkhead(&self, service: usize) -> &Bulkhead {
        &self.services[service].state.bulkhead
    }
    pub fn downstream(&self, service: usize) -> &Downstream {
        &self.services[service].downstream
    }
    /// What the service's breaker and retry counted so far (for exported
    /// metrics).
    pub fn tallies(
        &self,
        service: usize,
    ) -> (
        &crate::patterns::circuit_breaker::tally::BreakerTally,
        &crate::patterns::retry::tally::RetryTally,
    ) {
        let l = &self.services[service].state;
        (&l.breaker_tally, &l.retry_tally)
    }
    pub fn budget_tokens(&self, service: usize) -> Option<f64> {
        let cfg = &self.world.services[service].patterns.retry;
        self.services[service].state.retry.reading(cfg)
    }
    pub fn service_metrics(&self, service: usize) -> &ServiceMetrics {
        &self.services[service].metrics
    }
    pub fn service_in_flight(&self, service: usize) -> u64 {
        self.services[service].in_flight
    }
    /// The patterns' counters worth reporting (their indexes in
    /// `Counts::extra`): a counter's pattern is on for some service, or a
    /// change scheduled so far touches it, or it counted something. Reports
    /// show only these, so a run without the pattern reads as before it existed.
    pub fn counters_in_use(&self) -> Vec<usize> {
        registry::counters()
            .enumerate()
            .filter(|&(i, (p, _))| {
                let on = self
                    .world
                    .services
                    .iter()
                    .any(|s| p.config(&s.patterns).enabled());
                let key = format!("patterns.{}.", p.name);
                let changed = self.script.changes.iter().any(|c| c.path.contains(&key));
                let counted = self
                    .services
                    .iter()
                    .any(|rt| rt.metrics.totals_now().extra[i] > 0);
                on || changed || counted
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The breaker state as shown, with an OPEN whose wait is over shown
    /// HALF-OPEN when it moves by itself (resilience4j; the lesson's waits for a call).
    pub fn breaker_state(&self, service: usize) -> BreakerState {
        let cfg = &self.world.services[service].patterns.circuit_breaker;
        let b = &self.services[service].state.circuit_breaker;
        match b.moves_at(cfg) {
            Some(t) if t <= self.now => BreakerState::HalfOpen,
            _ => b.state(),
        }
    }
}
