//! The breaker panel: one row per service (per side in a comparison), the
//! states as coloured, hatched bands, each at least a few pixels wide so a
//! HALF-OPEN of a fraction of a second shows, and named in words where the
//! band is wide enough.

use super::draw::{err, font, width_of, Area, Frame, Rect};
use super::figure::Figure;
use super::series::Band;
use super::style::{self, Hatch, Scale};
use super::text;
use crate::base::time::SimTime;
use crate::patterns::circuit_breaker::BreakerState;
use crate::scenario::variants::Side;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// Rows: services × sides.
pub fn rows(fig: &Figure) -> usize {
    fig.sides.iter().map(|s| s.series.services.len()).sum()
}

pub fn row_height(sc: Scale) -> i32 {
    sc.px(30.0, 14.0)
}

/// The narrowest a band is drawn.
pub fn min_width(sc: Scale) -> i32 {
    sc.px(4.0, 2.0)
}

/// A row's label: the service, and its side in a comparison.
fn row_label(fig: &Figure, side: Option<Side>, name: &str) -> String {
    match (fig.comparing(), side) {
        (true, Some(Side::B)) => format!("{name} · B"),
        (true, _) => format!("{name} · A"),
        _ => name.to_string(),
    }
}

/// The rows in drawing order: each service, then its sides, so A and B of
/// one service sit together.
fn row_order(fig: &Figure) -> Vec<(usize, usize)> {
    let n = fig.sides.first().map_or(0, |s| s.series.services.len());
    (0..n)
        .flat_map(|i| (0..fig.sides.len()).map(move |k| (k, i)))
        .collect()
}

pub fn row_label_width<DB: DrawingBackend>(root: &Area<DB>, fig: &Figure, sc: Scale) -> i32 {
    let st = font(sc.small(), false, style::INK, HPos::Right, VPos::Center);
    row_order(fig)
        .into_iter()
        .map(|(k, i)| {
            let s = &fig.sides[k];
            width_of(root, &row_label(fig, s.side, &s.series.services[i]), &st)
        })
        .max()
        .unwrap_or(0)
}

/// The states that appear anywhere, in the legend's order.
pub fn states_in(fig: &Figure) -> Vec<BreakerState> {
    [
        BreakerState::Closed,
        BreakerState::Open,
        BreakerState::HalfOpen,
        BreakerState::ForcedOpen,
        BreakerState::Disabled,
    ]
    .into_iter()
    .filter(|st| {
        fig.sides
            .iter()
            .any(|s| s.series.bands.iter().flatten().any(|b| b.state == *st))
    })
    .collect()
}

/// A band's x extent, widened to the minimum around its middle and kept
/// inside the panel.
pub fn extent(frame: &Frame, b: &Band, min: i32) -> (i32, i32) {
    let (mut a, mut z) = (frame.x(b.from), frame.x(b.to));
    if z - a < min {
        let mid = (a + z) / 2;
        a = (mid - min / 2).max(frame.x0);
        z = (a + min).min(frame.x1);
        a = z - min;
    }
    (a, z)
}

/// A filled, hatched rectangle for `state` (also the legend's swatch).
pub fn swatch<DB: DrawingBackend>(
    root: &Area<DB>,
    state: BreakerState,
    (x0, y0): (i32, i32),
    (x1, y1): (i32, i32),
    sc: Scale,
) -> Result<(), String> {
    root.draw(&Rectangle::new(
        [(x0, y0), (x1, y1)],
        style::state_colour(state).filled(),
    ))
    .map_err(err)?;
    let ink = style::INK.mix(0.55).stroke_width(sc.px(1.5, 1.0) as u32);
    let d = sc.px(9.0, 5.0);
    let mut lines: Vec<[(i32, i32); 2]> = Vec::new();
    let hatch = style::state_hatch(state);
    if matches!(hatch, Hatch::Vertical) {
        let mut x = x0 + d / 2;
        while x < x1 {
            lines.push([(x, y0), (x, y1)]);
            x += d;
        }
    }
    if matches!(hatch, Hatch::Diagonal | Hatch::Cross) {
        lines.extend(diagonals(x0, y0, x1, y1, d, false));
    }
    if matches!(hatch, Hatch::Cross) {
        lines.extend(diagonals(x0, y0, x1, y1, d, true));
    }
    for l in lines {
        root.draw(&PathElement::new(l.to_vec(), ink)).map_err(err)?;
    }
    Ok(())
}

