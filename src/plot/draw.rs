//! The figure's layout, on any plotters backend: the title, the legend, the
//! timeline's notes, the stacked panels on one time axis, the axis and the
//! caption. Panels are drawn by `lines` and `bands`; everything shares one
//! mapping from time to x (`Frame`), so a note's line crosses every panel at
//! the same instant.

use super::figure::{axis_clock, Figure};
use super::style::{self, Scale, FONT};
use super::{bands, lines, notes, text};
use crate::base::time::{SimTime, NANOS_PER_SEC};
use crate::scenario::variants::Side;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub type Area<DB> = DrawingArea<DB, Shift>;

/// A plotters error, in words.
pub fn err<E: std::fmt::Display>(e: E) -> String {
    e.to_string()
}

/// A text style: size in pixels, bold or not, a colour, an anchor.
pub fn font(size: i32, bold: bool, colour: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    let f = (FONT, size as f64).into_font();
    let f = if bold { f.style(FontStyle::Bold) } else { f };
    f.color(&colour).pos(Pos::new(h, v))
}

/// The width of `s` in `style`, in pixels.
pub fn width_of<DB: DrawingBackend>(root: &Area<DB>, s: &str, style: &TextStyle) -> i32 {
    root.estimate_text_size(s, style)
        .map(|(w, _)| w as i32)
        .unwrap_or((s.chars().count() as i32) * style.font.get_size() as i32 / 2)
}

/// Time to x: the same for every panel.
#[derive(Clone, Copy, Debug)]
pub struct Frame {
    pub x0: i32,
    pub x1: i32,
    pub end: SimTime,
}

impl Frame {
    pub fn x(&self, t: SimTime) -> i32 {
        let f = t as f64 / self.end.max(1) as f64;
        self.x0 + ((self.x1 - self.x0) as f64 * f).round() as i32
    }
    pub fn end_secs(&self) -> f64 {
        self.end as f64 / NANOS_PER_SEC as f64
    }
}

/// A panel's place: its plotting rectangle, in pixels.
#[derive(Clone, Copy, Debug)]
pub struct Rect {
    pub top: i32,
    pub bottom: i32,
}

/// What a panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Breaker,
    Lines(lines::Measure),
}

/// The panels this figure has: one per pattern that existed in the run,
/// goodput and latency always. Also the names of what was left out.
pub fn panels_of(fig: &Figure) -> (Vec<Panel>, Vec<String>) {
    use lines::Measure as M;
    let seen = fig
        .sides
        .iter()
        .fold(Default::default(), |a: super::series::Seen, s| {
            a.or(s.series.seen)
        });
    let mut shown = Vec::new();
    let mut absent = Vec::new();
    for (on, panel, word) in [
        (seen.breaker, Panel::Breaker, text::absent_breaker()),
        (seen.retry, Panel::Lines(M::Retries), text::absent_retry()),
        (
            seen.bulkhead || seen.client_pool,
            Panel::Lines(M::Pool),
            text::absent_pool(),
        ),
        (
            seen.timeout,
            Panel::Lines(M::Timeouts),
            text::absent_timeout(),
        ),
        (
            seen.fallback,
            Panel::Lines(M::Fallbacks),
            text::absent_fallback(),
        ),
    ] {
        if on {
            shown.push(panel);
        } else {
            absent.push(word);
        }
    }
    // The patterns' own counters, where their pattern was in the run.
    for (k, &on) in seen.counters.iter().enumerate() {
        if on {
            shown.push(Panel::Lines(M::Counter(k)));
        }
    }
    shown.push(Panel::Lines(M::Goodput));
    shown.push(Panel::Lines(M::Latency));
    (shown, absent)
}

/// The title and unit a panel shows in its left column.
pub fn panel_words(p: Panel) -> (String, String) {
    match p {
        Panel::Breaker => (text::panel_breaker(), text::unit_breaker()),
        Panel::Lines(m) => m.words(),
    }
}

