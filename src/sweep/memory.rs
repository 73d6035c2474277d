//! What one cell of a sweep may take in memory, estimated before any cell
//! runs, so that `sweep` runs no more cells at once than fit the memory
//! there is (`cli/sweep.rs` reads what there is and lowers `--jobs`).
//!
//! Measured (`/usr/bin/time` and `prlimit --as`, `breakwater run
//! benches/FILE.toml --duration 5s`): resident memory grows by about 300
//! bytes per call in flight (900,000 in flight: 263 MB; 1,830,000: 516 MB;
//! 90 in flight: 9 MB), and the address space a run needs is about half as
//! much again (900,000 in flight runs under a 400 MB limit, not under 300
//! MB). Each cell runs on a thread of its own, whose allocator reserves an
//! arena of 64 MiB of address space and a stack. Series do not grow with
//! the run (a sweep keeps no ticks; a run's histograms are fixed in size).

use crate::scenario::Scenario;

/// Bytes per call in flight, address space (resident: about 300).
pub const BYTES_PER_CALL: f64 = 450.0;
/// Bytes of a cell whatever its calls: the engine, its histograms, and its
/// thread's allocator arena and stack.
pub const BYTES_PER_CELL: f64 = 80.0 * 1024.0 * 1024.0;

/// The most calls in flight at once in a run of `s`: its world at the
/// start and after each change of its timeline (`World::calls_in_flight`).
pub fn calls_in_flight(s: &Scenario) -> f64 {
    let mut dry = s.world.clone();
    let mut most = dry.calls_in_flight();
    for c in &s.timeline {
        if !c.path.is_empty() && dry.set(&c.path, &c.value).is_ok() {
            most = most.max(dry.calls_in_flight());
        }
    }
    most
}

/// The peak memory of a run of `s`, estimated (bytes).
pub fn cell_bytes(s: &Scenario) -> f64 {
    BYTES_PER_CELL + BYTES_PER_CALL * calls_in_flight(s)
}

/// How many cells of `per_cell` bytes may run at once in `available`
/// bytes, no more than `asked`; 0 when not even one fits.
pub fn jobs_that_fit(available: f64, per_cell: f64, asked: usize) -> usize {
    if per_cell <= 0.0 {
        return asked;
    }
    let fit = (available / per_cell).floor();
    if fit >= asked as f64 {
        asked
    } else if fit >= 1.0 {
        fit as usize
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_are_lowered_to_what_fits_and_none_fit_in_too_little() {
        let gb = 1e9;
        assert_eq!(jobs_that_fit(8.0 * gb, 1.0 * gb, 4), 4);
        assert_eq!(jobs_that_fit(3.5 * gb, 1.0 * gb, 8), 3);
        assert_eq!(jobs_that_fit(0.9 * gb, 1.0 * gb, 8), 0);
        assert_eq!(jobs_that_fit(f64::INFINITY, 1.0 * gb, 1024), 1024);
    }
}
