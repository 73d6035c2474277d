//! `--openmetrics FILE`: a run's metrics as an OpenMetrics text file that
//! Prometheus' `promtool tsdb create-blocks-from openmetrics` backfills, one
//! sample of every series per step of virtual time.
//!
//! - Names: resilience4j-micrometer's, in Prometheus form (dots become
//!   underscores, counters end in `_total`, timers are summaries with
//!   `_count` and `_sum` in seconds; the tag `name` is the service), and
//!   Breakwater's own `breakwater_*` with the label `service`. In a
//!   comparison every series also has `side="a"` or `side="b"`.
//! - Time: sample timestamps are the virtual time plus an epoch, by default
//!   the fixed `DEFAULT_EPOCH` (2025-01-01T00:00:00Z), so the same scenario
//!   and seed give a byte-identical file; `--epoch now` uses the wall clock
//!   at the start instead.
//! - Order: OpenMetrics forbids interleaving families, so each family's
//!   samples go to their own spill file (`spill`) while the run goes on, and
//!   `join` writes the families one after the other, then `# EOF`.
//! - Counters are cumulative from the start of the run, so the last sample
//!   of `breakwater_calls_total`, `…_attempts_total` and the others equals
//!   what `run --json` reports for the same run.
//!
//! HELP texts are fixed English, part of the format as resilience4j's own
//! descriptions are: the file is the same whatever the reader's language.

mod families;
pub mod spill;
mod steps;

use families::*;

pub use steps::{run_in_steps, Stepper};

use crate::base::outcome::Outcome;
use crate::patterns::registry;
use crate::patterns::PatternKind;
use crate::sim::metrics::LATENCY_BOUNDS_NS;
use crate::sim::Simulation;
use spill::Spill;
use std::io::{self, Write};
use std::path::Path;

/// The default epoch (UNIX seconds): virtual time 0 is 2025-01-01T00:00:00Z.
pub const DEFAULT_EPOCH: u64 = 1_735_689_600;

/// A label value escaped as OpenMetrics wants it.
fn label(v: &str) -> String {
    let mut s = String::with_capacity(v.len());
    for c in v.chars() {
        match c {
            '\\' => s.push_str("\\\\"),
            '"' => s.push_str("\\\""),
            '\n' => s.push_str("\\n"),
            c => s.push(c),
        }
    }
    s
}

/// An exact decimal of `ns` nanoseconds in seconds (`1.5`, `0.000001`, `3`).
pub fn seconds_text(ns: u128) -> String {
    let (int, frac) = (ns / 1_000_000_000, ns % 1_000_000_000);
    if frac == 0 {
        return int.to_string();
    }
    let f = format!("{frac:09}");
    format!("{int}.{}", f.trim_end_matches('0'))
}

/// The line prefixes of one service's series (name and labels, then a
/// space), rendered once.
struct Prefixes {
    state: [Vec<u8>; 5],
    cb_count: [Vec<u8>; 2],
    cb_sum: [Vec<u8>; 2],
    not_permitted: Vec<u8>,
    failure_rate: Vec<u8>,
    slow_rate: Vec<u8>,
    retry: [Vec<u8>; 4],
    bh_available: Vec<u8>,
    bh_max: Vec<u8>,
    calls: [Vec<u8>; 6],
    arrived: Vec<u8>,
    in_flight: Vec<u8>,
    fallbacks: Vec<u8>,
    attempts: Vec<u8>,
    retries: Vec<u8>,
    ds_attempts: Vec<u8>,
    ds_refused: Vec<u8>,
    hedged: Vec<u8>,
    buckets: Vec<Vec<u8>>,
    lat_count: Vec<u8>,
    lat_sum: Vec<u8>,
    bh_in_use: Vec<u8>,
    bh_waiting: Vec<u8>,
    ds_busy: Vec<u8>,
    ds_queued: Vec<u8>,
    budget: Vec<u8>,
    opened: Vec<u8>,
    open_seconds: Vec<u8>,
    polly: [Vec<u8>; 7],
}

