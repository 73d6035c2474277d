//! Figures for slides and notes: a run (or a comparison) as stacked panels on
//! one time axis, drawn with plotters as SVG or PNG. A shell like `report`:
//! it runs scenarios through the simulation and draws what they produce.
//!
//! - `series`: ticks folded into points and breaker bands (the data);
//! - `figure`: what to draw (sides, notes) and running it;
//! - `draw`: the layout; `lines` and `bands`: the panels; `notes`: the
//!   timeline's notes, placed without collisions;
//! - `style`: font, palette, sizes (shared with other figures, e.g. heat maps);
//! - `text`: every word shown.

pub mod bands;
pub mod draw;
pub mod figure;
pub mod grid_chart;
pub mod lines;
pub mod notes;
pub mod series;
pub mod style;
pub mod text;

use plotters::prelude::*;
use std::path::{Path, PathBuf};

/// A slide: 1920 × 1080.
pub const DEFAULT_SIZE: (u32, u32) = (1920, 1080);
/// Below this the panels do not fit legibly.
pub const MIN_SIZE: (u32, u32) = (640, 360);
/// Above this a PNG's pixels alone take more than 100 MB.
pub const MAX_SIZE: (u32, u32) = (7680, 4320);

/// The file formats a figure is written in, chosen by the file's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Svg,
    Png,
}

impl Format {
    /// The format a path's extension names (`.svg`, `.png`, any case).
    pub fn of_path(path: &str) -> Option<Format> {
        let ext = Path::new(path).extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png),
            _ => None,
        }
    }
    pub fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
        }
    }
}

/// `WIDTHxHEIGHT` (or `W×H`), within `MIN_SIZE` … `MAX_SIZE`.
pub fn parse_size(arg: &str) -> Result<(u32, u32), String> {
    let bad = || text::bad_size(arg, MIN_SIZE, MAX_SIZE);
    let t = arg.trim().to_ascii_lowercase().replace('×', "x");
    let (w, h) = t.split_once('x').ok_or_else(bad)?;
    let (w, h): (u32, u32) = (
        w.trim().parse().map_err(|_| bad())?,
        h.trim().parse().map_err(|_| bad())?,
    );
    if w < MIN_SIZE.0 || h < MIN_SIZE.1 {
        return Err(text::too_small(arg, MIN_SIZE));
    }
    if w > MAX_SIZE.0 || h > MAX_SIZE.1 {
        return Err(bad());
    }
    Ok((w, h))
}

/// The figure as the bytes of a file of `format`, `size` pixels.
pub fn render(fig: &figure::Figure, format: Format, size: (u32, u32)) -> Result<Vec<u8>, String> {
    style::register_fonts()?;
    let failed = |e: String| text::draw_failed(&e);
    match format {
        Format::Svg => {
            let mut svg = String::new();
            {
                let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
                draw::draw(&root, fig).map_err(failed)?;
                root.present().map_err(|e| failed(e.to_string()))?;
            }
            Ok(svg.into_bytes())
        }
        Format::Png => {
            let mut rgb = vec![0u8; size.0 as usize * size.1 as usize * 3];
            {
                let root = BitMapBackend::with_buffer(&mut rgb, size).into_drawing_area();
                draw::draw(&root, fig).map_err(failed)?;
                root.present().map_err(|e| failed(e.to_string()))?;
            }
            encode_png(&rgb, size).map_err(failed)
        }
    }
}

/// RGB pixels as a PNG file. Charts are flat colour: the `Sub`/`Paeth`
/// filters the encoder picks per row make a slide-sized figure ~100–300 kB.
pub(crate) fn encode_png(rgb: &[u8], (w, h): (u32, u32)) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::Default);
        enc.set_adaptive_filter(png::AdaptiveFilterType::Adaptive);
        let mut writer = enc.write_header().map_err(|e| e.to_string())?;
        writer.write_image_data(rgb).map_err(|e| e.to_string())?;
        writer.finish().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_width_by_height_within_bounds() {
        assert_eq!(parse_size("1920x1080"), Ok((1920, 1080)));
        assert_eq!(parse_size("1280×720"), Ok((1280, 720)));
        assert_eq!(parse_size(" 800X600 "), Ok((800, 600)));
        for bad in ["", "1920", "x", "axb", "-5x10", "100000x100000"] {
            let e = parse_size(bad).unwrap_err();
            assert!(e.contains("640x360") && e.contains("7680x4320"), "{e}");
        }
        assert!(parse_size("320x200").unwrap_err().contains("too small"));
    }

    #[test]
    fn formats_follow_the_extension() {
        assert_eq!(Format::of_path("a/b.svg"), Some(Format::Svg));
        assert_eq!(Format::of_path("B.PNG"), Some(Format::Png));
        assert_eq!(Format::of_path("fig.jpg"), None);
        assert_eq!(Format::of_path("fig"), None);
    }
}
