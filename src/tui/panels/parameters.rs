//! Parameters: the selected service's changeable values with their current
//! values, read back from the world (so timeline changes show too). ↑/↓
//! picks one, ←/→ changes it through `change_now`.

use super::{panel_block, render_lines, side_style, styled, truncate};
use crate::t;
use crate::tui::app::App;
use crate::tui::fields::show_value;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// In a comparison: each value on A and on B, the selected side's between
/// ◀ ▶ on the selected line (where ←/→ act), `≠` where the sides differ
/// (`c` copies the selected side's value across).
fn render_compare(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let sel_side = app.selected_side();
    let letter = app.sides()[sel_side].letter();
    let title = Line::from(vec![
        Span::raw(format!(
            " {} ",
            t!(
                "panel-parameters-editing",
                service = app.selected_service_name()
            )
        )),
        styled(letter, side_style(theme, sel_side)),
        Span::raw(" "),
    ]);
    let block = panel_block(title, focused, theme);
    let inner = block.inner(area);
    let fields = app.fields();
    let sel = app.selected_field();
    let rows = inner.height as usize;
    let start = first_shown(fields.len(), sel, rows);
    let width = inner.width as usize;
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
            styled(format!("▸{label:<lw$} "), theme.title)
        } else {
            Span::raw(format!(" {label:<lw$} "))
        }];
        for (s, v) in values[k].iter().enumerate() {
            let v = truncate(v, vw);
            spans.push(styled(app.sides()[s].letter(), side_style(theme, s)));
            if here && s == sel_side {
                spans.push(styled(format!("◀{v:>vw$}▶"), theme.selected));
            } else {
                spans.push(styled(format!(" {v:>vw$} "), theme.text));
            }
            spans.push(Span::raw(" "));
        }
        if values[k][0] != values[k][1] {
            spans.push(styled("≠", theme.warn));
        }
        lines.push(Line::from(spans));
    }
    render_lines(lines, block, area, buf);
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    if app.comparing() {
        return render_compare(app, theme, area, buf, focused);
    }
    let title = format!(
        " {} ",
        t!("panel-parameters", service = app.selected_service_name())
    );
    let block = panel_block(title, focused, theme);
    let inner = block.inner(area);
    let fields = app.fields();
    let sel = app.selected_field();
    let rows = inner.height as usize;
    let start = first_shown(fields.len(), sel, rows);
    let width = inner.width as usize;
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
            lines.push(Line::from(vec![
                styled(format!("▸{label:<lw$} "), theme.title),
                styled(format!("◀ {value} ▶"), theme.selected),
            ]));
        } else {
            lines.push(Line::from(vec![
                Span::raw(format!(" {label:<lw$} ")),
                styled(format!("  {value}"), theme.text),
            ]));
        }
    }
    render_lines(lines, block, area, buf);
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
