//! `breakwater sweep`: the cells run on a rayon pool (each an independent
//! deterministic run), a progress bar with the time left on a terminal
//! (stderr), each finished row written and flushed at once (so Ctrl-C keeps
//! them, and `--resume` runs only the rest), then the table and the heat
//! map or line. Everything the command line says is checked before the
//! first cell starts.

use crate::cli_values::{parse_dur_arg, parse_seed, parse_side};
use crate::{check_writable, json_text, load_raw, say, with_sets};
use breakwater::base::escape::escape;
use breakwater::base::time::Dur;
use breakwater::output;
use breakwater::plot::{self, Format};
use breakwater::report::metrics::Metric;
use breakwater::scenario::variants::Side;
use breakwater::scenario::Scenario;
use breakwater::sim::estimate::estimate;
use breakwater::sweep::axis::parse_vary;
use breakwater::sweep::cell::{run_cell, CellResult, Measure};
use breakwater::sweep::grid::{parse_shard, shard_cells, Grid, MAX_CELLS};
use breakwater::sweep::{chart, csv, figure, table, text, Sweep};
use breakwater::t;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::io::{IsTerminal, Read, Seek, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// The largest `--resume` file read (a full 10,000-cell sweep is ~3 MB).
const MAX_RESUME_BYTES: u64 = 64 << 20;

#[derive(clap::Args)]
pub struct SweepArgs {
    /// A scenario (file or built-in name).
    scenario: String,
    /// A varied path and its values (once for a line, twice for a map):
    /// PATH=LIST (load.rate=20,50,80) or PATH=FROM..TO:STEP (TO included).
    #[arg(long = "vary", value_name = "PATH=LIST|FROM..TO:STEP", required = true)]
    vary: Vec<String>,
    /// What each cell measures.
    #[arg(long, default_value = "goodput",
          value_parser = clap::builder::PossibleValuesParser::new(Metric::ALL.map(Metric::name)))]
    metric: String,
    /// The service measured, or `all` (the totals; the default).
    #[arg(long, value_name = "NAME|all")]
    service: Option<String>,
    /// Runs per cell, seeds S … S+N−1: the mean and a 95 % interval.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..=1000))]
    seeds: u64,
    /// The first seed (default: the scenario's).
    #[arg(long, value_parser = parse_seed)]
    seed: Option<u64>,
    /// A fixed change at t = 0 in every cell (repeatable).
    #[arg(long = "set", value_name = "PATH=VALUE")]
    set: Vec<String>,
    /// For a scenario that declares [variants]: sweep side a (default) or b.
    #[arg(long, value_name = "a|b", value_parser = parse_side)]
    variant: Option<Side>,
    /// Cells run at once (default: every core).
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..=1024))]
    jobs: Option<u64>,
    /// Simulate this long instead of the scenario's duration.
    #[arg(long, value_parser = parse_dur_arg)]
    duration: Option<Dur>,
    /// One JSON object instead of the table and the chart.
    #[arg(long)]
    json: bool,
    /// Write one row per cell to FILE as each cell finishes.
    #[arg(long, value_name = "FILE.csv")]
    csv: Option<String>,
    /// Run only the cells missing from FILE (a CSV of this sweep), adding
    /// them to it.
    #[arg(long, value_name = "FILE.csv")]
    resume: Option<String>,
    /// Run cells I, I+N, I+2N, … only (0 ≤ I < N), to split a sweep
    /// across machines; the shards' CSVs concatenate into the whole.
    #[arg(long, value_name = "I/N", value_parser = parse_shard)]
    shard: Option<(usize, usize)>,
    /// No colours in the heat map (as does the NO_COLOR environment variable).
    #[arg(long)]
    no_color: bool,
    /// Also draw the map (or line) to FILE; .svg or .png says which (repeatable).
    #[arg(short = 'o', long = "output", value_name = "FILE.svg|FILE.png")]
    output: Vec<String>,
    /// The figure's pixels, WIDTHxHEIGHT (default 1920x1080, a slide).
    #[arg(long, value_name = "WxH", value_parser = plot::parse_size)]
    size: Option<(u32, u32)>,
}

fn bad(m: String) -> ExitCode {
    output::errln(&format!("breakwater: {m}"));
    ExitCode::from(2)
}

fn io_failed(m: String) -> ExitCode {
    output::errln(&format!("breakwater: {m}"));
    ExitCode::from(1)
}

