//! The help overlay: the scenario's lesson, every key binding (straight from
//! the key table), and what the symbols mean.

use super::breaker::symbol;
use super::{styled, truncate};
use crate::patterns::circuit_breaker::BreakerState;
use crate::tui::app::App;
use crate::tui::keys::{When, BINDINGS};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let w = area.width.saturating_sub(4).min(110);
    let h = area.height.saturating_sub(2);
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(rect, buf);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.focus_border)
        .title(Line::styled(" Help · ? or Esc closes ", theme.title));
    let inner = block.inner(rect);
    let mut lines = Vec::new();
    let s = app.scenario();
    lines.push(Line::styled(s.name.clone(), theme.title));
    if !s.lesson.is_empty() {
        lines.push(Line::raw(s.lesson.clone()));
    } else if !s.description.is_empty() {
        lines.push(Line::raw(s.description.clone()));
    }
    lines.push(Line::raw(""));
    let rows: Vec<Vec<Span>> = BINDINGS
        .iter()
        .filter(|b| b.when != When::Help)
        .map(|b| {
            vec![
                styled(format!(" {:<13}", b.label), theme.key),
                Span::raw(b.help.to_string()),
            ]
        })
        .collect();
    let col = 14
        + BINDINGS
            .iter()
            .map(|b| b.help.chars().count())
            .max()
            .unwrap_or(30);
    let two = inner.width as usize >= 2 * col + 2;
    if two {
        let half = rows.len().div_ceil(2);
        for k in 0..half {
            let mut spans = rows[k].clone();
            let used: usize = spans.iter().map(|s| s.width()).sum();
            spans.push(Span::raw(" ".repeat(col + 2 - used)));
            if let Some(r) = rows.get(k + half) {
                spans.extend(r.clone());
            }
            lines.push(Line::from(spans));
        }
    } else {
        for mut r in rows {
            if let Some(last) = r.last_mut() {
                let room = (inner.width as usize).saturating_sub(14);
                *last = Span::raw(truncate(&last.content, room));
            }
            lines.push(Line::from(r));
        }
    }
    lines.push(Line::raw(""));
    let mut legend = vec![Span::raw(" breaker: ")];
    for st in [
        BreakerState::Closed,
        BreakerState::HalfOpen,
        BreakerState::Open,
        BreakerState::ForcedOpen,
        BreakerState::Disabled,
    ] {
        legend.push(styled(
            format!("{} {}", symbol(st), st.word()),
            theme.breaker(st),
        ));
        legend.push(Span::raw("  "));
    }
    lines.push(Line::from(legend));
    lines.push(Line::raw(
        " calls: ✓ ok  ✗ failed  ⧗ timed out  ↯ short-circuited  ⊗ rejected   ↻ retries   ▸ selected",
    ));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(block)
        .render(rect, buf);
}
