//! The closed loop's clients: which are active, how many calls each has
//! made, and the keyed draws of their think times and routes. Owned here so
//! the engine's `load` asks it rather than reaching into four fields.

use crate::sim::dist::Sampler;
use crate::sim::rng::{Draw, DrawKey, StreamKey};

/// Every closed-loop client's state.
#[derive(Clone)]
pub struct Clients {
    active: Vec<bool>,
    /// Calls each client has made: with the client, the key of its draws.
    calls: Vec<u64>,
    /// The root of the clients' draws (think time, route).
    draws: StreamKey,
    think: Sampler,
}

impl Clients {
    pub fn new(seed: u64, think: Sampler) -> Clients {
        Clients {
            active: Vec::new(),
            calls: Vec::new(),
            draws: StreamKey::new(seed, "clients", ""),
            think,
        }
    }

    /// A new think-time distribution (a change to `load.think`).
    pub fn set_think(&mut self, think: Sampler) {
        self.think = think;
    }

    /// Makes room for `n` clients; returns the ones not active yet, now
    /// marked active (they start thinking).
    pub fn wake_up_to(&mut self, n: usize) -> Vec<u32> {
        if self.active.len() < n {
            self.active.resize(n, false);
            self.calls.resize(n, 0);
        }
        (0..n)
            .filter(|&c| !std::mem::replace(&mut self.active[c], true))
            .map(|c| c as u32)
            .collect()
    }

    /// A client stops (retired): `wake_up_to` can start it again.
    pub fn retire(&mut self, client: u32) {
        self.active[client as usize] = false;
    }

    /// The key of a client's next call.
    fn key(&self, client: u32) -> DrawKey {
        self.draws.at(self.calls[client as usize], client)
    }

    /// How long `client` thinks before its next call (at least 1 µs, so that
    /// zero think and zero latency cannot make an endless loop at one instant).
    pub fn think_time(&self, client: u32) -> u64 {
        let mut rng = self.key(client).rng(Draw::Think);
        self.think.sample(&mut rng, 1.0).max(1_000)
    }

    /// The uniform that routes `client`'s call, and the call counted.
    pub fn route(&mut self, client: u32) -> f64 {
        use rand::Rng;
        let u = self.key(client).rng(Draw::Route).random::<f64>();
        self.calls[client as usize] += 1;
        u
    }
}
