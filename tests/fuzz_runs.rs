//! A second fuzzing pass (issue 26, item C), structure-aware where
//! `fuzz_parser` mutates bytes: a seeded generator (`fuzz_gen`) writes whole scenarios
//! from the file format's keys — every load kind, pattern, distribution,
//! timeline entry and ramp, with values inside, on and beyond their ranges —
//! and whole command lines for every command with their flags. Each
//! scenario is parsed and, when accepted, run in the engine in slices for a
//! budget of wall time; each command line runs the binary.
//!
//! What must hold: no panic and no abort (a command ends 0, 1 or 2, never
//! 101 or by a signal), and — in a long pass by hand, `FUZZ_BOUND=1` — no
//! accepted scenario heads past the documented bound: its wall time,
//! extrapolated from the share simulated in the budget and from the events
//! per run allowed (`MAX_EVENTS_PER_RUN`), stays within about ten minutes.
//! That is a measure of speed, so `cargo test` only reports it (a busy
//! machine would fail it): its short deterministic pass (seconds) checks
//! the rest. A long pass prints what it tried, the slowest case and the
//! peak memory: `FUZZ_CASES=3000 FUZZ_BUDGET_MS=1000 FUZZ_SEED=7
//! FUZZ_BOUND=1 cargo test --release --test fuzz_runs -- --nocapture
//! --test-threads 1` (and `FUZZ_COMMANDS=500 FUZZ_LONG=1` for command
//! lines with long durations), on a machine otherwise quiet.

mod common;
mod fuzz_gen;

use breakwater::scenario::parse_scenario;
use breakwater::sim::limits::MAX_EVENTS_PER_RUN;
use breakwater::sim::Simulation;
use fuzz_gen::{command_line, scenario_text};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// What a run of an accepted scenario showed within its budget.
struct Seen {
    /// Wall time to the end, extrapolated (seconds).
    extrapolated: f64,
    events: u64,
    wall: f64,
    finished: bool,
}

/// Runs `s` for at most `budget` of wall time, in slices.
fn run_for(s: &breakwater::scenario::Scenario, budget: Duration) -> Seen {
    let started = Instant::now();
    let mut sim = Simulation::new(s);
    sim.measure_ticks(false);
    let end = sim.end();
    let mut finished = false;
    // The budget is for running: a world of a million clients takes a
    // while to set up, and at least one slice runs whatever it took.
    let running = Instant::now();
    loop {
        let over = sim.advance_within(end, 20_000, &mut |_| {});
        if over && (sim.is_finished() || sim.limit_crossed().is_some()) {
            finished = true;
            break;
        }
        if running.elapsed() >= budget {
            break;
        }
    }
    let wall = started.elapsed().as_secs_f64();
    let ran = running.elapsed().as_secs_f64();
    let events = sim.events_handled();
    let extrapolated = if finished {
        wall
    } else {
        // The setting up, then the rest at the pace so far, by simulated
        // time and by the events the run may still handle, whichever ends
        // first.
        let done = sim.now() as f64 / end.max(1) as f64;
        let by_time = if done > 0.0 {
            ran / done
        } else {
            f64::INFINITY
        };
        let by_events = ran * MAX_EVENTS_PER_RUN as f64 / events.max(1) as f64;
        (wall - ran) + by_time.min(by_events)
    };
    Seen {
        extrapolated,
        events,
        wall,
        finished,
    }
}

/// The peak resident memory of this process since the last reset (kB),
/// and a reset (Linux: `clear_refs` 5 resets VmHWM).
fn peak_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    kb
}

/// The bound: about ten minutes of wall time for a whole run (12, for
/// the imprecision of an extrapolation), in a release build.
const BOUND_SECS: f64 = 12.0 * 60.0;

