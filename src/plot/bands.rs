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

/// The narrowest a band is drawn: a HALF_OPEN of one tick is a visible
/// stripe on a slide, and still a few pixels at the smallest size.
pub fn min_width(sc: Scale) -> i32 {
    sc.px(8.0, 4.0)
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

/// A filled, hatched rectangle for `state` (also the legend's swatch);
/// `outline` draws its edge in ink, for a band widened to be seen.
pub fn swatch<DB: DrawingBackend>(
    root: &Area<DB>,
    state: BreakerState,
    (x0, y0): (i32, i32),
    (x1, y1): (i32, i32),
    sc: Scale,
    outline: bool,
) -> Result<(), String> {
    root.draw(&Rectangle::new(
        [(x0, y0), (x1, y1)],
        style::state_colour(state).filled(),
    ))
    .map_err(err)?;
    let stroke = sc.px(1.5, 1.0);
    let ink = style::INK.mix(0.55).stroke_width(stroke as u32);
    let d = sc.px(9.0, 5.0);
    // The hatching stays a stroke's width inside, so no line end pokes out.
    let (hx0, hy0, hx1, hy1) = (x0 + stroke, y0 + stroke, x1 - stroke, y1 - stroke);
    let mut lines: Vec<[(i32, i32); 2]> = Vec::new();
    // Too narrow to hatch (a brief band): its colour and outline say it.
    let hatch = if x1 - x0 < d * 2 {
        Hatch::None
    } else {
        style::state_hatch(state)
    };
    if matches!(hatch, Hatch::Vertical) {
        let step = d.min(((hx1 - hx0) / 2).max(1));
        let mut x = hx0 + step / 2;
        while x <= hx1 {
            lines.push([(x, hy0), (x, hy1)]);
            x += step;
        }
    }
    if matches!(hatch, Hatch::Diagonal | Hatch::Cross) {
        lines.extend(diagonals(hx0, hy0, hx1, hy1, d, false));
    }
    if matches!(hatch, Hatch::Cross) {
        lines.extend(diagonals(hx0, hy0, hx1, hy1, d, true));
    }
    for l in lines {
        root.draw(&PathElement::new(l.to_vec(), ink)).map_err(err)?;
    }
    if outline {
        root.draw(&Rectangle::new(
            [(x0, y0), (x1, y1)],
            style::INK.stroke_width(1),
        ))
        .map_err(err)?;
    }
    Ok(())
}

/// Where a band's word goes: the widest stretch of the band that no other
/// state's band of the row covers, as (from, to) in pixels.
pub fn free_stretch(own: (i32, i32), others: &[(i32, i32)]) -> (i32, i32) {
    let mut cuts: Vec<(i32, i32)> = others
        .iter()
        .copied()
        .filter(|(a, z)| *z > own.0 && *a < own.1)
        .collect();
    cuts.sort_unstable();
    let mut best = (own.0, own.0);
    let mut at = own.0;
    for (a, z) in cuts.into_iter().chain(std::iter::once((own.1, own.1))) {
        let a = a.clamp(own.0, own.1);
        if a - at > best.1 - best.0 {
            best = (at, a);
        }
        at = at.max(z.min(own.1));
    }
    best
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
        root.draw(&Text::new(
            name,
            (frame.x0 - sc.px(8.0, 3.0), cy),
            label.clone(),
        ))
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
        let extents: Vec<(BreakerState, (i32, i32), bool)> = bands
            .iter()
            .map(|b| {
                let e = extent(frame, b, min);
                (b.state, e, frame.x(b.to) - frame.x(b.from) < min)
            })
            .collect();
        for state in style::STATE_ORDER {
            for (_, (a, z), _) in extents.iter().filter(|e| e.0 == state) {
                swatch(root, state, (*a, y0), (*z, y1), sc, false)?;
            }
        }
        // Words where they fit, in the stretch no other state covers, on a
        // light box so hatching does not hide them.
        for (state, own, _) in &extents {
            let others: Vec<(i32, i32)> = extents
                .iter()
                .filter(|e| e.0 != *state)
                .map(|e| e.1)
                .collect();
            let (a, z) = free_stretch(*own, &others);
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
        // The brief ones again on top, outlined: nothing covers them.
        for state in style::STATE_ORDER {
            for (_, (a, z), _) in extents.iter().filter(|e| e.0 == state && e.2) {
                swatch(root, state, (*a, y0), (*z, y1), sc, true)?;
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
    fn a_word_goes_where_no_other_state_is() {
        assert_eq!(free_stretch((0, 100), &[]), (0, 100));
        assert_eq!(free_stretch((0, 100), &[(40, 48)]), (48, 100));
        assert_eq!(free_stretch((0, 100), &[(10, 18), (60, 70)]), (18, 60));
        assert_eq!(free_stretch((0, 100), &[(-20, 30), (90, 140)]), (30, 90));
        assert_eq!(
            free_stretch((50, 60), &[(0, 100)]).1 - free_stretch((50, 60), &[(0, 100)]).0,
            0
        );
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
