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
/// Expected attempts in a run (calls × retry amplification).
pub const MAX_EXPECTED_ATTEMPTS: f64 = 6e9;

// Enforced while running, per simulated second (a window that restarts each
// simulated second): a run that crosses one stops and says why.
/// Calls started: twice the largest open-loop rate, so only a closed loop
/// that spins (instant answers, no think time) or a runaway timeline crosses it.
pub const MAX_CALLS_PER_SIM_SECOND: u64 = 2_000_000;
/// Attempts sent to the downstream.
pub const MAX_ATTEMPTS_PER_SIM_SECOND: u64 = 20_000_000;
/// Events handled plus ramp work (a ramp step costs one unit per service,
/// as it checks the whole world).
pub const MAX_WORK_PER_SIM_SECOND: u64 = 40_000_000;
/// Calls in a whole run, counted as they start.
pub const MAX_CALLS_PER_RUN: u64 = 2_000_000_000;
/// A ramp moves in at most this many steps (at most one per tick), so a
/// week-long ramp costs no more than a short one.
pub const MAX_RAMP_STEPS: u64 = 10_000;
