//! The `breakwater` command: the dashboard, headless runs, checks and the
//! list of built-in scenarios. A thin shell over the library.
//!
//! Exit status: 0 fine (a closed output pipe included), 2 bad input (the
//! scenario, a flag or its value), 1 an internal or I/O error, 128 + n when
//! signal n ended the dashboard.

use breakwater::base::escape::escape;
use breakwater::base::time::{parse_duration, Dur};
use breakwater::output::{self, OutError};
use breakwater::report::{csv, json, table, Summary};
use breakwater::scenario::variants::{Comparison, Side};
use breakwater::scenario::{self, builtin, Scenario};
use breakwater::sim::Simulation;
use breakwater::tui::{self, app::App, theme::Theme, EndedBy};
use clap::{Parser, Subcommand};

mod compare_cmd;
mod plot_cmd;
use compare_cmd::{compare, compare_dashboard};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::Instant;

/// Seeds are TOML integers in scenario files and recordings: 0 … 2^63−1.
const MAX_SEED: u64 = i64::MAX as u64;

/// The default bound on a `--timeseries` file.
const DEFAULT_TIMESERIES_MAX: u64 = 1 << 30;

/// The fewest bytes a CSV row takes besides the service name (all counts 0):
/// the estimate of a file's size errs low, so no run that fits is refused.
const MIN_CSV_ROW_BYTES: u64 = 80;

#[derive(Parser)]
#[command(
    name = "breakwater",
    version,
    about = "A terminal laboratory for circuit breaker, retry, bulkhead and timeout"
)]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Scenario file or built-in name for the dashboard (default: seed-lesson).
    scenario: Option<String>,
    #[command(flatten)]
    dash: DashArgs,
}

#[derive(clap::Args, Clone, Default)]
struct DashArgs {
    /// Use the seed instead of the scenario's (0 … 9223372036854775807).
    #[arg(long, value_parser = parse_seed)]
    seed: Option<u64>,
    /// No colours (as does the NO_COLOR environment variable).
    #[arg(long)]
    no_color: bool,
    /// The light palette, for bright rooms and projectors.
    #[arg(long)]
    light: bool,
    /// Start at this speed (0.1 … 1000).
    #[arg(long, default_value_t = 1.0)]
    speed: f64,
    /// Write the session (the scenario plus every live change) to FILE on quit.
    #[arg(long, value_name = "FILE")]
    record: Option<String>,
    /// A change at t = 0, before anything else (repeatable), e.g.
    /// --set services.payment.failure_rate=0.2, --set patterns.timeout.per_attempt=2s.
    #[arg(long = "set", value_name = "PATH=VALUE")]
    set: Vec<String>,
    /// For a scenario that declares [variants]: run side a or b alone.
    #[arg(long, value_name = "a|b", value_parser = parse_side)]
    variant: Option<Side>,
}

