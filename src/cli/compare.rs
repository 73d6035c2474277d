//! `breakwater compare` and the split dashboard: two sides of a comparison,
//! headless (a table or JSON with A, B and Δ) or live.

use super::dashboard::{live, ready, DashOptions};
use super::failure::{Failure, Outcome};
use super::flags::{Duration, Quiet, Seed, Sets, SideSets};
use super::observe::MetricsFlags;
use super::progress::{Progress, Work};
use super::shell::{comparison, json_text, load_raw, say, stopped};
use breakwater::base::escape::escape;
use breakwater::report::compare::Compared;
use breakwater::report::openmetrics::run_in_steps;
use breakwater::report::{self, Summary};
use breakwater::scenario::variants::Comparison;
use breakwater::scenario::Scenario;
use breakwater::sim::Simulation;
use breakwater::t;
use breakwater::tui::app::App;
use std::io::IsTerminal;
use std::time::Instant;

#[derive(clap::Args)]
pub struct CompareArgs {
    a: String,
    b: Option<String>,
    #[command(flatten)]
    sets: Sets,
    #[command(flatten)]
    side_sets: SideSets,
    #[arg(long)]
    json: bool,
    #[arg(long)]
    no_tui: bool,
    #[command(flatten)]
    seed: Seed,
    #[command(flatten)]
    duration: Duration,
    #[command(flatten)]
    quiet: Quiet,
    #[command(flatten)]
    dash: DashOptions,
    #[command(flatten)]
    metrics: MetricsFlags,
}

/// `breakwater compare`: on a terminal the split dashboard; otherwise (or
/// with `--json` / `--no-tui`) both sides run headless to the end, then one
/// table (or JSON) with A, B and Δ.
pub fn compare(args: CompareArgs) -> Outcome {
    // A metrics file or a log asks for the headless comparison that writes it.
    let files = args.metrics.openmetrics.is_some() || args.metrics.log.is_some();
    let headless = args.json || args.no_tui || files;
    let on_terminal = !headless && std::io::stdout().is_terminal();
    let mut cmp = comparison(
        load_raw(&args.a)?,
        args.b.as_deref(),
        &args.sets.set,
        &args.side_sets,
        args.duration.duration.is_some(),
    )?;
    if let Some(seed) = args.seed.seed {
        cmp.set_seed(seed);
    }
    for s in [&mut cmp.a, &mut cmp.b] {
        args.duration.fit(s).map_err(Failure::bad)?;
    }
    if on_terminal {
        return compare_dashboard(cmp, args.seed.seed, args.dash);
    }
    // Live metrics are the split dashboard's: a headless comparison runs
    // at full speed, with nothing on screen to scrape.
    if let Some(addr) = &args.dash.metrics_addr {
        return Err(Failure::bad(t!(
            "compare-metrics-addr-headless",
            addr = escape(addr)
        )));
    }
    let observers = args.metrics.observers(&[&cmp.a, &cmp.b])?;
    // The sides are independent deterministic runs: one thread each, so a
    // comparison takes about the wall time of one run where two cores are free.
    let progress = Progress::asked(
        Work::Simulated {
            of: cmp.a.duration.max(cmp.b.duration),
        },
        cmp.a.duration.0 + cmp.b.duration.0,
        args.quiet,
    );
    let side = |s: &Scenario, letter: &str| {
        let started = Instant::now();
        let mut sim = Simulation::new(s);
        sim.measure_ticks(false);
        let mut watching = observers
            .any()
            .then(|| observers.start(&mut sim, s.name.en(), Some(letter)));
        let mut last = 0;
        let mut on_tick = |tick: &breakwater::sim::metrics::Tick| {
            progress.add(tick.t.saturating_sub(last));
            last = tick.t;
        };
        match &mut watching {
            Some(w) => {
                run_in_steps(&mut sim, observers.step, &mut on_tick, &mut |sim| {
                    w.at_step(sim)
                });
                w.at_end(&mut sim);
            }
            None => sim.run(&mut on_tick),
        }
        let summary = match sim.limit_crossed() {
            // As it always said: the scenario's origin, `builtin:` included.
            Some(stop) => Err(stopped(&s.origin, stop.at, &stop.message.said())),
            None => Ok(Summary::of(&sim, &s.name, started.elapsed().as_secs_f64())),
        };
        (summary, watching)
    };
    let ((a, sampling_a), b) = std::thread::scope(|scope| {
        let lang = breakwater::i18n::current();
        let b = scope.spawn(|| breakwater::i18n::scoped(lang, || side(&cmp.b, "b")));
        let a = side(&cmp.a, "a");
        (a, b.join())
    });
    drop(progress);
    let (b, sampling_b) = b.map_err(|_| Failure::io(t!("compare-side-b-panicked")))?;
    let metrics_written = observers.finish(sampling_a.into_iter().chain(sampling_b).collect());
    let summaries = [a?, b?];
    // JSON's labels are English, as every machine output; the table's follow
    // the reader.
    let (label_a, label_b) = if args.json {
        (cmp.label_a.en(), cmp.label_b.en())
    } else {
        (cmp.label_a.get(), cmp.label_b.get())
    };
    let compared = Compared {
        a: &summaries[0],
        b: &summaries[1],
        label_a,
        label_b,
    };
    let out = if args.json {
        json_text(&report::compare::to_json(&compared))?
    } else {
        report::compare::to_table(&compared)
    };
    say(&out)?;
    metrics_written
}

/// The split dashboard on a comparison: as `dashboard`, with one summary
/// per side on quit. A recording is written as one file per side
/// (`FILE-a.toml`, `FILE-b.toml`), replayed by `breakwater compare A B`.
pub fn compare_dashboard(mut cmp: Comparison, seed: Option<u64>, args: DashOptions) -> Outcome {
    let spec = cmp
        .a
        .origin
        .strip_prefix("builtin:")
        .unwrap_or(&cmp.a.origin);
    let command = format!("breakwater compare {} --no-tui", escape(spec));
    ready(&args, command)?;
    if let Some(seed) = seed {
        cmp.set_seed(seed);
    }
    let names = [
        format!("{} · A: {}", cmp.a.name, cmp.label_a),
        format!("{} · B: {}", cmp.b.name, cmp.label_b),
    ];
    live(App::compare(cmp), args, &names)
}