#[test]
fn generated_scenarios_are_refused_or_run_within_the_bound_never_panic() {
    let cases = env("FUZZ_CASES", 300);
    let budget = Duration::from_millis(env("FUZZ_BUDGET_MS", 40));
    let say = env("FUZZ_SAY", 0) == 1;
    let bound = env("FUZZ_BOUND", 0) == 1;
    let mut rng = ChaCha8Rng::seed_from_u64(env("FUZZ_SEED", 26));
    let (mut accepted, mut finished) = (0, 0);
    let mut slowest: Option<(f64, String)> = None;
    let mut peak: (u64, String) = (0, String::new());
    peak_kb();
    for case in 0..cases {
        let text = scenario_text(&mut rng);
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            match parse_scenario("fuzz.toml", text.as_bytes()) {
                Ok(s) => Some(run_for(&s, budget)),
                Err(e) => {
                    if say {
                        println!("refused: {}", e.say("en"));
                    }
                    None
                }
            }
        }));
        let seen = match outcome {
            Ok(seen) => seen,
            Err(_) => panic!("case {case} panicked on:\n{text}"),
        };
        let kb = peak_kb();
        if kb > peak.0 {
            peak = (kb, text.clone());
        }
        let Some(seen) = seen else { continue };
        accepted += 1;
        finished += u64::from(seen.finished);
        assert!(
            !bound || seen.extrapolated <= BOUND_SECS,
            "case {case} heads for {:.0} s of wall time ({} events in {:.2} s):\n{text}",
            seen.extrapolated,
            seen.events,
            seen.wall
        );
        if slowest.as_ref().is_none_or(|(t, _)| seen.extrapolated > *t) {
            slowest = Some((seen.extrapolated, text));
        }
    }
    println!(
        "fuzz_runs: {cases} scenarios, {accepted} accepted, {finished} run to their end (or a limit) within {budget:?}"
    );
    if let Some((t, text)) = slowest {
        println!("fuzz_runs: slowest, extrapolated to {t:.1} s of wall time:\n{text}");
    }
    println!("fuzz_runs: peak memory {} kB, on:\n{}", peak.0, peak.1);
}

#[test]
fn generated_command_lines_end_0_1_or_2_never_panic_or_abort() {
    use std::os::unix::process::ExitStatusExt;
    let cases = env("FUZZ_COMMANDS", 100);
    let long = env("FUZZ_LONG", 0) == 1;
    let mut rng = ChaCha8Rng::seed_from_u64(env("FUZZ_SEED", 26) + 1);
    let mut slowest = (Duration::ZERO, Vec::new());
    let mut codes = [0u32; 3];
    let scratch = common::temp_dir("fuzz-runs");
    for case in 0..cases {
        let args = command_line(&mut rng, long);
        let started = Instant::now();
        let out = common::breakwater()
            .args(&args)
            .current_dir(&*scratch)
            .stdin(std::process::Stdio::null())
            .output()
            .expect("runs");
        let took = started.elapsed();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.signal().is_none(),
            "case {case}: {args:?} ended by signal {:?}: {err}",
            out.status.signal()
        );
        let code = out.status.code().unwrap_or(-1);
        assert!(
            (0..=2).contains(&code) && !err.contains("panicked"),
            "case {case}: {args:?} ended {code}: {err}"
        );
        codes[code as usize] += 1;
        if env("FUZZ_SAY", 0) == 1 && code != 0 {
            println!("{code} {args:?}: {}", err.lines().next().unwrap_or(""));
        }
        // No raw control byte from the input reaches a terminal.
        for stream in [&out.stdout[..], &out.stderr[..]] {
            assert!(
                !stream.contains(&0x1b) || args.iter().all(|a| !a.contains('\u{1b}')),
                "case {case}: {args:?} echoed a raw ESC"
            );
        }
        if took > slowest.0 {
            slowest = (took, args);
        }
    }
    println!(
        "fuzz_runs: {cases} command lines, exit 0/1/2: {codes:?}; slowest {:?}: {:?}",
        slowest.0, slowest.1
    );
}
