//! Timeouts: attempts cut off by the per-attempt timeout, per second over
//! time, how many calls the fallback answered, and what it answered (on the
//! bottom border, whole or not at all).

use super::{
    count, name_width, num, off_rows, panel_block, render_lines, row_head, spark, styled, visible,
    width_of,
};
use crate::base::escape::escape;
use crate::base::outcome::Outcome;
use crate::t;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let mut block = panel_block(format!(" {} ", t!("panel-timeouts")), focused, theme);
    if let Some(answer) = answer_line(app, area.width.saturating_sub(2) as usize) {
        block = block.title_bottom(Line::styled(answer, theme.text));
    }
    let inner = block.inner(area);
    let nw = name_width(app);
    // In a comparison each service has a row per side.
    let m = app.sides().len();
    let n = app.sim().world().services.len() * m;
    let rows = inner.height as usize;
    let two = rows >= 2 * n;
    let indent = nw + if m > 1 { 2 } else { 0 };
    let mut lines = Vec::new();
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
        let series = h.series(inner.width as usize, |s| {
            s.rate(s.services[i].attempt_timeouts)
        });
        let now = series.last().copied().unwrap_or(0.0);
        let style = if now > 0.0 {
            theme.outcome(Outcome::TimedOut)
        } else {
            theme.text
        };
        spans.push(styled(format!("⧗ {:>5}/s ", num(now)), style));
        let totals = side.sim.service_metrics(i).totals_now();
        let fallbacks = totals.fallbacks;
        let mut tail = vec![styled(
            format!(" {}", t!("timeouts-fallbacks", n = count(fallbacks))),
            theme.text,
        )];
        let max = series.iter().copied().fold(1.0, f64::max);
        if two {
            let w = (inner.width as usize).saturating_sub(width_of(&spans));
            spans.push(styled(
                spark(&series, max, w),
                theme.outcome(Outcome::TimedOut),
            ));
            lines.push(Line::from(spans));
            let timed_out = totals.attempt_outcomes[Outcome::TimedOut.index()];
            tail = vec![
                Span::raw(format!(" {:indent$} ", "")),
                styled(t!("timeouts-fallbacks", n = count(fallbacks)), theme.text),
            ];
            let more = styled(
                format!(" · {}", t!("timeouts-total", n = count(timed_out))),
                theme.dim,
            );
            if width_of(&tail) + more.width() <= inner.width as usize {
                tail.push(more);
            }
            lines.push(Line::from(tail));
        } else {
            let w = (inner.width as usize).saturating_sub(width_of(&spans) + width_of(&tail));
            spans.push(styled(
                spark(&series, max, w),
                theme.outcome(Outcome::TimedOut),
            ));
            spans.extend(tail);
            lines.push(Line::from(spans));
        }
    }
    render_lines(lines, block, area, buf);
}

/// The fallback's answer as the bottom border shows it, if a form fits in
/// `room` cells: the one answer of every service whose fallback is on, or
/// else the selected service's, named.
fn answer_line(app: &App, room: usize) -> Option<String> {
    let services = &app.sim().world().services;
    let on = |i: usize| services[i].patterns.fallback.enabled;
    let first = (0..services.len()).find(|&i| on(i))?;
    let answer = &services[first].patterns.fallback.answer;
    let shared = (0..services.len())
        .filter(|&i| on(i))
        .all(|i| services[i].patterns.fallback.answer == *answer);
    let i = app.selected_service();
    let answer = escape(answer);
    let forms = if shared {
        [
            t!("fallback-answers", answer = &*answer),
            t!("fallback-answers-short", answer = &*answer),
        ]
    } else if on(i) {
        let a = escape(&services[i].patterns.fallback.answer);
        let name = escape(&services[i].name);
        [
            t!("fallback-answers-of", service = &*name, answer = &*a),
            t!("fallback-answers-of-short", service = &*name, answer = &*a),
        ]
    } else {
        return None;
    };
    forms
        .into_iter()
        .map(|f| format!(" {f} "))
        .find(|f| f.chars().count() <= room)
}
