//! `breakwater sweep`: each cell is exactly `run --set …` of that cell;
//! bad input is refused before any run starts; shards concatenate and
//! `--resume` runs only what is missing; Ctrl-C keeps the finished rows;
//! and the metastability map of `retry-storm` shows a stable region and a
//! boundary that moves down as retries grow.

mod common;

use breakwater::report::metrics::Metric;
use breakwater::scenario::overrides::apply_sets;
use breakwater::sweep::cell::{run_cell, Measure};
use common::{breakwater, builtin, bw, bw_ok, temp_dir};
use serde_json::Value;
use std::sync::atomic::AtomicBool;

/// A small, quick grid of retry-storm around its boundary.
const GRID: [&str; 4] = [
    "--vary",
    "load.rate=30,60",
    "--vary",
    "patterns.retry.max_attempts=1..2:1",
];

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("JSON")
}

/// A run object without its wall time (the one number that is not the
/// simulation's).
fn without_wall(mut v: Value) -> Value {
    v.as_object_mut().expect("object").remove("wall_seconds");
    v
}

#[test]
fn each_cell_is_exactly_run_with_its_sets() {
    let mut args = vec![
        "sweep",
        "retry-storm",
        "--duration",
        "90s",
        "--json",
        "--jobs",
        "2",
    ];
    args.extend(GRID);
    let sweep = json(&bw_ok(&args));
    assert_eq!(sweep["metric"], "goodput");
    let cells = sweep["cells"].as_array().expect("cells");
    assert_eq!(cells.len(), 4);
    for (i, cell) in cells.iter().enumerate() {
        assert_eq!(cell["index"], i);
        // The printed command, with `run` instead of the dashboard.
        let command = cell["command"].as_str().expect("command");
        let mut words: Vec<&str> = command.split_whitespace().collect();
        assert_eq!(words[0], "breakwater");
        words[0] = "run";
        words.extend(["--duration", "90s", "--json"]);
        let run = json(&bw_ok(&words));
        assert_eq!(
            without_wall(cell["run"].clone()),
            without_wall(run.clone()),
            "{command}"
        );
        let goodput = run["totals"]["ok"].as_f64().unwrap() / run["sim_seconds"].as_f64().unwrap();
        // Equal up to JSON's reading of decimals (not exactly round-trip).
        let value = cell["value"].as_f64().unwrap();
        assert!(
            (value - goodput).abs() <= 1e-12 * goodput,
            "{command}: {value} vs {goodput}"
        );
        assert_eq!(cell["interval"], Value::Null);
    }
    assert_eq!(cells[3]["set"]["load.rate"], 60);
    assert_eq!(cells[3]["set"]["patterns.retry.max_attempts"], 2);
}

#[test]
fn seeds_give_the_mean_of_the_runs_and_an_interval() {
    let out = json(&bw_ok(&[
        "sweep",
        "retry-storm",
        "--vary",
        "load.rate=30",
        "--seeds",
        "3",
        "--seed",
        "11",
        "--duration",
        "30s",
        "--json",
    ]));
    let cell = &out["cells"][0];
    assert_eq!(cell["run"], Value::Null);
    let goodputs: Vec<f64> = (11..14)
        .map(|seed| {
            let r = json(&bw_ok(&[
                "run",
                "retry-storm",
                "--set",
                "load.rate=30",
                "--seed",
                &seed.to_string(),
                "--duration",
                "30s",
                "--json",
            ]));
            r["totals"]["ok"].as_f64().unwrap() / r["sim_seconds"].as_f64().unwrap()
        })
        .collect();
    let mean = goodputs.iter().sum::<f64>() / 3.0;
    let v = cell["value"].as_f64().unwrap();
    assert!((v - mean).abs() < 1e-9, "{v} vs {mean}");
    let (lo, hi) = (
        cell["interval"][0].as_f64().unwrap(),
        cell["interval"][1].as_f64().unwrap(),
    );
    assert!(lo < v && v < hi && ((hi - v) - (v - lo)).abs() < 1e-9);
}

#[test]
fn bad_input_is_refused_before_any_run() {
    let dir = temp_dir("sweep-bad");
    let csv = dir.join("out.csv");
    let csv = csv.to_str().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&["--vary", "load.rat=1..5:1"], "did you mean `rate`"),
        (&["--vary", "load.rate=5..1:1"], "descending"),
        (&["--vary", "load.rate=1..5:0"], "above 0"),
        (&["--vary", "load.rate=1..5"], "FROM..TO:STEP"),
        (&["--vary", "load.rate=10,-5"], "from 0 to 1000000"),
        (
            &["--vary", "patterns.retry.max_attempts=0..3:1"],
            "from 1 to 100",
        ),
        (
            &[
                "--vary",
                "load.rate=1..200:1",
                "--vary",
                "patterns.retry.max_attempts=1..100:1",
            ],
            "10,000",
        ),
        (
            &["--vary", "load.rate=1..5:1", "--set", "load.rate=3"],
            "either fixed or varied",
        ),
        (
            &["--vary", "a.b=1", "--vary", "c.d=1", "--vary", "e.f=1"],
            "one path",
        ),
        (
            &["--vary", "load.rate=1", "--service", "pay"],
            "Valid: all, api",
        ),
        (&["--vary", "load.rate=1", "--shard", "2/2"], "0 ≤ I < N"),
        (
            &["--vary", "load.rate=1", "--metric", "speed"],
            "goodput_after",
        ),
        (&["--vary", "load.rate=1", "--seeds", "0"], "--seeds"),
    ];
    for (extra, needle) in cases {
        let mut args = vec!["sweep", "retry-storm", "--csv", csv];
        args.extend(*extra);
        let (code, _, err) = bw(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(
            err.contains(needle),
            "{args:?}: expected `{needle}` in: {err}"
        );
        assert!(
            !std::path::Path::new(csv).exists(),
            "{args:?} started a run"
        );
    }
}

