//! `--openmetrics FILE` (with `--metrics-step`, `--epoch`,
//! `--openmetrics-max`), `--log FILE` and `--otlp FILE` (with
//! `--otlp-sample`, `--otlp-endpoint`) on `run` and `compare`: the flags, the checks before a
//! run, the sampling during it and the files written whole after it
//! (`report::openmetrics`, `report::log` and `report::otlp` make the text).
//!
//! A path that cannot be written (a missing directory, no permission) does
//! not stop the run: the run's other outputs are written whole, then the
//! message, exit 1. A path that names an input or a link is refused before
//! the run (exit 2), as every output's.

use super::collector::{parse_endpoint, send, Endpoint};
use super::failure::{Failure, Outcome};
use super::shell::{clean_up_on_signals, refused};
use super::values::{human_bytes, parse_dur_arg, parse_size};
use breakwater::base::escape::escape;
use breakwater::base::time::{Dur, SimTime};
use breakwater::output::file::{self, OutFile, Refused};
use breakwater::report::log::Log;
use breakwater::report::openmetrics::spill::Spill;
use breakwater::report::openmetrics::{self, spill, OpenMetrics, DEFAULT_EPOCH};
use breakwater::report::otlp::Otlp;
use breakwater::scenario::Scenario;
use breakwater::sim::Simulation;
use breakwater::t;
use std::path::PathBuf;

/// The default bound on an `--openmetrics` file.
const DEFAULT_MAX: u64 = 1 << 30;

/// The series every service has at every sample whatever its patterns
/// (outcomes, counts, the latency histogram, the downstream's gauges), and
/// the fewest bytes one of their lines takes: the estimate errs low, so no
/// run that fits is refused.
const MIN_SERIES: u64 = 31;
const MIN_LINE_BYTES: u64 = 40;

/// The latest epoch `--epoch` takes: 9999-12-31T23:59:59Z.
const MAX_EPOCH: u64 = 253_402_300_799;

/// What `--epoch` says virtual time 0 is.
#[derive(Clone, Copy, Debug)]
pub enum Epoch {
    /// The wall clock when the run starts.
    Now,
    /// These UNIX seconds.
    At(u64),
}

fn parse_epoch(s: &str) -> Result<Epoch, String> {
    if s == "now" {
        return Ok(Epoch::Now);
    }
    match s.parse::<u64>() {
        Ok(n) if n <= MAX_EPOCH => Ok(Epoch::At(n)),
        _ => Err(t!(
            "epoch-invalid",
            value = escape(s),
            max = MAX_EPOCH.to_string()
        )),
    }
}

#[derive(clap::Args, Clone, Default, Debug)]
pub struct MetricsFlags {
    #[arg(long, value_name = "FILE")]
    pub openmetrics: Option<String>,
    #[arg(long, value_name = "D", value_parser = parse_dur_arg, requires = "openmetrics")]
    pub metrics_step: Option<Dur>,
    #[arg(long, value_name = "now|SECONDS", value_parser = parse_epoch)]
    pub epoch: Option<Epoch>,
    #[arg(long, value_name = "SIZE", value_parser = parse_size, requires = "openmetrics")]
    pub openmetrics_max: Option<u64>,
    #[arg(long, value_name = "FILE")]
    pub log: Option<String>,
    #[arg(long, value_name = "FILE")]
    pub otlp: Option<String>,
    #[arg(long, value_name = "P", value_parser = parse_fraction)]
    pub otlp_sample: Option<f64>,
    #[arg(long, value_name = "URL", value_parser = parse_endpoint)]
    pub otlp_endpoint: Option<Endpoint>,
}

/// `--otlp-sample P`: a fraction of the calls, more than 0, at most 1.
pub fn parse_fraction(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(p) if p > 0.0 && p <= 1.0 => Ok(p),
        _ => Err(t!("otlp-sample-invalid", value = escape(s))),
    }
}

/// An `--otlp` file to write, checked before the run.
struct OtlpFile {
    /// The file (`--otlp`), the collector (`--otlp-endpoint`), or both.
    path: Option<String>,
    endpoint: Option<Endpoint>,
    dir: PathBuf,
    epoch_ms: u64,
    sample: f64,
    unwritable: Option<Failure>,
}

/// One world's spans being written.
struct OtlpRun {
    otlp: Otlp,
    out: Spill,
}

impl OtlpRun {
    /// Writes the stories `sim` finished since the last call (`all`: and
    /// those still in flight, at the end).
    fn drain(&mut self, sim: &mut Simulation, all: bool) -> std::io::Result<()> {
        let traces = sim.take_traces(all);
        if let Some(request) = self.otlp.request(&traces, sim.now()) {
            serde_json::to_writer(&mut self.out, &request)?;
            std::io::Write::write_all(&mut self.out, b"\n")?;
        }
        Ok(())
    }
}

