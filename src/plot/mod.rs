//! Figures for slides and notes: a run (or a comparison) as stacked panels on
//! one time axis, drawn with plotters as SVG or PNG. A shell like `report`:
//! it runs scenarios through the simulation and draws what they produce.
//!
//! - `series`: ticks folded into points and breaker bands (the data);
//! - `figure`: what to draw (sides, notes) and running it;
//! - `draw`: the layout; `lines` and `bands`: the panels; `notes`: the
//!   timeline's notes, placed without collisions;
//! - `style`: font, palette, sizes (shared with other figures, e.g. heat maps);
//! - `text`: every word shown;
//! - `files` (the `native` feature): writing them, and the dashboard's `e`.

pub mod bands;
pub mod draw;
pub mod figure;
#[cfg(feature = "native")]
mod files;
pub mod grid_chart;
pub mod lines;
pub mod notes;
pub mod series;
pub mod style;
pub mod text;

#[cfg(feature = "native")]
pub use files::{export, unique_stem, write_all, ExportGate};
use plotters::prelude::*;
use std::path::Path;

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
