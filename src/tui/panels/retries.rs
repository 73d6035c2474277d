//! Retries: retries per second over time, attempts per call recently, and the
//! retry budget's tokens when one is set (gRPC-style throttling).

use super::{
    attempts_peak, delta, fill_rate_sparks, inner_size, name_width, num, off_piece, off_rows,
    paired, pairs_needed, piece, push_if_fits, rows_to_pair, visible, width_of, Deferred, Piece,
    RowHead, Rows, Tone,
};
use crate::i18n::number;
use crate::patterns::registry;
use crate::t;
use crate::tui::app::App;
use crate::tui::history::{History, Sample};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Attempts per call over this many recent samples.
const RECENT: usize = 10;

/// Attempts per call of service `i` over the recent samples, among the
/// calls that finished having made an attempt (1 with none): a call the
/// caller pool, the breaker or a bulkhead turned away before any attempt
/// is not a call of 0 attempts, so this is never below 1.
fn attempts_per_call(h: &History, i: usize) -> f64 {
    let (att, calls) = h.samples().last_n(RECENT).fold((0, 0), |(a, c), s| {
        let x = &s.services[i];
        (a + x.attempted_attempts, c + x.attempted_calls)
    });
    if calls > 0 {
        att as f64 / calls as f64
    } else {
        1.0
    }
}

/// Attempts of service `i` the downstream refused per second, over the
/// recent samples (thundering-herd's waves).
fn refused_rate(h: &History, i: usize) -> f64 {
    let (n, secs) = h.samples().last_n(RECENT).fold((0, 0.0), |(n, t), s| {
        (n + s.services[i].refused, t + s.secs())
    });
    if secs > 0.0 {
        n as f64 / secs
    } else {
        0.0
    }
}

/// The refused attempts' words for service `i` on `side`, longest form
/// first, when any side's downstream refused some recently (so a
/// comparison shows both, zero included).
fn refused_words(app: &App, side: usize, i: usize) -> Option<[String; 2]> {
    let any = app.sides().iter().any(|s| {
        s.history
            .samples()
            .last_n(RECENT)
            .any(|x| x.services[i].refused > 0)
    });
    if !any {
        return None;
    }
    let rate = num(refused_rate(&app.sides()[side].history, i));
    Some([
        t!("refused-per-second", rate = rate.trim()),
        t!("refused-per-second-short", rate = rate.trim()),
    ])
}

/// Appends the first form of `words` that fits in `room` cells.
fn push_fitting(v: &mut Vec<Piece>, words: Option<[String; 2]>, room: usize) {
    if let Some(f) = words
        .into_iter()
        .flatten()
        .map(|w| format!(" · {w}"))
        .find(|w| w.chars().count() <= room)
    {
        v.push(piece(f, Tone::Warn));
    }
}

/// The rates of the counters of the patterns on for service `i` on `side`
/// (a hedge's extra attempts: `⑂ 2/s hedged`), from the registry, so a
/// pattern that counts extra attempts shows them here without code of its own.
fn counter_items(app: &App, side: usize, i: usize) -> Vec<Vec<Piece>> {
    let s = &app.sides()[side];
    let patterns = &s.sim.world().services[i].patterns;
    registry::counters()
        .enumerate()
        .filter(|(_, (p, _))| p.config(patterns).enabled())
        .map(|(k, (_, c))| {
            let now = s.history.now(|x: &Sample| x.rate(x.services[i].extra[k]));
            let word = crate::i18n::tr(c.column, None);
            let tone = if now > 0.0 { Tone::Warn } else { Tone::Text };
            vec![piece(
                format!(" {} {}/s {word}", c.symbol, num(now).trim()),
                tone,
            )]
        })
        .collect()
}

/// What the panel shows, computed from the model: per row its pieces (the
/// head, the rate, attempts per call, the budget's tokens, the patterns'
/// counters, the sparkline), fitted to the width. Drawn by `draw`.
pub type RetriesView = Rows;

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let (width, rows) = inner_size(area);
    draw(&view(app, width, rows), theme, area, buf, focused);
}

/// Lays out and styles `v` in `area`.
pub fn draw(v: &RetriesView, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    v.draw(theme, area, buf, focused);
}