impl Prefixes {
    fn new(service: &str, side: &str) -> Prefixes {
        let svc = label(service);
        // resilience4j's series name the instance `name`; Breakwater's
        // `service`.
        let r4j = |fam: usize, suffix: &str, extra: &str| -> Vec<u8> {
            format!(
                "{}{suffix}{{name=\"{svc}\"{extra}{side}}} ",
                FAMILIES[fam].name
            )
            .into_bytes()
        };
        let bw = |fam: usize, suffix: &str, extra: &str| -> Vec<u8> {
            format!(
                "{}{suffix}{{service=\"{svc}\"{extra}{side}}} ",
                FAMILIES[fam].name
            )
            .into_bytes()
        };
        let kinds = ["successful", "failed"];
        Prefixes {
            state: STATES.map(|s| r4j(STATE, "", &format!(",state=\"{}\"", s.name()))),
            cb_count: kinds.map(|k| r4j(CB_CALLS, "_count", &format!(",kind=\"{k}\""))),
            cb_sum: kinds.map(|k| r4j(CB_CALLS, "_sum", &format!(",kind=\"{k}\""))),
            not_permitted: r4j(NOT_PERMITTED, "_total", ",kind=\"not_permitted\""),
            failure_rate: r4j(FAILURE_RATE, "", ""),
            slow_rate: r4j(SLOW_RATE, "", ""),
            retry: RETRY_KINDS.map(|k| r4j(RETRY_CALLS, "_total", &format!(",kind=\"{k}\""))),
            bh_available: r4j(BH_AVAILABLE, "", ""),
            bh_max: r4j(BH_MAX, "", ""),
            calls: Outcome::ALL.map(|o| bw(CALLS, "_total", &format!(",outcome=\"{}\"", o.name()))),
            arrived: bw(ARRIVED, "_total", ""),
            in_flight: bw(IN_FLIGHT, "", ""),
            fallbacks: bw(FALLBACKS, "_total", ""),
            attempts: bw(ATTEMPTS, "_total", ""),
            retries: bw(RETRIES, "_total", ""),
            ds_attempts: bw(DS_ATTEMPTS, "_total", ""),
            ds_refused: bw(DS_REFUSED, "_total", ""),
            hedged: bw(HEDGED, "_total", ""),
            buckets: LATENCY_BOUNDS_NS
                .iter()
                .map(|&le| {
                    let le = if le == u64::MAX {
                        "+Inf".to_string()
                    } else {
                        seconds_text(u128::from(le))
                    };
                    // OpenMetrics wants `le` as a float: `1.0`, not `1`.
                    let le = if le.contains('.') || le == "+Inf" {
                        le
                    } else {
                        format!("{le}.0")
                    };
                    bw(LATENCY, "_bucket", &format!(",le=\"{le}\""))
                })
                .collect(),
            lat_count: bw(LATENCY, "_count", ""),
            lat_sum: bw(LATENCY, "_sum", ""),
            bh_in_use: bw(BH_IN_USE, "", ""),
            bh_waiting: bw(BH_WAITING, "", ""),
            ds_busy: bw(DS_BUSY, "", ""),
            ds_queued: bw(DS_QUEUED, "", ""),
            budget: bw(BUDGET, "", ""),
            opened: bw(OPENED, "_total", ""),
            open_seconds: bw(OPEN_SECONDS, "_total", ""),
            polly: POLLY_EVENTS.map(|e| {
                let name = FAMILIES[POLLY].name;
                format!("{name}_total{{event_name=\"{e}\",pipeline_name=\"{svc}\"{side}}} ")
                    .into_bytes()
            }),
        }
    }
}

/// One world's metrics being written: a spill per family.
pub struct OpenMetrics {
    spills: Vec<Spill>,
    services: Vec<Prefixes>,
    callers: [Vec<u8>; 2],
    /// The epoch in milliseconds since the UNIX epoch.
    epoch_ms: u64,
    /// The current sample's ` <timestamp>\n`.
    stamp: Vec<u8>,
    /// Samples carry timestamps (a file), or not (a live scrape: now).
    timestamps: bool,
    hedged: usize,
}

