//! The deterministic simulation core: virtual time, seeded streams, load,
//! the caller's pool, the downstream queues and the metrics.

pub mod caller_pool;
pub mod dist;
pub mod downstream;
pub mod engine;
pub mod event_queue;
pub mod metrics;
pub mod notices;
pub mod outcome;
pub mod rng;
pub mod time;

pub use engine::Simulation;
pub use outcome::Outcome;
