//! `breakwater run`: a scenario headless to its end, then its summary as a
//! table or JSON; optionally a CSV row per tick per service.

use super::failure::{Failure, Outcome};
use super::flags::{Duration, Quiet, Seed, Sets, Variant};
use super::observe::{cannot_write, MetricsFlags};
use super::progress::{Progress, Work};
use super::serve;
use super::shell::{clean_up_on_signals, json_text, load, refused, say, spec_name, stopped_by};
use super::values::{human_bytes, parse_size};
use breakwater::output::file::OutFile;
use breakwater::report::openmetrics::{run_in_steps, Stepper};
use breakwater::report::{csv, json, table, Summary};
use breakwater::scenario::Scenario;
use breakwater::sim::Simulation;
use breakwater::t;
use std::time::Instant;

/// The default bound on a `--timeseries` file.
const DEFAULT_TIMESERIES_MAX: u64 = 1 << 30;

/// The fewest bytes a CSV row takes besides the service name (all counts 0):
/// the estimate of a file's size errs low, so no run that fits is refused.
const MIN_CSV_ROW_BYTES: u64 = 80;

#[derive(clap::Args)]
pub struct RunArgs {
    scenario: String,
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    seed: Seed,
    #[command(flatten)]
    duration: Duration,
    #[arg(long, value_name = "FILE.csv")]
    timeseries: Option<String>,
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    timeseries_max: Option<u64>,
    #[command(flatten)]
    sets: Sets,
    #[command(flatten)]
    variant: Variant,
    #[command(flatten)]
    quiet: Quiet,
    #[command(flatten)]
    metrics: MetricsFlags,
    #[arg(long)]
    serve: bool,
    #[arg(long, value_name = "ADDR", requires = "serve")]
    metrics_addr: Option<String>,
    #[arg(long, value_parser = super::values::parse_speed, requires = "serve")]
    speed: Option<f64>,
}

pub fn run(a: RunArgs) -> Outcome {
    let mut s = load(&a.scenario, &a.sets.set, a.variant.variant)?;
    a.duration.fit(&mut s).map_err(Failure::bad)?;
    if a.timeseries.is_some() {
        check_timeseries_size(&s, a.timeseries_max.unwrap_or(DEFAULT_TIMESERIES_MAX))?;
    }
    headless(&s, &a)
}

/// Refuses (exit 2, before running) a `--timeseries` file larger than
/// `max`: rows = ticks × services, each at least ~80 bytes plus the name.
fn check_timeseries_size(s: &Scenario, max: u64) -> Outcome {
    let ticks = s.duration.0.div_ceil(s.tick.0.max(1)) as f64;
    let bytes: f64 = s
        .world
        .services
        .iter()
        .map(|x| ticks * (MIN_CSV_ROW_BYTES + x.name.len() as u64) as f64)
        .sum();
    if bytes > max as f64 {
        return Err(Failure::bad(t!(
            "timeseries-too-big",
            rows = breakwater::i18n::grouped((ticks * s.world.services.len() as f64) as u64),
            ticks = breakwater::i18n::grouped(ticks as u64),
            tick = s.tick.to_string(),
            services = s.world.services.len(),
            size = human_bytes(bytes),
            max = human_bytes(max as f64),
            bytes = breakwater::i18n::grouped(max)
        )));
    }
    Ok(())
}

fn headless(s: &Scenario, a: &RunArgs) -> Outcome {
    let observers = a.metrics.observers(&[s])?;
    let started = Instant::now();
    let mut sim = Simulation::with_seed(s, a.seed.seed.unwrap_or(s.seed));
    let mut watching = observers
        .any()
        .then(|| observers.start(&mut sim, s.name.en(), None));
    let timeseries = a.timeseries.as_deref();
    sim.measure_ticks(timeseries.is_some());
    let names: Vec<String> = s.world.services.iter().map(|x| x.name.clone()).collect();
    let counters = sim.counters_in_use();
    let mut writer = match timeseries {
        Some(path) => {
            // Ctrl-C mid-run leaves no hidden temporary beside the file.
            clean_up_on_signals();
            let f = OutFile::create(path).map_err(|e| refused("--timeseries", path, &e))?;
            let mut w = std::io::BufWriter::new(f);
            csv::write_header(&mut w, &counters).map_err(|e| cannot_write(path, &e))?;
            Some((path, w))
        }
        None => None,
    };
    // `--serve`: the address is had before the run, or the run goes on at
    // full speed and says why at the end.
    let served = a.serve.then(|| {
        let addr = a.metrics_addr.as_deref().unwrap_or(serve::DEFAULT_ADDR);
        serve::bind(addr).inspect(serve::announce)
    });
    if a.serve {
        sim.measure_buckets(true);
    }
    let progress = Progress::asked(Work::Simulated { of: s.duration }, sim.end(), a.quiet);
    let mut io_error = None;
    let mut on_tick = |tick: &breakwater::sim::metrics::Tick| {
        if let Some((_, w)) = &mut writer {
            if io_error.is_none() {
                if let Err(e) = csv::write_tick(w, tick, &names, &counters) {
                    io_error = Some(e);
                }
            }
        }
        progress.set(tick.t);
    };
    let mut serve_failed = None;
    let watched = watching.is_some();
    {
        let mut look = |sim: &mut Simulation| {
            if let Some(w) = &mut watching {
                w.at_step(sim)
            }
        };
        let mut stepper = Stepper::new(observers.step);
        match served {
            Some(Ok(listener)) => {
                let speed = a.speed.unwrap_or(1.0);
                let paced = serve::paced(
                    &mut sim,
                    speed,
                    listener,
                    &mut stepper,
                    &mut on_tick,
                    &mut look,
                );
                if let Err(e) = paced {
                    serve_failed = Some(Failure::io(t!("terminal-error", reason = e.to_string())));
                }
            }
            other => {
                serve_failed = other.and_then(|r| r.err());
                if watched {
                    run_in_steps(&mut sim, observers.step, &mut on_tick, &mut look);
                } else {
                    sim.run(&mut on_tick);
                }
            }
        }
    }
    if let Some(w) = &mut watching {
        w.at_end(&mut sim);
    }
    drop(progress);
    if let Some((path, w)) = writer {
        if let Some(e) = io_error {
            return Err(cannot_write(path, &e));
        }
        // Whole or not at all: the rows so far, renamed into place.
        let f = w.into_inner().map_err(|e| cannot_write(path, e.error()))?;
        f.commit().map_err(|e| cannot_write(path, &e))?;
    }
    // Written whole (or its failure kept) before the report, whose wall
    // time it is part of.
    let metrics_written = observers.finish(watching.into_iter().collect());
    stopped_by(spec_name(s), sim.limit_crossed())?;
    let summary = Summary::of(&sim, &s.name, started.elapsed().as_secs_f64());
    let out = if a.json {
        json_text(&json::to_json(&summary))?
    } else {
        table::to_table(&summary)
    };
    say(&out)?;
    metrics_written?;
    serve_failed.map_or(Ok(()), Err)
}
