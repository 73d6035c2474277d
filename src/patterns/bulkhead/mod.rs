//! Bulkhead: a separate pool of `max_concurrent` slots per downstream service,
//! so one slow service cannot take every caller thread (the lesson's
//! ThreadPoolExecutor per service; resilience4j's semaphore bulkhead). Callers
//! beyond the limit wait FIFO, up to `max_queue` of them for at most `max_wait`.
//!
//! Sans-IO: the semaphore and its queue; the simulation arms the wait timers.

//! - `config`: what a scenario sets, with its ranges;
//! - `pool`: the slots and the waiters.

mod config;
pub mod layer;
mod pool;

pub use config::BulkheadConfig;
pub use pool::{Admission, Bulkhead, Waiter};

use super::edit::{Edit, Editable, COUNT, QUEUE};
use super::registry::{fields_of, Pattern};

/// The bulkhead in the registry: key `3` (the lesson says "press 3").
pub const PATTERN: Pattern = Pattern {
    name: "bulkhead",
    layer: Some(super::PatternKind::Bulkhead),
    toggle: Some('3'),
    fields: fields_of::<BulkheadConfig>(),
    editable: &[
        Editable::new("enabled", Edit::Bool),
        Editable::new("max_concurrent", COUNT),
        Editable::new("max_queue", QUEUE),
    ],
    title: "Bulkhead",
    unlisted_outside: None,
    counters: &[],
    config: |set| &set.bulkhead,
    config_mut: |set| &mut set.bulkhead,
};

crate::pattern_config!(BulkheadConfig);
