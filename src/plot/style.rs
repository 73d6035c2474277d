//! The look of every figure breakwater draws (the run's figure, and the
//! sweep's heat map): the embedded font, the colour-blind-safe palette,
//! the breaker states' colours and hatching, and text sizes for a slide.
//!
//! Text renders with no system fonts: DejaVu Sans (assets/fonts, its licence
//! beside it) is compiled in and registered with plotters' `ab_glyph` support
//! under the family `sans-serif`, which is also the family an SVG names, so a
//! viewer without DejaVu still draws a sans-serif face. It covers Spanish
//! (á é í ó ú ñ ¿ ¡) and the symbols the figures use (Δ × – · ● ○ ◐ ▲).

use crate::patterns::circuit_breaker::BreakerState;
use plotters::style::RGBColor;

/// The font family every text is drawn in.
pub const FONT: &str = "sans-serif";

/// The embedded fonts (a browser may serve them to its page as well).
pub static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
pub static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// Registers the embedded fonts with plotters, once per process. Call it
/// before drawing any text.
#[cfg(not(all(target_arch = "wasm32", not(target_os = "wasi"))))]
pub fn register_fonts() -> Result<(), String> {
    use plotters::style::FontStyle;
    use std::sync::OnceLock;
    static DONE: OnceLock<Result<(), String>> = OnceLock::new();
    DONE.get_or_init(|| {
        for (style, bytes) in [(FontStyle::Normal, REGULAR), (FontStyle::Bold, BOLD)] {
            plotters::style::register_font(FONT, style, bytes)
                .map_err(|_| "the embedded font could not be read".to_string())?;
        }
        Ok(())
    })
    .clone()
}

/// In a browser (wasm32, not WASI) plotters measures and draws text with the
/// page's own fonts and has no `register_font`: nothing to register. Its
/// bitmap backend cannot draw text there: a browser draws figures as SVG.
#[cfg(all(target_arch = "wasm32", not(target_os = "wasi")))]
pub fn register_fonts() -> Result<(), String> {
    Ok(())
}

/// Okabe and Ito's palette, which stays distinguishable with the common
/// colour-vision deficiencies; yellow is left out (too light on white).
pub const SERIES: [RGBColor; 7] = [
    RGBColor(0, 114, 178),   // blue
    RGBColor(230, 159, 0),   // orange
    RGBColor(0, 158, 115),   // bluish green
    RGBColor(204, 121, 167), // reddish purple
    RGBColor(86, 180, 233),  // sky blue
    RGBColor(213, 94, 0),    // vermillion
    RGBColor(0, 0, 0),       // black
];

/// The colour of series `i` (services, heat-map rows…), cycling.
pub fn series_colour(i: usize) -> RGBColor {
    SERIES[i % SERIES.len()]
}

pub const BACKGROUND: RGBColor = RGBColor(255, 255, 255);
/// Text and axes.
pub const INK: RGBColor = RGBColor(25, 25, 25);
/// Secondary text, timeline lines.
pub const MUTED: RGBColor = RGBColor(90, 90, 90);
pub const GRID: RGBColor = RGBColor(225, 225, 225);
/// A full pool's line (100 % of capacity): lighter than the caller
/// threads' line, named in the legend.
pub const CAPACITY: RGBColor = RGBColor(165, 165, 165);
/// Live changes made in the dashboard.
pub const LIVE: RGBColor = RGBColor(120, 40, 140);

/// How a breaker state is drawn: a colour, and a hatching that doubles it
/// (so the state reads in grey, on a projector, or to a colour-blind eye),
/// as the dashboard doubles colours with a symbol and a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hatch {
    /// Plain fill.
    None,
    /// Diagonal lines `////`.
    Diagonal,
    /// Vertical lines `||||`.
    Vertical,
    /// Both diagonals `XXXX`.
    Cross,
}