#[derive(Subcommand)]
enum Command {
    /// Run a scenario headless and print its summary.
    Run {
        scenario: String,
        /// One JSON object instead of the table.
        #[arg(long)]
        json: bool,
        /// Use this seed instead of the scenario's (0 … 9223372036854775807).
        #[arg(long, value_parser = parse_seed)]
        seed: Option<u64>,
        /// Simulate this long instead of the scenario's duration (e.g. "10m").
        #[arg(long, value_parser = parse_dur_arg)]
        duration: Option<Dur>,
        /// Write one CSV row per tick per service to FILE.
        #[arg(long, value_name = "FILE.csv")]
        timeseries: Option<String>,
        /// The largest --timeseries file to write (e.g. 500MB, 4GiB; default 1GiB).
        #[arg(long, value_name = "SIZE", value_parser = parse_size)]
        timeseries_max: Option<u64>,
        /// A change at t = 0, before anything else (repeatable), e.g.
        /// --set services.payment.failure_rate=0.2, --set patterns.timeout.per_attempt=2s.
        #[arg(long = "set", value_name = "PATH=VALUE")]
        set: Vec<String>,
        /// For a scenario that declares [variants]: run side a or b alone.
        #[arg(long, value_name = "a|b", value_parser = parse_side)]
        variant: Option<Side>,
    },
    /// Validate a scenario without running it.
    Check {
        scenario: String,
        /// A change at t = 0, before anything else (repeatable), e.g.
        /// --set services.payment.failure_rate=0.2, --set patterns.timeout.per_attempt=2s.
        #[arg(long = "set", value_name = "PATH=VALUE")]
        set: Vec<String>,
    },
    /// List the built-in scenarios.
    List,
    /// Two variants of a world under the same load, side by side: one
    /// scenario (its [variants], or --set-a/--set-b) or two files.
    Compare {
        /// A scenario (file or built-in name).
        a: String,
        /// A second scenario to compare with the first (same services).
        b: Option<String>,
        /// A change at t = 0 on both sides (repeatable).
        #[arg(long = "set", value_name = "PATH=VALUE")]
        set: Vec<String>,
        /// A change at t = 0 on side A alone (repeatable).
        #[arg(long = "set-a", value_name = "PATH=VALUE")]
        set_a: Vec<String>,
        /// A change at t = 0 on side B alone (repeatable).
        #[arg(long = "set-b", value_name = "PATH=VALUE")]
        set_b: Vec<String>,
        /// One JSON object: { "a": {label, …run…}, "b": {…} }.
        #[arg(long)]
        json: bool,
        /// The headless table even on a terminal.
        #[arg(long)]
        no_tui: bool,
        /// Use this seed on both sides (0 … 9223372036854775807).
        #[arg(long, value_parser = parse_seed)]
        seed: Option<u64>,
        /// Simulate this long instead of the scenario's duration.
        #[arg(long, value_parser = parse_dur_arg)]
        duration: Option<Dur>,
    },
    /// Draw a run (or a comparison, in the forms compare takes) as one figure for a slide: SVG or PNG.
    Plot(plot_cmd::PlotArgs),
}

fn parse_side(s: &str) -> Result<Side, String> {
    match s.trim() {
        "a" | "A" => Ok(Side::A),
        "b" | "B" => Ok(Side::B),
        _ => Err("a side is `a` or `b`".into()),
    }
}

fn parse_dur_arg(s: &str) -> Result<Dur, String> {
    let d = parse_duration(s)?;
    if d.0 == 0 || d > Dur::from_secs(7 * 86_400) {
        return Err("the duration must be above 0 and at most 7d".into());
    }
    Ok(d)
}

/// A seed: a whole number from 0 to 2^63−1, so that it can be written into a
/// recording (a TOML integer) and read back.
fn parse_seed(s: &str) -> Result<u64, String> {
    let n: u64 = s
        .trim()
        .parse()
        .map_err(|_| format!("a seed is a whole number from 0 to {MAX_SEED}"))?;
    if n > MAX_SEED {
        return Err(format!(
            "a seed is at most {MAX_SEED} (2^63−1, the largest TOML integer, so recordings can store it)"
        ));
    }
    Ok(n)
}

/// A size in bytes: `1000`, `500KB`, `500MB`, `2GB` (powers of 1000) or
/// `64KiB`, `1GiB`, `1G` (powers of 1024).
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        "tb" => 1_000_000_000_000,
        "k" | "kib" => 1 << 10,
        "m" | "mib" => 1 << 20,
        "g" | "gib" => 1 << 30,
        "t" | "tib" => 1 << 40,
        _ => {
            return Err(format!(
                "`{}`: a size such as 500MB, 1GiB or 1048576",
                escape(s)
            ))
        }
    };
    let n: f64 = num
        .parse()
        .map_err(|_| format!("`{}`: a size such as 500MB, 1GiB or 1048576", escape(s)))?;
    let bytes = n * mult as f64;
    if !(bytes.is_finite() && bytes >= 1.0 && bytes <= u64::MAX as f64) {
        return Err(format!("`{}`: a size from 1 byte", escape(s)));
    }
    Ok(bytes as u64)
}

