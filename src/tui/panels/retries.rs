//! Retries: retries per second over time, attempts per call recently, and the
//! retry budget's tokens when one is set (gRPC-style throttling).

use super::{
    name_span, name_width, num, off, panel_block, render_lines, spark, styled, visible, width_of,
};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Attempts per call over this many recent samples.
const RECENT: usize = 10;

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let block = panel_block(" Retries ", focused, theme);
    let inner = block.inner(area);
    let nw = name_width(app);
    let h = app.history();
    let n = app.sim().world().services.len();
    let rows = inner.height as usize;
    // Two lines per service when there is room: the rate over time, then the numbers.
    let two = rows >= 2 * n;
    let mut lines = Vec::new();
    for i in visible(app, if two { rows / 2 } else { rows }) {
        let mut spans = vec![name_span(app, theme, i, nw)];
        if !app.sim().world().services[i].patterns.retry.enabled {
            spans.push(off(theme));
            lines.push(Line::from(spans));
            if two {
                lines.push(Line::raw(""));
            }
            continue;
        }
        let series = h.series(inner.width as usize, |s| s.rate(s.services[i].retries));
        let now = series.last().copied().unwrap_or(0.0);
        let (att, calls) = h.samples().last_n(RECENT).fold((0, 0), |(a, c), s| {
            (a + s.services[i].attempts, c + s.services[i].calls)
        });
        let apc = if calls > 0 {
            att as f64 / calls as f64
        } else {
            1.0
        };
        spans.push(styled(
            format!("↻ {:>5}/s ", num(now)),
            if now > 0.0 { theme.warn } else { theme.text },
        ));
        let mut tail = vec![styled(format!("{apc:.2} attempts/call"), theme.text)];
        if let Some(tokens) = app.sim().budget_tokens(i) {
            tail.push(styled(
                format!(" · budget {tokens:.1}"),
                if tokens < 1.0 { theme.bad } else { theme.dim },
            ));
        }
        let max = series.iter().copied().fold(1.0, f64::max);
        if two {
            let w = (inner.width as usize).saturating_sub(width_of(&spans));
            spans.push(styled(spark(&series, max, w), theme.warn));
            lines.push(Line::from(spans));
            let mut second = vec![Span::raw(format!(" {:nw$} ", ""))];
            second.extend(tail);
            lines.push(Line::from(second));
        } else {
            tail[0] = styled(format!(" {apc:.2} att/call"), theme.text);
            let w = (inner.width as usize).saturating_sub(width_of(&spans) + width_of(&tail));
            spans.push(styled(spark(&series, max, w), theme.warn));
            spans.extend(tail);
            lines.push(Line::from(spans));
        }
    }
    render_lines(lines, block, area, buf);
}
