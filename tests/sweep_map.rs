//! The sweep's `recovered` metric against the run's own time series: of the
//! calls there were to answer once the timeline was over (in flight then,
//! or arrived later), the fraction that ended ok. Read back from `run
//! --timeseries` (every tick's arrivals and outcomes), it is exactly the
//! sweep's value; it is in [0, 1]; near 1 in the cells that recover and near
//! 0 in those that stay collapsed; over the whole run when there is no
//! timeline; undefined when the run ends before the timeline does. And the
//! map drawn for a slide names its axes in words, in the reader's
//! language, with each raw path in small print, and writes its numbers with
//! the reader's decimal mark.

mod common;

use breakwater::report::metrics::Metric;
use breakwater::scenario::overrides::apply_sets;
use breakwater::scenario::variants::Side;
use breakwater::scenario::Scenario;
use breakwater::sweep::cell::{run_cell, Measure};
use common::{builtin, bw_ok, temp_dir};
use std::collections::BTreeMap;
use std::sync::atomic::AtomicBool;

/// Per service: (tick end in ms, calls arrived, ok, finished) of each tick.
type Ticks = BTreeMap<String, Vec<(u64, u64, u64, u64)>>;

fn ticks_of(csv: &str) -> Ticks {
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |n: &str| header.iter().position(|h| *h == n).unwrap();
    let outcomes = common::outcome_columns(&header);
    let mut out = Ticks::new();
    for line in lines {
        let f: Vec<&str> = line.split(',').collect();
        let n = |i: usize| f[i].parse::<u64>().unwrap();
        let ms = (f[col("t_s")].parse::<f64>().unwrap() * 1000.0).round() as u64;
        let finished = outcomes.iter().map(|&i| n(i)).sum();
        out.entry(f[col("service")].to_string()).or_default().push((
            ms,
            n(col("calls")),
            n(outcomes[0]),
            finished,
        ));
    }
    out
}

/// `recovered` from the time series: the timeline is over at its last
/// entry (a ramp's end included), counted from the first tick that ends
/// then or later; `None` if no tick does.
fn from_ticks(s: &Scenario, ticks: &Ticks, service: Option<&str>) -> Option<f64> {
    let over_ms = s
        .timeline
        .iter()
        .map(|c| c.at.0 + c.over.map_or(0, |o| o.0))
        .max()
        .unwrap_or(0)
        / 1_000_000;
    let (mut ok_after, mut owed) = (0, 0);
    for (name, rows) in ticks {
        if service.is_some_and(|x| x != name) {
            continue;
        }
        let t = if over_ms == 0 {
            0
        } else {
            rows.iter().map(|r| r.0).find(|&ms| ms >= over_ms)?
        };
        let arrived: u64 = rows.iter().map(|r| r.1).sum();
        let finished_by_t: u64 = rows.iter().filter(|r| r.0 <= t).map(|r| r.3).sum();
        ok_after += rows.iter().filter(|r| r.0 > t).map(|r| r.2).sum::<u64>();
        owed += arrived - finished_by_t;
    }
    Some(ok_after as f64 / owed as f64)
}

fn sweep_value(s: &Scenario, service: Option<usize>) -> Option<f64> {
    let m = Measure {
        metric: Metric::Recovered,
        service,
    };
    run_cell(s, 0, (s.seed, 1), m, &AtomicBool::new(false))
        .unwrap()
        .value
}

#[test]
fn recovered_is_ok_over_the_calls_owed_after_the_timeline_as_the_time_series_counts_them() {
    let dir = temp_dir("recovered");
    let base = builtin("retry-storm").side(Side::A);
    let mut seen = Vec::new();
    for (rate, attempts) in [(30, 1), (30, 3), (50, 3), (90, 1), (90, 3)] {
        let sets = [
            format!("load.rate={rate}"),
            format!("patterns.retry.max_attempts={attempts}"),
        ];
        let mut s = base.clone();
        apply_sets(&mut s, "--vary", &sets).unwrap();
        let csv = dir.join(format!("ts-{rate}-{attempts}.csv"));
        bw_ok(&[
            "run",
            "retry-storm",
            "--variant",
            "a",
            "--set",
            &sets[0],
            "--set",
            &sets[1],
            "--timeseries",
            csv.to_str().unwrap(),
        ]);
        let ticks = ticks_of(&std::fs::read_to_string(&csv).unwrap());
        let value = sweep_value(&s, None).expect("defined: the run outlives its timeline");
        let expected = from_ticks(&s, &ticks, None).unwrap();
        assert!(
            (value - expected).abs() < 1e-12,
            "{rate}/s × {attempts}: sweep {value}, time series {expected}"
        );
        assert!((0.0..=1.0).contains(&value), "{value}");
        // One service alone, the same way.
        let api = sweep_value(&s, Some(0)).unwrap();
        assert!((api - from_ticks(&s, &ticks, Some("api")).unwrap()).abs() < 1e-12);
        seen.push(((rate, attempts), value));
    }
    let at = |k| seen.iter().find(|(c, _)| *c == k).unwrap().1;
    // Low load recovers whatever the retries; with 3 attempts at 50/s the
    // storm outlives its trigger (the metastable collapse).
    assert!(at((30, 1)) > 0.98 && at((30, 3)) > 0.98, "{seen:?}");
    assert!(at((50, 3)) < 0.05 && at((90, 3)) < 0.05, "{seen:?}");
    // Recovered is not goodput: at 90/s without retries the service is over
    // its capacity, not collapsed: most calls, not all, end ok.
    assert!(at((90, 1)) > 0.5 && at((90, 1)) < 0.98, "{seen:?}");
}