/// Checks everything, runs the missing cells, shows the sweep.
pub fn sweep(a: SweepArgs) -> Result<ExitCode, ExitCode> {
    let mut figures = Vec::new();
    for path in &a.output {
        match Format::of_path(path) {
            Some(f) => figures.push((path.clone(), f)),
            None => return Err(bad(plot::text::bad_extension(&escape(path)))),
        }
    }
    let axes = a
        .vary
        .iter()
        .map(|v| parse_vary(v, MAX_CELLS).map_err(|m| bad(format!("--vary {}: {m}", escape(v)))))
        .collect::<Result<Vec<_>, _>>()?;
    let grid = Grid::new(axes).map_err(bad)?;
    if a.resume.is_some() && a.csv.is_some() {
        return Err(bad(text::resume_and_csv()));
    }
    let raw = load_raw(&a.scenario)?;
    let variant = raw
        .variants
        .is_some()
        .then(|| a.variant.unwrap_or(Side::A).letter());
    let mut base = with_sets(raw, &a.scenario, &a.set, a.variant)?;
    base.source.clear();
    let service = match a.service.as_deref() {
        None | Some("all") => None,
        Some(name) => Some(base.world.service_index(name).ok_or_else(|| {
            let valid: Vec<String> = base.world.services.iter().map(|s| s.name.clone()).collect();
            bad(text::unknown_service(name, &valid))
        })?),
    };
    let duration = a.duration;
    let sized = |mut s: Scenario| -> Result<Scenario, String> {
        if let Some(d) = duration {
            if let Some(m) = estimate(&s.world, &s.timeline, d).excess() {
                return Err(format!("--duration {d}: {}", m.said()));
            }
            s.duration = d;
        }
        Ok(s)
    };
    grid.validate(&base, &a.set, &|s| sized(s.clone()).map(|_| ()))
        .map_err(bad)?;
    let seed = a.seed.unwrap_or(base.seed);
    if seed as u128 + a.seeds as u128 - 1 > crate::cli_values::MAX_SEED as u128 {
        return Err(bad(text::seeds_past_max(
            seed,
            a.seeds,
            crate::cli_values::MAX_SEED,
        )));
    }
    let metric = Metric::by_name(&a.metric).expect("clap checked the name");
    let sw = Sweep {
        spec: a.scenario.clone(),
        name: base.name.clone(),
        variant,
        fixed: a.set.clone(),
        grid,
        measure: Measure { metric, service },
        service: a.service.clone().unwrap_or_else(|| "all".into()),
        seed,
        seed_given: a.seed.is_some(),
        seeds: a.seeds,
        duration,
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
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| {
            io_failed(t!(
                "sweep-cannot-start-threads",
                jobs = jobs,
                reason = e.to_string()
            ))
        })?;
    let (stop, signal) = stop_on_signals();
    let bar = progress_bar(todo.len());
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
            bar.inc(1);
            let i = r.index;
            results[i] = Some(r);
        }
    });
    bar.finish_and_clear();
    let wall = started.elapsed().as_secs_f64();
    if let (Some(e), Some(path)) = (write_error, csv_path) {
        return Err(io_failed(t!(
            "io-cannot-write",
            path = escape(path),
            reason = e.to_string()
        )));
    }
    if finished < todo.len() {
        let n = signal.load(Ordering::Relaxed).max(1);
        output::errln(&format!(
            "breakwater: {}",
            text::interrupted(mine.len() - todo.len() + finished, mine.len(), csv_path)
        ));
        return Err(ExitCode::from(128 + n as u8));
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
            let written = plot::grid_chart::render(&fig, *format, size)
                .and_then(|bytes| std::fs::write(path, bytes).map_err(|e| e.to_string()));
            if let Err(why) = written {
                return Err(io_failed(t!(
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
    say(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Opens the CSV for writing before anything runs (an unwritable path is
/// exit 1 at once). `resume`: reads the cells already in it (exit 2 if
/// they are of another sweep) and drops a last row cut short. A new or
/// empty file gets the header.
fn open_csv(
    sw: &Sweep,
    path: &str,
    resume: bool,
) -> Result<(Option<std::fs::File>, Vec<CellResult>), ExitCode> {
    check_writable(if resume { "--resume" } else { "--csv" }, path)?;
    let cannot = |e: std::io::Error| io_failed(format!("{}: {e}", escape(path)));
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
                    return Err(bad(format!(
                        "--resume {}: the file is over {MAX_RESUME_BYTES} bytes",
                        escape(path)
                    )));
                }
                let text = String::from_utf8_lossy(&bytes);
                done = csv::read(sw, &escape(path), &text).map_err(bad)?;
                keep = text.rfind('\n').map_or(0, |i| i as u64 + 1);
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(cannot(e)),
        }
    }
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(!resume)
        .open(path)
        .map_err(cannot)?;
    if resume {
        f.set_len(keep).map_err(cannot)?;
    }
    f.seek(std::io::SeekFrom::End(0)).map_err(cannot)?;
    if keep == 0 {
        f.write_all(format!("{}\n", csv::header(sw)).as_bytes())
            .map_err(cannot)?;
    }
    Ok((Some(f), done))
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

/// The progress bar with the time left, on stderr when it is a terminal.
fn progress_bar(cells: usize) -> ProgressBar {
    if cells == 0 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(cells as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(&text::progress_template()) {
        bar.set_style(style);
    }
    bar
}