pub fn state_colour(s: BreakerState) -> RGBColor {
    match s {
        BreakerState::Closed => RGBColor(170, 220, 200),
        BreakerState::HalfOpen => RGBColor(240, 228, 66),
        BreakerState::Open => RGBColor(213, 94, 0),
        BreakerState::ForcedOpen => RGBColor(150, 60, 120),
        BreakerState::Disabled => RGBColor(205, 205, 205),
    }
}

pub fn state_hatch(s: BreakerState) -> Hatch {
    match s {
        BreakerState::Closed | BreakerState::Disabled => Hatch::None,
        BreakerState::HalfOpen => Hatch::Vertical,
        BreakerState::Open => Hatch::Diagonal,
        BreakerState::ForcedOpen => Hatch::Cross,
    }
}

/// The order bands are drawn in: the briefest, most telling states last, so
/// nothing covers them.
pub const STATE_ORDER: [BreakerState; 5] = [
    BreakerState::Disabled,
    BreakerState::Closed,
    BreakerState::Open,
    BreakerState::ForcedOpen,
    BreakerState::HalfOpen,
];

/// A sequential, colour-blind-safe scale (viridis, by nine stops) for a
/// value `t` from 0 to 1: heat maps.
pub fn sequential(t: f64) -> RGBColor {
    const STOPS: [(u8, u8, u8); 9] = [
        (68, 1, 84),
        (71, 44, 122),
        (59, 81, 139),
        (44, 113, 142),
        (33, 144, 141),
        (39, 173, 129),
        (92, 200, 99),
        (170, 220, 50),
        (253, 231, 37),
    ];
    let t = if t.is_finite() {
        t.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let x = t * (STOPS.len() - 1) as f64;
    let i = (x.floor() as usize).min(STOPS.len() - 2);
    let f = x - i as f64;
    let mix = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * f).round() as u8;
    let (a, b) = (STOPS[i], STOPS[i + 1]);
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// Sizes in pixels for a figure of `width` × `height`: everything scales with
/// the smaller of the two ratios to 1920 × 1080, with a floor so text stays
/// legible on a small figure.
#[derive(Clone, Copy, Debug)]
pub struct Scale(pub f64);

impl Scale {
    pub fn of(width: u32, height: u32) -> Scale {
        Scale((width as f64 / 1920.0).min(height as f64 / 1080.0))
    }
    /// `px` at 1920 × 1080, scaled; at least `min`.
    pub fn px(self, px: f64, min: f64) -> i32 {
        (px * self.0).max(min).round() as i32
    }
    pub fn title(self) -> i32 {
        self.px(34.0, 16.0)
    }
    pub fn heading(self) -> i32 {
        self.px(22.0, 12.0)
    }
    pub fn text(self) -> i32 {
        self.px(19.0, 11.0)
    }
    pub fn small(self) -> i32 {
        self.px(16.0, 10.0)
    }
    /// A data line's width.
    pub fn line(self) -> u32 {
        self.px(2.5, 1.0) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_registers_and_covers_spanish_and_the_symbols() {
        use ab_glyph::{Font, FontRef};
        register_fonts().unwrap();
        for bytes in [REGULAR, BOLD] {
            let f = FontRef::try_from_slice(bytes).unwrap();
            for c in "áéíóúñÑ¿¡üΔ×–·●○◐▲→".chars() {
                assert_ne!(f.glyph_id(c).0, 0, "no glyph for {c}");
            }
        }
    }

    #[test]
    fn the_sequential_scale_runs_from_dark_to_light() {
        let luma = |c: RGBColor| 0.3 * c.0 as f64 + 0.59 * c.1 as f64 + 0.11 * c.2 as f64;
        let steps: Vec<f64> = (0..=10)
            .map(|i| luma(sequential(i as f64 / 10.0)))
            .collect();
        assert!(steps.windows(2).all(|w| w[1] > w[0]), "{steps:?}");
        assert_eq!(sequential(f64::NAN), sequential(0.0));
    }
}
