//! Exercises embedded in the binary, graded by name. Each starts from a
//! broken world of a built-in scenario; `tests/exercises.rs` checks that its
//! reference solution passes and its unchanged start fails.

/// (name, TOML text), one per pattern, then one that needs two together.
pub const BUILTINS: &[(&str, &str)] = &[
    (
        "breaker-sheds-load",
        include_str!("../../../exercises/breaker-sheds-load.toml"),
    ),
    (
        "retry-without-storm",
        include_str!("../../../exercises/retry-without-storm.toml"),
    ),
    (
        "bulkhead-isolates",
        include_str!("../../../exercises/bulkhead-isolates.toml"),
    ),
    (
        "timeout-bounds-latency",
        include_str!("../../../exercises/timeout-bounds-latency.toml"),
    ),
    (
        "keep-checkout-alive",
        include_str!("../../../exercises/keep-checkout-alive.toml"),
    ),
];

pub fn builtin(name: &str) -> Option<&'static str> {
    BUILTINS.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

pub fn names() -> Vec<&'static str> {
    BUILTINS.iter().map(|(n, _)| *n).collect()
}
