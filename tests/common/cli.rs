//! Running the `breakwater` binary built for these tests.

/// The `breakwater` binary built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_breakwater");

/// A command for the binary, with a neutral environment for colours.
pub fn breakwater() -> std::process::Command {
    let mut c = std::process::Command::new(BIN);
    c.env_remove("NO_COLOR");
    c
}

/// Runs the binary with `args`: (exit code, stdout, stderr). A run ended by
/// a signal reports -1.
pub fn bw(args: &[&str]) -> (i32, String, String) {
    let out = breakwater().args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// Runs the binary with `args`, asserting it succeeds; returns its stdout.
pub fn bw_ok(args: &[&str]) -> String {
    let out = breakwater().args(args).output().expect("run breakwater");
    assert!(
        out.status.success(),
        "breakwater {args:?} failed ({:?}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Every final outcome's name in the report's order (JSON keys, CSV columns).
pub const OUTCOMES: [&str; 6] = [
    "ok",
    "failed",
    "timed_out",
    "short_circuited",
    "bulkhead_rejected",
    "client_rejected",
];

/// The columns of the outcomes in a `--timeseries` CSV's `header`, in the
/// report's order.
pub fn outcome_columns(header: &[&str]) -> [usize; 6] {
    OUTCOMES.map(|n| header.iter().position(|h| *h == n).unwrap())
}
