//! The help overlay: the scenario's lesson, every key binding (straight from
//! the key table), and what the symbols mean.

use super::{styled, truncate};
use crate::base::escape::escape;
use crate::patterns::circuit_breaker::BreakerState;
use crate::t;
use crate::tui::app::App;
use crate::tui::keys::{When, BINDINGS};
use crate::tui::theme::{symbol, Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let w = area.width.saturating_sub(2).min(110);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.focus_border)
        .title(Line::styled(format!(" {} ", t!("help-title")), theme.title));
    let inner = block.inner(Rect::new(0, 0, w, area.height));
    let mut lines = Vec::new();
    let s = app.scenario();
    lines.push(Line::styled(escape(&s.name).into_owned(), theme.title));
    if !s.lesson.is_empty() {
        lines.push(Line::raw(escape(&s.lesson).into_owned()));
    } else if !s.description.is_empty() {
        lines.push(Line::raw(escape(&s.description).into_owned()));
    }
    lines.push(Line::raw(""));
    let two = inner.width >= 70;
    let col = if two {
        inner.width as usize / 2
    } else {
        inner.width as usize
    };
    let rows: Vec<Vec<Span>> = BINDINGS
        .iter()
        .filter(|b| b.when != When::Help && (b.when != When::Compare || app.comparing()))
        .map(|b| {
            let text = truncate(&crate::i18n::tr(b.help, None), col.saturating_sub(12));
            let used = 11 + text.chars().count();
            vec![
                styled(format!(" {:<10}", b.label), theme.key),
                Span::raw(text),
                Span::raw(" ".repeat(col.saturating_sub(used))),
            ]
        })
        .collect();
    if two {
        let half = rows.len().div_ceil(2);
        for k in 0..half {
            let mut spans = rows[k].clone();
            if let Some(r) = rows.get(k + half) {
                spans.extend(r.clone());
            }
            lines.push(Line::from(spans));
        }
    } else {
        lines.extend(rows.into_iter().map(Line::from));
    }
    lines.push(Line::raw(""));
    let mut legend = vec![Span::raw(format!(" {} ", t!("help-legend-breaker")))];
    for st in [
        BreakerState::Closed,
        BreakerState::HalfOpen,
        BreakerState::Open,
        BreakerState::ForcedOpen,
        BreakerState::Disabled,
    ] {
        legend.push(styled(
            format!("{} {} ({})", symbol(st), st.word(), state_gloss(st)),
            theme.breaker(st),
        ));
        legend.push(Span::raw("  "));
    }
    lines.push(Line::from(legend));
    lines.push(Line::raw(format!(" {}", t!("help-legend-calls"))));
    lines.push(Line::raw(format!(" {}", t!("help-legend-attempts"))));
    // As tall as the text needs (word wrapping may take a line more), within the screen.
    let iw = inner.width.max(1) as usize;
    let needed: usize = lines
        .iter()
        .map(|l| l.width().div_ceil(iw).max(1))
        .sum::<usize>()
        + 1;
    let h = (needed as u16 + 2).min(area.height.saturating_sub(2));
    let para = Paragraph::new(lines).wrap(Wrap { trim: false });
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(rect, buf);
    para.block(block).render(rect, buf);
}

/// What a state means, in words (the lesson glosses its three states).
pub fn state_gloss(st: BreakerState) -> String {
    match st {
        BreakerState::Closed => t!("state-gloss-closed"),
        BreakerState::Open => t!("state-gloss-open"),
        BreakerState::HalfOpen => t!("state-gloss-half-open"),
        BreakerState::ForcedOpen => t!("state-gloss-forced-open"),
        BreakerState::Disabled => t!("state-gloss-disabled"),
    }
}