/// Draws the whole figure on `root`.
pub fn draw<DB: DrawingBackend>(root: &Area<DB>, fig: &Figure) -> Result<(), String> {
    let (w, h) = root.dim_in_pixel();
    let sc = Scale::of(w, h);
    let (w, h) = (w as i32, h as i32);
    root.fill(&style::BACKGROUND).map_err(err)?;
    let pad = sc.px(24.0, 8.0);
    let gap = sc.px(10.0, 4.0);
    let (panels, absent) = panels_of(fig);

    // The left column: each panel's title and unit, then its tick or row labels.
    let bold = font(sc.text(), true, style::INK, HPos::Left, VPos::Top);
    let small = font(sc.small(), false, style::MUTED, HPos::Left, VPos::Top);
    let titles = panels
        .iter()
        .map(|p| {
            let (t, u) = panel_words(*p);
            width_of(root, &t, &bold).max(width_of(root, &u, &small))
        })
        .max()
        .unwrap_or(0);
    let labels = bands::row_label_width(root, fig, sc).max(width_of(root, "00000", &small));
    let left = (pad + titles + gap * 2 + labels).min(w * 2 / 5);
    let frame = Frame {
        x0: left,
        x1: w - pad - sc.px(8.0, 2.0),
        end: fig.end().max(1),
    };

    // Top: title, subtitle, legend, notes.
    let mut y = pad / 2;
    let title = font(sc.title(), true, style::INK, HPos::Left, VPos::Top);
    root.draw(&Text::new(fig.title.clone(), (pad, y), title))
        .map_err(err)?;
    y += sc.title() * 13 / 10;
    let sub = font(sc.small(), false, style::MUTED, HPos::Left, VPos::Top);
    root.draw(&Text::new(fig.subtitle.clone(), (pad, y), sub))
        .map_err(err)?;
    y += sc.small() * 16 / 10;
    y = legend(root, fig, sc, pad, w - pad, y)?;
    let notes = notes::place(root, fig, &frame, sc, (pad / 2, w - pad / 2), h);
    let note_row = notes::row_height(sc);
    let strip_top = y + gap / 2;
    y = strip_top + note_row * notes.rows as i32 + gap / 2;

    // Bottom: time labels, the axis's name, the numbered notes in full, the
    // caption.
    let list = notes::list_lines(root, &notes, sc, w - 2 * pad, (h / 6 / note_row) as usize);
    let caption = caption_lines(root, fig, &absent, sc, w - 2 * pad);
    let bottom_h = sc.small() * 16 / 10 * 2
        + note_row * list.len() as i32
        + sc.small() * 14 / 10 * caption.len() as i32
        + pad / 2;
    let panels_bottom = h - bottom_h;

    // Panels: the breaker's rows by count, the line panels share the rest.
    let row_h = bands::row_height(sc);
    let band_h = bands::rows(fig) as i32 * row_h + gap;
    let has_bands = panels.contains(&Panel::Breaker);
    let line_panels = panels.len() as i32 - has_bands as i32;
    // Room between panels for a value label at each edge.
    let panel_gap = sc.small() * 13 / 10;
    let room = panels_bottom
        - y
        - panel_gap * (panels.len() as i32 - 1)
        - if has_bands { band_h } else { 0 };
    let line_h = (room / line_panels.max(1)).max(sc.px(40.0, 24.0));
    let ticks = time_ticks(&frame, sc);
    let mut rects = Vec::new();
    for p in &panels {
        let hgt = if *p == Panel::Breaker { band_h } else { line_h };
        rects.push(Rect {
            top: y,
            bottom: y + hgt,
        });
        y += hgt + panel_gap;
    }
    let last = rects.last().map_or(y, |r| r.bottom);

    // The notes' lines behind the panels (a brief breaker state is never
    // hidden by one), their labels above.
    notes::draw_lines(root, fig, &notes, &frame, sc, strip_top, last)?;
    for (p, rect) in panels.iter().zip(&rects) {
        let (t, u) = panel_words(*p);
        root.draw(&Text::new(t, (pad, rect.top), bold.clone()))
            .map_err(err)?;
        root.draw(&Text::new(
            u,
            (pad, rect.top + sc.text() * 12 / 10),
            small.clone(),
        ))
        .map_err(err)?;
        match p {
            Panel::Breaker => bands::draw(root, fig, &frame, *rect, sc, &ticks)?,
            Panel::Lines(m) => lines::draw(root, fig, &frame, *rect, sc, &ticks, *m)?,
        }
    }
    notes::draw_labels(root, &notes, sc, strip_top)?;
    // The time axis under the last panel.
    let lab = font(sc.small(), false, style::INK, HPos::Center, VPos::Top);
    for t in &ticks {
        root.draw(&Text::new(
            axis_clock(*t),
            (frame.x(*t), last + gap / 2),
            lab.clone(),
        ))
        .map_err(err)?;
    }
    let desc = font(sc.small(), false, style::MUTED, HPos::Center, VPos::Top);
    let yd = last + gap / 2 + sc.small() * 15 / 10;
    root.draw(&Text::new(
        text::axis_time(),
        ((frame.x0 + frame.x1) / 2, yd),
        desc,
    ))
    .map_err(err)?;
    let cap = font(sc.small(), false, style::MUTED, HPos::Left, VPos::Top);
    let mut yc = notes::draw_list(root, &list, sc, pad, yd + sc.small() * 16 / 10)?;
    for line in caption {
        root.draw(&Text::new(line, (pad, yc), cap.clone()))
            .map_err(err)?;
        yc += sc.small() * 14 / 10;
    }
    Ok(())
}

