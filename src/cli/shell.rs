//! What every command does the same way: load a scenario with its flags,
//! print to stdout, check an output path before the work, say where a run
//! stopped.

use super::failure::Failure;
use breakwater::base::escape::escape;
use breakwater::base::time::clock;
use breakwater::output::{self, OutError};
use breakwater::scenario::variants::{Comparison, Side};
use breakwater::scenario::{self, Scenario};
use breakwater::sim::work_meter::LimitCrossed;
use breakwater::t;

/// For a headless command: SIGINT, SIGTERM or SIGHUP removes the temporary
/// files being written (`output::file`; a `--timeseries` being streamed)
/// and then ends the program by that signal, as it would have without
/// this (a shell sees 128 + n). Not for the dashboard, which answers
/// signals itself.
pub fn clean_up_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    // Without a watcher (registration refused), the default action ends
    // the program as before.
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let _held = breakwater::output::file::remove_temporaries();
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            std::process::exit(128 + signal);
        }
    });
}

/// Prints to stdout; a closed pipe ends the program quietly (exit 0), any
/// other failure is an I/O error (exit 1).
pub fn say(text: &str) -> Result<(), Failure> {
    match output::out(text) {
        Ok(()) => Ok(()),
        Err(OutError::Closed) => Err(Failure::silent(0)),
        Err(OutError::Failed(e)) => Err(Failure::io(t!(
            "io-cannot-write-stdout",
            reason = e.to_string()
        ))),
    }
}

/// Loads a scenario (or one side of it) and applies the `--set` overrides.
pub fn load(spec: &str, sets: &[String], variant: Option<Side>) -> Result<Scenario, Failure> {
    with_sets(load_raw(spec)?, spec, sets, variant)
}

/// A loaded scenario's side (for one that declares variants) with the
/// `--set` overrides applied.
pub fn with_sets(
    mut s: Scenario,
    spec: &str,
    sets: &[String],
    variant: Option<Side>,
) -> Result<Scenario, Failure> {
    if let Some(side) = variant {
        if s.variants.is_none() {
            return Err(Failure::bad(t!(
                "cli-no-variants",
                side = side.letter().to_string(),
                scenario = escape(spec)
            )));
        }
    }
    if s.variants.is_some() {
        s = s.side(variant.unwrap_or(Side::A));
    }
    scenario::overrides::apply_sets(&mut s, "--set", sets).map_err(Failure::bad)?;
    Ok(s)
}

/// The two sides a comparison's flags name (`first` is A's scenario as read): two files, or one scenario's
/// declared variants; then `--set`, `--set-a` and `--set-b` applied. Two
/// files of different durations run for A's, said on stderr unless
/// `--duration` was given.
pub fn comparison(
    first: Scenario,
    b: Option<&str>,
    sets: &[String],
    side_sets: &super::flags::SideSets,
    duration_given: bool,
) -> Result<Comparison, Failure> {
    let mut cmp = match b {
        Some(b) => {
            let second = load_raw(b)?;
            let (a_duration, b_duration) = (first.duration, second.duration);
            let (a_name, b_name) = (first.origin.clone(), second.origin.clone());
            let cmp = Comparison::of_files(first, second).map_err(Failure::bad)?;
            if a_duration != b_duration && !duration_given {
                // Not silently: B runs for A's duration.
                breakwater::output::errln(&format!(
                    "breakwater: {}",
                    t!(
                        "compare-duration-differs",
                        a = escape(&a_name),
                        b = escape(&b_name),
                        a_duration = a_duration.to_string(),
                        b_duration = b_duration.to_string()
                    )
                ));
            }
            cmp
        }
        None => Comparison::of_variants(&first),
    };
    cmp.apply_sets(sets, &side_sets.set_a, &side_sets.set_b)
        .map_err(Failure::bad)?;
    Ok(cmp)
}

/// A scenario as its file (or built-in) says it, no flag applied yet.
pub fn load_raw(spec: &str) -> Result<Scenario, Failure> {
    let s =
        scenario::load(spec).map_err(|e| Failure::with(2, e.say(breakwater::i18n::current())))?;
    // No output of this command may then replace the file.
    breakwater::output::file::note_input(spec);
    Ok(s)
}

/// Checks that `path` can be written before a run starts, so a typo in an
/// output path is not discovered after the work is done; refuses an input
/// file and a symbolic link (`output::file`). Leaves no file behind.
pub fn check_writable(flag: &str, path: &str) -> Result<(), Failure> {
    breakwater::output::file::check(path).map_err(|e| refused(flag, path, &e))
}

/// An output path refused or unwritable, as `FLAG PATH: cannot write: why`
/// (exit 2 for a refused name, 1 for the file system's refusal).
pub fn refused(flag: &str, path: &str, e: &breakwater::output::file::Refused) -> Failure {
    Failure::with(
        e.code(),
        format!(
            "breakwater: {}",
            t!(
                "io-cannot-write-flag",
                flag = flag,
                path = escape(path),
                reason = e.message()
            )
        ),
    )
}

/// A JSON value as printed (pretty, with a final newline), or exit 1 saying
/// why it could not be written.
pub fn json_text(v: &serde_json::Value) -> Result<String, Failure> {
    serde_json::to_string_pretty(v)
        .map(|t| format!("{}\n", breakwater::base::escape::json_safe(&t)))
        .map_err(|e| Failure::io(t!("io-cannot-write-json", reason = e.to_string())))
}

/// The name a scenario was asked by: a built-in's name, or the file.
pub fn spec_name(s: &Scenario) -> &str {
    s.origin.strip_prefix("builtin:").unwrap_or(&s.origin)
}

/// "SCENARIO: stopped at T of simulated time: why" (exit 2), for a run a
/// limit stopped.
pub fn stopped(spec: &str, at: breakwater::base::time::SimTime, why: &str) -> Failure {
    Failure::bad(format!(
        "{}: {}",
        escape(spec),
        t!("stopped-at", at = clock(at), reason = why)
    ))
}

/// The limit a simulation crossed, if any, as `stopped` says it.
pub fn stopped_by(spec: &str, stop: Option<&LimitCrossed>) -> Result<(), Failure> {
    match stop {
        Some(s) => Err(stopped(spec, s.at, &s.message.said())),
        None => Ok(()),
    }
}