/// The files a run is observed into, checked before it: `--openmetrics`
/// and `--log`.
pub struct Observers {
    metrics: Option<Metrics>,
    log: Option<LogFile>,
    otlp: Option<OtlpFile>,
    /// Virtual time between two looks at the run: the metrics' step, or
    /// the tick when a log is written (every notice read soon after it is
    /// made).
    pub step: SimTime,
}

/// A `--log` file to write, checked before the run.
struct LogFile {
    path: String,
    dir: PathBuf,
    epoch_ms: u64,
    unwritable: Option<Failure>,
}

/// One world observed while it runs.
pub struct Watching {
    sampling: Option<Sampling>,
    /// Every metrics step is this many looks.
    metrics_step: SimTime,
    log: Option<Result<Log<Spill>, std::io::Error>>,
    otlp: Option<Result<OtlpRun, std::io::Error>>,
}

impl Watching {
    /// A look at the run after a step: its new notices logged, and a
    /// metrics sample when a metrics step is over (or the run is).
    pub fn at_step(&mut self, sim: &mut Simulation) {
        if let Some(Ok(o)) = &mut self.otlp {
            if let Err(e) = o.drain(sim, false) {
                self.otlp = Some(Err(e));
            }
        }
        if let Some(Ok(log)) = &mut self.log {
            if let Err(e) = log.drain(sim) {
                self.log = Some(Err(e));
            }
        }
        if let Some(s) = &mut self.sampling {
            if sim.now().is_multiple_of(self.metrics_step) || sim.is_finished() {
                s.at_step(sim);
            }
        }
    }
}

impl Watching {
    /// At the end of the run: the calls still in flight go into the spans
    /// as they stand.
    pub fn at_end(&mut self, sim: &mut Simulation) {
        if let Some(Ok(o)) = &mut self.otlp {
            if let Err(e) = o.drain(sim, true) {
                self.otlp = Some(Err(e));
            }
        }
    }
}

/// The epoch the flags ask for, in milliseconds since 1970.
fn epoch_ms(epoch: Option<Epoch>) -> u64 {
    match epoch.unwrap_or(Epoch::At(DEFAULT_EPOCH)) {
        Epoch::At(s) => s * 1000,
        Epoch::Now => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64),
    }
}

/// Checks that `path` can be written: `Ok(None)` if so, `Ok(Some(why))`
/// when the file system says no (said after the run), `Err` for a name
/// that is an input or a link (refused before it).
fn writable(flag: &str, path: &str) -> Result<Option<Failure>, Failure> {
    match file::check(path) {
        Ok(()) => Ok(None),
        Err(e @ (Refused::Input(_) | Refused::Symlink)) => Err(refused(flag, path, &e)),
        Err(e) => Ok(Some(refused(flag, path, &e))),
    }
}

/// The spans' file written whole, then the batches sent to the collector
/// (`--otlp-endpoint`): the first failure is said.
fn finish_otlp(o: OtlpFile, error: Option<std::io::Error>, spans: &mut [Spill]) -> Outcome {
    let shown = o.path.as_deref().unwrap_or("--otlp-endpoint");
    if let Some(e) = error {
        return Err(cannot_write(shown, &e));
    }
    let written = match (&o.path, o.unwritable) {
        (_, Some(f)) => Err(f),
        (Some(path), None) => write_whole("--otlp", path, spans),
        (None, None) => Ok(()),
    };
    let sent = match &o.endpoint {
        Some(endpoint) => {
            let mut batches = Vec::new();
            for s in spans.iter_mut() {
                let mut text = Vec::new();
                s.copy_to(&mut text).map_err(|e| cannot_write(shown, &e))?;
                batches.extend(
                    text.split(|&b| b == b'\n')
                        .filter(|l| !l.is_empty())
                        .map(<[u8]>::to_vec),
                );
            }
            send(endpoint, batches).map(|_| ()).map_err(Failure::io)
        }
        None => Ok(()),
    };
    written.and(sent)
}

/// Writes `spills` (in order) whole to `path`.
fn write_whole(flag: &str, path: &str, spills: &mut [Spill]) -> Outcome {
    let f = OutFile::create(path).map_err(|e| refused(flag, path, &e))?;
    let mut w = std::io::BufWriter::with_capacity(256 * 1024, f);
    for s in spills {
        s.copy_to(&mut w).map_err(|e| cannot_write(path, &e))?;
    }
    let f = w.into_inner().map_err(|e| cannot_write(path, e.error()))?;
    f.commit().map_err(|e| cannot_write(path, &e))
}

