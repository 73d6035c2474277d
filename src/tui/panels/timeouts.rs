//! Timeouts: attempts cut off by the per-attempt timeout (`⧖`, per second
//! over time: not the calls that ended timed out, which Throughput shows as
//! `⧗`), how many calls the fallback answered in all (`Σ`, a total), and what
//! it answered (on the bottom border, whole or not at all).

use super::{
    attempts_peak, count, fill_rate_sparks, inner_size, lines_of, name_width, num, off_rows,
    paired, pairs_needed, panel_block, piece, push_if_fits, render_lines, rows_to_pair, visible,
    width_of, window_label, Cells, Deferred, Piece, RowHead, Tone,
};
use crate::base::escape::escape;
use crate::base::outcome::Outcome;
use crate::t;
use crate::tui::app::App;
use crate::tui::history::{Sample, View};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// What the panel shows, computed from the model: per row its pieces (the
/// head, attempts cut off per second, the fallbacks' total, the sparkline),
/// fitted to the width, and what the bottom border may say. Drawn by `draw`.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeoutsView {
    pub lines: Vec<Vec<Piece>>,
    /// The window the sparklines show, for the bottom border.
    pub window: Option<View>,
    /// The fallback's answer, longest form first (empty when none is on).
    pub answers: Vec<String>,
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let (width, rows) = inner_size(area);
    draw(&view(app, width, rows), theme, area, buf, focused);
}

/// The panel's view for an inner area of `width` × `rows` cells.
pub fn view(app: &App, width: usize, rows: usize) -> TimeoutsView {
    if pairs_needed(app, rows) {
        let v = view(app, width, rows_to_pair(app));
        return TimeoutsView {
            lines: paired(v.lines, width),
            ..v
        };
    }
    let nw = name_width(app);
    // In a comparison each service has a row per side.
    let m = app.sides().len();
    let n = app.sim().world().services.len() * m;
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
        let mut spans = RowHead::of(app, i, k, nw).pieces();
        let svc = &side.sim.world().services[i];
        if !svc.patterns.timeout.enabled && !svc.patterns.fallback.enabled {
            off_rows(&mut lines, spans, if two { 2 } else { 1 });
            continue;
        }
        let f = |s: &Sample| s.rate(s.services[i].attempt_timeouts);
        let now = h.now(f);
        let style = if now > 0.0 {
            Tone::Outcome(Outcome::TimedOut)
        } else {
            Tone::Text
        };
        let totals = side.sim.service_metrics(i).totals_now();
        let fallbacks = totals.fallbacks;
        let fallbacks_item = piece(
            format!(" {}", t!("timeouts-fallbacks", n = count(fallbacks))),
            Tone::Text,
        );
        // `⧖ 12.0/s cut`, or `⧖ 12.0/s` when the word would push the
        // fallbacks' total out (the help's legend says what ⧖ counts).
        let rate = format!("⧖ {:>5}/s ", num(now));
        let long = format!("{rate}{} ", t!("timeouts-cut"));
        let room = width.saturating_sub(width_of(&spans));
        let rate_text = if two || long.chars().count() + fallbacks_item.cells() <= room {
            long
        } else {
            rate
        };
        spans.push(piece(rate_text, style));
        if two {
            let w = width.saturating_sub(width_of(&spans));
            deferred.push(Deferred {
                line: lines.len(),
                at: spans.len(),
                room: w,
                side: k,
                service: i,
            });
            lines.push(spans);
            let timed_out = totals.attempt_outcomes[Outcome::TimedOut.index()];
            let mut tail = vec![piece(format!(" {:indent$}", ""), Tone::Plain)];
            push_if_fits(&mut tail, vec![fallbacks_item], width);
            push_if_fits(
                &mut tail,
                vec![piece(
                    format!(" · {}", t!("timeouts-total", n = count(timed_out))),
                    Tone::Dim,
                )],
                width,
            );
            lines.push(tail);
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
            lines.push(spans);
        }
    }
    let window = fill_rate_sparks(
        app,
        &mut lines,
        &deferred,
        (max, Tone::Outcome(Outcome::TimedOut)),
        |s, i| s.rate(s.services[i].attempt_timeouts),
    );
    TimeoutsView {
        lines,
        window,
        answers: answer_forms(app),
    }
}

/// Lays out and styles `v` in `area`.
pub fn draw(v: &TimeoutsView, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let block = panel_block(format!(" {} ", t!("panel-timeouts")), focused, theme);
    let label = v.window.as_ref();
    // The bottom border carries the window (every chart says it) and, in
    // the room left, the fallback's answer in the longest form that fits.
    let width = area.width as usize;
    let mut block = block;
    let mut placed = false;
    let full = label.as_ref().map(|v| window_label(v, width));
    // The window's label as it would be alone, beside the longest answer
    // that leaves room for it; on a narrow panel the label alone (every
    // chart says its window; the help and the trace say the answer).
    for answer in v.answers.iter().cloned() {
        // Whole or not at all: a cut answer would misquote it.
        if answer.chars().count() + 2 > width {
            continue;
        }
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
        if let Some(v) = label {
            block = block.title_bottom(window_label(v, width));
        }
    }
    render_lines(lines_of(&v.lines, theme), block, area, buf);
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

#[cfg(test)]
mod tests {
    use super::super::testing::{head, line, two_minutes};
    use super::*;

    #[test]
    fn a_view_is_drawn_without_an_app() {
        let mut first = head("api", false).pieces();
        first.push(piece("⧖   4.0/s cut ", Tone::Outcome(Outcome::TimedOut)));
        first.push(piece("▁▅█", Tone::Outcome(Outcome::TimedOut)));
        let v = TimeoutsView {
            lines: vec![first, head("db", false).pieces()],
            window: Some(two_minutes()),
            answers: vec![
                " fallback answers \"cached\" ".into(),
                " \"cached\" ".into(),
            ],
        };
        let theme = Theme::dark();
        let area = Rect::new(0, 0, 50, 4);
        let mut buf = Buffer::empty(area);
        crate::i18n::scoped("en", || draw(&v, &theme, area, &mut buf, false));
        assert!(line(&buf, 0).contains("Timeout"), "{}", line(&buf, 0));
        let row = line(&buf, 1);
        assert!(row.starts_with("│ api  ⧖   4.0/s cut ▁▅█"), "{row}");
        let timed_out = theme.outcome(Outcome::TimedOut).fg.unwrap_or_default();
        assert_eq!(buf[(7, 1)].fg, timed_out);
        assert_eq!(buf[(22, 1)].fg, timed_out);
        // The bottom border: the answer on the left, the window on the right.
        let bottom = line(&buf, 3);
        assert!(
            bottom.starts_with("└ fallback answers \"cached\" "),
            "{bottom}"
        );
        assert!(bottom.contains("last 2:00"), "{bottom}");
        // Narrow: the window alone (every chart says its window).
        let area = Rect::new(0, 0, 30, 4);
        let mut buf = Buffer::empty(area);
        crate::i18n::scoped("en", || draw(&v, &theme, area, &mut buf, false));
        let bottom = line(&buf, 3);
        assert!(!bottom.contains("fallback"), "{bottom}");
        assert!(bottom.contains("last 2:00"), "{bottom}");
    }
}
