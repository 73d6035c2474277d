//! `breakwater [SCENARIO]`: the live dashboard (a scenario that declares
//! variants opens split, as a comparison); on quit, the summary table once
//! the terminal is restored.

use super::compare::compare_dashboard;
use super::failure::{Failure, Outcome};
use super::flags::{Seed, Sets, Variant};
use super::shell::{check_writable, load, load_raw, spec_name};
use breakwater::base::escape::escape;
use breakwater::output;
use breakwater::report::{table, Summary};
use breakwater::scenario::variants::Comparison;
use breakwater::scenario::Scenario;
use breakwater::t;
use breakwater::tui::{self, app::App, theme::Theme, EndedBy};
use std::io::IsTerminal;
use std::time::Instant;

#[derive(clap::Args, Clone, Default)]
pub struct DashArgs {
    #[command(flatten)]
    pub seed: Seed,
    #[command(flatten)]
    pub options: DashOptions,
    #[command(flatten)]
    pub sets: Sets,
    #[command(flatten)]
    pub variant: Variant,
}

/// How the dashboard opens, declared once for every command that opens one
/// (the dashboard itself and `compare`).
#[derive(clap::Args, Clone)]
pub struct DashOptions {
    #[arg(long)]
    pub no_color: bool,
    #[arg(long)]
    pub light: bool,
    #[arg(long)]
    pub paused: bool,
    #[arg(long, default_value_t = 1.0, value_parser = super::values::parse_speed)]
    pub speed: f64,
    #[arg(long, value_name = "FILE")]
    pub record: Option<String>,
    /// Predict mode from the start (`a` toggles it).
    #[arg(long)]
    pub predict: bool,
    /// The class's predictions, one CSV row per question, written on quit
    /// (turns predict mode on).
    #[arg(long, value_name = "FILE.csv")]
    pub predictions: Option<String>,
    #[arg(long, value_name = "ADDR")]
    pub metrics_addr: Option<String>,
}

impl Default for DashOptions {
    /// As the command line's defaults: ×1, running, dark, no recording.
    fn default() -> Self {
        DashOptions {
            no_color: false,
            light: false,
            paused: false,
            speed: 1.0,
            record: None,
            predict: false,
            predictions: None,
            metrics_addr: None,
        }
    }
}

/// The dashboard on `spec` (default: seed-lesson).
pub fn open(spec: Option<String>, args: DashArgs) -> Outcome {
    let spec = spec.unwrap_or_else(|| "seed-lesson".to_string());
    let raw = load_raw(&spec)?;
    if raw.variants.is_some() && args.variant.variant.is_none() {
        // A scenario that declares variants opens as a comparison.
        let mut cmp = Comparison::of_variants(&raw);
        cmp.apply_sets(&args.sets.set, &[], &[])
            .map_err(Failure::bad)?;
        compare_dashboard(cmp, args.seed.seed, args.options)
    } else {
        let s = load(&spec, &args.sets.set, args.variant.variant)?;
        dashboard(s, args)
    }
}

/// Refuses early what the dashboard cannot do: an unwritable `--record`,
/// a stdout that is not a terminal (`command` is the headless one to use).
pub fn ready(args: &DashOptions, command: String) -> Outcome {
    if let Some(path) = &args.record {
        check_writable("--record", path)?;
    }
    if let Some(path) = &args.predictions {
        check_writable("--predictions", path)?;
    }
    if !std::io::stdout().is_terminal() {
        return Err(Failure::bad(t!("needs-terminal", command = command)));
    }
    Ok(())
}

fn dashboard(s: Scenario, args: DashArgs) -> Outcome {
    ready(
        &args.options,
        format!("breakwater run {}", escape(spec_name(&s))),
    )?;
    let seed = args.seed.seed.unwrap_or(s.seed);
    let names = [s.name.to_string()];
    let app = App::new(s, seed);
    live(app, args.options, &names)
}

/// Runs a dashboard until it ends; then one summary table per side (named
/// by `names`), the shell's messages, and the exit status: 128 + n for
/// signal n, 1 for a lost terminal or a recording that could not be saved.
pub fn live(mut app: App, args: DashOptions, names: &[String]) -> Outcome {
    app.set_start_speed(args.speed);
    if args.paused {
        app.set_paused(true);
    }
    if let Some(path) = args.record {
        app.start_recording(path);
    }
    app.set_predicting(args.predict || args.predictions.is_some());
    app.set_predictions_file(args.predictions);
    // `--metrics-addr`: the address is had before the dashboard opens.
    let scrapes = match &args.metrics_addr {
        Some(addr) => {
            let listener = super::serve::bind(addr)?;
            super::serve::announce(&listener);
            app.measure_buckets();
            Some(super::serve::in_thread(listener))
        }
        None => None,
    };
    let theme = Theme::choose(args.no_color, args.light);
    let started = Instant::now();
    let ended = tui::run(&mut app, &theme, scrapes)
        .map_err(|e| Failure::io(t!("terminal-error", reason = e.to_string())))?;
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
    match ended.by {
        EndedBy::Signal(n) => Err(Failure::silent(128 + n as u8)),
        EndedBy::TerminalLost(why) => {
            Err(Failure::io(t!("terminal-lost", reason = why.to_string())))
        }
        EndedBy::Quit if ended.save_failed => Err(Failure::silent(1)),
        EndedBy::Quit => Ok(()),
    }
}
