//! Bulkhead: per service the slots in use against the limit and the callers
//! queued, as a gauge now and as history; and the caller's own threads when
//! the scenario has a client pool (what a slow service exhausts first).

use super::{
    inner_size, name_width, paired, pairs_needed, piece, push_if_fits, rows_to_pair, side_piece,
    spark_view, visible, width_of, RowHead, Rows, Tone,
};
use crate::t;
use crate::tui::app::App;
use crate::tui::history::View;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// `████░░░░` for `used` of `max` in `width` cells.
pub fn gauge(used: u32, max: u32, width: usize) -> String {
    let filled = if max == 0 {
        0
    } else {
        ((used.min(max) as f64 / max as f64) * width as f64).round() as usize
    };
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

fn fill_style(used: u32, max: u32) -> Tone {
    if used >= max {
        Tone::Bad
    } else if used * 10 >= max * 8 {
        Tone::Warn
    } else {
        Tone::Ok
    }
}

/// What the panel shows, computed from the model: the title with the
/// caller's pool when it has no line of its own, per row its pieces (the
/// head, the gauge, slots in use, the queue, the sparkline), fitted to the
/// width, and the window of the sparklines. Drawn by `draw`.
pub type BulkheadView = Rows;

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let (width, rows) = inner_size(area);
    draw(&view(app, width, rows), theme, area, buf, focused);
}

/// Lays out and styles `v` in `area`.
pub fn draw(v: &BulkheadView, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    v.draw(theme, area, buf, focused);
}

