//! Bulkhead: per service the slots in use against the limit and the callers
//! queued, as a gauge now and as history; and the caller's own threads when
//! the scenario has a client pool (what a slow service exhausts first).

use super::{
    name_width, panel_block, push_if_fits, render_lines, row_head, side_tag, spark_view, styled,
    visible, width_of, window_label,
};
use crate::t;
use crate::tui::app::App;
use crate::tui::history::View;
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
    let world = app.sim().world();
    // In a comparison each service (and the caller's pool) has a row per side.
    let m = app.sides().len();
    let n = world.services.len() * m;
    let inner_h = area.height.saturating_sub(2) as usize;
    // The caller's pool gets its own line when every service still fits;
    // otherwise it goes into the title.
    let client_line = world.client.as_ref().filter(|_| inner_h >= n + m);
    let mut title = vec![Span::raw(if area.width >= 60 {
        format!(" {} ", t!("panel-bulkhead-long"))
    } else {
        format!(" {} ", t!("panel-bulkhead"))
    })];
    // The caller's pool in the title: each side's threads in use, then how
    // many wait, each only if it fits whole.
    let room = (area.width as usize).saturating_sub(4);
    if let (Some(c), None) = (world.client.as_ref(), client_line) {
        for (k, side) in app.sides().iter().enumerate() {
            let (busy, waiting) = side.sim.caller_pool();
            let mut item = Vec::new();
            if m > 1 {
                item.push(side_tag(app, theme, k));
            }
            item.push(styled(
                format!(
                    "{} ",
                    t!("bulkhead-caller-short", busy = busy, threads = c.threads)
                ),
                fill_style(theme, busy, c.threads),
            ));
            if push_if_fits(&mut title, item, room) {
                push_if_fits(
                    &mut title,
                    vec![styled(
                        format!("· {} ", t!("bulkhead-waiting", n = waiting)),
                        if waiting > 0 { theme.warn } else { theme.dim },
                    )],
                    room,
                );
            }
        }
    }
    let block = panel_block(Line::from(title), focused, theme);
    let inner = block.inner(area);
    let client = client_line;
    let rows = (inner.height as usize).saturating_sub(usize::from(client.is_some()) * m);
    let two = rows >= 2 * n;
    let nw = name_width(app);
    let head_w = nw + if m > 1 { 2 } else { 0 };
    let gw = ((inner.width as usize).saturating_sub(head_w + 2) / 4).clamp(5, 20);
    let mut lines = Vec::new();
    let win = app.window();
    let mut label: Option<View> = None;
    let shown = visible(app, (if two { rows / 2 } else { rows }) / m);
    for (i, k) in shown.flat_map(|i| (0..m).map(move |k| (i, k))) {
        let sim = &app.sides()[k].sim;
        let world = sim.world();
        let cfg = &world.services[i].patterns.bulkhead;
        let mut spans = row_head(app, theme, i, k, nw);
        if !cfg.enabled {
            let ds = sim.downstream(i);
            let (busy, workers, queued) =
                (ds.busy(), world.services[i].params.workers, ds.queued());
            // Shorter forms rather than a number cut at the edge.
            let room = (inner.width as usize).saturating_sub(width_of(&spans));
            let off = format!("· {}", t!("pattern-off"));
            let text = [
                t!(
                    "bulkhead-off-downstream",
                    busy = busy,
                    workers = workers,
                    queued = queued
                ),
                t!(
                    "bulkhead-off-busy-queued",
                    busy = busy,
                    workers = workers,
                    queued = queued
                ),
                t!("bulkhead-off-busy", busy = busy, workers = workers),
            ]
            .into_iter()
            .map(|t| format!("{off}  {t}"))
            .find(|t| t.chars().count() <= room)
            .unwrap_or(off);
            spans.push(styled(text, theme.dim));
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
        let full_w = t!("bulkhead-full").chars().count() + 1;
        spans.push(if used >= max {
            styled(format!(" {}", t!("bulkhead-full")), theme.bad)
        } else {
            styled(" ".repeat(full_w), theme.text)
        });
        spans.push(styled(
            format!(" {}", t!("bulkhead-queue", n = waiting)),
            if waiting > 0 { theme.warn } else { theme.dim },
        ));
        // B's row: the difference in pool use from A, whole or not at all.
        if k == 1 {
            let a = &app.sides()[0].sim;
            if a.world().services[i].patterns.bulkhead.enabled {
                let d = used as i64 - a.bulkhead(i).in_use() as i64;
                let text = format!(" Δ{d:+}");
                let room = (inner.width as usize).saturating_sub(width_of(&spans));
                if text.chars().count() <= room {
                    spans.push(styled(text, theme.dim));
                }
            }
        }
        // Pool use against its capacity: a full bar is a full pool.
        let h = &app.sides()[k].history;
        let mut draw = |w: usize| {
            let view = h.view(win, w);
            let text = spark_view(&view.values(|s| s.services[i].in_use as f64), max as f64, w);
            label.get_or_insert(view);
            text
        };
        if two {
            lines.push(Line::from(spans));
            let w = (inner.width as usize).saturating_sub(head_w + 2);
            lines.push(Line::from(vec![
                Span::raw(format!(" {:head_w$} ", "")),
                styled(draw(w), theme.ok),
            ]));
        } else {
            let w = (inner.width as usize).saturating_sub(width_of(&spans) + 1);
            if w >= 4 {
                spans.push(Span::raw(" "));
                spans.push(styled(draw(w), theme.ok));
            }
            lines.push(Line::from(spans));
        }
    }
    for (k, side) in app.sides().iter().enumerate() {
        let Some(c) = client else { break };
        let (busy, waiting) = side.sim.caller_pool();
        let style = fill_style(theme, busy, c.threads);
        let name = if k == 0 {
            t!("bulkhead-caller")
        } else {
            String::new()
        };
        let mut head = vec![styled(format!(" {name:<w$} ", w = nw), theme.title)];
        if m > 1 {
            head.push(side_tag(app, theme, k));
        }
        head.extend([
            styled(gauge(busy, c.threads, gw), style),
            styled(
                format!(
                    " {}",
                    t!("bulkhead-threads", busy = busy, threads = c.threads)
                ),
                style,
            ),
            styled(
                format!(", {}", t!("bulkhead-waiting", n = waiting)),
                if waiting > 0 { theme.warn } else { theme.dim },
            ),
        ]);
        lines.push(Line::from(head));
    }
    let block = match &label {
        Some(v) => block.title_bottom(window_label(v, area.width as usize)),
        None => block,
    };
    render_lines(lines, block, area, buf);
}
