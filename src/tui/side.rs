//! One side of the dashboard: a label, its scenario, its `Simulation`, its
//! `History`, and the incidents the user switched on in it (what a spike
//! replaced, to put back). The dashboard has one side, or two in a
//! comparison (A and B under the same load, same seed, one clock). Pure,
//! like the app: no terminal, no clock, no I/O.

use super::history::History;
use crate::base::settable::number;
use crate::base::time::SimTime;
use crate::scenario::recording::recording_toml;
use crate::scenario::variants::Side;
use crate::scenario::Scenario;
use crate::sim::limits;
use crate::sim::world::{Change, LoadKind};
use crate::sim::Simulation;

/// A world the dashboard runs.
pub struct SideState {
    /// `A` or `B` in a comparison; `None` alone.
    pub side: Option<Side>,
    /// By language (a declared side's label may be given in several).
    pub label: crate::base::localised::Localised,
    pub scenario: Scenario,
    pub sim: Simulation,
    pub history: History,
    /// Original latency_factor per service while its spike is on.
    latency_spike: Vec<Option<toml::Value>>,
    /// (path, original value) while the load spike is on.
    load_spike: Option<(String, toml::Value)>,
}

impl SideState {
    pub fn new(
        side: Option<Side>,
        label: impl Into<crate::base::localised::Localised>,
        scenario: Scenario,
        seed: u64,
    ) -> SideState {
        let n = scenario.world.services.len();
        let mut s = SideState {
            side,
            label: label.into(),
            sim: Simulation::with_seed(&scenario, seed),
            history: History::new(n),
            latency_spike: vec![None; n],
            load_spike: None,
            scenario,
        };
        // What is set at t = 0 (a side's `set`, `--set`) shows from the
        // first frame, paused or not: the Parameters panel reads the world.
        s.advance_to(0);
        s
    }

    /// `A` / `B` (empty alone).
    pub fn letter(&self) -> &'static str {
        match self.side {
            Some(Side::A) => "A",
            Some(Side::B) => "B",
            None => "",
        }
    }

    /// Back to t = 0 with `seed`, incidents forgotten.
    pub fn restart(&mut self, seed: u64) {
        // Live metrics' histogram (`--metrics-addr`) goes on from zero.
        let buckets = self.sim.measures_buckets();
        self.sim = Simulation::with_seed(&self.scenario, seed);
        self.sim.measure_buckets(buckets);
        self.history.clear();
        self.latency_spike.iter_mut().for_each(|x| *x = None);
        self.load_spike = None;
        self.advance_to(0);
    }

    /// Advances to `t` (capped at the end), feeding the history.
    pub fn advance_to(&mut self, t: SimTime) {
        let history = &mut self.history;
        self.sim.advance_to(t, &mut |tick| history.push_tick(tick));
    }

    /// At most `max_events` events toward `t`; whether `t` (or the end) is reached.
    pub fn advance_within(&mut self, t: SimTime, max_events: u64) -> bool {
        let history = &mut self.history;
        self.sim
            .advance_within(t, max_events, &mut |tick| history.push_tick(tick))
    }

    /// The one way the dashboard changes this world.
    pub fn change(&mut self, path: &str, value: toml::Value) -> Result<(), String> {
        self.sim
            .change_now(path, value)
            .map_err(|m| m.say(crate::i18n::current()))
    }

    pub fn latency_spike_on(&self, service: usize) -> bool {
        self.latency_spike.get(service).is_some_and(|x| x.is_some())
    }

    pub fn load_spike_on(&self) -> bool {
        self.load_spike.is_some()
    }

    /// Turns the latency spike of `service` (×10) on or off.
    pub fn set_latency_spike(&mut self, service: usize, on: bool) -> Result<(), String> {
        if self.latency_spike_on(service) == on {
            return Ok(());
        }
        let Some(name) = self
            .sim
            .world()
            .services
            .get(service)
            .map(|s| s.name.clone())
        else {
            return Ok(());
        };
        let path = format!("services.{name}.latency_factor");
        if !on {
            let original = self.latency_spike[service].take();
            return original.map_or(Ok(()), |v| self.change(&path, v));
        }
        let Some(cur) = self.sim.world().get(&path) else {
            return Ok(());
        };
        let f = number(&cur).unwrap_or(1.0);
        self.change(&path, toml::Value::Float((f * 10.0).min(10_000.0)))?;
        self.latency_spike[service] = Some(cur);
        Ok(())
    }

    /// Turns the load spike (×3 rate or clients) on or off.
    pub fn set_load_spike(&mut self, on: bool) -> Result<(), String> {
        if self.load_spike_on() == on {
            return Ok(());
        }
        if let Some((path, original)) = self.load_spike.take() {
            return self.change(&path, original);
        }
        let closed = self.sim.world().load.kind == LoadKind::Closed;
        let path = if closed { "load.clients" } else { "load.rate" };
        let Some(cur) = self.sim.world().get(path) else {
            return Ok(());
        };
        let v = number(&cur).unwrap_or(0.0) * 3.0;
        let spiked = if closed {
            toml::Value::Integer(v.min(limits::MAX_CLIENTS as f64) as i64)
        } else {
            toml::Value::Float(v.min(limits::MAX_RATE))
        };
        self.change(path, spiked)?;
        self.load_spike = Some((path.to_string(), cur));
        Ok(())
    }

    /// A recording of this side so far: its scenario (overrides included)
    /// plus every live change since t = 0; it replays as a scenario of its own.
    pub fn recording_text(&self, seed: u64) -> String {
        let live: Vec<Change> = self
            .sim
            .changes()
            .iter()
            .filter(|c| c.live)
            .cloned()
            .collect();
        recording_toml(&self.scenario, seed, &live)
    }
}
