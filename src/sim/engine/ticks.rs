//! Ticks: every `tick` of virtual time the engine closes a tick, hands the
//! shell what happened in it (`Tick`) and starts the next. What a tick
//! measures lives here; the counting itself is in `sim/metrics.rs`.

use super::*;
use crate::sim::world::Change;

/// The tick being measured and what is kept from tick to tick.
#[derive(Clone)]
pub(super) struct Ticks {
    /// How long a tick is.
    pub(super) len: SimTime,
    /// When the last tick ended.
    pub(super) last: SimTime,
    /// The tick handed to the shell (reused, so a tick allocates nothing).
    pub(super) current: Tick,
    /// Whether ticks carry per-service details (`measure_ticks`).
    pub(super) details: bool,
    /// The counts when the timeline is over (for goodput after it).
    pub(super) after_timeline: AfterTimeline,
}

impl Ticks {
    pub(super) fn new(len: SimTime, timeline: &[Change], services: usize) -> Ticks {
        Ticks {
            len,
            last: 0,
            current: Tick {
                t: 0,
                len: 0,
                services: Vec::new(),
                client_busy: 0,
                client_waiting: 0,
            },
            details: true,
            after_timeline: AfterTimeline::new(timeline, services),
        }
    }
}

impl Simulation {
    /// Whether ticks carry each service's counts, gauges and latency
    /// percentiles (on by default). A headless run that writes no time series
    /// turns them off: they cost a histogram and a copy per service per tick
    /// and change no other number (totals are kept either way).
    pub fn measure_ticks(&mut self, on: bool) {
        self.ticks.details = on;
        for rt in &mut self.services {
            let m = &mut rt.metrics;
            for h in [&mut m.tick_latency, &mut m.tick_latency_reached] {
                match (on, h.is_some()) {
                    (true, false) => *h = Some(new_histogram(2)),
                    (false, true) => *h = None,
                    _ => {}
                }
            }
        }
    }

    /// Whether every finished call's latency is counted by bucket
    /// (`ServiceMetrics::buckets`, off by default): an exported histogram's
    /// cost, paid only when one is written. Changes no other number.
    pub fn measure_buckets(&mut self, on: bool) {
        for rt in &mut self.services {
            let b = &mut rt.metrics.buckets;
            match (on, b.is_some()) {
                (true, false) => *b = Some(Box::default()),
                (false, true) => *b = None,
                _ => {}
            }
        }
    }

    /// Whether finished calls' latency is counted by bucket.
    pub fn measures_buckets(&self) -> bool {
        self.services.iter().any(|rt| rt.metrics.buckets.is_some())
    }

    /// A new tick starts with the breaker's current state as seen (or
    /// nothing, without a breaker).
    pub(super) fn restart_breaker_seen(&mut self, s: usize) {
        let on = self.world.services[s].patterns.circuit_breaker.enabled;
        let rt = &mut self.services[s];
        rt.breaker_seen = if on {
            StatesSeen::of(rt.state.circuit_breaker.state())
        } else {
            StatesSeen::default()
        };
    }

    pub(super) fn end_tick(&mut self, on_tick: &mut dyn FnMut(&Tick)) {
        for s in 0..self.services.len() {
            let cfg = &self.world.services[s].patterns.circuit_breaker;
            let t = self.services[s].state.circuit_breaker.poll(cfg, self.now);
            self.log_transition(s, t);
        }
        self.step_ramps();
        let tick = &mut self.ticks.current;
        tick.len = self.now - self.ticks.last;
        tick.t = self.now;
        tick.client_busy = self.caller_pool.busy();
        tick.client_waiting = self.caller_pool.waiting();
        tick.services.clear();
        for (s, rt) in self.services.iter_mut().enumerate() {
            rt.downstream.touch(self.now);
            if !self.ticks.details {
                rt.metrics.end_tick();
                continue;
            }
            tick.services.push(TickService {
                counts: rt.metrics.tick.clone(),
                latency: rt.metrics.tick_percentiles(),
                latency_reached: rt.metrics.tick_percentiles_reached(),
                in_flight: rt.in_flight,
                downstream_busy: rt.downstream.busy(),
                downstream_queued: rt.downstream.queued(),
                bulkhead_in_use: rt.state.bulkhead.in_use(),
                bulkhead_waiting: rt.state.bulkhead.waiting(),
                breaker: rt.state.circuit_breaker.state(),
                breaker_seen: rt.breaker_seen,
                budget_tokens: rt
                    .state
                    .retry
                    .reading(&self.world.services[s].patterns.retry),
            });
            rt.metrics.end_tick();
        }
        for s in 0..self.services.len() {
            self.restart_breaker_seen(s);
        }
        let totals = self.services.iter().map(|rt| &rt.metrics.total);
        self.ticks.after_timeline.observe(self.now, totals);
        on_tick(&self.ticks.current);
        self.ticks.last = self.now;
        if self.now < self.end {
            self.schedule
                .queue
                .push((self.now + self.ticks.len).min(self.end), Event::Tick);
        }
    }
}