/// `1234567` → `1.2 MB`, for messages.
fn human_bytes(b: f64) -> String {
    let units = ["bytes", "kB", "MB", "GB", "TB", "PB"];
    let mut v = b;
    let mut i = 0;
    while v >= 1000.0 && i + 1 < units.len() {
        v /= 1000.0;
        i += 1;
    }
    if i == 0 {
        format!("{v:.0} {}", units[0])
    } else {
        format!("{v:.1} {}", units[i])
    }
}

/// Prints to stdout; a closed pipe ends the program quietly (exit 0), any
/// other failure is an I/O error (exit 1).
fn say(text: &str) -> Result<(), ExitCode> {
    match output::out(text) {
        Ok(()) => Ok(()),
        Err(OutError::Closed) => Err(ExitCode::SUCCESS),
        Err(OutError::Failed(e)) => {
            output::errln(&format!("breakwater: cannot write to stdout: {e}"));
            Err(ExitCode::from(1))
        }
    }
}

/// Loads a scenario (or one side of it) and applies the `--set` overrides.
fn load(spec: &str, sets: &[String], variant: Option<Side>) -> Result<Scenario, ExitCode> {
    let mut s = load_raw(spec)?;
    if let Some(side) = variant {
        if s.variants.is_none() {
            output::errln(&format!(
                "breakwater: --variant {}: {} declares no [variants]",
                side.letter(),
                escape(spec)
            ));
            return Err(ExitCode::from(2));
        }
    }
    if s.variants.is_some() {
        s = s.side(variant.unwrap_or(Side::A));
    }
    scenario::overrides::apply_sets(&mut s, "--set", sets).map_err(|m| {
        output::errln(&format!("breakwater: {m}"));
        ExitCode::from(2)
    })?;
    Ok(s)
}

fn load_raw(spec: &str) -> Result<Scenario, ExitCode> {
    scenario::load(spec).map_err(|e| {
        output::errln(&e.to_string());
        ExitCode::from(2)
    })
}

/// Checks that `path` can be written before a run starts, so a typo in an
/// output path is not discovered after the work is done. Leaves no file
/// behind if there was none.
fn check_writable(flag: &str, path: &str) -> Result<(), ExitCode> {
    let p = std::path::Path::new(path);
    let existed = p.symlink_metadata().is_ok();
    match std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(p)
    {
        Ok(_) => {
            if !existed {
                let _ = std::fs::remove_file(p);
            }
            Ok(())
        }
        Err(e) => {
            output::errln(&format!(
                "breakwater: {flag} {}: cannot write: {e}",
                escape(path)
            ));
            Err(ExitCode::from(1))
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout, errors to stderr; neither may
            // panic on a closed pipe.
            let _ = e.print();
            return ExitCode::from(e.exit_code().clamp(0, 255) as u8);
        }
    };
    let result = match cli.command {
        Some(Command::List) => list(),
        Some(Command::Check { scenario, set }) => check(&scenario, &set),
        Some(Command::Plot(args)) => plot_cmd::plot(args),
        Some(Command::Compare {
            a,
            b,
            set,
            set_a,
            set_b,
            json,
            no_tui,
            seed,
            duration,
        }) => compare(
            &a,
            b.as_deref(),
            [&set, &set_a, &set_b],
            !(json || no_tui) && std::io::stdout().is_terminal(),
            json,
            seed,
            duration,
        ),
        Some(Command::Run {
            scenario,
            json,
            seed,
            duration,
            timeseries,
            timeseries_max,
            set,
            variant,
        }) => run(
            (&scenario, &set, variant),
            json,
            seed,
            duration,
            timeseries.as_deref(),
            timeseries_max.unwrap_or(DEFAULT_TIMESERIES_MAX),
        ),
        None => {
            let spec = cli.scenario.unwrap_or_else(|| "seed-lesson".to_string());
            let raw = match load_raw(&spec) {
                Ok(s) => s,
                Err(code) => return code,
            };
            if raw.variants.is_some() && cli.dash.variant.is_none() {
                // A scenario that declares variants opens as a comparison.
                let mut cmp = Comparison::of_variants(&raw);
                match cmp.apply_sets(&cli.dash.set, &[], &[]) {
                    Ok(()) => compare_dashboard(cmp, cli.dash),
                    Err(m) => {
                        output::errln(&format!("breakwater: {m}"));
                        Err(ExitCode::from(2))
                    }
                }
            } else {
                load(&spec, &cli.dash.set, cli.dash.variant).and_then(|s| dashboard(s, cli.dash))
            }
        }
    };
    result.unwrap_or_else(|code| code)
}

