//! `breakwater compare` and the split dashboard: two sides of a comparison,
//! headless (a table or JSON with A, B and Δ) or live.

use crate::{check_writable, json_text, live, load_raw, say, DashArgs};
use breakwater::base::escape::escape;
use breakwater::base::time::Dur;
use breakwater::output;
use breakwater::report::compare::Compared;
use breakwater::report::{self, Summary};
use breakwater::scenario::variants::Comparison;
use breakwater::scenario::Scenario;
use breakwater::sim::Simulation;
use breakwater::t;
use breakwater::tui::app::App;
use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Instant;

/// `breakwater compare`: on a terminal the split dashboard; otherwise (or
/// with `--json` / `--no-tui`) both sides run headless to the end, then one
/// table (or JSON) with A, B and Δ.
pub fn compare(
    a: &str,
    b: Option<&str>,
    [both, only_a, only_b]: [&Vec<String>; 3],
    on_terminal: bool,
    as_json: bool,
    seed: Option<u64>,
    duration: Option<Dur>,
) -> Result<ExitCode, ExitCode> {
    let bad = |m: String| {
        output::errln(&format!("breakwater: {m}"));
        ExitCode::from(2)
    };
    let first = load_raw(a)?;
    let mut cmp = match b {
        Some(b) => Comparison::of_files(first, load_raw(b)?).map_err(|m| bad(m.said()))?,
        None => Comparison::of_variants(&first),
    };
    cmp.apply_sets(both, only_a, only_b)
        .map_err(|m| bad(m.said()))?;
    if let Some(seed) = seed {
        cmp.set_seed(seed);
    }
    if let Some(d) = duration {
        for s in [&mut cmp.a, &mut cmp.b] {
            let e = breakwater::sim::estimate::estimate(&s.world, &s.timeline, d);
            if let Some(message) = e.excess() {
                return Err(bad(format!("--duration {d}: {}", message.said())));
            }
            s.duration = d;
        }
    }
    if on_terminal {
        return compare_dashboard(cmp, DashArgs::default());
    }
    // The sides are independent deterministic runs: one thread each, so a
    // comparison takes about the wall time of one run where two cores are free.
    let side = |s: &Scenario| {
        let started = Instant::now();
        let mut sim = Simulation::new(s);
        sim.measure_ticks(false);
        sim.run(&mut |_| {});
        match sim.limit_crossed() {
            Some(stop) => Err(format!(
                "{}: {}",
                escape(&s.origin),
                t!(
                    "stopped-at",
                    at = breakwater::base::time::clock(stop.at),
                    reason = &stop.message
                )
            )),
            None => Ok(Summary::of(&sim, &s.name, started.elapsed().as_secs_f64())),
        }
    };
    let (a, b) = std::thread::scope(|scope| {
        let lang = breakwater::i18n::current();
        let b = scope.spawn(|| breakwater::i18n::scoped(lang, || side(&cmp.b)));
        let a = side(&cmp.a);
        (a, b.join())
    });
    let b = b.map_err(|_| {
        output::errln(&format!("breakwater: {}", t!("compare-side-b-panicked")));
        ExitCode::from(1)
    })?;
    let summaries = [a.map_err(bad)?, b.map_err(bad)?];
    // JSON's labels are English, as every machine output; the table's follow
    // the reader.
    let (label_a, label_b) = if as_json {
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
    let out = if as_json {
        json_text(&report::compare::to_json(&compared))?
    } else {
        report::compare::to_table(&compared)
    };
    say(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// The split dashboard on a comparison: as `dashboard`, with one summary
/// per side on quit. A recording is written as one file per side
/// (`FILE-a.toml`, `FILE-b.toml`), replayed by `breakwater compare A B`.
pub fn compare_dashboard(mut cmp: Comparison, args: DashArgs) -> Result<ExitCode, ExitCode> {
    if let Some(path) = &args.record {
        check_writable("--record", path)?;
    }
    if !std::io::stdout().is_terminal() {
        let spec = cmp
            .a
            .origin
            .strip_prefix("builtin:")
            .unwrap_or(&cmp.a.origin);
        output::errln(&format!(
            "breakwater: {}",
            t!(
                "needs-terminal",
                command = format!("breakwater compare {} --no-tui", escape(spec))
            )
        ));
        return Err(ExitCode::from(2));
    }
    if let Some(seed) = args.seed {
        cmp.set_seed(seed);
    }
    let names = [
        format!("{} · A: {}", cmp.a.name, cmp.label_a),
        format!("{} · B: {}", cmp.b.name, cmp.label_b),
    ];
    live(App::compare(cmp), args, &names)
}
