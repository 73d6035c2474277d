//! `breakwater sweep`: the cells run on a rayon pool (each an independent
//! deterministic run), their progress on stderr (`progress.rs`: a bar on
//! a terminal, a line every 10 s elsewhere), each finished row written and flushed at once (so Ctrl-C keeps
//! them, and `--resume` runs only the rest), then the table and the heat
//! map or line. Everything the command line says is checked before the
//! first cell starts.

use super::failure::{Failure, Outcome};
use super::flags::{Duration, Quiet, Seed, Sets, Variant};
use super::memory as cli_memory;
use super::progress::{Progress, Work};
use super::shell::{check_writable, json_text, load_raw, say, with_sets};
use super::values::{human_bytes, MAX_SEED};
use breakwater::base::escape::escape;
use breakwater::plot::{self, Format};
use breakwater::report::metrics::Metric;
use breakwater::scenario::variants::Side;
use breakwater::scenario::Scenario;
use breakwater::sweep::axis::parse_vary;
use breakwater::sweep::cell::{run_cell, CellResult, Measure};
use breakwater::sweep::grid::{parse_shard, shard_cells, Grid, MAX_CELLS};
use breakwater::sweep::{chart, csv, figure, memory, table, text, Sweep};
use breakwater::t;
use rayon::prelude::*;
use std::io::{IsTerminal, Read, Seek, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// The largest `--resume` file read (a full 10,000-cell sweep is ~3 MB).
const MAX_RESUME_BYTES: u64 = 64 << 20;

#[derive(clap::Args)]
pub struct SweepArgs {
    scenario: String,
    #[arg(long = "vary", value_name = "PATH=LIST|FROM..TO:STEP", required = true)]
    vary: Vec<String>,
    #[arg(long, default_value = "goodput",
          value_parser = clap::builder::PossibleValuesParser::new(Metric::NAMED.map(Metric::name)))]
    metric: String,
    #[arg(long, value_name = "NAME|all")]
    service: Option<String>,
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..=1000))]
    seeds: u64,
    #[command(flatten)]
    seed: Seed,
    #[command(flatten)]
    sets: Sets,
    #[command(flatten)]
    variant: Variant,
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..=1024))]
    jobs: Option<u64>,
    #[command(flatten)]
    duration: Duration,
    #[arg(long)]
    json: bool,
    #[arg(long, value_name = "FILE.csv")]
    csv: Option<String>,
    #[arg(long, value_name = "FILE.csv")]
    resume: Option<String>,
    #[arg(long, value_name = "I/N", value_parser = parse_shard)]
    shard: Option<(usize, usize)>,
    #[arg(long)]
    no_color: bool,
    #[arg(short = 'o', long = "output", value_name = "FILE.svg|FILE.png")]
    output: Vec<String>,
    #[arg(long, value_name = "WxH", value_parser = plot::parse_size)]
    size: Option<(u32, u32)>,
    #[command(flatten)]
    quiet: Quiet,
}

