//! Tables a person reads fit a class's 80 columns and line up by display
//! width in both languages: `run`'s table wraps as a whole (blocks of
//! columns, each led by the service) instead of breaking rows, and
//! `compare --no-tui` sizes its label column to its longest label.

mod common;
use common::*;

fn width(line: &str) -> usize {
    line.chars().count()
}

#[test]
fn run_tables_fit_80_columns_and_keep_every_service_in_every_block() {
    for lang in ["en", "es"] {
        for name in ["seed-lesson", "bulkhead-isolation", "hedging"] {
            let out = bw_ok(&["run", name, "--lang", lang]);
            for line in out.lines() {
                assert!(
                    width(line) <= 80,
                    "{lang} {name}: {} wide: {line}",
                    width(line)
                );
            }
            // Blocks are separated by a blank line; each lists every service.
            let body: Vec<&str> = out.lines().skip(1).collect();
            let blocks: Vec<Vec<&str>> = body.split(|l| l.is_empty()).map(|b| b.to_vec()).collect();
            assert!(
                blocks.len() >= 2,
                "{lang} {name}: the table did not need to wrap?"
            );
            let services = blocks[0].len() - 1;
            for block in &blocks[..blocks.len() - 1] {
                // The last block is followed by the total and the legend.
                assert!(block.len() > services);
                let heads: Vec<&str> = block[1..=services]
                    .iter()
                    .map(|l| l.split_whitespace().next().unwrap())
                    .collect();
                let first: Vec<&str> = blocks[0][1..=services]
                    .iter()
                    .map(|l| l.split_whitespace().next().unwrap())
                    .collect();
                assert_eq!(heads, first, "{lang} {name}");
            }
        }
    }
}

/// Every row of a comparison block ends its three numbers at the same
/// columns as the heading's `A`, `B` and `Δ (B − A)`.
#[test]
fn compare_tables_line_up_in_both_languages() {
    for lang in ["en", "es"] {
        let out = bw_ok(&[
            "compare",
            "seed-lesson",
            "--set-b",
            "services.payment.bulkhead.enabled=false",
            "--no-tui",
            "--lang",
            lang,
        ]);
        let mut heading: Option<usize> = None;
        for line in out.lines().skip(3) {
            if line.is_empty() {
                heading = None;
                continue;
            }
            match heading {
                None => heading = Some(width(line)),
                Some(w) => assert_eq!(width(line), w, "{lang}: misaligned row: {line:?}"),
            }
            assert!(width(line) <= 80, "{lang}: {line:?}");
        }
    }
}
