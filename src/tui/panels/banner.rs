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

/// What the banner shows, computed from the model: its title, the note
/// (wrapped whole when drawn) and the detail, cut to the band's width.
/// Drawn by `draw`.
#[derive(Clone, Debug, PartialEq)]
pub struct BannerView {
    pub title: String,
    pub text: String,
    /// Empty when there is none.
    pub detail: String,
}

/// The inner width of the band across an area `width` cells wide.
fn inner_width(width: u16) -> usize {
    width.saturating_sub(4).saturating_sub(4) as usize
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if let Some(v) = view(app, area.width) {
        draw(&v, theme, area, buf);
    }
}

/// The banner's view across an area `width` cells wide, if there is one.
pub fn view(app: &App, width: u16) -> Option<BannerView> {
    let b = app.banner()?;
    Some(BannerView {
        title: b.title.clone(),
        text: b.text.clone(),
        detail: truncate(&b.detail, inner_width(width)),
    })
}

/// Lays out and styles `b` as a band in the middle of `area`.
pub fn draw(b: &BannerView, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let w = area.width.saturating_sub(4);
    let inner = inner_width(area.width);
    let mut lines = vec![Line::raw("")];
    // The note wraps whole (never cut); the detail is one line at most.
    lines.push(Line::styled(b.text.clone(), theme.title).alignment(Alignment::Center));
    if !b.detail.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(b.detail.clone(), theme.dim).alignment(Alignment::Center));
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

#[cfg(test)]
mod tests {
    use super::super::testing::line;
    use super::*;

    #[test]
    fn a_view_is_drawn_without_an_app() {
        let v = BannerView {
            title: "stopped".into(),
            text: "the breaker opens".into(),
            detail: "5 of 10 failed".into(),
        };
        let theme = Theme::dark();
        let area = Rect::new(0, 0, 40, 11);
        let mut buf = Buffer::empty(area);
        draw(&v, &theme, area, &mut buf);
        // A band of 7 rows in the middle: border, blank, note, blank,
        // detail, blank, border.
        assert!(
            line(&buf, 2).starts_with("  ┏ stopped ━"),
            "{}",
            line(&buf, 2)
        );
        let note = line(&buf, 4);
        assert!(note.contains("the breaker opens"), "{note}");
        // Centred: as much room on either side of the note, give or take one.
        let band = note.trim().trim_matches('┃');
        let left = band.len() - band.trim_start().len();
        let right = band.len() - band.trim_end().len();
        assert!(left.abs_diff(right) <= 1, "{note}");
        assert_eq!(buf[(19, 4)].fg, theme.title.fg.unwrap_or_default());
        assert!(
            line(&buf, 6).contains("5 of 10 failed"),
            "{}",
            line(&buf, 6)
        );
        assert!(line(&buf, 8).starts_with("  ┗━"), "{}", line(&buf, 8));
    }
}