impl MetricsFlags {
    /// Checks `--openmetrics` and `--log` against the scenarios to run.
    pub fn observers(&self, worlds: &[&Scenario]) -> Result<Observers, Failure> {
        let metrics = self.prepare(worlds)?;
        let log = match &self.log {
            Some(path) => {
                let unwritable = writable("--log", path)?;
                clean_up_on_signals();
                Some(LogFile {
                    dir: spill::spill_dir(path, file::is_direct(path)),
                    path: path.clone(),
                    epoch_ms: metrics
                        .as_ref()
                        .map_or(epoch_ms(self.epoch), |m| m.epoch_ms),
                    unwritable,
                })
            }
            None => None,
        };
        let epoch = metrics
            .as_ref()
            .map_or(epoch_ms(self.epoch), |m| m.epoch_ms);
        if self.otlp_sample.is_some() && self.otlp.is_none() && self.otlp_endpoint.is_none() {
            return Err(Failure::bad(t!("otlp-sample-alone")));
        }
        let otlp = match (&self.otlp, &self.otlp_endpoint) {
            (None, None) => None,
            (path, endpoint) => {
                let unwritable = match path {
                    Some(p) => writable("--otlp", p)?,
                    None => None,
                };
                clean_up_on_signals();
                let dir = match path {
                    Some(p) => spill::spill_dir(p, file::is_direct(p)),
                    None => std::env::temp_dir(),
                };
                Some(OtlpFile {
                    dir,
                    path: path.clone(),
                    endpoint: endpoint.clone(),
                    epoch_ms: log.as_ref().map_or(epoch, |l| l.epoch_ms),
                    sample: self.otlp_sample.unwrap_or(1.0),
                    unwritable,
                })
            }
        };
        let tick = worlds.iter().map(|s| s.tick.0).min().unwrap_or(1);
        // The log and the spans are read every tick: what they hold since
        // the last look is what memory holds.
        let often = log.is_some() || otlp.is_some();
        let step = match (&metrics, often) {
            (Some(m), true) => m.step.min(tick),
            (Some(m), false) => m.step,
            _ => tick,
        };
        Ok(Observers {
            metrics,
            log,
            otlp,
            step,
        })
    }
}

impl Observers {
    /// Whether anything watches the run.
    pub fn any(&self) -> bool {
        self.metrics.is_some() || self.log.is_some() || self.otlp.is_some()
    }

    /// Starts watching `sim` (`side` in a comparison).
    pub fn start(&self, sim: &mut Simulation, scenario: &str, side: Option<&str>) -> Watching {
        let log = self.log.as_ref().and_then(|l| {
            if l.unwritable.is_some() {
                return None;
            }
            Some(Spill::new(&l.dir).map(|s| Log::new(s, l.epoch_ms, side)))
        });
        let otlp = self.otlp.as_ref().and_then(|o| {
            if o.unwritable.is_some() {
                return None;
            }
            sim.trace_sample(o.sample);
            let names = sim
                .world()
                .services
                .iter()
                .map(|s| s.name.clone())
                .collect();
            let otlp = Otlp::new(sim.seed(), o.epoch_ms, names, scenario, side);
            Some(Spill::new(&o.dir).map(|out| OtlpRun { otlp, out }))
        });
        Watching {
            sampling: self.metrics.as_ref().map(|m| m.start(sim, side)),
            metrics_step: self.metrics.as_ref().map_or(1, |m| m.step).max(1),
            log,
            otlp,
        }
    }

    /// Writes every file whole, or says why one was not (the first reason).
    pub fn finish(self, sides: Vec<Watching>) -> Outcome {
        let mut samplings = Vec::new();
        let mut logs = Vec::new();
        let mut log_error = None;
        let mut spans = Vec::new();
        let mut otlp_error = None;
        for w in sides {
            samplings.extend(w.sampling);
            match w.otlp {
                Some(Ok(o)) => spans.push(o.out),
                Some(Err(e)) => otlp_error = Some(e),
                None => {}
            }
            match w.log {
                Some(Ok(log)) => logs.push(log.into_inner()),
                Some(Err(e)) => log_error = Some(e),
                None => {}
            }
        }
        let metrics = match self.metrics {
            Some(m) => m.finish(samplings),
            None => Ok(()),
        };
        let log = match self.log {
            Some(l) => match (l.unwritable, log_error) {
                (Some(f), _) => Err(f),
                (None, Some(e)) => Err(cannot_write(&l.path, &e)),
                (None, None) => write_whole("--log", &l.path, &mut logs),
            },
            None => Ok(()),
        };
        let otlp = match self.otlp {
            Some(o) => finish_otlp(o, otlp_error, &mut spans),
            None => Ok(()),
        };
        metrics.and(log).and(otlp)
    }
}

