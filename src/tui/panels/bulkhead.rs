//! Bulkhead: per service the slots in use against the limit and the callers
//! queued, as a gauge now and as history; and the caller's own threads when
//! the scenario has a client pool (what a slow service exhausts first).

use super::{name_span, name_width, panel_block, render_lines, spark, styled, visible, width_of};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// `████░░░░` for `used` of `max` in `width` cells.
pub fn gauge(used: u32, max: u32, width: usize) -> String {
    let filled = if max == 0 {
        0
    } else {
        ((used.min(max) as f64 / max as f64) * width as f64).round() as usize
    };
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

fn fill_style(theme: &Theme, used: u32, max: u32) -> Style {
    if used >= max {
        theme.bad
    } else if used * 10 >= max * 8 {
        theme.warn
    } else {
        theme.ok
    }
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let sim = app.sim();
    let world = sim.world();
    let n = world.services.len();
    let inner_h = area.height.saturating_sub(2) as usize;
    // The caller's pool gets its own line when every service still fits;
    // otherwise it goes into the title.
    let client_line = world.client.as_ref().filter(|_| inner_h > n);
    let mut title = vec![Span::raw(if area.width >= 60 {
        " Bulkhead (pool saturation) "
    } else {
        " Bulkhead "
    })];
    if let (Some(c), None) = (world.client.as_ref(), client_line) {
        let (busy, waiting) = sim.caller_pool();
        title.push(styled(
            format!("caller {busy}/{} +{waiting} ", c.threads),
            fill_style(theme, busy, c.threads),
        ));
    }
    let block = panel_block(Line::from(title), focused, theme);
    let inner = block.inner(area);
    let client = client_line;
    let rows = (inner.height as usize).saturating_sub(usize::from(client.is_some()));
    let two = rows >= 2 * n;
    let nw = name_width(app);
    let gw = ((inner.width as usize).saturating_sub(nw + 2) / 4).clamp(5, 20);
    let mut lines = Vec::new();
    for i in visible(app, if two { rows / 2 } else { rows }) {
        let cfg = &world.services[i].patterns.bulkhead;
        let mut spans = vec![name_span(app, theme, i, nw)];
        if !cfg.enabled {
            let ds = sim.downstream(i);
            spans.push(styled(
                format!(
                    "· off  downstream {}/{} busy, {} queued",
                    ds.busy(),
                    world.services[i].params.workers,
                    ds.queued()
                ),
                theme.dim,
            ));
            lines.push(Line::from(spans));
            if two {
                lines.push(Line::raw(""));
            }
            continue;
        }
        let bh = sim.bulkhead(i);
        let (used, max, waiting) = (bh.in_use(), cfg.max_concurrent, bh.waiting());
        let style = fill_style(theme, used, max);
        spans.push(styled(gauge(used, max, gw), style));
        spans.push(styled(format!(" {used:>3}/{max:<3}"), style));
        spans.push(if used >= max {
            styled(" FULL", theme.bad)
        } else {
            styled("     ", theme.text)
        });
        spans.push(styled(
            format!(" queue {waiting}"),
            if waiting > 0 { theme.warn } else { theme.dim },
        ));
        let series = app
            .history()
            .series(inner.width as usize, |s| s.services[i].in_use as f64);
        if two {
            lines.push(Line::from(spans));
            let w = (inner.width as usize).saturating_sub(nw + 2);
            lines.push(Line::from(vec![
                Span::raw(format!(" {:nw$} ", "")),
                styled(spark(&series, max as f64, w), theme.ok),
            ]));
        } else {
            let w = (inner.width as usize).saturating_sub(width_of(&spans) + 1);
            if w >= 4 {
                spans.push(Span::raw(" "));
                spans.push(styled(spark(&series, max as f64, w), theme.ok));
            }
            lines.push(Line::from(spans));
        }
    }
    if let Some(c) = client {
        let (busy, waiting) = sim.caller_pool();
        let style = fill_style(theme, busy, c.threads);
        lines.push(Line::from(vec![
            styled(format!(" {:<w$} ", "caller", w = nw), theme.title),
            styled(gauge(busy, c.threads, gw), style),
            styled(format!(" {busy}/{} threads", c.threads), style),
            styled(
                format!(", {waiting} waiting"),
                if waiting > 0 { theme.warn } else { theme.dim },
            ),
        ]));
    }
    render_lines(lines, block, area, buf);
}
