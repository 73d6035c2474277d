//! Parameters: the selected service's changeable values with their current
//! values, read back from the world (so timeline changes show too). ↑/↓
//! picks one, ←/→ changes it through `change_now`.

use super::{inner_size, piece, truncate, Rows, Tone};
use crate::t;
use crate::tui::app::App;
use crate::tui::fields::show_value;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// In a comparison: each value on A and on B, the selected side's between
/// ◀ ▶ on the selected line (where ←/→ act), `≠` where the sides differ
/// (`c` copies the selected side's value across).
fn view_compare(app: &App, width: usize, rows: usize) -> ParametersView {
    let sel_side = app.selected_side();
    let letter = app.sides()[sel_side].letter();
    let title = vec![
        piece(
            format!(
                " {} ",
                t!(
                    "panel-parameters-editing",
                    service = app.selected_service_name()
                )
            ),
            Tone::Plain,
        ),
        piece(letter, Tone::Side(sel_side)),
        piece(" ", Tone::Plain),
    ];
    let fields = app.fields();
    let sel = app.selected_field();
    let start = first_shown(fields.len(), sel, rows);
    let values: Vec<[String; 2]> = fields
        .iter()
        .map(|f| {
            [0, 1].map(|k| {
                app.sides()[k]
                    .sim
                    .world()
                    .get(&f.path)
                    .map(|v| show_value(&v))
                    .unwrap_or_else(|| "?".into())
            })
        })
        .collect();
    // Each value column: its letter, the value, the ◀ ▶ room; then `≠`.
    // The names come first: a long value (`consecutive`) is cut before them.
    let label_of = |l: &str| l.replace("circuit_breaker.", "breaker.");
    let lw_full = fields
        .iter()
        .map(|f| label_of(&f.label).chars().count())
        .max()
        .unwrap_or(10);
    let vw = values
        .iter()
        .skip(start)
        .take(rows)
        .flatten()
        .map(|v| v.chars().count())
        .max()
        .unwrap_or(4)
        .min(12)
        .min(
            (width.saturating_sub(lw_full + 3) / 2)
                .saturating_sub(4)
                .max(5),
        );
    let lw = lw_full.min(width.saturating_sub(2 * (vw + 4) + 3).max(6));
    let mut lines = Vec::new();
    for (k, f) in fields.iter().enumerate().skip(start).take(rows) {
        let label = truncate(&label_of(&f.label), lw);
        let here = k == sel;
        let mut spans = vec![if here {
            piece(format!("▸{label:<lw$} "), Tone::Title)
        } else {
            piece(format!(" {label:<lw$} "), Tone::Plain)
        }];
        for (s, v) in values[k].iter().enumerate() {
            let v = truncate(v, vw);
            spans.push(piece(app.sides()[s].letter(), Tone::Side(s)));
            if here && s == sel_side {
                spans.push(piece(format!("◀{v:>vw$}▶"), Tone::Selected));
            } else {
                spans.push(piece(format!(" {v:>vw$} "), Tone::Text));
            }
            spans.push(piece(" ", Tone::Plain));
        }
        if values[k][0] != values[k][1] {
            spans.push(piece("≠", Tone::Warn));
        }
        lines.push(spans);
    }
    Rows {
        title,
        lines,
        window: None,
    }
}

/// What the panel shows, computed from the model: the title, and a line
/// per field shown (name, value; the selected one between ◀ ▶), fitted to
/// the width. Drawn by `draw`.
pub type ParametersView = Rows;

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let (width, rows) = inner_size(area);
    draw(&view(app, width, rows), theme, area, buf, focused);
}

/// Lays out and styles `v` in `area`.
pub fn draw(v: &ParametersView, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    v.draw(theme, area, buf, focused);
}