/// Checks everything, runs the missing cells, shows the sweep.
pub fn sweep(a: SweepArgs) -> Outcome {
    let mut figures = Vec::new();
    for path in &a.output {
        match Format::of_path(path) {
            Some(f) => figures.push((path.clone(), f)),
            None => return Err(Failure::bad(plot::text::bad_extension(&escape(path)))),
        }
    }
    let axes = a
        .vary
        .iter()
        .map(|v| {
            parse_vary(v, MAX_CELLS).map_err(|m| Failure::bad(format!("--vary {}: {m}", escape(v))))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let grid = Grid::new(axes).map_err(Failure::bad)?;
    if a.resume.is_some() && a.csv.is_some() {
        return Err(Failure::bad(text::resume_and_csv()));
    }
    let raw = load_raw(&a.scenario)?;
    let variant = raw
        .variants
        .is_some()
        .then(|| a.variant.variant.unwrap_or(Side::A).letter());
    let mut base = with_sets(raw, &a.scenario, &a.sets.set, a.variant.variant)?;
    base.source.clear();
    let service = match a.service.as_deref() {
        None | Some("all") => None,
        Some(name) => Some(base.world.service_index(name).ok_or_else(|| {
            let valid: Vec<String> = base.world.services.iter().map(|s| s.name.clone()).collect();
            Failure::bad(text::unknown_service(name, &valid))
        })?),
    };
    let duration = a.duration;
    let sized = |mut s: Scenario| -> Result<Scenario, String> {
        duration.fit(&mut s)?;
        Ok(s)
    };
    grid.validate(&base, &a.sets.set, &|s| sized(s.clone()).map(|_| ()))
        .map_err(Failure::bad)?;
    let seed = a.seed.seed.unwrap_or(base.seed);
    if seed as u128 + a.seeds as u128 - 1 > MAX_SEED as u128 {
        return Err(Failure::bad(text::seeds_past_max(seed, a.seeds, MAX_SEED)));
    }
    let metric = Metric::by_name(&a.metric).expect("clap checked the name");
    let sw = Sweep {
        spec: a.scenario.clone(),
        name: base.name.clone(),
        variant,
        fixed: a.sets.set.clone(),
        grid,
        measure: Measure { metric, service },
        service: a.service.clone().unwrap_or_else(|| "all".into()),
        seed,
        seed_given: a.seed.seed.is_some(),
        seeds: a.seeds,
        duration: duration.duration,
    };
    for (path, _) in &figures {
        check_writable("-o", path)?;
    }
    let csv_path = a.resume.as_deref().or(a.csv.as_deref());
    let (mut file, resumed) = match csv_path {
        Some(path) => open_csv(&sw, path, a.resume.is_some())?,
        None => (None, Vec::new()),
    };
    let mut results: Vec<Option<CellResult>> = (0..sw.grid.len()).map(|_| None).collect();
    for r in resumed {
        let i = r.index;
        results[i] = Some(r);
    }
    let mine = shard_cells(sw.grid.len(), a.shard);
    let todo: Vec<usize> = mine
        .iter()
        .copied()
        .filter(|&i| results[i].is_none())
        .collect();
    let jobs = a.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, |n| n.get()),
        |j| j as usize,
    );
    // The largest cell's memory, estimated; as many at once as fit.
    let per_cell = todo
        .iter()
        .filter_map(|&i| sw.grid.scenario(&base, i).and_then(sized).ok())
        .map(|s| memory::cell_bytes(&s))
        .fold(0.0, f64::max);
    let jobs = fit_memory(jobs, todo.len(), per_cell)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| {
            Failure::io(t!(
                "sweep-cannot-start-threads",
                jobs = jobs,
                reason = e.to_string()
            ))
        })?;
    let (stop, signal) = stop_on_signals();
    let progress = Progress::asked(Work::Cells, todo.len() as u64, a.quiet);
    let started = Instant::now();
    let mut write_error = None;
    let mut finished = 0;
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::channel::<CellResult>();
        let (sw, base, stop, todo, sized) = (&sw, &base, &stop, &todo, &sized);
        let seeds = (sw.seed, sw.seeds);
        let lang = breakwater::i18n::current();
        scope.spawn(move || {
            pool.install(|| {
                todo.par_iter().for_each_with(tx, |tx, &i| {
                    let _lang = breakwater::i18n::Scope::enter(lang);
                    if stop.load(Ordering::Relaxed) {
                        return;
                    }
                    // Every cell was built once already in `validate`.
                    let Ok(s) = sw.grid.scenario(base, i).and_then(sized) else {
                        return;
                    };
                    if let Some(r) = run_cell(&s, i, seeds, sw.measure, stop) {
                        let _ = tx.send(r);
                    }
                })
            })
        });
        for r in rx {
            if let (Some(f), None) = (&mut file, &write_error) {
                let line = format!("{}\n", csv::row(sw, &r));
                if let Err(e) = f.write_all(line.as_bytes()) {
                    write_error = Some(e);
                    stop.store(true, Ordering::Relaxed);
                }
            }
            finished += 1;
            progress.add(1);
            let i = r.index;
            results[i] = Some(r);
        }
    });
    drop(progress);
    let wall = started.elapsed().as_secs_f64();
    if let (Some(e), Some(path)) = (write_error, csv_path) {
        return Err(Failure::io(t!(
            "io-cannot-write",
            path = escape(path),
            reason = e.to_string()
        )));
    }
    if finished < todo.len() {
        let n = signal.load(Ordering::Relaxed).max(1);
        return Err(Failure::with(
            128 + n as u8,
            format!(
                "breakwater: {}",
                text::interrupted(mine.len() - todo.len() + finished, mine.len(), csv_path)
            ),
        ));
    }
    let shown: Vec<&CellResult> = mine.iter().filter_map(|&i| results[i].as_ref()).collect();
    let mut cells: Vec<Option<&CellResult>> = vec![None; sw.grid.len()];
    for c in &shown {
        cells[c.index] = Some(c);
    }
    let heading = text::heading(&sw, shown.len(), wall, jobs);
    let mut out = if a.json {
        json_text(&table::to_json(&sw, &shown))?
    } else {
        let colour = !a.no_color
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            && std::io::stdout().is_terminal();
        let chart = if sw.grid.axes.len() == 2 {
            chart::heat_map(&sw, &cells, colour)
        } else {
            chart::line(&sw, &cells, colour)
        };
        format!("{}\n{chart}", table::to_table(&sw, &shown, &heading))
    };
    if !figures.is_empty() {
        let fig = figure::chart(&sw, &cells, &heading);
        let size = a.size.unwrap_or(plot::DEFAULT_SIZE);
        for (path, format) in &figures {
            let written = plot::grid_chart::render(&fig, *format, size).and_then(|bytes| {
                breakwater::output::file::write(path, &bytes).map_err(|e| e.message())
            });
            if let Err(why) = written {
                return Err(Failure::io(t!(
                    "io-cannot-write-flag",
                    flag = "-o",
                    path = escape(path),
                    reason = why
                )));
            }
        }
        if !a.json {
            let paths: Vec<String> = figures.iter().map(|(p, _)| p.clone()).collect();
            out.push_str(&format!("{}\n", figure::written(&paths)));
        }
    }
    say(&out)
}