/// An `--openmetrics` file to write, checked before the run.
pub struct Metrics {
    path: String,
    step: SimTime,
    epoch_ms: u64,
    max: u64,
    dir: PathBuf,
    /// Why the path cannot be written, said after the run's other outputs.
    unwritable: Option<Failure>,
}

/// One world's sampling while it runs.
pub struct Sampling {
    om: Option<OpenMetrics>,
    error: Option<std::io::Error>,
    /// The virtual time at which the file passed `max`.
    too_big_at: Option<SimTime>,
    max: u64,
}

impl Sampling {
    /// A sample of every series now (nothing more once something failed).
    pub fn at_step(&mut self, sim: &Simulation) {
        let Some(om) = &mut self.om else {
            return;
        };
        if let Err(e) = om.sample(sim) {
            self.error = Some(e);
            self.om = None;
        } else if om.bytes() > self.max {
            self.too_big_at = Some(sim.now());
            self.om = None;
        }
    }
}

impl MetricsFlags {
    /// Checks the flags against the scenarios to run (one, or both sides):
    /// the step, the file's least size against its bound, the path. `None`
    /// without `--openmetrics`.
    fn prepare(&self, worlds: &[&Scenario]) -> Result<Option<Metrics>, Failure> {
        let Some(path) = &self.openmetrics else {
            return Ok(None);
        };
        let tick = worlds.iter().map(|s| s.tick).min().unwrap_or(Dur(1));
        let step = self.metrics_step.unwrap_or(tick);
        if step < Dur::from_millis(1) {
            return Err(Failure::bad(t!(
                "metrics-step-too-small",
                step = step.to_string()
            )));
        }
        let max = self.openmetrics_max.unwrap_or(DEFAULT_MAX);
        let series: u64 = worlds
            .iter()
            .map(|s| s.world.services.len() as u64 * MIN_SERIES)
            .sum();
        let longest = worlds.iter().map(|s| s.duration.0).max().unwrap_or(0);
        let samples = longest / step.0 + 2;
        let bytes = samples as f64 * series as f64 * MIN_LINE_BYTES as f64;
        if bytes > max as f64 {
            return Err(Failure::bad(t!(
                "openmetrics-too-big",
                size = human_bytes(bytes),
                samples = breakwater::i18n::grouped(samples),
                series = breakwater::i18n::grouped(series),
                max = human_bytes(max as f64),
                bytes = breakwater::i18n::grouped(max)
            )));
        }
        // Another name for an input, or a link: refused before any work.
        let unwritable = writable("--openmetrics", path)?;
        // Ctrl-C mid-run leaves no hidden temporary beside the file.
        clean_up_on_signals();
        let epoch_ms = epoch_ms(self.epoch);
        Ok(Some(Metrics {
            dir: spill::spill_dir(path, file::is_direct(path)),
            path: path.clone(),
            step: step.0,
            epoch_ms,
            max,
            unwritable,
        }))
    }
}

impl Metrics {
    /// Starts sampling `sim` (`side` in a comparison), whose latency is then
    /// counted by bucket.
    fn start(&self, sim: &mut Simulation, side: Option<&str>) -> Sampling {
        sim.measure_buckets(true);
        let (om, error) = if self.unwritable.is_some() {
            (None, None)
        } else {
            match OpenMetrics::new(sim, &self.dir, side, self.epoch_ms) {
                Ok(om) => (Some(om), None),
                Err(e) => (None, Some(e)),
            }
        };
        Sampling {
            om,
            error,
            too_big_at: None,
            max: self.max,
        }
    }

    /// Writes the file whole from every side's samples, or says why not.
    fn finish(self, sides: Vec<Sampling>) -> Outcome {
        if let Some(f) = self.unwritable {
            return Err(f);
        }
        let mut oms = Vec::new();
        for s in sides {
            if let Some(e) = s.error {
                return Err(cannot_write(&self.path, &e));
            }
            if let Some(at) = s.too_big_at {
                return Err(Failure::io(t!(
                    "openmetrics-grew-too-big",
                    at = breakwater::base::time::clock(at),
                    max = human_bytes(self.max as f64),
                    bytes = breakwater::i18n::grouped(self.max)
                )));
            }
            oms.extend(s.om);
        }
        let mut f =
            OutFile::create(&self.path).map_err(|e| refused("--openmetrics", &self.path, &e))?;
        // The headers are a few lines; the samples go file to file.
        openmetrics::join(&mut oms, f.file_mut()).map_err(|e| cannot_write(&self.path, &e))?;
        f.commit().map_err(|e| cannot_write(&self.path, &e))
    }
}

/// An output file that failed part-way: its path and the system's reason.
pub fn cannot_write(path: &str, e: &std::io::Error) -> Failure {
    Failure::io(t!(
        "io-cannot-write",
        path = escape(path),
        reason = breakwater::base::io_reason::io_reason(e).said()
    ))
}
