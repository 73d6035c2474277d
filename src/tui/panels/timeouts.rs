//! Timeouts: attempts cut off by the per-attempt timeout (`⧖`, per second
//! over time: not the calls that ended timed out, which Throughput shows as
//! `⧗`), how many calls the fallback answered in all (`Σ`, a total), and what
//! it answered (on the bottom border, whole or not at all).

use super::{
    attempts_peak, count, fill_rate_sparks, name_width, num, off_rows, panel_block, push_if_fits,
    render_lines, row_head, styled, visible, width_of, window_label, Deferred,
};
use crate::base::escape::escape;
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
    let max = attempts_peak(app);
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
    let label = fill_rate_sparks(
        app,
        &mut lines,
        &deferred,
        (max, theme.outcome(Outcome::TimedOut)),
        |s, i| s.rate(s.services[i].attempt_timeouts),
    );
    // The bottom border carries the window (every chart says it) and, in
    // the room left, the fallback's answer in the longest form that fits.
    let width = area.width as usize;
    let mut block = block;
    let mut placed = false;
    let full = label.as_ref().map(|v| window_label(v, width));
    // The window's label as it would be alone, beside the longest answer
    // that leaves room for it; on a narrow panel the label alone (every
    // chart says its window; the help and the trace say the answer).
    for answer in answer_forms(app) {
        let left = width.saturating_sub(answer.chars().count() + 2);
        let window = label.as_ref().map(|v| window_label(v, left));
        if window == full {
            block = block.title_bottom(Line::styled(answer, theme.text));
            if let Some(l) = window {
                block = block.title_bottom(l);
            }
            placed = true;
            break;
        }
    }
    if !placed {
        if let Some(v) = &label {
            block = block.title_bottom(window_label(v, width));
        }
    }
    render_lines(lines, block, area, buf);
}

/// The fallback's answer as the bottom border may show it, longest form
/// first: the one answer of every service whose fallback is on, or else the
/// selected service's, named. Empty when no fallback is on.
fn answer_forms(app: &App) -> Vec<String> {
    let services = &app.sim().world().services;
    let on = |i: usize| services[i].patterns.fallback.enabled;
    let Some(first) = (0..services.len()).find(|&i| on(i)) else {
        return Vec::new();
    };
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
        return Vec::new();
    };
    forms.into_iter().map(|f| format!(" {f} ")).collect()
}