#[test]
fn shards_concatenate_and_resume_runs_only_what_is_missing() {
    let dir = temp_dir("sweep-shards");
    let path = |n: &str| dir.join(n).to_str().unwrap().to_string();
    let base = [
        "sweep",
        "retry-storm",
        "--duration",
        "30s",
        "--metric",
        "goodput",
    ];
    let whole = {
        let mut a = base.to_vec();
        a.extend(GRID);
        a.push("--json");
        json(&bw_ok(&a))
    };
    let mut all = String::new();
    for i in 0..3 {
        let file = path(&format!("shard-{i}.csv"));
        let shard = format!("{i}/3");
        let mut a = base.to_vec();
        a.extend(GRID);
        a.extend(["--shard", &shard, "--csv", &file]);
        let out = bw_ok(&a);
        assert!(out.contains("of 4 cells"), "{out}");
        all.push_str(&std::fs::read_to_string(&file).unwrap());
    }
    // Concatenated as they are: each shard's header is skipped on reading.
    let joined = path("all.csv");
    std::fs::write(&joined, &all).unwrap();
    let mut a = base.to_vec();
    a.extend(GRID);
    a.extend(["--resume", &joined, "--json", "--jobs", "1"]);
    let resumed = json(&bw_ok(&a));
    for (w, r) in whole["cells"]
        .as_array()
        .unwrap()
        .iter()
        .zip(resumed["cells"].as_array().unwrap())
    {
        assert_eq!(w["index"], r["index"]);
        assert_eq!(w["value"], r["value"], "a resumed cell reads back exactly");
        assert_eq!(r["run"], Value::Null, "not run again");
    }
    assert_eq!(
        std::fs::read_to_string(&joined).unwrap(),
        all,
        "nothing added"
    );
    // A row of another sweep is refused, naming file and line.
    let other = path("other.csv");
    std::fs::write(&other, all.replace("load.rate=60", "load.rate=61")).unwrap();
    let mut a = base.to_vec();
    a.extend(GRID);
    a.extend(["--resume", &other]);
    let (code, _, err) = bw(&a);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("other.csv:") && err.contains("another sweep"),
        "{err}"
    );
}

#[test]
fn ctrl_c_keeps_finished_rows_and_resume_completes() {
    let dir = temp_dir("sweep-int");
    let file = dir.join("s.csv");
    let f = file.to_str().unwrap();
    let args = [
        "sweep",
        "retry-storm",
        "--vary",
        "load.rate=10..100:10",
        "--vary",
        "patterns.retry.max_attempts=1..10:1",
        "--jobs",
        "1",
        "--csv",
        f,
    ];
    let child = breakwater()
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let rows = || std::fs::read_to_string(&file).map_or(0, |t| t.lines().count().saturating_sub(1));
    let started = std::time::Instant::now();
    while rows() < 3 && started.elapsed().as_secs() < 60 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    // SAFETY: kill(2) on our own child's pid.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let out = child.wait_with_output().expect("wait");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert!(err.contains("--resume"), "{err}");
    let kept = rows();
    assert!((3..100).contains(&kept), "{kept} rows");
    let mut a = args.to_vec();
    let at = a.len() - 2;
    a[at] = "--resume";
    a.push("--json");
    let done = json(&bw_ok(&a));
    assert_eq!(done["cells"].as_array().unwrap().len(), 100);
    let text = std::fs::read_to_string(&file).unwrap();
    let mut indices: Vec<usize> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap().parse().unwrap())
        .collect();
    indices.sort();
    assert_eq!(indices, (0..100).collect::<Vec<_>>(), "each cell once");
}

#[test]
fn the_map_is_labelled_and_reads_without_colour() {
    let mut args = vec![
        "sweep",
        "retry-storm",
        "--duration",
        "90s",
        "--metric",
        "goodput_after",
    ];
    args.extend(GRID);
    let out = bw_ok(&args);
    assert!(!out.contains('\x1b'), "no colour through a pipe");
    for label in [
        "load.rate →",
        "↑ patterns.retry.max_attempts",
        " 30  ",
        "60",
        "2 │",
        "1 │",
    ] {
        assert!(out.contains(label), "`{label}` in:\n{out}");
    }
    assert!(out.contains(
        "breakwater retry-storm --variant a --set load.rate=60 --set patterns.retry.max_attempts=2"
    ));
}

