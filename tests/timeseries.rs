//! The `--timeseries` CSV says what happened in each tick, no more: a tick
//! in which no call finished has no latency (empty fields, not zeros that a
//! plot would draw as a dip to 0 ms), and one where calls finished has all
//! four, ordered p50 ≤ p90 ≤ p99 ≤ max.

mod common;

use common::{bw_ok, temp_dir};

#[test]
fn a_tick_where_no_call_finished_has_no_latency() {
    let dir = temp_dir("timeseries");
    let path = dir.join("ts.csv");
    bw_ok(&["run", "retry-storm", "--timeseries", path.to_str().unwrap()]);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let outcomes = common::outcome_columns(&header);
    let lat = ["p50_ms", "p90_ms", "p99_ms", "max_ms"].map(col);
    let (mut empty, mut full) = (0, 0);
    for line in lines {
        let f: Vec<&str> = line.split(',').collect();
        let finished: u64 = outcomes.iter().map(|&i| f[i].parse::<u64>().unwrap()).sum();
        if finished == 0 {
            assert!(lat.iter().all(|&i| f[i].is_empty()), "{line}");
            empty += 1;
        } else {
            let v: Vec<f64> = lat.iter().map(|&i| f[i].parse().unwrap()).collect();
            assert!(v.windows(2).all(|w| w[0] <= w[1]) && v[0] > 0.0, "{line}");
            full += 1;
        }
    }
    // Retry-storm's collapse has ticks where nothing finishes, and the rest.
    assert!(empty > 10 && full > 100, "empty {empty}, full {full}");
}
