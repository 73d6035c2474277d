//! Scenarios embedded in the binary, run by name.

/// (name, TOML text), `seed-lesson` first.
pub const BUILTINS: &[(&str, &str)] = &[(
    "seed-lesson",
    include_str!("../../scenarios/seed-lesson.toml"),
)];

pub fn builtin(name: &str) -> Option<&'static str> {
    BUILTINS.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

pub fn names() -> Vec<&'static str> {
    BUILTINS.iter().map(|(n, _)| *n).collect()
}