/// Round times for the axis: about one label per 140 pixels.
pub fn time_ticks(frame: &Frame, sc: Scale) -> Vec<SimTime> {
    const STEPS: [u64; 18] = [
        1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21_600, 43_200, 86_400,
    ];
    let want = ((frame.x1 - frame.x0) / sc.px(140.0, 70.0)).max(2) as u64;
    let secs = frame.end.div_ceil(NANOS_PER_SEC).max(1);
    let step = STEPS
        .iter()
        .copied()
        .find(|s| secs / s <= want)
        .unwrap_or(86_400 * secs.div_ceil(86_400 * want))
        * NANOS_PER_SEC;
    (0..=frame.end / step).map(|k| k * step).collect()
}

/// One legend item: a swatch and its words.
enum Swatch {
    Line {
        colour: RGBColor,
        dashed: bool,
    },
    /// The latency panel's p99 (thick) or p50 (thin), in ink.
    Width {
        thick: bool,
    },
    State(crate::patterns::circuit_breaker::BreakerState),
    Rule {
        colour: RGBColor,
    },
}

/// The legend, in rows that wrap; returns the y below it.
fn legend<DB: DrawingBackend>(
    root: &Area<DB>,
    fig: &Figure,
    sc: Scale,
    x_from: i32,
    x_to: i32,
    y: i32,
) -> Result<i32, String> {
    let mut items: Vec<(Swatch, String)> = Vec::new();
    let services = fig
        .sides
        .first()
        .map(|s| s.series.services.clone())
        .unwrap_or_default();
    for (i, name) in services.iter().enumerate() {
        items.push((
            Swatch::Line {
                colour: style::series_colour(i),
                dashed: false,
            },
            name.clone(),
        ));
    }
    if fig.comparing() {
        for s in &fig.sides {
            let letter = if s.side == Some(Side::B) { "B" } else { "A" };
            items.push((
                Swatch::Line {
                    colour: style::INK,
                    dashed: s.side == Some(Side::B),
                },
                text::side_note(letter, &s.label),
            ));
        }
    }
    if fig.sides.iter().any(|s| s.series.client_threads.is_some()) {
        items.push((
            Swatch::Line {
                colour: style::MUTED,
                dashed: false,
            },
            text::caller_threads(),
        ));
    }
    // The latency panel's two widths.
    for (thick, label) in [(true, text::legend_p99()), (false, text::legend_p50())] {
        items.push((Swatch::Width { thick }, label));
    }
    // The pool panel's line at 100 %, so it is not taken for a series.
    if panels_of(fig)
        .0
        .contains(&Panel::Lines(lines::Measure::Pool))
    {
        items.push((
            Swatch::Line {
                colour: style::CAPACITY,
                dashed: false,
            },
            text::legend_capacity(),
        ));
    }
    for state in bands::states_in(fig) {
        items.push((Swatch::State(state), state.word().to_string()));
    }
    if fig.notes.iter().any(|n| !n.live) {
        items.push((
            Swatch::Rule {
                colour: style::MUTED,
            },
            text::legend_timeline(),
        ));
    }
    if fig.notes.iter().any(|n| n.live) {
        items.push((
            Swatch::Rule {
                colour: style::LIVE,
            },
            text::legend_live(),
        ));
    }
    let words = font(sc.text(), false, style::INK, HPos::Left, VPos::Center);
    let sw = sc.px(34.0, 16.0);
    let sh = sc.px(14.0, 7.0);
    let row = sc.text() * 15 / 10;
    let space = sc.px(28.0, 10.0);
    let (mut x, mut y) = (x_from, y);
    for (swatch, label) in items {
        let lw = width_of(root, &label, &words);
        let item_w = sw + sc.px(8.0, 3.0) + lw;
        if x > x_from && x + item_w > x_to {
            x = x_from;
            y += row;
        }
        let cy = y + row / 2;
        match swatch {
            Swatch::Line { colour, dashed } => {
                let st = colour.stroke_width(sc.px(4.0, 2.0) as u32);
                if dashed {
                    root.draw(&DashedPathElement::new(
                        vec![(x, cy), (x + sw, cy)],
                        sc.px(8.0, 4.0),
                        sc.px(5.0, 3.0),
                        st,
                    ))
                    .map_err(err)?;
                } else {
                    root.draw(&PathElement::new(vec![(x, cy), (x + sw, cy)], st))
                        .map_err(err)?;
                }
            }
            Swatch::Width { thick } => {
                let width = if thick {
                    sc.line()
                } else {
                    (sc.line() / 2).max(1)
                };
                root.draw(&PathElement::new(
                    vec![(x, cy), (x + sw, cy)],
                    style::INK.stroke_width(width),
                ))
                .map_err(err)?;
            }
            Swatch::State(state) => {
                bands::swatch(
                    root,
                    state,
                    (x, cy - sh / 2 - 2),
                    (x + sw, cy + sh / 2 + 2),
                    sc,
                    false,
                )?;
            }
            Swatch::Rule { colour } => {
                root.draw(&DashedPathElement::new(
                    vec![(x + sw / 2, cy - sh), (x + sw / 2, cy + sh)],
                    sc.px(5.0, 3.0),
                    sc.px(3.0, 2.0),
                    colour.stroke_width(sc.px(2.0, 1.0) as u32),
                ))
                .map_err(err)?;
            }
        }
        root.draw(&Text::new(
            label,
            (x + sw + sc.px(8.0, 3.0), cy),
            words.clone(),
        ))
        .map_err(err)?;
        x += item_w + space;
    }
    Ok(y + row)
}

/// The caption (how points fold ticks, what is not drawn, early stops),
/// wrapped to `width`.
fn caption_lines<DB: DrawingBackend>(
    root: &Area<DB>,
    fig: &Figure,
    absent: &[String],
    sc: Scale,
    width: i32,
) -> Vec<String> {
    let mut parts = Vec::new();
    if let Some(s) = fig.sides.first() {
        parts.push(text::caption(s.series.point_len, s.series.tick_len));
    }
    if !absent.is_empty() {
        parts.push(text::not_shown(absent));
    }
    for s in &fig.sides {
        if let Some((at, why)) = &s.stopped {
            let letter = match s.side {
                Some(Side::A) => "A",
                Some(Side::B) => "B",
                None => "",
            };
            parts.push(text::stopped(letter, *at, why));
        }
    }
    let st = font(sc.small(), false, style::MUTED, HPos::Left, VPos::Top);
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in parts.join(" ").split(' ') {
        let next = if cur.is_empty() {
            word.to_string()
        } else {
            format!("{cur} {word}")
        };
        if !cur.is_empty() && width_of(root, &next, &st) > width {
            lines.push(std::mem::take(&mut cur));
            cur = word.to_string();
        } else {
            cur = next;
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}
