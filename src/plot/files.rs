//! Figures as files (the `native` feature): `plot --out`, and the
//! dashboard's `e`, drawn off its event loop and written only while the
//! dashboard still wants them. Without a disk, `render` gives the bytes.

use super::{figure, render, text, Format, DEFAULT_SIZE};
use std::path::{Path, PathBuf};

/// Draws `fig` into each `(path, format)` at `size`; the first failure is
/// returned as (path, reason).
pub fn write_all(
    fig: &figure::Figure,
    outputs: &[(String, Format)],
    size: (u32, u32),
) -> Result<(), (String, String)> {
    for (path, format) in outputs {
        let bytes = render(fig, *format, size).map_err(|e| (path.clone(), e))?;
        // Never through a link, never over an input, whole or not at all.
        crate::output::file::write(path, &bytes).map_err(|e| (path.clone(), e.message()))?;
    }
    Ok(())
}

/// The first `STEM.svg` / `STEM.png` pair in `dir` with neither file
/// present nor `reserved` (names being written): `STEM`, then `STEM-2`,
/// `STEM-3`, …
pub fn unique_stem(dir: &Path, stem: &str, reserved: &[PathBuf]) -> PathBuf {
    let taken = |s: &str| {
        reserved.contains(&dir.join(s))
            || [Format::Svg, Format::Png].iter().any(|f| {
                dir.join(format!("{s}.{}", f.extension()))
                    .symlink_metadata()
                    .is_ok()
            })
    };
    let mut name = stem.to_string();
    let mut k = 2;
    while taken(&name) {
        name = format!("{stem}-{k}");
        k += 1;
    }
    dir.join(name)
}

/// The dashboard's `e`: runs the spec and writes `BASE.svg` and `BASE.png`
/// (slide size); the paths written, or why not. Everything is drawn before
/// anything is written; the files are written holding `gate`, and not at all
/// once the gate is closed: a quitting dashboard closes it (waiting at most
/// for a write under way) and leaves no file, whole or half.
pub fn export(spec: &figure::Spec, base: &Path, gate: &ExportGate) -> Result<Vec<String>, String> {
    let fig = figure::build(spec)?;
    let mut drawn = Vec::new();
    for format in [Format::Svg, Format::Png] {
        let path = format!("{}.{}", base.display(), format.extension());
        let bytes =
            render(&fig, format, DEFAULT_SIZE).map_err(|e| text::cannot_write(&path, &e))?;
        drawn.push((path, bytes));
    }
    let open = gate.0.lock().unwrap_or_else(|e| e.into_inner());
    if !*open {
        return Err(text::export_abandoned());
    }
    for (path, bytes) in &drawn {
        // Never through a link, never over an input, whole or not at all.
        crate::output::file::write(path, bytes)
            .map_err(|e| text::cannot_write(path, &e.message()))?;
    }
    Ok(drawn.into_iter().map(|(p, _)| p).collect())
}

/// Whether a figure being drawn (`export`) may still be written.
#[derive(Debug)]
pub struct ExportGate(std::sync::Mutex<bool>);

impl Default for ExportGate {
    fn default() -> Self {
        ExportGate(std::sync::Mutex::new(true))
    }
}

impl ExportGate {
    /// No figure is written from now on; returns once a write under way is over.
    pub fn close(&self) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = false;
    }
}
