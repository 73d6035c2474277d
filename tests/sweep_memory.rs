//! Sweeps that fit the memory there is (issue 26, seen 6 and item 5): each
//! cell's peak is estimated from its calls in flight, and `--jobs` is
//! lowered to what fits under the address-space limit (as `ulimit -v` or
//! `prlimit --as` sets it) — or the sweep is refused before any cell runs,
//! with the figures — never an abort. Before, four cells of ~570,000 calls
//! in flight each under a 700 MiB limit aborted (exit 134).

mod common;
use breakwater::sweep::memory::{cell_bytes, BYTES_PER_CALL, BYTES_PER_CELL};
use std::os::unix::process::{CommandExt, ExitStatusExt};

/// `breakwater ARGS` with the address space limited to `mib` MiB.
fn under_limit(mib: u64, args: &[&str]) -> (Option<i32>, Option<i32>, String) {
    let mut c = common::breakwater();
    c.args(args).env("BREAKWATER_LANG", "en");
    let bytes = mib << 20;
    // SAFETY: between fork and exec only setrlimit runs (async-signal-safe).
    unsafe {
        c.pre_exec(move || {
            let limit = libc::rlimit {
                rlim_cur: bytes,
                rlim_max: bytes,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let out = c.output().expect("runs");
    (
        out.status.code(),
        out.status.signal(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn file() -> String {
    common::root()
        .join("tests/scenarios/many-in-flight.toml")
        .to_string_lossy()
        .into_owned()
}

const VARY: &str = "load.rate=300000,300001,300002,300003";

#[test]
fn a_cell_s_memory_is_its_calls_in_flight_by_little_s_law_capped_by_the_workers() {
    let s = breakwater::scenario::load(&file()).expect("valid");
    // 300,000 calls/s × 3 s = 900,000, but four services of 100,000
    // workers and no queue hold 400,000.
    let expected = BYTES_PER_CELL + BYTES_PER_CALL * 400_000.0;
    assert!(
        (cell_bytes(&s) - expected).abs() < 1.0,
        "{}",
        cell_bytes(&s)
    );
}

#[test]
fn under_an_address_space_limit_the_sweep_runs_fewer_cells_at_once_and_ends_0() {
    let f = file();
    // Room for two cells of ~264 MB, not four.
    let (code, signal, err) = under_limit(
        700,
        &[
            "sweep", &f, "--vary", VARY, "--jobs", "4", "--quiet", "--json",
        ],
    );
    assert_eq!(signal, None, "ended by a signal: {err}");
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("cells at once instead of 4"), "{err}");
    assert!(err.contains("the address-space limit"), "{err}");
}

#[test]
fn too_little_memory_for_one_cell_is_refused_before_any_runs_with_the_figures() {
    let f = file();
    let (code, signal, err) = under_limit(200, &["sweep", &f, "--vary", VARY, "--quiet"]);
    assert_eq!(signal, None, "ended by a signal: {err}");
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("a cell may take up to 263.9 MB of memory")
            && err.contains("not even one fits"),
        "{err}"
    );
}

#[test]
fn memory_that_cannot_be_reserved_is_said_not_an_abort() {
    let s = breakwater::scenario::load(&file()).expect("valid");
    let mut sim = breakwater::sim::Simulation::new(&s);
    assert!(!sim.reserve_calls(usize::MAX / 2));
    assert!(sim.reserve_calls(1000));
}

/// A plain run that runs out of memory anywhere (the calls' table, the
/// event set, a service's jobs) stops at the memory limit with exit 2,
/// never an abort: the limits step through where each table runs out
/// first. Before, 70, 80 and 130 MiB aborted in the event set or the
/// jobs' table (exit 134).
#[test]
fn a_run_out_of_memory_stops_at_a_limit_wherever_it_runs_out() {
    let f = file();
    for mib in [40, 56, 72, 88, 104, 120, 136] {
        let (code, signal, err) = under_limit(mib, &["run", &f, "--json"]);
        assert_eq!(signal, None, "{mib} MiB: killed by a signal: {err}");
        assert!(
            matches!(code, Some(0) | Some(2)),
            "{mib} MiB: exit {code:?}: {err}"
        );
        if code == Some(2) {
            assert!(err.contains("no memory for more than"), "{mib} MiB: {err}");
        }
    }
}
