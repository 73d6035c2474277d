//! The `breakwater` command: the dashboard, headless runs, checks and the
//! list of built-in scenarios. A thin shell over the library.
//!
//! Exit status: 0 fine (a closed output pipe included), 2 bad input (the
//! scenario, a flag or its value), 1 an internal or I/O error, 128 + n when
//! signal n ended the dashboard.

use breakwater::base::escape::escape;
use breakwater::base::time::Dur;
use breakwater::output::{self, OutError};
use breakwater::report::{csv, json, table, Summary};
use breakwater::scenario::variants::{Comparison, Side};
use breakwater::scenario::{self, builtin, Scenario};
use breakwater::sim::Simulation;
use breakwater::t;
use breakwater::tui::{self, app::App, theme::Theme, EndedBy};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

mod cli_text;
mod cli_values;
use cli_values::{
    human_bytes, parse_at, parse_calls, parse_dur_arg, parse_seed, parse_side, parse_size,
};
mod compare_cmd;
mod plot_cmd;
mod sweep_cmd;
mod trace_cmd;
use compare_cmd::{compare, compare_dashboard};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::Instant;
use trace_cmd::{trace, TraceArgs};

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
    /// The language of every text (read before parsing; see `cli_text`).
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<String>,
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
    /// Open paused at t = 0 (space starts; `n` runs to the next moment).
    #[arg(long)]
    paused: bool,
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
    /// Follow calls of a service from arrival to final answer: every layer,
    /// wait, attempt and decision on the way.
    Trace {
        scenario: String,
        /// The service whose calls to follow (optional when there is one).
        #[arg(long)]
        service: Option<String>,
        /// The first calls arriving at or after this time (e.g. "60s").
        #[arg(long, value_parser = parse_at)]
        at: Dur,
        /// How many calls to follow (1 … 1000).
        #[arg(long, default_value_t = 1, value_parser = parse_calls)]
        calls: u32,
        /// One JSON object instead of text.
        #[arg(long)]
        json: bool,
        /// A change at t = 0, before anything else (repeatable).
        #[arg(long = "set", value_name = "PATH=VALUE")]
        set: Vec<String>,
        /// Use this seed instead of the scenario's (0 … 9223372036854775807).
        #[arg(long, value_parser = parse_seed)]
        seed: Option<u64>,
        /// For a scenario that declares [variants]: trace side a or b.
        #[arg(long, value_name = "a|b", value_parser = parse_side)]
        variant: Option<Side>,
    },
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
    /// One run per cell of a grid of values (one or two varied paths), on
    /// all cores: a table, and a heat map or a line of one metric.
    Sweep(sweep_cmd::SweepArgs),
    /// Draw a run (or a comparison, in the forms compare takes) as one figure for a slide: SVG or PNG.
    Plot(plot_cmd::PlotArgs),
}

/// Prints to stdout; a closed pipe ends the program quietly (exit 0), any
/// other failure is an I/O error (exit 1).
fn say(text: &str) -> Result<(), ExitCode> {
    match output::out(text) {
        Ok(()) => Ok(()),
        Err(OutError::Closed) => Err(ExitCode::SUCCESS),
        Err(OutError::Failed(e)) => {
            output::errln(&format!(
                "breakwater: {}",
                t!("io-cannot-write-stdout", reason = e.to_string())
            ));
            Err(ExitCode::from(1))
        }
    }
}

/// Loads a scenario (or one side of it) and applies the `--set` overrides.
fn load(spec: &str, sets: &[String], variant: Option<Side>) -> Result<Scenario, ExitCode> {
    with_sets(load_raw(spec)?, spec, sets, variant)
}

