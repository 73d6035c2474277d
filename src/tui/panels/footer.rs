//! The footer: the keys that apply now (from the key table), after the last
//! status message if there is one. When space runs out, `? help` and `q quit`
//! are the ones kept.

use super::{styled, width_of};
use crate::tui::app::App;
use crate::tui::keys;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = area.width as usize;
    let item = |k: &str, w: &str| {
        vec![
            styled(format!(" {k}"), theme.key),
            Span::raw(format!(" {} ", crate::i18n::tr(w, None))),
        ]
    };
    let (essential, others): (Vec<_>, Vec<_>) =
        keys::footer(app.context()).partition(|(k, _)| *k == "?" || *k == "q" || *k == "Esc");
    let mut spans: Vec<Span> = Vec::new();
    if let Some(status) = app.status() {
        spans.push(styled(format!(" {status} "), theme.warn));
        spans.push(styled("│", theme.dim));
    }
    let tail: Vec<Span> = essential.iter().flat_map(|(k, w)| item(k, w)).collect();
    let budget = width.saturating_sub(width_of(&tail));
    for (k, w) in others {
        let it = item(k, w);
        if width_of(&spans) + width_of(&it) > budget {
            break;
        }
        spans.extend(it);
    }
    spans.extend(tail);
    Paragraph::new(Line::from(spans)).render(area, buf);
}
