//! The footer: the keys that apply now (from the key table), after the last
//! status message if there is one. When space runs out, the essential keys
//! stay (`? help`, `space`, `+/-`, `q`, `Esc`) and those of the focused
//! panel; the others go, whole, and the kept ones stay in table order.

use super::{piece, spans_of, truncate_words, width_of, Piece, Tone};
use crate::tui::app::{App, PanelId};
use crate::tui::keys;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

/// Keys (as the footer writes them) that are never dropped.
const ESSENTIAL: &[&str] = &["?", "q", "Esc", "space", "+/-"];

/// The keys that act on what the focused panel shows.
fn focus_keys(panel: PanelId) -> &'static [&'static str] {
    match panel {
        PanelId::Breaker => &["f", "o", "w"],
        PanelId::Retries | PanelId::Timeouts | PanelId::Bulkhead => &["1-4", "w", "Tab"],
        PanelId::Latency | PanelId::Throughput => &["w", "Tab", "s"],
        PanelId::Parameters => &["↑↓", "←→"],
        PanelId::Events => &["n"],
    }
}

/// What the footer shows, computed from the model: the status and the
/// keys kept, as toned pieces fitted to the width. Drawn by `draw`.
#[derive(Clone, Debug, PartialEq)]
pub struct FooterView {
    pub pieces: Vec<Piece>,
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let v = view(app, area.width as usize);
    draw(&v, theme, area, buf);
}

/// Styles `v` in `area`.
pub fn draw(v: &FooterView, theme: &Theme, area: Rect, buf: &mut Buffer) {
    Paragraph::new(Line::from(spans_of(&v.pieces, theme))).render(area, buf);
}

/// The footer's view for `width` cells.
pub fn view(app: &App, width: usize) -> FooterView {
    let item = |k: &str, w: &str| {
        vec![
            piece(format!(" {k}"), Tone::Key),
            piece(format!(" {} ", crate::i18n::tr(w, None)), Tone::Plain),
        ]
    };
    let all: Vec<(&str, &str)> = keys::footer(app.context()).collect();
    let focus = focus_keys(app.focus());
    // 0: essential, 1: the focused panel's, 2: the rest.
    let rank = |k: &str| {
        if ESSENTIAL.contains(&k) {
            0
        } else if focus.contains(&k) {
            1
        } else {
            2
        }
    };
    let cost = |(k, w): &(&str, &str)| width_of(&item(k, w));
    let essential: usize = all.iter().filter(|e| rank(e.0) == 0).map(cost).sum();
    let mut spans: Vec<Piece> = Vec::new();
    if let Some(status) = app.status() {
        // The status comes first and takes what the essential keys leave;
        // cut, it ends in `…`.
        let room = width.saturating_sub(essential + 3);
        if room >= 8 {
            spans.push(piece(
                format!(" {} ", truncate_words(status, room)),
                Tone::Warn,
            ));
            spans.push(piece("│", Tone::Dim));
        }
    }
    let mut keep = vec![false; all.len()];
    let mut used = width_of(&spans);
    // Essential keys, then the focused panel's in their order of
    // importance, then the rest in table order; shown in table order.
    let mut order: Vec<usize> = (0..all.len()).filter(|&i| rank(all[i].0) == 0).collect();
    order.extend(
        focus
            .iter()
            .filter_map(|k| all.iter().position(|e| e.0 == *k)),
    );
    order.extend((0..all.len()).filter(|&i| rank(all[i].0) == 2));
    for i in order {
        if !keep[i] && used + cost(&all[i]) <= width {
            keep[i] = true;
            used += cost(&all[i]);
        }
    }
    for (e, _) in all.iter().zip(&keep).filter(|(_, k)| **k) {
        spans.extend(item(e.0, e.1));
    }
    FooterView { pieces: spans }
}

#[cfg(test)]
mod tests {
    use super::super::testing::line;
    use super::*;

    #[test]
    fn a_view_is_drawn_without_an_app() {
        let v = FooterView {
            pieces: vec![
                piece(" saved ", Tone::Warn),
                piece("│", Tone::Dim),
                piece(" ?", Tone::Key),
                piece(" help ", Tone::Plain),
                piece(" q", Tone::Key),
                piece(" quit ", Tone::Plain),
            ],
        };
        let theme = Theme::dark();
        let area = Rect::new(0, 0, 30, 1);
        let mut buf = Buffer::empty(area);
        draw(&v, &theme, area, &mut buf);
        assert_eq!(line(&buf, 0).trim_end(), " saved │ ? help  q quit");
        // The status warns; keys are keys, their words are not.
        assert_eq!(buf[(1, 0)].fg, theme.warn.fg.unwrap_or_default());
        assert_eq!(buf[(9, 0)].fg, theme.key.fg.unwrap_or_default());
        assert_ne!(buf[(11, 0)].fg, theme.key.fg.unwrap_or_default());
        assert_eq!(buf[(17, 0)].fg, theme.key.fg.unwrap_or_default());
    }
}