/// The panel's view for an inner area of `width` × `rows` cells.
pub fn view(app: &App, width: usize, inner_h: usize) -> BulkheadView {
    if pairs_needed(app, inner_h) {
        let v = view(app, width, rows_to_pair(app));
        return BulkheadView {
            lines: paired(v.lines, width),
            ..v
        };
    }
    let world = app.sim().world();
    // In a comparison each service (and the caller's pool) has a row per side.
    let m = app.sides().len();
    let n = world.services.len() * m;
    // The caller's pool gets its own line when every service still fits;
    // otherwise it goes into the title.
    let client_line = world.client.as_ref().filter(|_| inner_h >= n + m);
    let mut title = vec![piece(
        if width + 2 >= 60 {
            format!(" {} ", t!("panel-bulkhead-long"))
        } else {
            format!(" {} ", t!("panel-bulkhead"))
        },
        Tone::Plain,
    )];
    // The caller's pool in the title: each side's threads in use, then how
    // many wait, each only if it fits whole.
    let room = width.saturating_sub(2);
    if let (Some(c), None) = (world.client.as_ref(), client_line) {
        for (k, side) in app.sides().iter().enumerate() {
            let (busy, waiting) = side.sim.caller_pool();
            let mut item = Vec::new();
            if m > 1 {
                item.push(side_piece(app, k));
            }
            item.push(piece(
                format!(
                    "{} ",
                    t!("bulkhead-caller-short", busy = busy, threads = c.threads)
                ),
                fill_style(busy, c.threads),
            ));
            if push_if_fits(&mut title, item, room) {
                push_if_fits(
                    &mut title,
                    vec![piece(
                        format!("· {} ", t!("bulkhead-waiting", n = waiting)),
                        if waiting > 0 { Tone::Warn } else { Tone::Dim },
                    )],
                    room,
                );
            }
        }
    }
    let client = client_line;
    let rows = inner_h.saturating_sub(usize::from(client.is_some()) * m);
    let two = rows >= 2 * n;
    let nw = name_width(app);
    let head_w = nw + if m > 1 { 2 } else { 0 };
    let gw = ((width).saturating_sub(head_w + 2) / 4).clamp(5, 20);
    let mut lines = Vec::new();
    let win = app.window();
    let mut label: Option<View> = None;
    let shown = visible(app, (if two { rows / 2 } else { rows }) / m);
    for (i, k) in shown.flat_map(|i| (0..m).map(move |k| (i, k))) {
        let sim = &app.sides()[k].sim;
        let world = sim.world();
        let cfg = &world.services[i].patterns.bulkhead;
        let mut spans = RowHead::of(app, i, k, nw).pieces();
        if !cfg.enabled {
            let ds = sim.downstream(i);
            let (busy, workers, queued) =
                (ds.busy(), world.services[i].params.workers, ds.queued());
            // Shorter forms rather than a number cut at the edge.
            let room = (width).saturating_sub(width_of(&spans));
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
            spans.push(piece(text, Tone::Dim));
            lines.push(spans);
            if two {
                lines.push(Vec::new());
            }
            continue;
        }
        let bh = sim.bulkhead(i);
        let (used, max, waiting) = (bh.in_use(), cfg.max_concurrent, bh.waiting());
        let style = fill_style(used, max);
        spans.push(piece(gauge(used, max, gw), style));
        spans.push(piece(format!(" {used:>3}/{max:<3}"), style));
        let full_w = t!("bulkhead-full").chars().count() + 1;
        spans.push(if used >= max {
            piece(format!(" {}", t!("bulkhead-full")), Tone::Bad)
        } else {
            piece(" ".repeat(full_w), Tone::Text)
        });
        spans.push(piece(
            format!(" {}", t!("bulkhead-queue", n = waiting)),
            if waiting > 0 { Tone::Warn } else { Tone::Dim },
        ));
        // B's row: the difference in pool use from A, whole or not at all.
        if k == 1 {
            let a = &app.sides()[0].sim;
            if a.world().services[i].patterns.bulkhead.enabled {
                let d = used as i64 - a.bulkhead(i).in_use() as i64;
                let text = format!(" Δ{d:+}");
                let room = (width).saturating_sub(width_of(&spans));
                if text.chars().count() <= room {
                    spans.push(piece(text, Tone::Dim));
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
            lines.push(spans);
            let w = (width).saturating_sub(head_w + 2);
            lines.push(vec![
                piece(format!(" {:head_w$} ", ""), Tone::Plain),
                piece(draw(w), Tone::Ok),
            ]);
        } else {
            let w = (width).saturating_sub(width_of(&spans) + 1);
            if w >= 4 {
                spans.push(piece(" ", Tone::Plain));
                spans.push(piece(draw(w), Tone::Ok));
            }
            lines.push(spans);
        }
    }
    for (k, side) in app.sides().iter().enumerate() {
        let Some(c) = client else { break };
        let (busy, waiting) = side.sim.caller_pool();
        let style = fill_style(busy, c.threads);
        let name = if k == 0 {
            t!("bulkhead-caller")
        } else {
            String::new()
        };
        let mut head = vec![piece(format!(" {name:<w$} ", w = nw), Tone::Title)];
        if m > 1 {
            head.push(side_piece(app, k));
        }
        head.extend([
            piece(gauge(busy, c.threads, gw), style),
            piece(
                format!(
                    " {}",
                    t!("bulkhead-threads", busy = busy, threads = c.threads)
                ),
                style,
            ),
            piece(
                format!(", {}", t!("bulkhead-waiting", n = waiting)),
                if waiting > 0 { Tone::Warn } else { Tone::Dim },
            ),
        ]);
        lines.push(head);
    }
    Rows {
        title,
        lines,
        window: label,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{head, line, two_minutes};
    use super::*;

    #[test]
    fn a_view_is_drawn_without_an_app() {
        let mut first = head("api", true).pieces();
        first.push(piece(gauge(10, 10, 5), Tone::Bad));
        first.push(piece(format!(" {:>3}/{:<3}", 10, 10), Tone::Bad));
        first.push(piece(" FULL", Tone::Bad));
        first.push(piece(" queue 3", Tone::Warn));
        let mut second = head("db", false).pieces();
        second.push(piece(gauge(1, 4, 5), Tone::Ok));
        let v = BulkheadView {
            title: vec![
                piece(" Bulkhead ", Tone::Plain),
                piece("caller 8/8 ", Tone::Bad),
            ],
            lines: vec![
                first,
                vec![piece("      ", Tone::Plain), piece("▁▃█", Tone::Ok)],
                second,
            ],
            window: Some(two_minutes()),
        };
        let theme = Theme::dark();
        let area = Rect::new(0, 0, 40, 5);
        let mut buf = Buffer::empty(area);
        crate::i18n::scoped("en", || draw(&v, &theme, area, &mut buf, false));
        let top = line(&buf, 0);
        assert!(top.starts_with("┌ Bulkhead caller 8/8 "), "{top}");
        assert_eq!(buf[(12, 0)].fg, theme.bad.fg.unwrap_or_default());
        let row = line(&buf, 1);
        assert!(
            row.starts_with("│▸api  █████  10/10  FULL queue 3"),
            "{row}"
        );
        assert!(line(&buf, 2).starts_with("│      ▁▃█"), "{}", line(&buf, 2));
        assert!(
            line(&buf, 3).starts_with("│ db   █░░░░"),
            "{}",
            line(&buf, 3)
        );
        // A full pool is bad, a pool with room is ok, a queue warns.
        assert_eq!(buf[(7, 1)].fg, theme.bad.fg.unwrap_or_default());
        assert_eq!(buf[(7, 3)].fg, theme.ok.fg.unwrap_or_default());
        assert_eq!(buf[(26, 1)].fg, theme.warn.fg.unwrap_or_default());
        assert!(line(&buf, 4).contains("last 2:00"), "{}", line(&buf, 4));
    }
}
