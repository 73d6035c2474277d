//! Events: what happened, in words and newest last: breaker transitions with
//! their reasons, the timeline's notes and changes, and the user's own
//! changes (marked "you"; replayed from a recording, "recording"), from the
//! simulation's notices. A change repeated on the same value with nothing
//! between (a held ←/→) is one line, from the first value to the last.

use super::{
    clock, inner_size, lines_of, panel_block, piece, render_lines, short_path, truncate_words,
    Cells, Piece, Tone,
};
use crate::base::escape::escape;
use crate::sim::notices::{Notice, NoticeKind};
use crate::t;
use crate::tui::app::App;
use crate::tui::fields::show_text_value;
use crate::tui::theme::symbol;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

fn line(app: &App, n: &Notice) -> Vec<Piece> {
    let mut spans = vec![piece(format!("{} ", clock(n.at)), Tone::Dim)];
    let svc = n
        .service
        .and_then(|i| app.sim().world().services.get(i))
        .map(|s| s.name.clone());
    match &n.kind {
        NoticeKind::Breaker { to, reason, .. } => {
            spans.push(piece(format!("{} ", svc.unwrap_or_default()), Tone::Plain));
            spans.push(piece(
                format!("{} {}", symbol(*to), to.word()),
                Tone::Breaker(*to),
            ));
            spans.push(piece(format!(": {}", reason.msg().said()), Tone::Plain));
        }
        NoticeKind::Note(text) => {
            spans.push(piece(format!("{} ", t!("event-note")), Tone::Accent));
            spans.push(piece(escape(text).into_owned(), Tone::Title));
        }
        NoticeKind::Change {
            path,
            from,
            value,
            live,
        } => {
            let (tag, style) = if !*live {
                (t!("event-timeline"), Tone::Dim)
            } else if replayed(app, n, path) {
                (t!("event-recording"), Tone::Accent)
            } else {
                (t!("event-you"), Tone::Key)
            };
            spans.push(piece(format!("{tag} "), style));
            // `0.005 → 1.0` is one unit (joined by no-break spaces): a
            // line cut for room drops it whole, never leaving the old value
            // to be read as the new one.
            let from = from
                .as_ref()
                .map(|f| format!("{}\u{a0}", escape(&show_text_value(f))))
                .unwrap_or_default();
            spans.push(piece(
                format!(
                    "{} {from}→\u{a0}{}",
                    escape(&short_path(path)),
                    escape(&change_value(value))
                ),
                Tone::Plain,
            ));
        }
        NoticeKind::Limit(m) => {
            // Said now, in the dashboard's language (it follows `L`).
            spans.push(piece("! ", Tone::Bad));
            spans.push(piece(m.say(crate::i18n::current()), Tone::Bad));
        }
    }
    spans
}

/// A change's new value as the panels write values; a ramp's (`15.0 over
/// 2m`, as the engine notes it) as `15,0 en 2:00` in the reader's words.
fn change_value(value: &str) -> String {
    match value.split_once(" over ") {
        Some((to, over)) => match crate::base::time::parse_duration(over) {
            Ok(d) => t!(
                "event-ramp",
                value = show_text_value(to),
                over = crate::base::time::span_words(d)
            ),
            Err(_) => value.to_string(),
        },
        None => show_text_value(value),
    }
}

/// Whether a live change was replayed from the scenario (a recording's
/// `live = true` entry) rather than made in this session.
fn replayed(app: &App, n: &Notice, path: &str) -> bool {
    app.sides().iter().any(|side| {
        side.scenario
            .timeline
            .iter()
            .any(|c| c.live && c.path == path && c.at.0 == n.at)
    })
}

