//! A fuzz target for the scenario parser and validator, on stable Rust: a
//! proptest that mutates the built-in scenarios and the broken-file corpus
//! (`tests/bad/`) with byte flips, control characters, deletions, duplicated
//! lines and extreme numbers, and checks that parsing and validating never
//! panics and always answers within a couple of seconds.
//!
//! `cargo test` runs 2,000 inputs; for a long run:
//! `FUZZ_CASES=20000 cargo test --release --test fuzz_parser -- --nocapture`.

mod common;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Inputs per `cargo test` run (well under a second in a debug build).
const DEFAULT_CASES: u32 = 2_000;

/// The longest one parse + validation may take, even in a debug build.
const MAX_TIME: Duration = Duration::from_secs(2);

fn corpus() -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = breakwater::scenario::builtin::BUILTINS
        .iter()
        .map(|(n, t)| (n.to_string(), t.as_bytes().to_vec()))
        .collect();
    let dir = common::root().join("tests/bad");
    let mut bad: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/bad")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    bad.sort();
    for p in bad {
        out.push((
            p.display().to_string(),
            std::fs::read(&p).expect("readable"),
        ));
    }
    let heavy = common::root().join("tests/scenarios/heavy.toml");
    out.push(("heavy".into(), std::fs::read(heavy).expect("heavy.toml")));
    out
}

/// Numbers that sit on or beyond the edges of every type and limit.
const NUMBERS: &[&str] = &[
    "0",
    "-1",
    "1",
    "0.0",
    "-0.0",
    "1e308",
    "-1e308",
    "1e-308",
    "nan",
    "inf",
    "-inf",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "-9223372036854775808",
    "18446744073709551615",
    "99999999999999999999999",
    "0x7fffffffffffffff",
    "1_000_000",
    "2000000",
    "100001",
    "\"1ns\"",
    "\"7d\"",
    "\"9999999h\"",
    "\"1e9s\"",
    "\"\"",
];

const CONTROLS: &[&[u8]] = &[
    b"\x00",
    b"\x01",
    b"\x07",
    b"\x08",
    b"\x0b",
    b"\x0c",
    b"\r",
    b"\x1b",
    b"\x1b[2J",
    b"\x7f",
    b"\xc2\x9b",
    b"\xe2\x80\xae",
    b"\xff",
    b"\"",
    b"[",
    b"]",
    b"{",
    b"=",
    b"\n",
];

#[derive(Clone, Debug)]
enum Mutation {
    FlipBit { at: usize, bit: u8 },
    Insert { at: usize, what: usize },
    Delete { at: usize, len: usize },
    DuplicateLine { line: usize },
    SwapLines { a: usize, b: usize },
    Number { nth: usize, what: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Mutation::FlipBit { at, bit }),
        (any::<usize>(), 0..CONTROLS.len()).prop_map(|(at, what)| Mutation::Insert { at, what }),
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        any::<usize>().prop_map(|line| Mutation::DuplicateLine { line }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
        (any::<usize>(), 0..NUMBERS.len()).prop_map(|(nth, what)| Mutation::Number { nth, what }),
    ]
}

fn lines(b: &[u8]) -> Vec<Vec<u8>> {
    b.split_inclusive(|&c| c == b'\n')
        .map(<[u8]>::to_vec)
        .collect()
}

fn apply(mut b: Vec<u8>, m: &Mutation) -> Vec<u8> {
    match *m {
        Mutation::FlipBit { at, bit } if !b.is_empty() => {
            let i = at % b.len();
            b[i] ^= 1 << bit;
        }
        Mutation::Insert { at, what } => {
            let i = at % (b.len() + 1);
            b.splice(i..i, CONTROLS[what].iter().copied());
        }
        Mutation::Delete { at, len } if !b.is_empty() => {
            let i = at % b.len();
            let j = (i + len).min(b.len());
            b.drain(i..j);
        }
        Mutation::DuplicateLine { line } => {
            let mut ls = lines(&b);
            if !ls.is_empty() {
                let i = line % ls.len();
                let l = ls[i].clone();
                ls.insert(i, l);
            }
            b = ls.concat();
        }
        Mutation::SwapLines { a, b: c } => {
            let mut ls = lines(&b);
            if !ls.is_empty() {
                let n = ls.len();
                ls.swap(a % n, c % n);
            }
            b = ls.concat();
        }
        Mutation::Number { nth, what } => {
            // The nth run of digits (with sign, dot, exponent) becomes an
            // extreme number.
            let mut runs = Vec::new();
            let mut i = 0;
            while i < b.len() {
                if b[i].is_ascii_digit() {
                    let start = if i > 0 && b[i - 1] == b'-' { i - 1 } else { i };
                    let mut j = i;
                    while j < b.len() && (b[j].is_ascii_digit() || b".eE_".contains(&b[j])) {
                        j += 1;
                    }
                    runs.push((start, j));
                    i = j;
                } else {
                    i += 1;
                }
            }
            if !runs.is_empty() {
                let (s, e) = runs[nth % runs.len()];
                b.splice(s..e, NUMBERS[what].bytes());
            }
        }
        _ => {}
    }
    b
}

#[test]
fn parse_and_validate_never_panic_on_mutated_scenarios() {
    let cases: u32 = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_CASES);
    let corpus = corpus();
    let ran = AtomicUsize::new(0);
    let accepted = AtomicUsize::new(0);
    let slowest = std::sync::Mutex::new(Duration::ZERO);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (0..corpus.len(), prop::collection::vec(mutation(), 1..4));
    runner
        .run(&strategy, |(source, muts)| {
            let mut bytes = corpus[source].1.clone();
            for m in &muts {
                bytes = apply(bytes, m);
            }
            let t = Instant::now();
            let result = breakwater::scenario::parse_scenario("fuzz.toml", &bytes);
            let took = t.elapsed();
            ran.fetch_add(1, Ordering::Relaxed);
            {
                let mut s = slowest.lock().unwrap();
                *s = (*s).max(took);
            }
            prop_assert!(
                took < MAX_TIME,
                "took {took:?} on {}",
                String::from_utf8_lossy(&bytes)
            );
            match result {
                Ok(_) => {
                    accepted.fetch_add(1, Ordering::Relaxed);
                }
                Err(e) => {
                    // Every error is located and printable without control
                    // characters.
                    let shown = e.say("en");
                    prop_assert!(e.line >= 1 && e.column >= 1, "{shown}");
                    prop_assert!(
                        !shown.chars().any(breakwater::base::escape::is_unsafe),
                        "{shown:?}"
                    );
                    prop_assert!(
                        !e.message.say("en").trim().is_empty(),
                        "empty message for {:?}",
                        String::from_utf8_lossy(&bytes)
                    );
                }
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    println!(
        "fuzz_parser: {} inputs from {} sources, {} accepted, none panicked; slowest {:?}",
        ran.load(Ordering::Relaxed),
        corpus.len(),
        accepted.load(Ordering::Relaxed),
        slowest.lock().unwrap()
    );
}
