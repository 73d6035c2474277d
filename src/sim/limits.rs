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
/// Expected attempts in a run (calls × retry amplification, timeouts
/// counted): as many as a run may make (`MAX_ATTEMPTS_PER_RUN`).
pub const MAX_EXPECTED_ATTEMPTS: f64 = MAX_ATTEMPTS_PER_RUN as f64;
/// Expected events in a run: as many as a run may handle
/// (`MAX_EVENTS_PER_RUN`).
pub const MAX_EXPECTED_EVENTS: f64 = MAX_EVENTS_PER_RUN as f64;

// Enforced while running, per run: what bounds a run's wall time.
//
// Measured on the 2-core machine the project is built on, shared with two
// other builds (`cargo bench --bench throughput -- FILE…`, one core, best
// of 3): the slowest pace is the most calls in flight with every pattern —
// 2,000,000 in flight over 20 services with retry, breaker, bulkhead,
// timeout and fallback (benches/scale-2e6-all.toml) — at 2.9 M events/s and
// 1.6 M attempts/s; 900,000 in flight (benches/scale-1e6.toml) 3.7–4.5 M
// events/s; every pattern at 200,000 calls/s (tests/scenarios/heavy.toml)
// 7.2 M events/s; small queues (benches/mmc-80.toml) 13.7 M events/s;
// attempts retried at once 19–22 M events/s. 2·10⁹ events is then at most
// about 11 minutes (2·10⁹ / 2.9 M), 2.5 to 7.5 at the usual paces. Checked
// whole: scale-2e6-all.toml for 840 s, the longest its estimate accepts
// (1.98·10⁹ events), ran in 9 min 19 s (541 s of CPU, 732 MB at most).
/// Events handled in a whole run, plus ramp work (as `MAX_WORK_PER_SIM_SECOND`).
pub const MAX_EVENTS_PER_RUN: u64 = 2_000_000_000;
/// Attempts in a whole run: every attempt is at least one event, so this
/// binds only where the estimate's attempts are passed by retries it could
/// not see (a saturated downstream refusing, a bulkhead rejecting).
pub const MAX_ATTEMPTS_PER_RUN: u64 = 2_000_000_000;
/// Events per second of wall time, the slowest and the fastest pace
/// measured above, for the rough wall time `check` says.
pub const EVENTS_PER_WALL_SECOND: (f64, f64) = (2.9e6, 14e6);

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
