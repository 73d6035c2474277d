//! The numbers of a run, per service and in total, as the JSON contract names
//! them. Computed from the simulation's state; shells only format it.

use crate::base::outcome::Outcome;
use crate::base::time::secs;
use crate::sim::metrics::{new_histogram, percentiles, Counts, Percentiles};
use crate::sim::Simulation;

#[derive(Clone, Debug, PartialEq)]
pub struct ServiceSummary {
    pub name: String,
    pub counts: Counts,
    pub in_flight: u64,
    pub latency: Percentiles,
    /// Latency of the calls that reached the downstream at least once.
    pub latency_reached: Percentiles,
    pub breaker_opened: u32,
    pub open_seconds: f64,
    pub final_state: &'static str,
    pub peak_in_use: u32,
    pub utilization: f64,
    pub mean_queue_wait_ms: f64,
    pub waited_fraction: f64,
    /// ok calls after the scenario's timeline was over (see `Summary::after_timeline`).
    pub ok_after_timeline: Option<u64>,
    /// The calls there were to answer after the timeline was over: those in
    /// flight at that moment and those that arrived later (all calls that
    /// arrived, less those finished by then).
    pub owed_after_timeline: Option<u64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// The scenario's name in its languages (JSON uses `.en()`).
    pub scenario: crate::base::localised::Localised,
    pub seed: u64,
    pub sim_seconds: f64,
    pub wall_seconds: f64,
    pub totals: Counts,
    pub totals_in_flight: u64,
    pub totals_latency: Percentiles,
    pub totals_latency_reached: Percentiles,
    pub services: Vec<ServiceSummary>,
    /// Simulated seconds after the timeline was over (from its last entry,
    /// at a tick boundary, to the end); `None` if the run ended before.
    pub after_timeline: Option<f64>,
    /// The patterns' counters the run reports (`Simulation::counters_in_use`).
    pub counters: Vec<usize>,
}

impl Summary {
    pub fn of(
        sim: &Simulation,
        scenario: impl Into<crate::base::localised::Localised>,
        wall_seconds: f64,
    ) -> Summary {
        let now = sim.now();
        let mut totals = Counts::default();
        let mut all = new_histogram(3);
        let mut sum_ns: u128 = 0;
        let mut all_reached = new_histogram(3);
        let mut sum_reached_ns: u128 = 0;
        let mut services = Vec::new();
        let after = sim.after_timeline();
        for (i, cfg) in sim.world().services.iter().enumerate() {
            let m = sim.service_metrics(i);
            let counts = m.totals_now();
            totals.add(&counts);
            let total_latency = m.total_latency();
            all.add(&total_latency).expect("same bounds");
            sum_ns += m.latency_sum_ns;
            let mut latency = percentiles(&total_latency);
            latency.mean = mean_ms(m.latency_sum_ns, counts.finished());
            all_reached
                .add(&m.total_latency_reached)
                .expect("same bounds");
            sum_reached_ns += m.latency_reached_sum_ns;
            let mut latency_reached = percentiles(&m.total_latency_reached);
            latency_reached.mean = mean_ms(m.latency_reached_sum_ns, counts.reached_calls);
            let ds = sim.downstream(i);
            let (busy, cap) = (ds.busy_integral, ds.capacity_integral);
            services.push(ServiceSummary {
                name: cfg.name.clone(),
                in_flight: sim.service_in_flight(i),
                latency,
                latency_reached,
                breaker_opened: sim.breaker(i).times_opened(),
                open_seconds: sim.breaker(i).open_time(now).as_secs_f64(),
                // A service without a breaker has no state to report.
                final_state: if cfg.patterns.circuit_breaker.enabled {
                    sim.breaker_state(i).name()
                } else {
                    "off"
                },
                peak_in_use: sim.bulkhead(i).peak(),
                utilization: if cap > 0 {
                    busy as f64 / cap as f64
                } else {
                    0.0
                },
                mean_queue_wait_ms: if ds.started > 0 {
                    ds.wait_sum_ns as f64 / ds.started as f64 / 1e6
                } else {
                    0.0
                },
                waited_fraction: if ds.accepted > 0 {
                    ds.waited as f64 / ds.accepted as f64
                } else {
                    0.0
                },
                ok_after_timeline: after
                    .map(|(_, c)| counts.outcome(Outcome::Ok) - c[i].outcome(Outcome::Ok)),
                owed_after_timeline: after.map(|(_, c)| counts.calls - c[i].finished()),
                counts,
            });
        }
        let mut totals_latency = percentiles(&all);
        totals_latency.mean = mean_ms(sum_ns, totals.finished());
        let mut totals_latency_reached = percentiles(&all_reached);
        totals_latency_reached.mean = mean_ms(sum_reached_ns, totals.reached_calls);
        Summary {
            scenario: scenario.into(),
            seed: sim.seed(),
            sim_seconds: secs(now),
            wall_seconds,
            totals_in_flight: sim.in_flight() as u64,
            totals,
            totals_latency,
            totals_latency_reached,
            services,
            after_timeline: after.map(|(t, _)| secs(now.saturating_sub(t))),
            counters: sim.counters_in_use(),
        }
    }
}

fn mean_ms(sum_ns: u128, n: u64) -> f64 {
    if n == 0 {
        0.0
    } else {
        sum_ns as f64 / n as f64 / 1e6
    }
}