impl OpenMetrics {
    /// Starts writing the metrics of `sim`'s world, spilling in `dir`;
    /// `side` is `Some("a")` or `Some("b")` in a comparison.
    pub fn new(
        sim: &Simulation,
        dir: &Path,
        side: Option<&str>,
        epoch_ms: u64,
    ) -> io::Result<OpenMetrics> {
        let spills = FAMILIES
            .iter()
            .map(|_| Spill::new(dir))
            .collect::<io::Result<Vec<_>>>()?;
        Ok(OpenMetrics::with(sim, spills, side, epoch_ms, true))
    }

    fn with(
        sim: &Simulation,
        spills: Vec<Spill>,
        side: Option<&str>,
        epoch_ms: u64,
        timestamps: bool,
    ) -> OpenMetrics {
        let side = side.map_or(String::new(), |s| format!(",side=\"{}\"", label(s)));
        let services = sim
            .world()
            .services
            .iter()
            .map(|s| Prefixes::new(&s.name, &side))
            .collect();
        let side_only = side.trim_start_matches(',');
        let callers = ["busy", "waiting"].map(|k| {
            let sep = if side_only.is_empty() { "" } else { "," };
            format!(
                "{}{{state=\"{k}\"{sep}{side_only}}} ",
                FAMILIES[CALLERS].name
            )
            .into_bytes()
        });
        OpenMetrics {
            spills,
            services,
            callers,
            epoch_ms,
            stamp: b"\n".to_vec(),
            timestamps,
            hedged: registry::counter_index("hedged"),
        }
    }

    /// Bytes written so far (the file will be these and the families'
    /// headers).
    pub fn bytes(&self) -> u64 {
        self.spills.iter().map(|s| s.bytes).sum()
    }

    #[inline]
    fn line(&mut self, fam: usize, prefix: &[u8], value: &[u8]) -> io::Result<()> {
        self.spills[fam].write_parts(&[prefix, value, &self.stamp])
    }

