//! One Spanish (issue 21): every number a person reads in `run`, `compare
//! --no-tui`, `sweep` and `check` has the Spanish decimal mark and grouping,
//! so no digit, point, digit sequence is left outside commands and paths.

use std::process::Command;

fn spanish(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_breakwater"))
        .args(args)
        .env("BREAKWATER_LANG", "es")
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap()
}

/// Lines that quote a command or a path keep their points.
fn prose(line: &str) -> bool {
    !line.contains("breakwater ") && !line.contains(".toml") && !line.contains('/')
}

fn point_between_digits(line: &str) -> bool {
    let c: Vec<char> = line.chars().collect();
    c.windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == '.' && w[2].is_ascii_digit())
}

#[test]
fn spanish_outputs_have_no_point_between_digits() {
    let scenario = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/seed-lesson.toml");
    let runs: &[&[&str]] = &[
        &["run", "seed-lesson"],
        &["run", "retry-storm"],
        &["compare", "retry-storm", "--no-tui"],
        &[
            "compare",
            "seed-lesson",
            "--set-b",
            "patterns.bulkhead.enabled=false",
            "--no-tui",
        ],
        &[
            "sweep",
            "seed-lesson",
            "--vary",
            "services.payment.failure_rate=0,0.25,0.5",
            "--vary",
            "patterns.timeout.per_attempt=\"500ms\",\"1.5s\"",
            "--duration",
            "60s",
        ],
        &["check", scenario],
    ];
    let mut seen = 0;
    let mut wrong = Vec::new();
    for args in runs {
        let text = spanish(args);
        for line in text.lines().filter(|l| prose(l)) {
            seen += line.chars().filter(char::is_ascii_digit).count();
            if point_between_digits(line) {
                wrong.push(format!("{args:?}: {line}"));
            }
        }
    }
    assert!(seen > 500, "the outputs were read ({seen} digits)");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_check_sees_a_point_between_digits() {
    assert!(point_between_digits("goodput 29.2"));
    assert!(!point_between_digits("goodput 29,2 · 19\u{a0}245 llamadas"));
    assert!(!prose("breakwater seed-lesson --set x=0.5"));
}
