//! Upper limits that keep any scenario within memory and time: checked when a
//! file is read, when the world changes, and while a run goes.

pub const MAX_RATE: f64 = 1_000_000.0;
pub const MAX_CLIENTS: u32 = 1_000_000;
pub const MAX_THREADS: u32 = 1_000_000;
pub const MAX_WORKERS: u32 = 100_000;
pub const MAX_QUEUE: u32 = 1_000_000;
pub const MAX_SERVICES: usize = 64;
pub const MAX_TIMELINE: usize = 10_000;
pub const MAX_DURATION_SECS: u64 = 7 * 86_400;
/// Calls in flight at once; arrivals beyond it are refused as client_rejected.
pub const MAX_IN_FLIGHT: usize = 2_000_000;
/// Expected calls in a run (rate × duration): minutes of CPU at most.
pub const MAX_EXPECTED_CALLS: f64 = 2e9;
pub const MAX_FILE_BYTES: usize = 1 << 20;
