//! Parameters: the selected service's changeable values with their current
//! values, read back from the world (so timeline changes show too). ↑/↓
//! picks one, ←/→ changes it through `change_now`.

use super::{panel_block, render_lines, styled, truncate};
use crate::tui::app::App;
use crate::tui::fields::show_value;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let title = format!(" Parameters ({}) ", app.selected_service_name());
    let block = panel_block(title, focused, theme);
    let inner = block.inner(area);
    let fields = app.fields();
    let sel = app.selected_field();
    let rows = inner.height as usize;
    let start = if fields.len() <= rows {
        0
    } else {
        sel.saturating_sub(rows / 2).min(fields.len() - rows)
    };
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