/// A loaded scenario's side (for one that declares variants) with the
/// `--set` overrides applied.
fn with_sets(
    mut s: Scenario,
    spec: &str,
    sets: &[String],
    variant: Option<Side>,
) -> Result<Scenario, ExitCode> {
    if let Some(side) = variant {
        if s.variants.is_none() {
            output::errln(&format!(
                "breakwater: {}",
                t!(
                    "cli-no-variants",
                    side = side.letter().to_string(),
                    scenario = escape(spec)
                )
            ));
            return Err(ExitCode::from(2));
        }
    }
    if s.variants.is_some() {
        s = s.side(variant.unwrap_or(Side::A));
    }
    scenario::overrides::apply_sets(&mut s, "--set", sets).map_err(|m| {
        output::errln(&format!("breakwater: {}", m.said()));
        ExitCode::from(2)
    })?;
    Ok(s)
}

fn load_raw(spec: &str) -> Result<Scenario, ExitCode> {
    scenario::load(spec).map_err(|e| {
        output::errln(&e.say(breakwater::i18n::current()));
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
                "breakwater: {}",
                t!(
                    "io-cannot-write-flag",
                    flag = flag,
                    path = escape(path),
                    reason = e.to_string()
                )
            ));
            Err(ExitCode::from(1))
        }
    }
}

fn main() -> ExitCode {
    // The language first, so that `--help` and clap's errors speak it.
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let lang = match breakwater::i18n::from_args_and_env(&args, |k| std::env::var(k).ok()) {
        Ok(code) => code,
        Err(m) => {
            output::errln(&format!("breakwater: {m}"));
            return ExitCode::from(2);
        }
    };
    // The command renders in it (its threads carry it in themselves).
    let _lang = breakwater::i18n::Scope::enter(lang);
    let mut argv = vec!["breakwater".to_string()];
    argv.extend(cli_text::without_lang(&args));
    let parsed = cli_text::command(Cli::command())
        .try_get_matches_from(argv)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // Help and version go to stdout; a closed pipe is no error.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            output::errln(&cli_text::explain(&e));
            return ExitCode::from(2);
        }
    };
    let result = match cli.command {
        Some(Command::List) => list(),
        Some(Command::Check { scenario, set }) => check(&scenario, &set),
        Some(Command::Plot(args)) => plot_cmd::plot(args),
        Some(Command::Trace {
            scenario,
            service,
            at,
            calls,
            json,
            set,
            seed,
            variant,
        }) => trace(TraceArgs {
            spec: &scenario,
            sets: &set,
            variant,
            service: service.as_deref(),
            at,
            calls,
            json,
            seed,
        }),
        Some(Command::Sweep(args)) => sweep_cmd::sweep(args),
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
                        output::errln(&format!("breakwater: {}", m.said()));
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
            Ok(s) => {
                text.push_str(&format!("{name:<20} {}\n", escape(&s.description)));
                // A comparison: its two sides, as the README's table shows them.
                if let Some(v) = &s.variants {
                    let label = |x: &Option<breakwater::base::localised::Localised>, d: &str| {
                        escape(x.as_ref().map_or(d, |l| l.get())).into_owned()
                    };
                    text.push_str(&format!(
                        "{:<20} {}\n",
                        "",
                        t!(
                            "list-sides",
                            a = label(&v.a.label, "A"),
                            b = label(&v.b.label, "B")
                        )
                    ));
                }
            }
            Err(e) => text.push_str(&format!(
                "{name:<20} ({})\n",
                t!("list-broken", reason = e.say(breakwater::i18n::current()))
            )),
        }
    }
    say(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn check(spec: &str, sets: &[String]) -> Result<ExitCode, ExitCode> {
    let s = load(spec, sets, None)?;
    say(&format!(
        "{}: {}\n",
        escape(spec),
        t!(
            "check-ok",
            name = escape(&s.name),
            services = s.world.services.len(),
            changes = s.timeline.len(),
            duration = s.duration.to_string()
        )
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
            output::errln(&format!("breakwater: --duration {d}: {}", message.said()));
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
            "breakwater: {}",
            t!(
                "timeseries-too-big",
                rows = breakwater::i18n::grouped((ticks * s.world.services.len() as f64) as u64),
                ticks = breakwater::i18n::grouped(ticks as u64),
                tick = s.tick.to_string(),
                services = s.world.services.len(),
                size = human_bytes(bytes),
                max = human_bytes(max as f64),
                bytes = breakwater::i18n::grouped(max)
            )
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
            "breakwater: {}",
            t!(
                "needs-terminal",
                command = format!("breakwater run {}", escape(spec))
            )
        ));
        return Err(ExitCode::from(2));
    }
    let seed = args.seed.unwrap_or(s.seed);
    let names = [s.name.to_string()];
    let app = App::new(s, seed);
    live(app, args, &names)
}

