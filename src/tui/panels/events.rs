//! Events: what happened, in words and newest last: breaker transitions with
//! their reasons, the timeline's notes and changes, and the user's own
//! changes (marked "you"), from the simulation's notices.

use super::{clock, panel_block, render_lines, short_path, styled};
use crate::base::escape::escape;
use crate::sim::notices::{Notice, NoticeKind};
use crate::tui::app::App;
use crate::tui::theme::symbol;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

fn line(app: &App, theme: &Theme, n: &Notice) -> Line<'static> {
    let mut spans = vec![styled(format!("{} ", clock(n.at)), theme.dim)];
    let svc = n
        .service
        .and_then(|i| app.sim().world().services.get(i))
        .map(|s| s.name.clone());
    match &n.kind {
        NoticeKind::Breaker { to, reason, .. } => {
            spans.push(Span::raw(format!("{} ", svc.unwrap_or_default())));
            spans.push(styled(
                format!("{} {}", symbol(*to), to.word()),
                theme.breaker(*to),
            ));
            spans.push(Span::raw(format!(": {reason}")));
        }
        NoticeKind::Note(text) => {
            spans.push(styled("note ", theme.accent));
            spans.push(styled(escape(text).into_owned(), theme.title));
        }
        NoticeKind::Change { path, value, live } => {
            if *live {
                spans.push(styled("you ", theme.key));
            } else {
                spans.push(styled("timeline ", theme.dim));
            }
            spans.push(Span::raw(format!(
                "{} → {}",
                escape(&short_path(path)),
                escape(&value.to_string())
            )));
        }
        NoticeKind::Limit(text) => {
            spans.push(styled("! ", theme.bad));
            spans.push(styled(text.clone(), theme.bad));
        }
    }
    Line::from(spans)
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let block = panel_block(" Events ", focused, theme);
    let rows = block.inner(area).height as usize;
    let notices = app.sim().notices();
    let mut lines: Vec<Line> = notices
        .iter()
        .rev()
        .take(rows)
        .map(|(_, n)| line(app, theme, n))
        .collect();
    lines.reverse();
    if lines.is_empty() {
        lines.push(Line::styled(
            "nothing yet: breaker transitions, notes and your changes appear here",
            theme.dim,
        ));
    }
    render_lines(lines, block, area, buf);
}
