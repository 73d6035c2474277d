//! The layers' direction, read from the source text: `i18n` ← `base` ← `patterns` ←
//! `sim` ← `scenario` ← the shells (`report`, `sweep`, `plot`, `tui`, `output`, `main`). A
//! lower layer never names a higher one, and a dashboard panel never names
//! another panel (the helpers in `panels/mod.rs` are shared). Also: no file
//! grows past `MAX_LINES` unless it says near its top why its size is earned.
//!
//! The scan is textual, comments included: every `crate::` and `$crate::`
//! path, and every `super::` path resolved to the `crate::` path it stands
//! for (so `use super::*` or `super::super::tui` cannot smuggle a higher
//! layer in). `use` groups (`{a, b::c}`) are expanded, across lines too.

use std::path::Path;

/// The longest a source file may be without saying why.
const MAX_LINES: usize = 700;
/// The words that mark a longer file, within its first `MARK_WITHIN` lines.
const SIZE_MARK: &str = "size is earned";
const MARK_WITHIN: usize = 20;

/// Which top-level modules a layer may not name (`crate::<module>`).
fn forbidden(layer: &str, module: &str) -> bool {
    match layer {
        "patterns" => matches!(
            module,
            "scenario" | "sim" | "tui" | "report" | "sweep" | "plot"
        ),
        "sim" => matches!(module, "scenario" | "tui" | "report" | "sweep" | "plot"),
        // The bottom: only itself, and the `settable!` macro it exports at
        // the crate root, and i18n's macros (`msg!`, messages as data).
        "base" => !matches!(module, "base" | "settable" | "i18n" | "t" | "msg"),
        // Beside the bottom: the catalogues know nothing of the rest.
        "i18n" => !matches!(module, "i18n" | "t" | "msg"),
        "scenario" => matches!(module, "tui" | "report" | "sweep" | "plot"),
        _ => false,
    }
}