/// Side `k`'s last notices as the story tells them: a held adjustment (the
/// same path changed again and again, nothing between) is one change from
/// its first value to its last, at its first time; the note an older
/// recording wrote beside each replayed change (`live: path = value`) is
/// not said twice.
pub fn story(app: &App, k: usize, rows: usize) -> Vec<Notice> {
    let notices: Vec<&Notice> = app.sides()[k]
        .sim
        .notices()
        .iter()
        .rev()
        .take(rows * 8 + 64)
        .map(|(_, n)| n)
        .collect();
    let mut out: Vec<Notice> = Vec::new();
    for (i, n) in notices.iter().enumerate().rev() {
        if let NoticeKind::Note(text) = &n.kind {
            let next = i.checked_sub(1).map(|j| notices[j]);
            let echoed = next.is_some_and(|m| {
                m.at == n.at && matches!(&m.kind, NoticeKind::Change { live: true, .. })
            });
            if echoed && text.starts_with("live: ") {
                continue;
            }
        }
        if let (
            Some(Notice {
                kind:
                    NoticeKind::Change {
                        path: p0,
                        value: v0,
                        live: l0,
                        ..
                    },
                ..
            }),
            NoticeKind::Change {
                path, value, live, ..
            },
        ) = (out.last_mut(), &n.kind)
        {
            if p0 == path && l0 == live && !value.contains(" over ") && !v0.contains(" over ") {
                *v0 = value.clone();
                continue;
            }
        }
        out.push((*n).clone());
    }
    let skip = out.len().saturating_sub(rows);
    out.split_off(skip)
}

/// `line` cut to `width` with `…` at the end, so a cut shows. The cut
/// falls between words, so no number is left with its tail missing.
pub fn fit(line: Vec<Piece>, width: usize) -> Vec<Piece> {
    if line.iter().map(Cells::cells).sum::<usize>() <= width {
        return line;
    }
    let text: Vec<char> = line.iter().flat_map(|s| s.text.chars()).collect();
    let mut keep = width.saturating_sub(1).min(text.len());
    // Back to the last space: a word is whole or gone, and `…` stands apart.
    if let Some(sp) = text[..keep].iter().rposition(|c| *c == ' ') {
        keep = sp + 1;
    }
    let mut left = keep;
    let mut spans = Vec::new();
    for s in line {
        if left == 0 {
            break;
        }
        let text: String = s.text.chars().take(left).collect();
        left -= text.chars().count();
        spans.push(piece(text, s.tone));
    }
    spans.push(piece("…", Tone::Plain));
    spans
}

/// In a comparison: both sides' notices in time order, each after its
/// side's letter; what happened alike on both (the shared timeline, an
/// incident hitting both) once, marked `AB`.
fn compare_lines(app: &App, rows: usize, width: usize) -> Vec<Vec<Piece>> {
    let stories: Vec<Vec<Notice>> = (0..app.sides().len())
        .map(|k| story(app, k, rows * 2))
        .collect();
    let mut all: Vec<(usize, &Notice)> = Vec::new();
    for (k, mine) in stories.iter().enumerate() {
        all.extend(mine.iter().map(|n| (k, n)));
    }
    // Stable: at equal times A comes before B, so twins are neighbours.
    all.sort_by_key(|(k, n)| (n.at, *k));
    let mut merged: Vec<(&str, usize, &Notice)> = Vec::new();
    for (k, n) in all {
        let twin = merged
            .iter()
            .rev()
            .take_while(|(_, _, m)| m.at == n.at)
            .position(|(tag, j, m)| *tag != "AB" && *j != k && *m == n);
        match twin {
            Some(back) => {
                let idx = merged.len() - 1 - back;
                merged[idx].0 = "AB";
            }
            None => merged.push((app.sides()[k].letter(), k, n)),
        }
    }
    let skip = merged.len().saturating_sub(rows);
    merged
        .into_iter()
        .skip(skip)
        .map(|(tag, k, n)| {
            let mut l = line(app, n);
            let style = if tag == "AB" {
                Tone::Dim
            } else {
                Tone::Side(k)
            };
            l.insert(1, piece(format!("{tag:<2} "), style));
            fit(l, width)
        })
        .collect()
}

/// What the panel shows, computed from the model: the story's lines,
/// fitted to the width, or what is said while there is none. Drawn by `draw`.
#[derive(Clone, Debug, PartialEq)]
pub struct EventsView {
    pub lines: Vec<Vec<Piece>>,
    /// Said (dim) when there are no lines: wrapped between words into the
    /// rows there are, the last one ending in `…` if the text goes on.
    pub empty: Vec<String>,
}

/// `text` in at most `rows` lines of `width` cells, broken between words;
/// when it does not all fit, the last line kept ends in `…`.
fn said(text: &str, width: usize, rows: usize) -> Vec<String> {
    let mut lines = crate::base::wrap::wrap(text, width.max(1));
    if lines.len() > rows.max(1) {
        lines.truncate(rows.max(1));
        let last = lines.pop().unwrap_or_default();
        lines.push(truncate_words(&format!("{last} …"), width));
    }
    lines
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let (width, rows) = inner_size(area);
    draw(&view(app, width, rows), theme, area, buf, focused);
}

