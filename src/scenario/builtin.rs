//! Scenarios embedded in the binary, run by name. Each teaches one thing; its
//! `lesson` says what to watch and `tests/lessons.rs` checks that it holds.

/// (name, TOML text), `seed-lesson` first.
pub const BUILTINS: &[(&str, &str)] = &[
    (
        "seed-lesson",
        include_str!("../../scenarios/seed-lesson.toml"),
    ),
    (
        "breaker-opens",
        include_str!("../../scenarios/breaker-opens.toml"),
    ),
    (
        "retry-storm",
        include_str!("../../scenarios/retry-storm.toml"),
    ),
    (
        "retry-budget",
        include_str!("../../scenarios/retry-budget.toml"),
    ),
    (
        "thundering-herd",
        include_str!("../../scenarios/thundering-herd.toml"),
    ),
    (
        "bulkhead-isolation",
        include_str!("../../scenarios/bulkhead-isolation.toml"),
    ),
    (
        "timeout-fallback",
        include_str!("../../scenarios/timeout-fallback.toml"),
    ),
    ("brownout", include_str!("../../scenarios/brownout.toml")),
    (
        "half-open-flapping",
        include_str!("../../scenarios/half-open-flapping.toml"),
    ),
    ("hedging", include_str!("../../scenarios/hedging.toml")),
];

pub fn builtin(name: &str) -> Option<&'static str> {
    BUILTINS.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

pub fn names() -> Vec<&'static str> {
    BUILTINS.iter().map(|(n, _)| *n).collect()
}