fn list() -> Result<ExitCode, ExitCode> {
    let mut text = String::new();
    for (name, body) in builtin::BUILTINS {
        match scenario::parse_scenario(name, body.as_bytes()) {
            Ok(s) => text.push_str(&format!("{name:<20} {}\n", escape(&s.description))),
            Err(e) => text.push_str(&format!("{name:<20} (broken: {e})\n")),
        }
    }
    say(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn check(spec: &str, sets: &[String]) -> Result<ExitCode, ExitCode> {
    let s = load(spec, sets, None)?;
    say(&format!(
        "{}: ok — \"{}\", {} service(s), {} timeline change(s), {}\n",
        escape(spec),
        escape(&s.name),
        s.world.services.len(),
        s.timeline.len(),
        s.duration
    ))?;
    Ok(ExitCode::SUCCESS)
}

fn run(
    (spec, sets, variant): (&str, &[String], Option<Side>),
    as_json: bool,
    seed: Option<u64>,
    duration: Option<Dur>,
    timeseries: Option<&str>,
    timeseries_max: u64,
) -> Result<ExitCode, ExitCode> {
    let mut s = load(spec, sets, variant)?;
    if let Some(d) = duration {
        let e = breakwater::sim::estimate::estimate(&s.world, &s.timeline, d);
        if let Some(message) = e.excess() {
            output::errln(&format!("breakwater: --duration {d}: {message}"));
            return Err(ExitCode::from(2));
        }
        s.duration = d;
    }
    if timeseries.is_some() {
        check_timeseries_size(&s, timeseries_max)?;
    }
    run_headless(&s, as_json, seed, timeseries)
}

/// Refuses (exit 2, before running) a `--timeseries` file larger than
/// `max`: rows = ticks × services, each at least ~80 bytes plus the name.
fn check_timeseries_size(s: &Scenario, max: u64) -> Result<(), ExitCode> {
    let ticks = s.duration.0.div_ceil(s.tick.0.max(1)) as f64;
    let bytes: f64 = s
        .world
        .services
        .iter()
        .map(|x| ticks * (MIN_CSV_ROW_BYTES + x.name.len() as u64) as f64)
        .sum();
    if bytes > max as f64 {
        output::errln(&format!(
            "breakwater: --timeseries: this run would write {:.0} rows ({:.0} ticks of {} × {} services), at least {}; \
             the limit is {} ({max} bytes). Raise it with --timeseries-max, or use a longer tick or a shorter --duration",
            ticks * s.world.services.len() as f64,
            ticks,
            s.tick,
            s.world.services.len(),
            human_bytes(bytes),
            human_bytes(max as f64),
        ));
        return Err(ExitCode::from(2));
    }
    Ok(())
}

/// The live dashboard; on quit, the run's summary table once the terminal is
/// restored.
fn dashboard(s: Scenario, args: DashArgs) -> Result<ExitCode, ExitCode> {
    if let Some(path) = &args.record {
        check_writable("--record", path)?;
    }
    if !std::io::stdout().is_terminal() {
        let spec = s.origin.strip_prefix("builtin:").unwrap_or(&s.origin);
        output::errln(&format!(
            "breakwater: the dashboard needs a terminal, and stdout is not one.\n\
             For a headless run that prints the summary: breakwater run {}",
            escape(spec)
        ));
        return Err(ExitCode::from(2));
    }
    let seed = args.seed.unwrap_or(s.seed);
    let names = [s.name.clone()];
    let app = App::new(s, seed);
    live(app, args, &names)
}

/// Runs a dashboard until it ends; then one summary table per side (named
/// by `names`), the shell's messages, and the exit status: 128 + n for
/// signal n, 1 for a lost terminal or a recording that could not be saved.
pub(crate) fn live(mut app: App, args: DashArgs, names: &[String]) -> Result<ExitCode, ExitCode> {
    app.set_speed(args.speed);
    if let Some(path) = args.record {
        app.start_recording(path);
    }
    let theme = Theme::choose(args.no_color, args.light);
    let started = Instant::now();
    let ended = match tui::run(&mut app, &theme) {
        Ok(ended) => ended,
        Err(e) => {
            output::errln(&format!("breakwater: terminal error: {e}"));
            return Err(ExitCode::from(1));
        }
    };
    let wall = started.elapsed().as_secs_f64();
    for (side, name) in app.sides().iter().zip(names) {
        let summary = Summary::of(&side.sim, name, wall);
        // The terminal may be gone (hang-up): the summary is then lost, not an error.
        let _ = output::out(&table::to_table(&summary));
    }
    for m in &ended.messages {
        output::errln(&format!("breakwater: {}", escape(m)));
    }
    let code = match ended.by {
        EndedBy::Signal(n) => 128 + n as u8,
        EndedBy::TerminalLost(why) => {
            output::errln(&format!("breakwater: the terminal was lost ({why})"));
            1
        }
        EndedBy::Quit if ended.save_failed => 1,
        EndedBy::Quit => 0,
    };
    Ok(ExitCode::from(code))
}

fn run_headless(
    s: &Scenario,
    as_json: bool,
    seed: Option<u64>,
    timeseries: Option<&str>,
) -> Result<ExitCode, ExitCode> {
    let started = Instant::now();
    let mut sim = Simulation::with_seed(s, seed.unwrap_or(s.seed));
    sim.measure_ticks(timeseries.is_some());
    let names: Vec<String> = s.world.services.iter().map(|x| x.name.clone()).collect();
    let mut writer = match timeseries {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => {
                let mut w = std::io::BufWriter::new(f);
                if let Err(e) = csv::write_header(&mut w) {
                    output::errln(&format!("breakwater: cannot write {}: {e}", escape(path)));
                    return Err(ExitCode::from(1));
                }
                Some((path, w))
            }
            Err(e) => {
                output::errln(&format!(
                    "breakwater: --timeseries {}: cannot create: {e}",
                    escape(path)
                ));
                return Err(ExitCode::from(1));
            }
        },
        None => None,
    };
    let progress = std::io::stderr().is_terminal();
    let mut last_progress = Instant::now();
    let end = sim.end();
    let mut io_error = None;
    sim.run(&mut |tick| {
        if let Some((_, w)) = &mut writer {
            if io_error.is_none() {
                if let Err(e) = csv::write_tick(w, tick, &names) {
                    io_error = Some(e);
                }
            }
        }
        if progress && last_progress.elapsed().as_millis() >= 200 {
            last_progress = Instant::now();
            output::err(&format!(
                "\r{:5.1}% of {} simulated",
                tick.t as f64 * 100.0 / end as f64,
                Dur(end)
            ));
        }
    });
    if progress && started.elapsed().as_millis() >= 200 {
        output::err(&format!("\r{:60}\r", ""));
    }
    if let Some((path, mut w)) = writer {
        if let Some(e) = io_error.or_else(|| w.flush().err()) {
            output::errln(&format!("breakwater: cannot write {}: {e}", escape(path)));
            return Err(ExitCode::from(1));
        }
    }
    if let Some(stop) = sim.limit_crossed() {
        let spec = s.origin.strip_prefix("builtin:").unwrap_or(&s.origin);
        output::errln(&format!(
            "breakwater: {}: stopped at {} of simulated time: {}",
            escape(spec),
            breakwater::base::time::clock(stop.at),
            stop.message
        ));
        return Err(ExitCode::from(2));
    }
    let summary = Summary::of(&sim, &s.name, started.elapsed().as_secs_f64());
    let out = if as_json {
        match serde_json::to_string_pretty(&json::to_json(&summary)) {
            Ok(text) => format!("{text}\n"),
            Err(e) => {
                output::errln(&format!("breakwater: cannot write JSON: {e}"));
                return Err(ExitCode::from(1));
            }
        }
    } else {
        table::to_table(&summary)
    };
    say(&out)?;
    Ok(ExitCode::SUCCESS)
}
