//! Bulkhead: a separate pool of `max_concurrent` slots per downstream service,
//! so one slow service cannot take every caller thread (the lesson's
//! ThreadPoolExecutor per service; resilience4j's semaphore bulkhead). Callers
//! beyond the limit wait FIFO, up to `max_queue` of them for at most `max_wait`.
//!
//! Sans-IO: the semaphore and its queue; the simulation arms the wait timers.

//! - `config`: what a scenario sets, with its ranges;
//! - `pool`: the slots and the waiters.

mod config;
mod pool;

pub use config::BulkheadConfig;
pub use pool::{Admission, Bulkhead, Waiter};