/// Huang et al.'s metastable failure on `retry-storm` (a 10 s slowdown at
/// 1:00): after the trigger, each cell has either recovered (goodput near
/// the offered load) or stays collapsed (near zero), nothing between; below
/// some load it recovers, above it it stays down; without retries it always
/// recovers, and the more attempts, the lower the load where it collapses.
#[test]
fn the_metastability_map_of_retry_storm() {
    let base = builtin("retry-storm").side(breakwater::scenario::variants::Side::A);
    let loads = [30, 40, 50, 70];
    let stop = AtomicBool::new(false);
    let measure = Measure {
        metric: Metric::GoodputAfter,
        service: None,
    };
    // The lowest load that stays collapsed, per max_attempts.
    let boundary = |attempts: u32| -> u32 {
        let mut first_collapsed = u32::MAX;
        for rate in loads {
            let mut s = base.clone();
            let sets = [
                format!("load.rate={rate}"),
                format!("patterns.retry.max_attempts={attempts}"),
            ];
            apply_sets(&mut s, "--vary", &sets).unwrap();
            let cell = run_cell(&s, 0, (s.seed, 1), measure, &stop).unwrap();
            let after = cell.value.expect("defined");
            let recovered = after >= 0.75 * rate as f64;
            let collapsed = after < 0.1 * rate as f64;
            assert!(
                recovered || collapsed,
                "{attempts} attempts at {rate}/s: {after}"
            );
            if collapsed {
                first_collapsed = first_collapsed.min(rate);
            } else {
                assert!(
                    rate < first_collapsed,
                    "recovered above a collapsed load: {attempts} at {rate}"
                );
            }
        }
        first_collapsed
    };
    let (one, two, four) = (boundary(1), boundary(2), boundary(4));
    assert_eq!(one, u32::MAX, "without retries the storm always ends");
    assert!(two < one && four < two, "boundaries {one} {two} {four}");
    assert!(four > loads[0], "at low load even 4 attempts recover");
}

#[test]
fn goodput_after_counts_ok_calls_after_the_last_timeline_entry() {
    let s = builtin("retry-storm").side(breakwater::scenario::variants::Side::B);
    let (summary, ticks) = common::run_ticks(&s);
    let from = 70 * breakwater::base::time::NANOS_PER_SEC;
    let ok: u64 = ticks
        .iter()
        .filter(|t| t.t > from)
        .map(|t| {
            t.services[0]
                .counts
                .outcome(breakwater::base::outcome::Outcome::Ok)
        })
        .sum();
    let value = Metric::GoodputAfter.value(&summary, None);
    assert_eq!(value, ok as f64 / 170.0);
    assert!(value > 60.0, "side B recovers: {value}");
    // A run that ends before its timeline does has no such value.
    let mut short = s.clone();
    short.duration = breakwater::base::time::Dur::from_secs(65);
    assert!(Metric::GoodputAfter
        .value(&common::run(&short), None)
        .is_nan());
}

/// `-o`: the map as a slide, drawn from the same cells as the table: an SVG
/// that parses and names both paths and every cell's value, a PNG of the
/// size asked for; a bad extension is refused before any run.
#[test]
fn the_map_is_drawn_to_svg_and_png() {
    let dir = temp_dir("sweep-figure");
    let svg = dir.join("map.svg");
    let png = dir.join("map.png");
    let (svg, png) = (svg.to_str().unwrap(), png.to_str().unwrap());
    let mut args = vec!["sweep", "retry-storm"];
    args.extend(GRID);
    args.extend(["--json", "-o", svg, "-o", png, "--size", "960x540"]);
    let out = json(&bw_ok(&args));
    let text = std::fs::read_to_string(svg).expect("svg written");
    let doc = roxmltree::Document::parse(&text).expect("the SVG parses");
    let words: Vec<&str> = doc
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .map(str::trim)
        .collect();
    for needed in ["load.rate", "patterns.retry.max_attempts", "30", "60"] {
        assert!(
            words.contains(&needed),
            "{needed:?} not in the SVG: {words:?}"
        );
    }
    for cell in out["cells"].as_array().expect("cells") {
        let v = format!("{:.1}", cell["value"].as_f64().expect("a value"));
        assert!(
            words.contains(&v.as_str()),
            "cell value {v} not drawn: {words:?}"
        );
    }
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(png).unwrap()));
    let info = decoder.read_info().expect("the PNG decodes");
    assert_eq!((info.info().width, info.info().height), (960, 540));
    let bad = dir.join("map.jpg");
    let mut args = vec!["sweep", "retry-storm"];
    args.extend(GRID);
    args.extend(["-o", bad.to_str().unwrap()]);
    let (code, out, err) = bw(&args);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty(), "nothing ran: {out}");
    assert!(err.contains(".svg or .png"), "{err}");
}
