//! The banner: what `n` or a `pause = true` entry just stopped at, as a
//! band across the whole width in the middle of the screen, the note bold
//! and centred with blank rows around it, so the back row finds it. The
//! note wraps whole, never cut.

use super::truncate;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(b) = app.banner() else {
        return;
    };
    let w = area.width.saturating_sub(4);
    let inner = w.saturating_sub(4) as usize;
    let mut lines = vec![Line::raw("")];
    // The note wraps whole (never cut); the detail is one line at most.
    lines.push(Line::styled(b.text.clone(), theme.title).alignment(Alignment::Center));
    if !b.detail.is_empty() {
        lines.push(Line::raw(""));
        lines
            .push(Line::styled(truncate(&b.detail, inner), theme.dim).alignment(Alignment::Center));
    }
    lines.push(Line::raw(""));
    let wrapped = b.text.chars().count().div_ceil(inner.max(1)) as u16;
    let h = (lines.len() as u16 + wrapped.saturating_sub(1) + 2).min(area.height);
    let rect = Rect::new(area.x + 2, area.y + (area.height - h) / 2, w, h);
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(theme.focus_border)
        .title(Line::styled(format!(" {} ", b.title), theme.title));
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: true })
        .render(rect, buf);
}