    fn int(&mut self, fam: usize, prefix: &[u8], v: u64) -> io::Result<()> {
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        let mut v = v;
        loop {
            i -= 1;
            buf[i] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        self.line(fam, prefix, &buf[i..])
    }

    fn float(&mut self, fam: usize, prefix: &[u8], v: f64) -> io::Result<()> {
        self.line(fam, prefix, format!("{v}").as_bytes())
    }

    /// Writes one sample of every series, stamped with `sim`'s virtual time.
    pub fn sample(&mut self, sim: &Simulation) -> io::Result<()> {
        if self.timestamps {
            let ms = self.epoch_ms + sim.now() / 1_000_000;
            self.stamp = format!(" {}.{:03}\n", ms / 1000, ms % 1000).into_bytes();
        }
        // The prefixes are taken out while lines are written, and put back.
        let services = std::mem::take(&mut self.services);
        let mut result = Ok(());
        for (i, p) in services.iter().enumerate() {
            result = self.service(sim, i, p);
            if result.is_err() {
                break;
            }
        }
        self.services = services;
        result?;
        if sim.world().client.is_some() {
            let (busy, waiting) = sim.caller_pool();
            let callers = std::mem::take(&mut self.callers);
            let r = self
                .int(CALLERS, &callers[0], u64::from(busy))
                .and_then(|()| self.int(CALLERS, &callers[1], u64::from(waiting)));
            self.callers = callers;
            r?;
        }
        Ok(())
    }

    fn service(&mut self, sim: &Simulation, i: usize, p: &Prefixes) -> io::Result<()> {
        let patterns = &sim.world().services[i].patterns;
        let m = sim.service_metrics(i);
        let c = m.totals_now();
        let (breaker_tally, retry_tally) = sim.tallies(i);
        if patterns.is_enabled(PatternKind::CircuitBreaker) {
            let now = sim.breaker_state(i);
            for (s, prefix) in STATES.iter().zip(&p.state) {
                self.int(STATE, prefix, u64::from(*s == now))?;
            }
            let t = *breaker_tally;
            self.int(CB_CALLS, &p.cb_count[0], t.successful)?;
            self.line(
                CB_CALLS,
                &p.cb_sum[0],
                seconds_text(t.successful_ns).as_bytes(),
            )?;
            self.int(CB_CALLS, &p.cb_count[1], t.failed)?;
            self.line(CB_CALLS, &p.cb_sum[1], seconds_text(t.failed_ns).as_bytes())?;
            self.int(NOT_PERMITTED, &p.not_permitted, t.not_permitted)?;
            if let Some((failure, slow)) = sim.breaker(i).rates(&patterns.circuit_breaker) {
                self.float(FAILURE_RATE, &p.failure_rate, failure)?;
                self.float(SLOW_RATE, &p.slow_rate, slow)?;
            }
            let b = sim.breaker(i);
            self.int(OPENED, &p.opened, u64::from(b.times_opened()))?;
            let open = u128::from(b.open_time(sim.now()).0);
            self.line(OPEN_SECONDS, &p.open_seconds, seconds_text(open).as_bytes())?;
        }
        if patterns.is_enabled(PatternKind::Retry) {
            let t = *retry_tally;
            let kinds = [
                t.successful_without_retry,
                t.successful_with_retry,
                t.failed_with_retry,
                t.failed_without_retry,
            ];
            for (n, prefix) in kinds.iter().zip(&p.retry) {
                self.int(RETRY_CALLS, prefix, *n)?;
            }
        }
        let bulkhead = sim.bulkhead(i);
        if patterns.is_enabled(PatternKind::Bulkhead) {
            let max = patterns.bulkhead.max_concurrent;
            let free = max.saturating_sub(bulkhead.in_use());
            self.int(BH_AVAILABLE, &p.bh_available, u64::from(free))?;
            self.int(BH_MAX, &p.bh_max, u64::from(max))?;
            self.int(BH_IN_USE, &p.bh_in_use, u64::from(bulkhead.in_use()))?;
            self.int(BH_WAITING, &p.bh_waiting, u64::from(bulkhead.waiting()))?;
        }
        for (o, prefix) in Outcome::ALL.iter().zip(&p.calls) {
            self.int(CALLS, prefix, c.outcome(*o))?;
        }
        self.int(ARRIVED, &p.arrived, c.calls)?;
        self.int(IN_FLIGHT, &p.in_flight, sim.service_in_flight(i))?;
        self.int(FALLBACKS, &p.fallbacks, c.fallbacks)?;
        self.int(ATTEMPTS, &p.attempts, c.attempts)?;
        self.int(RETRIES, &p.retries, c.retries)?;
        self.int(DS_ATTEMPTS, &p.ds_attempts, c.downstream_attempts)?;
        self.int(DS_REFUSED, &p.ds_refused, c.downstream_refused)?;
        let h = self.hedged;
        if patterns.is_enabled(PatternKind::Hedging) || c.extra[h] > 0 {
            self.int(HEDGED, &p.hedged, c.extra[h])?;
        }
        if let Some(b) = &m.buckets {
            let mut sum = 0;
            for (n, prefix) in b.iter().zip(&p.buckets) {
                sum += n;
                self.int(LATENCY, prefix, sum)?;
            }
            self.int(LATENCY, &p.lat_count, sum)?;
            self.line(
                LATENCY,
                &p.lat_sum,
                seconds_text(m.latency_sum_ns).as_bytes(),
            )?;
        }
        self.polly(sim, i, p)?;
        let ds = sim.downstream(i);
        self.int(DS_BUSY, &p.ds_busy, u64::from(ds.busy()))?;
        self.int(DS_QUEUED, &p.ds_queued, u64::from(ds.queued()))?;
        if let Some(tokens) = sim.budget_tokens(i) {
            self.float(BUDGET, &p.budget, tokens)?;
        }
        Ok(())
    }
}

impl OpenMetrics {
    /// Polly v8's `resilience.polly.strategy.events` for the service's
    /// patterns that are on: retries, attempts cut by the timeout, the
    /// breaker's transitions, fallback answers, hedged attempts.
    fn polly(&mut self, sim: &Simulation, i: usize, p: &Prefixes) -> io::Result<()> {
        let patterns = &sim.world().services[i].patterns;
        let c = sim.service_metrics(i).totals_now();
        let (t, _) = sim.tallies(i);
        let opened = u64::from(sim.breaker(i).times_opened());
        let events = [
            (PatternKind::Retry, c.retries),
            (
                PatternKind::Timeout,
                c.attempt_outcomes[Outcome::TimedOut.index()],
            ),
            (PatternKind::CircuitBreaker, opened),
            (PatternKind::CircuitBreaker, t.closed),
            (PatternKind::CircuitBreaker, t.half_opened),
            (PatternKind::Fallback, c.fallbacks),
            (PatternKind::Hedging, c.extra[self.hedged]),
        ];
        for ((kind, n), prefix) in events.iter().zip(&p.polly) {
            if patterns.is_enabled(*kind) {
                self.int(POLLY, prefix, *n)?;
            }
        }
        Ok(())
    }
}

/// Writes the families of every world (`sides`, in order: A then B) one
/// after the other, each with its `# TYPE`, `# UNIT` and `# HELP`, then
/// `# EOF`. A family no world wrote a sample of is left out.
pub fn join(sides: &mut [OpenMetrics], out: &mut std::fs::File) -> io::Result<()> {
    join_as(sides, out, true, |s, out| s.copy_to(out))
}

/// As `join`, in OpenMetrics or (`openmetrics` false) in the classic
/// Prometheus text format 0.0.4: a counter's family is named with its
/// `_total`, no `# UNIT`, no `# EOF`.
fn join_as<W: Write>(
    sides: &mut [OpenMetrics],
    out: &mut W,
    openmetrics: bool,
    copy: impl Fn(&mut Spill, &mut W) -> io::Result<()>,
) -> io::Result<()> {
    for (f, family) in FAMILIES.iter().enumerate() {
        if sides.iter().all(|s| s.spills[f].bytes == 0) {
            continue;
        }
        if openmetrics {
            writeln!(out, "# TYPE {} {}", family.name, family.kind)?;
            if let Some(unit) = family.unit {
                writeln!(out, "# UNIT {} {unit}", family.name)?;
            }
            writeln!(out, "# HELP {} {}", family.name, family.help)?;
        } else {
            let total = if family.kind == "counter" {
                "_total"
            } else {
                ""
            };
            writeln!(out, "# HELP {}{total} {}", family.name, family.help)?;
            writeln!(out, "# TYPE {}{total} {}", family.name, family.kind)?;
        }
        for side in sides.iter_mut() {
            copy(&mut side.spills[f], out)?;
        }
    }
    if openmetrics {
        out.write_all(b"# EOF\n")?;
    }
    Ok(())
}

/// The current values of `sim`'s metrics as a scrape answers them: without
/// timestamps, in OpenMetrics or (`openmetrics` false) the classic
/// Prometheus text format 0.0.4. Made only when asked: nothing is kept.
pub fn exposition(sim: &Simulation, openmetrics: bool) -> String {
    exposition_of(&[(sim, None)], openmetrics)
}

/// As `exposition`, of several worlds (a comparison's sides, labelled
/// `side`).
pub fn exposition_of(worlds: &[(&Simulation, Option<&str>)], openmetrics: bool) -> String {
    let mut sides: Vec<OpenMetrics> = worlds
        .iter()
        .map(|(sim, side)| {
            let spills = FAMILIES.iter().map(|_| Spill::memory()).collect();
            let mut om = OpenMetrics::with(sim, spills, *side, 0, false);
            // Memory never fails to take bytes.
            let _ = om.sample(sim);
            om
        })
        .collect();
    let mut out = Vec::new();
    let _ = join_as(&mut sides, &mut out, openmetrics, |s, out| s.copy_to(out));
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_are_exact_decimals() {
        assert_eq!(seconds_text(0), "0");
        assert_eq!(seconds_text(1_500_000_000), "1.5");
        assert_eq!(seconds_text(1_000), "0.000001");
        assert_eq!(seconds_text(60_000_000_000), "60");
    }

    #[test]
    fn label_values_are_escaped() {
        assert_eq!(label("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}