/// The panel's view for an inner area of `width` × `rows` cells.
pub fn view(app: &App, width: usize, rows: usize) -> ParametersView {
    if app.comparing() {
        return view_compare(app, width, rows);
    }
    let title = vec![piece(
        format!(
            " {} ",
            t!("panel-parameters", service = app.selected_service_name())
        ),
        Tone::Plain,
    )];
    let fields = app.fields();
    let sel = app.selected_field();
    let start = first_shown(fields.len(), sel, rows);
    // Long pattern names are shortened on narrow panels.
    let label_of = |l: &str| {
        if width < 56 {
            l.replace("circuit_breaker.", "breaker.")
        } else {
            l.to_string()
        }
    };
    let lw = fields
        .iter()
        .map(|f| label_of(&f.label).chars().count())
        .max()
        .unwrap_or(10)
        .min(width.saturating_sub(12));
    let world = app.sim().world();
    let mut lines = Vec::new();
    for (k, f) in fields.iter().enumerate().skip(start).take(rows) {
        let value = world
            .get(&f.path)
            .map(|v| show_value(&v))
            .unwrap_or_else(|| "?".into());
        let label = truncate(&label_of(&f.label), lw);
        if k == sel {
            lines.push(vec![
                piece(format!("▸{label:<lw$} "), Tone::Title),
                piece(format!("◀ {value} ▶"), Tone::Selected),
            ]);
        } else {
            lines.push(vec![
                piece(format!(" {label:<lw$} "), Tone::Plain),
                piece(format!("  {value}"), Tone::Text),
            ]);
        }
    }
    Rows {
        title,
        lines,
        window: None,
    }
}

/// The first field shown so that the selected one stays in view, centred
/// when the list is longer than the panel.
fn first_shown(fields: usize, selected: usize, rows: usize) -> usize {
    if fields <= rows {
        0
    } else {
        selected.saturating_sub(rows / 2).min(fields - rows)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::line;
    use super::*;

    #[test]
    fn a_view_is_drawn_without_an_app() {
        let v = ParametersView {
            title: vec![
                piece(" Parameters (api) · editing ", Tone::Plain),
                piece("B", Tone::Side(1)),
                piece(" ", Tone::Plain),
            ],
            lines: vec![
                vec![
                    piece(" retry.max_attempts ", Tone::Plain),
                    piece("A", Tone::Side(0)),
                    piece("     3 ", Tone::Text),
                    piece(" ", Tone::Plain),
                    piece("B", Tone::Side(1)),
                    piece("     3 ", Tone::Text),
                    piece(" ", Tone::Plain),
                ],
                vec![
                    piece("▸timeout.per_try    ", Tone::Title),
                    piece("A", Tone::Side(0)),
                    piece(" 200ms ", Tone::Text),
                    piece(" ", Tone::Plain),
                    piece("B", Tone::Side(1)),
                    piece("◀ 50ms▶", Tone::Selected),
                    piece(" ", Tone::Plain),
                    piece("≠", Tone::Warn),
                ],
            ],
            window: None,
        };
        let theme = Theme::dark();
        let area = Rect::new(0, 0, 48, 4);
        let mut buf = Buffer::empty(area);
        draw(&v, &theme, area, &mut buf, true);
        let top = line(&buf, 0);
        assert!(top.starts_with("┏ Parameters (api) · editing B "), "{top}");
        assert_eq!(buf[(29, 0)].fg, theme.side_b.fg.unwrap_or_default());
        let row = line(&buf, 2);
        assert!(
            row.starts_with("┃▸timeout.per_try    A 200ms  B◀ 50ms▶ ≠"),
            "{row}"
        );
        // The value ←/→ act on is selected; the sides differ, and say so.
        assert_eq!(buf[(31, 2)].bg, theme.selected.bg.unwrap_or_default());
        assert_eq!(buf[(39, 2)].fg, theme.warn.fg.unwrap_or_default());
        assert_eq!(buf[(21, 2)].fg, theme.side_a.fg.unwrap_or_default());
    }
}
