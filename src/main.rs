//! The `breakwater` command: the dashboard, headless runs, checks and the
//! list of built-in scenarios. A thin shell over the library.

use breakwater::base::time::{parse_duration, Dur};
use breakwater::report::{csv, json, table, Summary};
use breakwater::scenario::{self, builtin, Scenario};
use breakwater::sim::Simulation;
use breakwater::tui::{self, app::App, theme::Theme};
use clap::{Parser, Subcommand};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::Instant;

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
    /// Use the seed instead of the scenario's.
    #[arg(long)]
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
}

#[derive(Subcommand)]
enum Command {
    /// Run a scenario headless and print its summary.
    Run {
        scenario: String,
        /// One JSON object instead of the table.
        #[arg(long)]
        json: bool,
        /// Use this seed instead of the scenario's.
        #[arg(long)]
        seed: Option<u64>,
        /// Simulate this long instead of the scenario's duration (e.g. "10m").
        #[arg(long, value_parser = parse_dur_arg)]
        duration: Option<Dur>,
        /// Write one CSV row per tick per service to FILE.
        #[arg(long, value_name = "FILE.csv")]
        timeseries: Option<String>,
    },
    /// Validate a scenario without running it.
    Check { scenario: String },
    /// List the built-in scenarios.
    List,
}

fn parse_dur_arg(s: &str) -> Result<Dur, String> {
    let d = parse_duration(s)?;
    if d.0 == 0 || d > Dur::from_secs(7 * 86_400) {
        return Err("the duration must be above 0 and at most 7d".into());
    }
    Ok(d)
}

fn load(spec: &str) -> Result<Scenario, ExitCode> {
    scenario::load(spec).map_err(|e| {
        eprintln!("{e}");
        ExitCode::from(2)
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::List) => {
            for (name, text) in builtin::BUILTINS {
                match scenario::parse_scenario(name, text.as_bytes()) {
                    Ok(s) => println!("{name:<20} {}", s.description),
                    Err(e) => println!("{name:<20} (broken: {e})"),
                }
            }
            ExitCode::SUCCESS
        }
        Some(Command::Check { scenario }) => match load(&scenario) {
            Ok(s) => {
                println!(
                    "{}: ok — \"{}\", {} service(s), {} timeline change(s), {}",
                    scenario,
                    s.name,
                    s.world.services.len(),
                    s.timeline.len(),
                    s.duration
                );
                ExitCode::SUCCESS
            }
            Err(code) => code,
        },
        Some(Command::Run {
            scenario,
            json,
            seed,
            duration,
            timeseries,
        }) => {
            let mut s = match load(&scenario) {
                Ok(s) => s,
                Err(code) => return code,
            };
            if let Some(d) = duration {
                let expected = s.world.expected_calls(d);
                let max = breakwater::sim::limits::MAX_EXPECTED_CALLS;
                if expected > max {
                    eprintln!("breakwater: --duration {d}: about {expected:.0} calls expected; at most {max:.0} per run");
                    return ExitCode::from(2);
                }
                s.duration = d;
            }
            run_headless(&s, json, seed, timeseries.as_deref())
        }
        None => {
            let spec = cli.scenario.unwrap_or_else(|| "seed-lesson".to_string());
            let s = match load(&spec) {
                Ok(s) => s,
                Err(code) => return code,
            };
            dashboard(s, cli.dash)
        }
    }
}

/// The live dashboard; on quit, the run's summary table once the terminal is
/// restored.
fn dashboard(s: Scenario, args: DashArgs) -> ExitCode {
    if !std::io::stdout().is_terminal() {
        let spec = s.origin.strip_prefix("builtin:").unwrap_or(&s.origin);
        eprintln!(
            "breakwater: the dashboard needs a terminal, and stdout is not one.\n\
             For a headless run that prints the summary: breakwater run {spec}"
        );
        return ExitCode::from(2);
    }
    let seed = args.seed.unwrap_or(s.seed);
    let name = s.name.clone();
    let mut app = App::new(s, seed);
    app.set_speed(args.speed);
    if let Some(path) = args.record {
        app.start_recording(path);
    }
    let theme = Theme::choose(args.no_color, args.light);
    let started = Instant::now();
    let messages = match tui::run(&mut app, &theme) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("breakwater: terminal error: {e}");
            return ExitCode::from(1);
        }
    };
    let summary = Summary::of(app.sim(), &name, started.elapsed().as_secs_f64());
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(table::to_table(&summary).as_bytes())
        .is_err()
    {
        return ExitCode::from(1);
    }
    for m in &messages {
        eprintln!("breakwater: {m}");
    }
    ExitCode::SUCCESS
}

fn run_headless(
    s: &Scenario,
    as_json: bool,
    seed: Option<u64>,
    timeseries: Option<&str>,
) -> ExitCode {
    let started = Instant::now();
    let mut sim = Simulation::with_seed(s, seed.unwrap_or(s.seed));
    let names: Vec<String> = s.world.services.iter().map(|x| x.name.clone()).collect();
    let mut writer = match timeseries {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => {
                let mut w = std::io::BufWriter::new(f);
                if let Err(e) = csv::write_header(&mut w) {
                    eprintln!("breakwater: cannot write {path}: {e}");
                    return ExitCode::from(1);
                }
                Some((path, w))
            }
            Err(e) => {
                eprintln!("breakwater: cannot create {path}: {e}");
                return ExitCode::from(1);
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
            eprint!(
                "\r{:5.1}% of {} simulated",
                tick.t as f64 * 100.0 / end as f64,
                Dur(end)
            );
        }
    });
    if progress && started.elapsed().as_millis() >= 200 {
        eprint!("\r{:60}\r", "");
    }
    if let Some((path, mut w)) = writer {
        if let Some(e) = io_error.or_else(|| w.flush().err()) {
            eprintln!("breakwater: cannot write {path}: {e}");
            return ExitCode::from(1);
        }
    }
    let summary = Summary::of(&sim, &s.name, started.elapsed().as_secs_f64());
    let out = if as_json {
        format!(
            "{}\n",
            serde_json::to_string_pretty(&json::to_json(&summary)).expect("json")
        )
    } else {
        table::to_table(&summary)
    };
    let mut stdout = std::io::stdout().lock();
    if stdout.write_all(out.as_bytes()).is_err() {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
