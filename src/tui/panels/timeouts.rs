//! Timeouts: attempts cut off by the per-attempt timeout (`⧖`, per second
//! over time: not the calls that ended timed out, which Throughput shows as
//! `⧗`), and how many calls the fallback answered in all (`Σ`, a total).

use super::{
    count, name_width, num, off_rows, panel_block, push_if_fits, render_lines, row_head,
    spark_view, styled, visible, width_of, window_label,
};
use crate::base::outcome::Outcome;
use crate::t;
use crate::tui::app::App;
use crate::tui::history::{Sample, View};
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
    let mut label: Option<View> = None;
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
        let mut draw = |w: usize| {
            let view = h.view(win, w);
            let text = spark_view(&view.values(f), max, w);
            label.get_or_insert(view);
            text
        };
        let style = if now > 0.0 {
            theme.outcome(Outcome::TimedOut)
        } else {
            theme.text
        };
        spans.push(styled(
            format!("⧖ {}", t!("timeouts-rate", n = format!("{:>5}", num(now)))),
            style,
        ));
        spans.push(Span::raw(" "));
        let totals = side.sim.service_metrics(i).totals_now();
        let fallbacks = totals.fallbacks;
        let fallbacks_item = styled(
            format!(" {}", t!("timeouts-fallbacks", n = count(fallbacks))),
            theme.text,
        );
        let width = inner.width as usize;
        if two {
            let w = width.saturating_sub(width_of(&spans));
            spans.push(styled(draw(w), theme.outcome(Outcome::TimedOut)));
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
            // Fewer than 4 marks tell nothing over a window: none then.
            let w = width.saturating_sub(width_of(&spans) + width_of(&tail));
            if w >= 4 {
                spans.push(styled(draw(w), theme.outcome(Outcome::TimedOut)));
            }
            spans.extend(tail);
            lines.push(Line::from(spans));
        }
    }
    let block = match &label {
        Some(v) => block.title_bottom(window_label(v, area.width as usize)),
        None => block,
    };
    render_lines(lines, block, area, buf);
}
