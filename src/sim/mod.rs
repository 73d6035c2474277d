//! The deterministic simulation core: the world and its changes, the engine,
//! load, the caller's pool, the downstream queues and the metrics. It imports
//! the patterns and the base vocabulary, never the file format.

pub mod caller_pool;
pub mod clients;
pub mod dist;
pub mod downstream;
pub mod engine;
pub mod estimate;
pub mod event_queue;
pub mod limits;
pub mod metrics;
pub mod mixture;
pub mod notices;
pub mod prefetch;
pub mod rng;
pub mod sampling;
pub mod setup;
pub mod trace;
pub mod work_meter;
pub mod world;
pub mod ziggurat_tables;

pub use engine::{Moment, MomentKind, Simulation};
pub use setup::Setup;
pub use world::{Change, World};