/// The module path of a source file: `src/sim/engine/trip.rs` is
/// `["sim", "engine", "trip"]`, `src/sim/engine/mod.rs` is `["sim", "engine"]`.
fn module_of(rel: &str) -> Vec<String> {
    let rel = rel.strip_prefix("src/").unwrap_or(rel);
    let rel = rel.strip_suffix(".rs").unwrap_or(rel);
    let mut m: Vec<String> = rel.split('/').map(String::from).collect();
    if m.last()
        .is_some_and(|l| l == "mod" || l == "lib" || l == "main")
    {
        m.pop();
    }
    m
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Reads a path tail (`a::b::{c, d::*}`) starting at `i`; appends each full
/// path (`prefix` + tail) to `out`.
fn read_tail(text: &[u8], mut i: usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    let skip_ws = |mut i: usize| {
        while i < text.len() && text[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    let mut path = prefix;
    loop {
        i = skip_ws(i);
        if i >= text.len() {
            break;
        }
        if text[i] == b'*' {
            path.push("*".into());
            break;
        }
        if text[i] == b'{' {
            // A group: split at the commas of this level.
            let mut depth = 0;
            let mut start = i + 1;
            let mut j = i;
            while j < text.len() {
                match text[j] {
                    b'{' => depth += 1,
                    b'}' | b',' if depth == 1 => {
                        read_tail(text, start, path.clone(), out);
                        start = j + 1;
                        if text[j] == b'}' {
                            break;
                        }
                    }
                    b'}' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            return;
        }
        let s = i;
        while i < text.len() && is_ident(text[i]) {
            i += 1;
        }
        if s == i {
            break;
        }
        path.push(String::from_utf8_lossy(&text[s..i]).into_owned());
        if text[i..].starts_with(b"::") {
            i += 2;
        } else {
            break;
        }
    }
    if !path.is_empty() {
        out.push(path);
    }
}

/// Every path in `text` that starts at the crate root, as its segments after
/// `crate`, with the line it starts on.
fn crate_paths(rel: &str, text: &str) -> Vec<(usize, Vec<String>)> {
    let module = module_of(rel);
    let b = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let before_ok = i == 0 || !(is_ident(b[i - 1]) || b[i - 1] == b':');
        let (prefix, after) = if before_ok && b[i..].starts_with(b"crate::") {
            (Vec::new(), i + "crate::".len())
        } else if before_ok && b[i..].starts_with(b"super::") {
            // Count the chain; a `super` on an indented line is taken to be
            // inside an inline module (`mod tests`), one level deeper.
            let mut n = 0;
            let mut j = i;
            while b[j..].starts_with(b"super::") {
                n += 1;
                j += "super::".len();
            }
            let line_start = b[..i]
                .iter()
                .rposition(|&c| c == b'\n')
                .map_or(0, |p| p + 1);
            let indented = b.get(line_start).is_some_and(|c| *c == b' ' || *c == b'\t');
            let mut scope = module.clone();
            if indented {
                scope.push("<inline>".into());
            }
            if n > scope.len() {
                found.push((line_of(b, i), vec!["<above the crate root>".into()]));
                i = j;
                continue;
            }
            scope.truncate(scope.len() - n);
            scope.retain(|s| s != "<inline>");
            (scope, j)
        } else {
            i += 1;
            continue;
        };
        let mut paths = Vec::new();
        read_tail(b, after, prefix, &mut paths);
        let line = line_of(b, i);
        found.extend(paths.into_iter().map(|p| (line, p)));
        i = after;
    }
    found
}

fn line_of(b: &[u8], i: usize) -> usize {
    1 + b[..i].iter().filter(|&&c| c == b'\n').count()
}

/// The layering violations in one file, as `file:line: why`.
fn violations(rel: &str, text: &str, panels: &[String]) -> Vec<String> {
    let module = module_of(rel);
    let layer = module.first().map_or("", String::as_str);
    let mut out = Vec::new();
    let shown = |p: &[String]| format!("crate::{}", p.join("::"));
    for (line, path) in crate_paths(rel, text) {
        let top = path.first().map_or("", String::as_str);
        if top == "<above the crate root>" {
            out.push(format!(
                "{rel}:{line}: a `super::` chain climbs above the crate root"
            ));
            continue;
        }
        if top.is_empty() || top == "*" {
            if !module.is_empty() {
                out.push(format!(
                    "{rel}:{line}: `{}` reaches the crate root from src/{layer}/",
                    shown(&path)
                ));
            }
            continue;
        }
        if forbidden(layer, top) {
            out.push(format!(
                "{rel}:{line}: src/{layer}/ may not name {} (a higher layer)",
                shown(&path)
            ));
        }
        // A panel names no other panel; a glob of `panels` would bring them all.
        if module.len() == 3 && module[..2] == ["tui", "panels"] && path.len() >= 3 {
            let (here, other) = (&module[2], &path[2]);
            if path[..2] == ["tui", "panels"]
                && other != here
                && (other == "*" || panels.contains(other))
            {
                out.push(format!(
                    "{rel}:{line}: the {here} panel may not use another panel: {}",
                    shown(&path)
                ));
            }
        }
    }
    if layer == "base" {
        for (n, l) in text.lines().enumerate() {
            if l.contains("use super::super") {
                out.push(format!("{rel}:{}: `use super::super` in src/base/", n + 1));
            }
        }
    }
    out
}

/// Every `.rs` file under `dir`, relative to the crate root, sorted.
fn sources(root: &Path, dir: &Path, out: &mut Vec<String>) {
    for e in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let p = e.expect("directory entry").path();
        if p.is_dir() {
            sources(root, &p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            let rel = p.strip_prefix(root).expect("under the root");
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    out.sort();
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn all_sources() -> Vec<(String, String)> {
    let mut files = Vec::new();
    sources(root(), &root().join("src"), &mut files);
    assert!(files.len() > 40, "the scan found the sources: {files:?}");
    files
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(root().join(&f)).expect("readable");
            (f, text)
        })
        .collect()
}

/// The panel modules: the files of `src/tui/panels/` but `mod.rs`.
fn panel_names(files: &[(String, String)]) -> Vec<String> {
    files
        .iter()
        .filter_map(|(f, _)| f.strip_prefix("src/tui/panels/"))
        .filter(|f| *f != "mod.rs")
        .map(|f| f.trim_end_matches(".rs").to_string())
        .collect()
}

#[test]
fn dependencies_point_down_the_layers() {
    let files = all_sources();
    let panels = panel_names(&files);
    assert!(panels.len() >= 8, "{panels:?}");
    let problems: Vec<String> = files
        .iter()
        .flat_map(|(f, text)| violations(f, text, &panels))
        .collect();
    assert!(
        problems.is_empty(),
        "{} layering violation(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_scanner_finds_what_it_must() {
    let panels: Vec<String> = ["breaker", "events", "header"].map(String::from).into();
    let check = |rel: &str, text: &str| violations(rel, text, &panels);
    // Each of these must be caught, on the line it is on.
    for (rel, text, line) in [
        (
            "src/patterns/retry.rs",
            "//! x\nuse crate::sim::World;\n",
            2,
        ),
        (
            "src/patterns/retry.rs",
            "fn f() { crate::report::x(); }\n",
            1,
        ),
        ("src/patterns/mod.rs", "use super::scenario::Scenario;\n", 1),
        (
            "src/sim/engine/trip.rs",
            "use super::super::super::tui::App;\n",
            1,
        ),
        (
            "src/sim/world.rs",
            "use crate::{base::time, scenario::Scenario};\n",
            1,
        ),
        (
            "src/sim/world.rs",
            "use crate::{\n    base::time,\n    report,\n};\n",
            1,
        ),
        ("src/base/time.rs", "use crate::patterns::retry;\n", 1),
        ("src/base/mod.rs", "use super::*;\n", 1),
        ("src/base/ring.rs", "\n\nuse super::super::sim;\n", 3),
        ("src/scenario/file.rs", "use crate::tui::theme::Theme;\n", 1),
        ("src/tui/panels/breaker.rs", "use super::events::row;\n", 1),
        (
            "src/tui/panels/breaker.rs",
            "use super::{\n    styled,\n    header::x,\n};\n",
            1,
        ),
        (
            "src/tui/panels/breaker.rs",
            "use crate::tui::panels::events;\n",
            1,
        ),
        ("src/tui/panels/breaker.rs", "use super::*;\n", 1),
        (
            "src/tui/panels/breaker.rs",
            "use super::super::panels::header::y;\n",
            1,
        ),
    ] {
        let found = check(rel, text);
        assert!(
            found
                .iter()
                .any(|v| v.starts_with(&format!("{rel}:{line}: "))),
            "missed in {rel} at line {line}: {text:?} → {found:?}"
        );
    }
    // And these are allowed.
    for (rel, text) in [
        (
            "src/patterns/retry.rs",
            "use crate::base::time::Dur;\nuse crate::settable;\n",
        ),
        (
            "src/patterns/retry.rs",
            "#[cfg(test)]\nmod tests {\n    use super::*;\n}\n",
        ),
        (
            "src/base/settable.rs",
            "impl $crate::base::settable::Settable for $ty {}\n",
        ),
        ("src/base/mod.rs", "mod tests {\n    use super::*;\n}\n"),
        (
            "src/sim/engine/trip.rs",
            "use super::super::world::World;\nuse crate::patterns::retry;\n",
        ),
        ("src/scenario/mod.rs", "use crate::sim::limits;\n"),
        (
            "src/tui/panels/breaker.rs",
            "use super::{name_span, render_lines};\nuse crate::tui::app::App;\n",
        ),
        (
            "src/tui/panels/breaker.rs",
            "use crate::tui::panels::breaker::x;\nmod tests {\n    use super::*;\n}\n",
        ),
        (
            "src/tui/panels/mod.rs",
            "pub mod breaker;\nuse self::events::x;\nfn f() { breaker::draw(); }\n",
        ),
        (
            "src/tui/app.rs",
            "use crate::report::Summary;\nuse crate::scenario::Scenario;\n",
        ),
    ] {
        assert_eq!(check(rel, text), Vec::<String>::new(), "{rel}: {text:?}");
    }
}

#[test]
fn no_source_file_is_too_long_unless_its_size_is_earned() {
    let long: Vec<String> = all_sources()
        .into_iter()
        .filter(|(_, text)| text.lines().count() > MAX_LINES)
        .filter(|(_, text)| {
            !text
                .lines()
                .take(MARK_WITHIN)
                .any(|l| l.trim_start().starts_with("//") && l.contains(SIZE_MARK))
        })
        .map(|(f, text)| format!("{f}: {} lines", text.lines().count()))
        .collect();
    assert!(
        long.is_empty(),
        "over {MAX_LINES} lines, with no comment in the first {MARK_WITHIN} lines saying \
         why its {SIZE_MARK:?}: split it, or say why\n{}",
        long.join("\n")
    );
}

/// The engine's walk knows layers by depth: a pattern's behaviour is reached
/// through the registry's dispatch (`patterns::registry`), never by matching
/// on a `PatternKind` in the walk (`trip`) or the hooks' engine side (`hooks`).
#[test]
fn the_engine_walk_names_no_pattern() {
    for file in ["src/sim/engine/trip.rs", "src/sim/engine/hooks.rs"] {
        let text = std::fs::read_to_string(root().join(file)).unwrap();
        for name in [
            "PatternKind::",
            "Slot::",
            "RetryPhase",
            "Phase::",
            "Admission::",
        ] {
            assert!(!text.contains(name), "{file} names `{name}`");
        }
    }
    let registry = std::fs::read_to_string(root().join("src/patterns/registry.rs")).unwrap();
    let dispatch = registry
        .find("macro_rules! dispatch")
        .expect("the dispatch");
    assert!(registry[dispatch..].contains("PatternKind::Timeout =>"));
}
