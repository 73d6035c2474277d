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

/// In a comparison: first what the sides set differently outside the
/// selected service's fields (`retry.budget — encendido ≠`, read only),
/// then each field on A and on B, the selected side's between ◀ ▶ on the
/// selected line (where ←/→ act), `≠` where the sides differ (`c` copies the
/// selected side's value across). Names are whole or lose their leading
/// parts (`…max_wait`), never their end, so two never read the same.
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
    let value_at = |k: usize, path: &str| -> String {
        match app.sides()[k].sim.world().get(path) {
            Some(toml::Value::Table(_)) => t!("parameters-yes"),
            Some(v) => show_value(&v),
            None => t!("parameters-unset"),
        }
    };
    // (label, values, index of the field or None when read only)
    let extra: Vec<(String, [String; 2])> = differing_paths(app, &fields)
        .into_iter()
        .map(|p| (short_label(&p), [0, 1].map(|k| value_at(k, &p))))
        .filter(|(_, v)| v[0] != v[1])
        .collect();
    let keep_extra = extra.len().min(rows.saturating_sub(1));
    let rows_left = rows.saturating_sub(keep_extra);
    let start = first_shown(fields.len(), sel, rows_left);
    let mut entries: Vec<(String, [String; 2], Option<usize>)> = extra
        .into_iter()
        .take(keep_extra)
        .map(|(l, v)| (l, v, None))
        .collect();
    entries.extend(
        fields
            .iter()
            .enumerate()
            .skip(start)
            .take(rows_left)
            .map(|(k, f)| {
                let label = f.label.replace("circuit_breaker.", "breaker.");
                (label, [0, 1].map(|s| value_at(s, &f.path)), Some(k))
            }),
    );
    // Each value column: its letter, the value, the ◀ ▶ room; then `≠`.
    let vw = entries
        .iter()
        .flat_map(|e| e.1.iter())
        .map(|v| v.chars().count())
        .max()
        .unwrap_or(4)
        .clamp(3, 12);
    let lw_full = entries
        .iter()
        .map(|e| e.0.chars().count())
        .max()
        .unwrap_or(10);
    // Names first (up to what leaves each value 8 cells), values the rest.
    let lw = lw_full
        .min(width.saturating_sub(2 * (vw.min(8) + 3) + 4))
        .max(6);
    let vw = vw.min(width.saturating_sub(lw + 4) / 2 - 3).max(3);
    let mut lines = Vec::new();
    for (label, values, field) in &entries {
        let label = keep_tail(label, lw);
        let here = *field == Some(sel);
        let mut spans = vec![if here {
            piece(format!("▸{label:<lw$} "), Tone::Title)
        } else if field.is_none() {
            piece(format!(" {label:<lw$} "), Tone::Warn)
        } else {
            piece(format!(" {label:<lw$} "), Tone::Plain)
        }];
        for (s, v) in values.iter().enumerate() {
            let v = truncate(v, vw);
            spans.push(piece(app.sides()[s].letter(), Tone::Side(s)));
            if here && s == sel_side {
                spans.push(piece(format!("◀{v:>vw$}▶"), Tone::Selected));
            } else {
                spans.push(piece(format!(" {v:>vw$} "), Tone::Text));
            }
        }
        if values[0] != values[1] {
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

/// The paths either side changed (its `set`, the timeline, live changes)
/// that are not among `fields`, in the order first changed: where the sides
/// may differ beyond what the panel edits.
fn differing_paths(app: &App, fields: &[crate::tui::fields::Field]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for side in app.sides() {
        let changed = side.scenario.overrides.iter().chain(
            side.sim
                .changes()
                .iter()
                .filter(|c| c.at.0 <= side.sim.now()),
        );
        for c in changed {
            if c.path.is_empty() || fields.iter().any(|f| f.path == c.path) {
                continue;
            }
            if !out.contains(&c.path) {
                out.push(c.path.clone());
            }
        }
    }
    out
}

/// A path as the panel names it: without `services.` / `patterns.`.
fn short_label(path: &str) -> String {
    let p = path
        .strip_prefix("patterns.")
        .or_else(|| path.strip_prefix("services."))
        .unwrap_or(path);
    p.replace("circuit_breaker.", "breaker.")
}

/// `label` in `width` cells: whole, else the start of its first part, `…`
/// and its last part whole (`bulk….enabled`), else its last characters
/// after `…`: both ends stay, so two names never read the same.
fn keep_tail(label: &str, width: usize) -> String {
    let n = label.chars().count();
    if n <= width {
        return label.to_string();
    }
    if let Some((head, last)) = label.rsplit_once('.') {
        let room = width.saturating_sub(last.chars().count() + 2);
        if room >= 2 {
            let head: String = head.chars().take(room).collect();
            return format!("{head}….{last}");
        }
    }
    let skip = n + 1 - width.max(1);
    format!("…{}", label.chars().skip(skip).collect::<String>())
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