/// Opens the CSV for writing before anything runs (an unwritable path is
/// exit 1 at once; an input or a link exit 2). `resume`: reads the file
/// strictly first (`csv::read`: exit 2 if it is of another sweep, has
/// invalid bytes or a number that is not finite), says each row cut short
/// that it drops, and only then appends, after its last complete line. A
/// new or empty file gets the header. The file is written in place, row by
/// row, so Ctrl-C keeps the finished cells.
fn open_csv(
    sw: &Sweep,
    path: &str,
    resume: bool,
) -> Result<(Option<std::fs::File>, Vec<CellResult>), Failure> {
    let flag = if resume { "--resume" } else { "--csv" };
    check_writable(flag, path)?;
    if resume && breakwater::output::file::is_direct(path) {
        // A pipe or `/dev/stdout` read back would wait for ever.
        return Err(Failure::bad(t!(
            "sweep-resume-not-file",
            path = escape(path)
        )));
    }
    let cannot = |e: std::io::Error| {
        Failure::io(format!(
            "{}: {}",
            escape(path),
            breakwater::base::io_reason::io_reason(&e).said()
        ))
    };
    let mut done = Vec::new();
    let mut keep = 0u64;
    if resume {
        match std::fs::File::open(path) {
            Ok(f) => {
                let mut bytes = Vec::new();
                f.take(MAX_RESUME_BYTES + 1)
                    .read_to_end(&mut bytes)
                    .map_err(cannot)?;
                if bytes.len() as u64 > MAX_RESUME_BYTES {
                    return Err(Failure::bad(t!(
                        "sweep-resume-too-big",
                        path = escape(path),
                        max = MAX_RESUME_BYTES.to_string()
                    )));
                }
                let read = csv::read(sw, &escape(path), &bytes).map_err(Failure::bad)?;
                for d in &read.dropped {
                    breakwater::output::errln(&format!("breakwater: {d}"));
                }
                done = read.cells;
                // A file without the header (empty, or blank lines) starts anew.
                keep = if read.header { read.keep } else { 0 };
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(cannot(e)),
        }
    }
    let mut f = breakwater::output::file::open_in_place(path, resume)
        .map_err(|e| super::shell::refused(flag, path, &e))?;
    let direct = breakwater::output::file::is_direct(path);
    if !direct {
        if resume {
            f.set_len(keep).map_err(cannot)?;
        }
        f.seek(std::io::SeekFrom::End(0)).map_err(cannot)?;
    }
    if keep == 0 {
        f.write_all(format!("{}\n", csv::header(sw)).as_bytes())
            .map_err(cannot)?;
    }
    Ok((Some(f), done))
}

/// As many cells at once as `jobs`, or as fit the memory available (said
/// on stderr) when fewer than `jobs` and the `cells` to run fit; none
/// fits: refused before any runs, with the figures.
fn fit_memory(jobs: usize, cells: usize, per_cell: f64) -> Result<usize, Failure> {
    let Some((available, source)) = cli_memory::available() else {
        return Ok(jobs);
    };
    let fit = memory::jobs_that_fit(available, per_cell, jobs);
    if fit >= jobs.min(cells) && fit > 0 {
        return Ok(jobs);
    }
    if fit == 0 {
        return Err(Failure::bad(t!(
            "sweep-memory-refused",
            cell = human_bytes(per_cell),
            available = human_bytes(available),
            source = source.said()
        )));
    }
    if fit < jobs {
        breakwater::output::errln(&format!(
            "breakwater: {}",
            t!(
                "sweep-jobs-lowered",
                jobs = fit,
                asked = jobs,
                cell = human_bytes(per_cell),
                available = human_bytes(available),
                source = source.said()
            )
        ));
    }
    Ok(fit)
}

/// SIGINT and SIGTERM raise `stop` (the cells running stop within a few
/// milliseconds; finished rows are already written) and record which
/// signal came; a second one ends the program at once (128 + n).
fn stop_on_signals() -> (Arc<AtomicBool>, Arc<AtomicUsize>) {
    use signal_hook::consts::{SIGINT, SIGTERM};
    use signal_hook::flag;
    let stop = Arc::new(AtomicBool::new(false));
    let which = Arc::new(AtomicUsize::new(0));
    for sig in [SIGINT, SIGTERM] {
        // Registration fails only for forbidden signals; without it, the
        // default action (ending the process) still applies.
        let _ = flag::register_conditional_shutdown(sig, 128 + sig, Arc::clone(&stop));
        let _ = flag::register_usize(sig, Arc::clone(&which), sig as usize);
        let _ = flag::register(sig, Arc::clone(&stop));
    }
    (stop, which)
}
