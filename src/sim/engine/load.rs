//! Load: open-loop arrivals per service (Poisson or constant, rescaled when a
//! rate changes) and closed-loop clients that think between calls.

use super::*;
use crate::sim::sampling::exp1;

impl Simulation {
    pub(super) fn start_load(&mut self) {
        match self.world.load.kind {
            LoadKind::Poisson | LoadKind::Constant => self.reschedule_arrivals(),
            LoadKind::Closed => self.sync_clients(),
        }
    }

    pub(super) fn service_rate(&self, s: usize) -> f64 {
        let total = self.world.total_share();
        if total <= 0.0 {
            return 0.0;
        }
        self.world.load.rate * self.world.services[s].params.share / total
    }

    /// Brings every service's pending arrival in line with its current rate.
    /// Only services whose own rate changed are touched, and their remaining
    /// wait is rescaled rather than redrawn: exact for constant load, still
    /// exponential for Poisson, and no extra random draw, so a ramp does not
    /// postpone arrivals tick after tick.
    pub(super) fn reschedule_arrivals(&mut self) {
        for s in 0..self.services.len() {
            let rate = if self.world.load.kind == LoadKind::Closed {
                0.0
            } else {
                self.service_rate(s)
            };
            let old = self.services[s].arrival_rate;
            if rate == old {
                continue;
            }
            self.services[s].arrival_rate = rate;
            let pending = self.schedule.queue.lane_time(s);
            self.schedule.queue.clear_lane(s);
            match pending {
                Some(at) if old > 0.0 && rate > 0.0 => {
                    let left = at.saturating_sub(self.now) as f64 * old / rate;
                    let at = self.now.saturating_add((left + 0.5) as u64);
                    self.push_arrival(s, at);
                }
                _ => self.schedule_arrival(s),
            }
        }
    }

    /// Draws the wait until the service's next arrival at its current rate.
    pub(super) fn schedule_arrival(&mut self, s: usize) {
        let rate = self.services[s].arrival_rate;
        if rate <= 0.0 {
            self.schedule.queue.clear_lane(s);
            return;
        }
        let gap_secs = match self.world.load.kind {
            LoadKind::Poisson => {
                let e = exp1(&mut self.services[s].arrivals);
                e / rate
            }
            _ => 1.0 / rate,
        };
        let gap = ((gap_secs * NANOS_PER_SEC as f64 + 0.5) as u64).max(1);
        self.push_arrival(s, self.now.saturating_add(gap));
    }

    /// A service's next arrival waits in its own lane of the queue (lane =
    /// service index): rescheduling it replaces it.
    pub(super) fn push_arrival(&mut self, s: usize, at: SimTime) {
        self.schedule
            .queue
            .set_lane(s, at, Event::Arrival { service: s as u16 });
    }

    /// Starts or retires closed-loop clients to match `load.clients`.
    pub(super) fn sync_clients(&mut self) {
        if self.world.load.kind != LoadKind::Closed {
            return;
        }
        let n = self.world.load.clients as usize;
        for c in self.clients.wake_up_to(n) {
            self.client_think(c);
        }
    }

    /// Whether `client` is beyond `load.clients` (or the load is no longer a
    /// closed loop): it then stops, and is marked so `sync_clients` can wake it.
    fn client_retired(&mut self, client: u32) -> bool {
        let retired = client as usize >= self.world.load.clients as usize
            || self.world.load.kind != LoadKind::Closed;
        if retired {
            self.clients.retire(client);
        }
        retired
    }

    pub(super) fn client_think(&mut self, client: u32) {
        if self.client_retired(client) {
            return;
        }
        let d = self.clients.think_time(client);
        self.schedule
            .queue
            .push(self.now + d, Event::ClientReady { client });
    }

    pub(super) fn client_ready(&mut self, client: u32) {
        if self.client_retired(client) {
            return;
        }
        let total = self.world.total_share();
        let u = self.clients.route(client);
        let mut u = u * total;
        let mut pick = self.services.len() - 1;
        for (i, s) in self.world.services.iter().enumerate() {
            if u < s.params.share {
                pick = i;
                break;
            }
            u -= s.params.share;
        }
        self.start_call(pick, client);
    }
}