/// Lines at 45° every `d` pixels, clipped to the rectangle: `/` rising, or
/// `\` with `back`.
fn diagonals(x0: i32, y0: i32, x1: i32, y1: i32, d: i32, back: bool) -> Vec<[(i32, i32); 2]> {
    let (w, h) = (x1 - x0, y1 - y0);
    let mut out = Vec::new();
    if w <= 0 || h <= 0 {
        return out;
    }
    // Along the line, u = x - x0 + (y1 - y) for `/` (u = x - x0 + y - y0 for `\`);
    // each line is u = c for c in steps of d.
    let mut c = d / 2;
    while c < w + h {
        let ua = (c - h).max(0); // x offset where the line enters
        let ub = c.min(w); // x offset where it leaves
        if ua < ub {
            let (ya, yb) = (c - ua, c - ub);
            let (pa, pb) = if back {
                ((x0 + ua, y0 + ya), (x0 + ub, y0 + yb))
            } else {
                ((x0 + ua, y1 - ya), (x0 + ub, y1 - yb))
            };
            out.push([pa, pb]);
        }
        c += d;
    }
    out
}

/// Draws the breaker panel into `rect`.
pub fn draw<DB: DrawingBackend>(
    root: &Area<DB>,
    fig: &Figure,
    frame: &Frame,
    rect: Rect,
    sc: Scale,
    ticks: &[SimTime],
) -> Result<(), String> {
    let row_h = row_height(sc);
    let pad = sc.px(3.0, 1.0);
    let min = min_width(sc);
    let label = font(sc.small(), false, style::INK, HPos::Right, VPos::Center);
    let word = font(sc.small(), true, style::INK, HPos::Center, VPos::Center);
    let muted = font(sc.small(), false, style::MUTED, HPos::Left, VPos::Center);
    for t in ticks {
        let x = frame.x(*t);
        root.draw(&PathElement::new(
            vec![(x, rect.top), (x, rect.bottom)],
            style::GRID.stroke_width(1),
        ))
        .map_err(err)?;
    }
    for (r, (k, i)) in row_order(fig).into_iter().enumerate() {
        let side = &fig.sides[k];
        let (y0, y1) = (
            rect.top + r as i32 * row_h + pad,
            rect.top + (r as i32 + 1) * row_h - pad,
        );
        let cy = (y0 + y1) / 2;
        let name = row_label(fig, side.side, &side.series.services[i]);
        root.draw(&Text::new(name, (frame.x0 - sc.px(8.0, 3.0), cy), label.clone()))
            .map_err(err)?;
        let bands = &side.series.bands[i];
        if bands.is_empty() {
            root.draw(&Text::new(
                text::no_breaker(),
                (frame.x0 + sc.px(8.0, 3.0), cy),
                muted.clone(),
            ))
            .map_err(err)?;
            continue;
        }
        for state in style::STATE_ORDER {
            for b in bands.iter().filter(|b| b.state == state) {
                let (a, z) = extent(frame, b, min);
                swatch(root, state, (a, y0), (z, y1), sc)?;
            }
        }
        // Words where they fit, on a light box so hatching does not hide them.
        for state in style::STATE_ORDER {
            for b in bands.iter().filter(|b| b.state == state) {
                let (a, z) = extent(frame, b, min);
                let wd = width_of(root, state.word(), &word);
                if z - a < wd + sc.px(16.0, 6.0) || y1 - y0 < sc.small() {
                    continue;
                }
                let mid = (a + z) / 2;
                let half = wd / 2 + sc.px(4.0, 2.0);
                root.draw(&Rectangle::new(
                    [(mid - half, y0 + pad), (mid + half, y1 - pad)],
                    style::BACKGROUND.mix(0.85).filled(),
                ))
                .map_err(err)?;
                root.draw(&Text::new(state.word(), (mid, cy), word.clone()))
                    .map_err(err)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_brief_band_is_widened_but_stays_inside_the_panel() {
        let f = Frame {
            x0: 100,
            x1: 1100,
            end: 1_000_000,
        };
        let b = |from, to| Band {
            state: BreakerState::HalfOpen,
            from,
            to,
        };
        assert_eq!(extent(&f, &b(500_000, 500_001), 4), (598, 602));
        assert_eq!(extent(&f, &b(0, 1), 4), (100, 104));
        assert_eq!(extent(&f, &b(999_999, 1_000_000), 4), (1096, 1100));
        assert_eq!(extent(&f, &b(0, 1_000_000), 4), (100, 1100));
    }

    #[test]
    fn hatching_stays_inside_its_rectangle() {
        for back in [false, true] {
            let lines = diagonals(10, 20, 50, 35, 7, back);
            assert!(!lines.is_empty());
            for [a, b] in lines {
                for (x, y) in [a, b] {
                    assert!((10..=50).contains(&x) && (20..=35).contains(&y), "{x},{y}");
                }
                // 45°: as far across as up or down.
                assert_eq!((b.0 - a.0).abs(), (b.1 - a.1).abs());
            }
        }
    }
}
