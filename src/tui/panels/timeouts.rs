//! Timeouts: attempts cut off by the per-attempt timeout (`⧖`, per second
//! over time: not the calls that ended timed out, which Throughput shows as
//! `⧗`), and how many calls the fallback answered in all (`Σ`, a total).

use super::{
    count, fill_sparks, name_width, num, off_rows, panel_block, push_if_fits, render_lines,
    row_head, spark_view, styled, visible, width_of, window_label, Deferred,
};
use crate::base::outcome::Outcome;
use crate::t;
use crate::tui::app::App;
use crate::tui::history::Sample;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let block = panel_block(format!(" {} ", t!("panel-timeouts")), focused, theme);
    let inner = block.inner(area);
    let nw = name_width(app);
    // In a comparison each service has a row per side.
    let m = app.sides().len();
    let n = app.sim().world().services.len() * m;
    let rows = inner.height as usize;
    let two = rows >= 2 * n;
    let indent = nw + if m > 1 { 2 } else { 0 };
    let mut lines = Vec::new();
    // One scale for every row: the most attempts per second in the window,
    // the natural maximum of attempts cut off.
    let win = app.window();
    let max = app
        .sides()
        .iter()
        .flat_map(|side| {
            (0..side.sim.world().services.len()).map(move |j| {
                side.history
                    .peak(win, 1.0, |s: &Sample| s.rate(s.services[j].attempts))
            })
        })
        .fold(1.0, f64::max);
    let mut deferred: Vec<Deferred> = Vec::new();
    let shown = visible(app, (if two { rows / 2 } else { rows }) / m);
    for (i, k) in shown.flat_map(|i| (0..m).map(move |k| (i, k))) {
        let side = &app.sides()[k];
        let h = &side.history;
        let mut spans = row_head(app, theme, i, k, nw);
        let svc = &side.sim.world().services[i];
        if !svc.patterns.timeout.enabled && !svc.patterns.fallback.enabled {
            off_rows(&mut lines, spans, theme, if two { 2 } else { 1 });
            continue;
        }
        let f = |s: &Sample| s.rate(s.services[i].attempt_timeouts);
        let now = h.now(f);
        let style = if now > 0.0 {
            theme.outcome(Outcome::TimedOut)
        } else {
            theme.text
        };
        let totals = side.sim.service_metrics(i).totals_now();
        let fallbacks = totals.fallbacks;
        let fallbacks_item = styled(
            format!(" {}", t!("timeouts-fallbacks", n = count(fallbacks))),
            theme.text,
        );
        // `⧖ 12.0/s cut`, or `⧖ 12.0/s` when the word would push the
        // fallbacks' total out (the help's legend says what ⧖ counts).
        let rate = format!("⧖ {:>5}/s ", num(now));
        let long = format!("{rate}{} ", t!("timeouts-cut"));
        let room = (inner.width as usize).saturating_sub(width_of(&spans));
        let rate_text = if two || long.chars().count() + fallbacks_item.width() <= room {
            long
        } else {
            rate
        };
        spans.push(styled(rate_text, style));
        let width = inner.width as usize;
        if two {
            let w = width.saturating_sub(width_of(&spans));
            deferred.push(Deferred {
                line: lines.len(),
                at: spans.len(),
                room: w,
                side: k,
                service: i,
            });
            lines.push(Line::from(spans));
            let timed_out = totals.attempt_outcomes[Outcome::TimedOut.index()];
            let mut tail = vec![Span::raw(format!(" {:indent$}", ""))];
            push_if_fits(&mut tail, vec![fallbacks_item], width);
            push_if_fits(
                &mut tail,
                vec![styled(
                    format!(" · {}", t!("timeouts-total", n = count(timed_out))),
                    theme.dim,
                )],
                width,
            );
            lines.push(Line::from(tail));
        } else {
            let mut tail = Vec::new();
            let room = width.saturating_sub(width_of(&spans));
            push_if_fits(&mut tail, vec![fallbacks_item], room);
            let w = width.saturating_sub(width_of(&spans) + width_of(&tail));
            deferred.push(Deferred {
                line: lines.len(),
                at: spans.len(),
                room: w,
                side: k,
                service: i,
            });
            spans.extend(tail);
            lines.push(Line::from(spans));
        }
    }
    let view = |d: &Deferred, w: usize| app.sides()[d.side].history.view(win, w);
    let w = fill_sparks(&mut lines, &deferred, |d, w| {
        let i = d.service;
        styled(
            spark_view(
                &view(d, w).values(|s| s.rate(s.services[i].attempt_timeouts)),
                max,
                w,
            ),
            theme.outcome(Outcome::TimedOut),
        )
    });
    let block = match deferred.first() {
        Some(d) if w > 0 => block.title_bottom(window_label(&view(d, w), area.width as usize)),
        _ => block,
    };
    render_lines(lines, block, area, buf);
}
