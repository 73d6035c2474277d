//! The caller's shared thread pool (`[client] threads`): a call holds one
//! thread from its arrival to its final answer, retries and backoff sleeps
//! included, as synchronous code does. When the downstream is slow the pool
//! runs dry, and every service behind it suffers: the cascade bulkheads stop.

use crate::sim::world::ClientConfig;
use std::collections::VecDeque;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Acquire {
    Granted,
    Queued,
    Rejected,
}

#[derive(Clone, Default)]
pub struct CallerPool {
    busy: u32,
    waiting: VecDeque<(u32, u32)>,
}

impl CallerPool {
    pub fn busy(&self) -> u32 {
        self.busy
    }
    pub fn waiting(&self) -> u32 {
        self.waiting.len() as u32
    }

    /// A call arrives wanting a thread; `(call, gen)` waits if there is room.
    pub fn acquire(&mut self, cfg: &ClientConfig, call: (u32, u32)) -> Acquire {
        if self.busy < cfg.threads && self.waiting.is_empty() {
            self.busy += 1;
            Acquire::Granted
        } else if (self.waiting.len() as u32) < cfg.queue {
            self.waiting.push_back(call);
            Acquire::Queued
        } else {
            Acquire::Rejected
        }
    }

    /// A call finished and returns its thread.
    pub fn release(&mut self) {
        self.busy -= 1;
    }

    /// Hands free threads to waiting calls, in arrival order.
    pub fn admit(&mut self, cfg: &ClientConfig) -> Option<(u32, u32)> {
        if self.busy < cfg.threads {
            let c = self.waiting.pop_front()?;
            self.busy += 1;
            return Some(c);
        }
        None
    }
}