/// The panel's view for an inner area of `width` × `rows` cells.
pub fn view(app: &App, width: usize, rows: usize) -> EventsView {
    if app.comparing() {
        return EventsView {
            lines: compare_lines(app, rows, width),
            empty: said(&t!("events-empty-compare"), width, rows),
        };
    }
    EventsView {
        lines: story(app, app.selected_side(), rows)
            .iter()
            .map(|n| fit(line(app, n), width))
            .collect(),
        empty: said(&t!("events-empty"), width, rows),
    }
}

/// Lays out and styles `v` in `area`.
pub fn draw(v: &EventsView, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let block = panel_block(format!(" {} ", t!("panel-events")), focused, theme);
    let mut lines = lines_of(&v.lines, theme);
    if lines.is_empty() {
        lines.extend(v.empty.iter().map(|l| Line::styled(l.clone(), theme.dim)));
    }
    render_lines(lines, block, area, buf);
}

#[cfg(test)]
mod tests {
    use super::super::testing::line;
    use super::*;
    use crate::patterns::circuit_breaker::BreakerState;

    #[test]
    fn the_empty_state_wraps_whole_and_says_when_it_is_cut() {
        let text = "nothing yet: breaker transitions, notes and your changes appear here";
        assert_eq!(
            said(text, 40, 3),
            vec![
                "nothing yet: breaker transitions, notes",
                "and your changes appear here"
            ]
        );
        let cut = said(text, 40, 1);
        assert_eq!(cut.len(), 1);
        assert!(cut[0].ends_with('…'), "{cut:?}");
        assert!(cut[0].chars().count() <= 40, "{cut:?}");
        assert!(cut[0].starts_with("nothing yet:"), "{cut:?}");
    }

    #[test]
    fn a_view_is_drawn_without_an_app() {
        let v = EventsView {
            lines: vec![
                vec![
                    piece("0:12 ", Tone::Dim),
                    piece("api ", Tone::Plain),
                    piece("○ OPEN", Tone::Breaker(BreakerState::Open)),
                    piece(": 5 of 10 failed", Tone::Plain),
                ],
                vec![
                    piece("0:20 ", Tone::Dim),
                    piece("you ", Tone::Key),
                    piece("retry.max_attempts 3\u{a0}→\u{a0}5", Tone::Plain),
                ],
            ],
            empty: vec!["nothing yet".into()],
        };
        let theme = Theme::dark();
        let area = Rect::new(0, 0, 44, 4);
        let mut buf = Buffer::empty(area);
        crate::i18n::scoped("en", || draw(&v, &theme, area, &mut buf, false));
        assert!(line(&buf, 0).contains("Events"), "{}", line(&buf, 0));
        let row = line(&buf, 1);
        assert!(row.starts_with("│0:12 api ○ OPEN: 5 of 10 failed"), "{row}");
        // The state is in its colour, the user's own change marked as a key.
        let open = theme.breaker(BreakerState::Open).fg.unwrap_or_default();
        assert_eq!(buf[(10, 1)].fg, open);
        assert_ne!(buf[(18, 1)].fg, open);
        assert_eq!(buf[(6, 2)].fg, theme.key.fg.unwrap_or_default());
        // No lines: what is said instead, dim.
        let v = EventsView {
            lines: Vec::new(),
            empty: vec!["nothing yet".into()],
        };
        let mut buf = Buffer::empty(area);
        crate::i18n::scoped("en", || draw(&v, &theme, area, &mut buf, false));
        assert!(
            line(&buf, 1).starts_with("│nothing yet"),
            "{}",
            line(&buf, 1)
        );
        assert_eq!(buf[(1, 1)].fg, theme.dim.fg.unwrap_or_default());
    }

    #[test]
    fn a_cut_line_ends_between_words_and_keeps_its_tones() {
        let l = vec![
            piece("0:12 ", Tone::Dim),
            piece("you ", Tone::Key),
            piece("retry.max_attempts 3 → 5", Tone::Plain),
        ];
        let cut = fit(l, 20);
        let text: String = cut.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(text, "0:12 you …");
        assert_eq!(cut[0].tone, Tone::Dim);
        assert_eq!(cut[1].tone, Tone::Key);
    }
}