#[test]
fn without_a_timeline_recovered_is_ok_over_calls_of_the_whole_run_and_a_healthy_one_is_about_one() {
    let s = common::scenario(
        r#"
name = "healthy"
duration = "60s"
seed = 3
[load]
rate = 40
[[services]]
name = "api"
workers = 64
latency = { dist = "constant", value = "20ms" }
"#,
    );
    assert!(s.timeline.is_empty());
    let sim = common::finished(&s);
    let summary = breakwater::report::Summary::of(&sim, &s.name, 0.0);
    let c = &summary.totals;
    let whole = c.outcome(breakwater::base::outcome::Outcome::Ok) as f64 / c.calls as f64;
    let value = sweep_value(&s, None).unwrap();
    assert!((value - whole).abs() < 1e-12, "{value} vs {whole}");
    // Nothing fails; only the calls still in flight at the end are not ok.
    assert!(value > 0.99 && value <= 1.0, "{value}");
    let shortfall = sim.in_flight() as f64 / c.calls as f64;
    assert!(
        (value - (1.0 - shortfall)).abs() < 1e-12,
        "the shortfall is the calls in flight at the end: {value}, {shortfall}"
    );
}

#[test]
fn a_run_that_ends_before_its_timeline_has_no_value_and_the_cli_lists_the_metric() {
    let mut s = builtin("retry-storm").side(Side::A);
    s.duration = breakwater::base::time::Dur(30 * breakwater::base::time::NANOS_PER_SEC);
    assert_eq!(sweep_value(&s, None), None);
    let dir = temp_dir("recovered-csv");
    let csv = dir.join("map.csv");
    let out = bw_ok(&[
        "sweep",
        "retry-storm",
        "--variant",
        "a",
        "--vary",
        "load.rate=30,50",
        "--vary",
        "patterns.retry.max_attempts=3",
        "--metric",
        "recovered",
        "--json",
        "--quiet",
        "--csv",
        csv.to_str().unwrap(),
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["metric"], "recovered", "{v}");
    // The CSV's rows carry it: the metric's name and each cell's value.
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |n: &str| header.iter().position(|h| *h == n).unwrap();
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 2);
    for r in &rows {
        assert_eq!(r[col("metric")], "recovered");
        let value: f64 = r[col("value")].parse().unwrap();
        assert!((0.0..=1.0).contains(&value), "{value}");
        let index: usize = r[col("index")].parse().unwrap();
        let json = v["cells"][index]["value"].as_f64().unwrap();
        assert!(
            (value - json).abs() < 1e-12,
            "the CSV and the JSON agree: {value}, {json}"
        );
    }
    let (_, _, help) = common::bw(&["sweep", "--metric", "nonsense", "x", "--vary", "a=1"]);
    assert!(help.contains("recovered"), "{help}");
}

#[test]
fn the_map_names_its_axes_in_words_with_the_path_in_small_print_in_each_language() {
    let dir = temp_dir("sweep-words");
    for (lang, x_name, y_name, value) in [
        (
            "en",
            "payment failure rate",
            "Retry: max attempts (every service)",
            "0.25",
        ),
        (
            "es",
            "tasa de fallos de payment",
            "Retry: intentos máximos (todos los servicios)",
            "0,25",
        ),
    ] {
        let svg = dir.join(format!("map-{lang}.svg"));
        bw_ok(&[
            "sweep",
            "seed-lesson",
            "--vary",
            "services.payment.failure_rate=0,0.25",
            "--vary",
            "patterns.retry.max_attempts=1,3",
            "--metric",
            "recovered",
            "--quiet",
            "--lang",
            lang,
            "-o",
            svg.to_str().unwrap(),
        ]);
        let text = std::fs::read_to_string(&svg).unwrap();
        let doc = roxmltree::Document::parse(&text).unwrap();
        let texts: Vec<(String, f64)> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .map(|n| {
                let size = n.attribute("font-size").unwrap().parse().unwrap();
                (n.text().unwrap_or("").trim().to_string(), size)
            })
            .collect();
        let size_of = |t: &str| {
            texts
                .iter()
                .find(|(x, _)| x == t)
                .unwrap_or_else(|| panic!("{lang}: {t:?} not in {texts:?}"))
                .1
        };
        for (name, path) in [
            (x_name, "services.payment.failure_rate"),
            (y_name, "patterns.retry.max_attempts"),
        ] {
            assert!(
                size_of(path) < size_of(name),
                "{lang}: the path {path} in smaller print than {name}"
            );
        }
        size_of(value);
        let metric = breakwater::i18n::tr_in(lang, "metric-recovered", None);
        assert!(
            texts.iter().any(|(t, _)| t.starts_with(&metric)),
            "{lang}: {metric}"
        );
    }
}