/// Runs a dashboard until it ends; then one summary table per side (named
/// by `names`), the shell's messages, and the exit status: 128 + n for
/// signal n, 1 for a lost terminal or a recording that could not be saved.
pub(crate) fn live(mut app: App, args: DashArgs, names: &[String]) -> Result<ExitCode, ExitCode> {
    app.set_start_speed(args.speed);
    if args.paused {
        app.set_paused(true);
    }
    if let Some(path) = args.record {
        app.start_recording(path);
    }
    let theme = Theme::choose(args.no_color, args.light);
    let started = Instant::now();
    let ended = match tui::run(&mut app, &theme) {
        Ok(ended) => ended,
        Err(e) => {
            output::errln(&format!(
                "breakwater: {}",
                t!("terminal-error", reason = e.to_string())
            ));
            return Err(ExitCode::from(1));
        }
    };
    let wall = started.elapsed().as_secs_f64();
    // What follows speaks the dashboard's language at the end (`L` moved it).
    let _lang = breakwater::i18n::Scope::enter(app.lang());
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
            output::errln(&format!(
                "breakwater: {}",
                t!("terminal-lost", reason = why.to_string())
            ));
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
                    cannot_write(path, &e);
                    return Err(ExitCode::from(1));
                }
                Some((path, w))
            }
            Err(e) => {
                output::errln(&format!(
                    "breakwater: {}",
                    t!(
                        "io-cannot-create-flag",
                        flag = "--timeseries",
                        path = escape(path),
                        reason = e.to_string()
                    )
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
            let pct = breakwater::i18n::number(tick.t as f64 * 100.0 / end as f64, 1);
            output::err(&format!(
                "\r{}",
                t!(
                    "progress-simulated",
                    percent = format!("{pct:>5}"),
                    total = Dur(end).to_string()
                )
            ));
        }
    });
    if progress && started.elapsed().as_millis() >= 200 {
        output::err(&format!("\r{:60}\r", ""));
    }
    if let Some((path, mut w)) = writer {
        if let Some(e) = io_error.or_else(|| w.flush().err()) {
            cannot_write(path, &e);
            return Err(ExitCode::from(1));
        }
    }
    if let Some(stop) = sim.limit_crossed() {
        let spec = s.origin.strip_prefix("builtin:").unwrap_or(&s.origin);
        output::errln(&format!(
            "breakwater: {}: {}",
            escape(spec),
            t!(
                "stopped-at",
                at = breakwater::base::time::clock(stop.at),
                reason = stop.message.clone()
            )
        ));
        return Err(ExitCode::from(2));
    }
    let summary = Summary::of(&sim, &s.name, started.elapsed().as_secs_f64());
    let out = if as_json {
        json_text(&json::to_json(&summary))?
    } else {
        table::to_table(&summary)
    };
    say(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// An output file that failed part-way: its path and the system's reason.
fn cannot_write(path: &str, e: &std::io::Error) {
    output::errln(&format!(
        "breakwater: {}",
        t!(
            "io-cannot-write",
            path = escape(path),
            reason = e.to_string()
        )
    ));
}

/// A JSON value as printed (pretty, with a final newline), or exit 1 saying
/// why it could not be written.
pub(crate) fn json_text(v: &serde_json::Value) -> Result<String, ExitCode> {
    serde_json::to_string_pretty(v)
        .map(|t| format!("{t}\n"))
        .map_err(|e| {
            output::errln(&format!(
                "breakwater: {}",
                t!("io-cannot-write-json", reason = e.to_string())
            ));
            ExitCode::from(1)
        })
}
