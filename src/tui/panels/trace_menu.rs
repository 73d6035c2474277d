//! Key `T`'s menu: the kinds of call the lesson talks about (retried, cut
//! by the timeout, rejected …) and call #N; the chosen one is traced on a
//! copy of the world (`app/trace.rs`) and shown by the trace overlay.

use super::truncate;
use crate::base::escape::escape;
use crate::report::trace::where_words;
use crate::sim::trace::{Where, LOOK_AHEAD};
use crate::t;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(menu) = app.trace_menu() else {
        return;
    };
    let service = escape(app.selected_service_name());
    let title = t!("trace-menu-title", service = service.clone());
    let mut items: Vec<String> = Where::ALL.iter().map(|k| where_words(*k)).collect();
    items.push(if menu.digits.is_empty() {
        t!("trace-menu-call-empty")
    } else {
        t!("trace-menu-call", index = menu.digits.clone())
    });
    let note = t!("trace-menu-note", minutes = LOOK_AHEAD.0 / 60_000_000_000);
    let widest = items
        .iter()
        .map(|i| i.chars().count() + 4)
        .chain([title.chars().count() + 4, note.chars().count() + 2])
        .max()
        .unwrap_or(20);
    let w = (widest as u16 + 2).min(area.width);
    let inner = w.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            if i == menu.selected {
                Line::styled(truncate(&format!(" ▸ {item}"), inner), theme.key)
            } else {
                Line::raw(truncate(&format!("   {item}"), inner))
            }
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        truncate(&format!(" {note}"), inner),
        theme.dim,
    ));
    let h = (lines.len() as u16 + 2).min(area.height);
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.focus_border)
        .title(Line::styled(
            truncate(&format!(" {title} "), inner),
            theme.title,
        ));
    Clear.render(rect, buf);
    Paragraph::new(lines).block(block).render(rect, buf);
}
