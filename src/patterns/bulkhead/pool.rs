//! The bulkhead's semaphore and its FIFO of waiters. Sans-IO: the
//! simulation arms the wait timers.

use super::config::BulkheadConfig;
use std::collections::VecDeque;

/// What happened to a request for a slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Admission {
    Granted,
    Queued,
    Rejected,
}

/// A waiting caller, identified by the simulation's call handle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Waiter {
    pub call: u32,
    pub ticket: u32,
}

#[derive(Clone, Debug, Default)]
pub struct Bulkhead {
    in_use: u32,
    peak: u32,
    /// FIFO of waiters; cancelled ones are skipped lazily.
    queue: VecDeque<Waiter>,
    waiting: u32,
}

impl Bulkhead {
    pub fn in_use(&self) -> u32 {
        self.in_use
    }
    pub fn waiting(&self) -> u32 {
        self.waiting
    }
    pub fn peak(&self) -> u32 {
        self.peak
    }
    /// Entries in the wait queue, including ones that gave up and are not yet swept.
    pub fn queue_len(&self) -> usize {
        self.queue.len()
    }
    /// Empties the queue (the bulkhead was turned off): the live waiters go
    /// through without a slot.
    pub fn release_waiters(
        &mut self,
        mut is_live: impl FnMut(Waiter) -> bool,
        out: &mut Vec<Waiter>,
    ) {
        out.extend(self.queue.drain(..).filter(|w| is_live(*w)));
        self.waiting = 0;
    }
    /// Sweeps waiters that gave up out of the queue, keeping FIFO order.
    pub fn retain_waiters(&mut self, is_live: impl FnMut(&Waiter) -> bool) {
        self.queue.retain(is_live);
    }

    fn grant(&mut self) {
        self.in_use += 1;
        self.peak = self.peak.max(self.in_use);
    }

    /// Asks for a slot; `waiter` joins the queue if there is room.
    pub fn try_acquire(&mut self, cfg: &BulkheadConfig, waiter: Waiter) -> Admission {
        if self.in_use < cfg.max_concurrent && self.waiting == 0 {
            self.grant();
            Admission::Granted
        } else if self.waiting < cfg.max_queue && cfg.max_wait.0 > 0 {
            self.queue.push_back(waiter);
            self.waiting += 1;
            Admission::Queued
        } else {
            Admission::Rejected
        }
    }

    /// A waiter gave up (its `max_wait` expired or it was cancelled). Its
    /// queue entry stays until `admit` or `retain_waiters` skips it.
    pub fn abandon(&mut self) {
        self.waiting -= 1;
    }

    /// Returns a slot; `admit` then hands free slots to waiters.
    pub fn release(&mut self) {
        self.in_use -= 1;
    }

    /// Hands free slots to the longest waiters, in FIFO order, skipping those
    /// that `is_live` says gave up; appends who was admitted to `admitted`.
    pub fn admit(
        &mut self,
        cfg: &BulkheadConfig,
        mut is_live: impl FnMut(Waiter) -> bool,
        admitted: &mut Vec<Waiter>,
    ) {
        while self.in_use < cfg.max_concurrent && self.waiting > 0 {
            let Some(w) = self.queue.pop_front() else {
                break;
            };
            if is_live(w) {
                self.waiting -= 1;
                self.grant();
                admitted.push(w);
            }
        }
        if self.waiting == 0 {
            self.queue.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::time::Dur;

    #[test]
    fn limits_concurrency_and_queues_fifo() {
        let cfg = BulkheadConfig {
            max_concurrent: 2,
            max_queue: 2,
            max_wait: Dur::from_secs(1),
            ..Default::default()
        };
        let mut b = Bulkhead::default();
        let w = |call| Waiter { call, ticket: 0 };
        assert_eq!(b.try_acquire(&cfg, w(1)), Admission::Granted);
        assert_eq!(b.try_acquire(&cfg, w(2)), Admission::Granted);
        assert_eq!(b.try_acquire(&cfg, w(3)), Admission::Queued);
        assert_eq!(b.try_acquire(&cfg, w(4)), Admission::Queued);
        assert_eq!(b.try_acquire(&cfg, w(5)), Admission::Rejected);
        assert_eq!((b.in_use(), b.waiting()), (2, 2));
        // Waiter 3 gives up; a release admits 4, not 3.
        b.abandon();
        b.release();
        let mut admitted = vec![];
        b.admit(&cfg, |w| w.call != 3, &mut admitted);
        assert_eq!(admitted, vec![w(4)]);
        assert_eq!((b.in_use(), b.waiting(), b.peak()), (2, 0, 2));
    }

    #[test]
    fn zero_wait_rejects_at_once() {
        let cfg = BulkheadConfig {
            max_concurrent: 1,
            max_queue: 10,
            max_wait: Dur(0),
            ..Default::default()
        };
        let mut b = Bulkhead::default();
        assert_eq!(
            b.try_acquire(&cfg, Waiter { call: 0, ticket: 0 }),
            Admission::Granted
        );
        assert_eq!(
            b.try_acquire(&cfg, Waiter { call: 1, ticket: 0 }),
            Admission::Rejected
        );
    }
}