/// The panel's view for an inner area of `width` × `rows` cells.
pub fn view(app: &App, width: usize, rows: usize) -> RetriesView {
    if pairs_needed(app, rows) {
        let v = view(app, width, rows_to_pair(app));
        return RetriesView {
            lines: paired(v.lines, width),
            ..v
        };
    }
    let nw = name_width(app);
    // In a comparison each service has a row per side (B's with Δ attempts/call).
    let m = app.sides().len();
    let n = app.sim().world().services.len() * m;
    // Two lines per service when there is room: the rate over time, then the numbers.
    let two = rows >= 2 * n;
    let mut lines = Vec::new();
    // One scale for every row: the most attempts per second in the window
    // (retries are part of the attempts, so a bar is retries among them).
    let max = attempts_peak(app);
    let mut deferred: Vec<Deferred> = Vec::new();
    let per = if rows >= 3 * n {
        3
    } else if two {
        2
    } else {
        1
    };
    for (i, k) in visible(app, rows / per / m).flat_map(|i| (0..m).map(move |k| (i, k))) {
        let side = &app.sides()[k];
        let h = &side.history;
        let mut spans = RowHead::of(app, i, k, nw).pieces();
        let indent_w = nw + if m > 1 { 2 } else { 0 };
        let diff = (k > 0).then(|| {
            delta(
                attempts_per_call(&app.sides()[0].history, i),
                attempts_per_call(h, i),
                2,
            )
        });
        let counters = counter_items(app, k, i);
        if !side.sim.world().services[i].patterns.retry.enabled {
            let height = if two { 2 } else { 1 };
            if counters.is_empty() {
                off_rows(&mut lines, spans, height);
            } else {
                // Retry is off, but a pattern's extra attempts are not.
                let mut spans = spans;
                let head = spans.len();
                for item in counters {
                    push_if_fits(&mut spans, item, width);
                }
                if spans.len() == head {
                    spans.push(off_piece());
                }
                lines.push(spans);
                lines.extend((1..height).map(|_| Vec::new()));
            }
            continue;
        }
        let f = |s: &Sample| s.rate(s.services[i].retries);
        let now = h.now(f);
        let apc = attempts_per_call(h, i);
        spans.push(piece(
            format!("↻ {:>5}/s ", num(now)),
            if now > 0.0 { Tone::Warn } else { Tone::Text },
        ));
        let budget = side.sim.world().services[i].patterns.retry.budget;
        // With a budget: its tokens, and in words whether retries are throttled
        // (at or below half the bucket, as gRPC does).
        let tokens = match (side.sim.budget_tokens(i), budget) {
            (Some(t), Some(b)) => {
                let throttled = crate::patterns::retry::throttles(t, b);
                let style = if throttled { Tone::Bad } else { Tone::Dim };
                Some((t, b.max_tokens, throttled, style))
            }
            _ => None,
        };
        let three = two && rows >= 3 * n && tokens.is_some();
        if two {
            // The patterns' counters beside the rate, leaving room for a spark.
            for item in counters {
                push_if_fits(&mut spans, item, (width).saturating_sub(6));
            }
            let w = (width).saturating_sub(width_of(&spans));
            deferred.push(Deferred {
                line: lines.len(),
                at: spans.len(),
                room: w,
                side: k,
                service: i,
            });
            lines.push(spans);
            let indent = || piece(format!(" {:indent_w$} ", ""), Tone::Plain);
            // Refused attempts (thundering-herd's waves) come before the Δ,
            // with the short word for attempts per call to make room.
            let apc_line = |word: &str| {
                let refused = refused_words(app, k, i);
                let word = if refused.is_some() {
                    t!("retries-att-c")
                } else {
                    word.to_string()
                };
                let mut v = vec![
                    indent(),
                    piece(format!("{} {word}", number(apc, 2)), Tone::Text),
                ];
                let room = (width).saturating_sub(width_of(&v));
                push_fitting(&mut v, refused, room);
                if let Some(d) = &diff {
                    let item = vec![piece(format!(" {d}"), Tone::Text)];
                    push_if_fits(&mut v, item, width);
                }
                v
            };
            match tokens {
                Some((t, m, throttled, style)) if three => {
                    lines.push(apc_line(&t!("retries-attempts-per-call")));
                    let word = if throttled {
                        format!(" · {}", t!("retries-throttled"))
                    } else {
                        String::new()
                    };
                    lines.push(vec![
                        indent(),
                        piece(
                            format!(
                                "{}{word}",
                                t!("retries-tokens", now = number(t, 1), max = number(m, 0))
                            ),
                            style,
                        ),
                    ]);
                }
                Some((t, m, throttled, style)) => {
                    let mut line = vec![
                        indent(),
                        piece(
                            format!("{} {}", number(apc, 2), t!("retries-att-c")),
                            Tone::Text,
                        ),
                    ];
                    let tok = piece(
                        format!(
                            " · {}{}",
                            t!("retries-tok", now = number(t, 1), max = number(m, 0)),
                            if throttled { " ⊘" } else { "" }
                        ),
                        style,
                    );
                    push_if_fits(&mut line, vec![tok], width);
                    lines.push(line);
                }
                None => lines.push(apc_line(&t!("retries-attempts-per-call"))),
            }
        } else {
            let short = if tokens.is_some() {
                t!("retries-att-c")
            } else {
                t!("retries-att-call")
            };
            // Whole items or none, the most telling first: attempts per
            // call, the budget's tokens, then B's difference from A.
            let room = width.saturating_sub(width_of(&spans));
            let mut tail = Vec::new();
            push_if_fits(
                &mut tail,
                vec![piece(format!(" {} {short}", number(apc, 2)), Tone::Text)],
                room,
            );
            if let Some((t, m, throttled, style)) = tokens {
                let item = piece(
                    format!(
                        " {}{}",
                        t!("retries-tok", now = number(t, 1), max = number(m, 0)),
                        if throttled { " ⊘" } else { "" }
                    ),
                    style,
                );
                push_if_fits(&mut tail, vec![item], room);
            }
            for item in counters {
                push_if_fits(&mut tail, item, room.saturating_sub(5));
            }
            if let Some(d) = &diff {
                if room >= width_of(&tail) + d.chars().count() + 5 {
                    tail.push(piece(format!(" {d}"), Tone::Text));
                }
            }
            // Refused attempts beside the numbers if they fit with a spark of
            // 5, else in place of attempts per call: they are what a herd's
            // lesson points at.
            if let Some(words) = refused_words(app, k, i) {
                let room = (width).saturating_sub(width_of(&spans) + width_of(&tail) + 5);
                let before = tail.len();
                push_fitting(&mut tail, Some(words.clone()), room);
                // The budget's tokens are never pushed out (retry-budget points at them).
                if tail.len() == before && tokens.is_none() {
                    let room = (width).saturating_sub(width_of(&spans) + 5);
                    let mut alone = Vec::new();
                    push_fitting(&mut alone, Some(words), room);
                    if !alone.is_empty() {
                        tail = alone;
                    }
                }
            }
            let w = (width).saturating_sub(width_of(&spans) + width_of(&tail));
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
    let window = fill_rate_sparks(app, &mut lines, &deferred, (max, Tone::Warn), |s, i| {
        s.rate(s.services[i].retries)
    });
    Rows {
        title: vec![piece(format!(" {} ", t!("panel-retries")), Tone::Plain)],
        lines,
        window,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{head, line, two_minutes};
    use super::*;

    #[test]
    fn a_view_is_drawn_without_an_app() {
        let mut first = head("api", true).pieces();
        first.push(piece("↻   2.0/s ", Tone::Warn));
        first.push(piece("▁▃█", Tone::Warn));
        let second = vec![
            piece("      ", Tone::Plain),
            piece("1.50 att/c", Tone::Text),
            piece(" · tok 3.0/10 ⊘", Tone::Bad),
        ];
        let v = RetriesView {
            title: vec![piece(" Retry ", Tone::Plain)],
            lines: vec![first, second],
            window: Some(two_minutes()),
        };
        let theme = Theme::dark();
        let area = Rect::new(0, 0, 40, 4);
        let mut buf = Buffer::empty(area);
        crate::i18n::scoped("en", || draw(&v, &theme, area, &mut buf, false));
        assert!(line(&buf, 0).contains("Retry"), "{}", line(&buf, 0));
        let row = line(&buf, 1);
        assert!(row.starts_with("│▸api  ↻   2.0/s ▁▃█"), "{row}");
        let row = line(&buf, 2);
        assert!(row.starts_with("│      1.50 att/c · tok 3.0/10 ⊘"), "{row}");
        assert!(line(&buf, 3).contains("last 2:00"), "{}", line(&buf, 3));
        // The rate and its sparkline warn; throttled tokens are bad.
        let warn = theme.warn.fg.unwrap_or_default();
        assert_eq!(buf[(7, 1)].fg, warn);
        assert_eq!(buf[(18, 1)].fg, warn);
        assert_ne!(buf[(5, 1)].fg, warn);
        assert_eq!(buf[(20, 2)].fg, theme.bad.fg.unwrap_or_default());
        assert_ne!(buf[(8, 2)].fg, theme.bad.fg.unwrap_or_default());
    }
}
