//! Events: what happened, in words and newest last: breaker transitions with
//! their reasons, the timeline's notes and changes, and the user's own
//! changes (marked "you"; replayed from a recording, "recording"), from the
//! simulation's notices. A change repeated on the same value with nothing
//! between (a held ←/→) is one line, from the first value to the last.

use super::{clock, panel_block, render_lines, short_path, side_style, styled};
use crate::base::escape::escape;
use crate::sim::notices::{Notice, NoticeKind};
use crate::t;
use crate::tui::app::App;
use crate::tui::theme::symbol;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

fn line(app: &App, theme: &Theme, n: &Notice) -> Line<'static> {
    let mut spans = vec![styled(format!("{} ", clock(n.at)), theme.dim)];
    let svc = n
        .service
        .and_then(|i| app.sim().world().services.get(i))
        .map(|s| s.name.clone());
    match &n.kind {
        NoticeKind::Breaker { to, reason, .. } => {
            spans.push(Span::raw(format!("{} ", svc.unwrap_or_default())));
            spans.push(styled(
                format!("{} {}", symbol(*to), to.word()),
                theme.breaker(*to),
            ));
            spans.push(Span::raw(format!(": {}", reason.msg().said())));
        }
        NoticeKind::Note(text) => {
            spans.push(styled(format!("{} ", t!("event-note")), theme.accent));
            spans.push(styled(escape(text).into_owned(), theme.title));
        }
        NoticeKind::Change {
            path,
            from,
            value,
            live,
        } => {
            let (tag, style) = if !*live {
                (t!("event-timeline"), theme.dim)
            } else if replayed(app, n, path) {
                (t!("event-recording"), theme.accent)
            } else {
                (t!("event-you"), theme.key)
            };
            spans.push(styled(format!("{tag} "), style));
            // `0.005 → 1.0` is one unit (joined by no-break spaces): a
            // line cut for room drops it whole, never leaving the old value
            // to be read as the new one.
            let from = from
                .as_ref()
                .map(|f| format!("{}\u{a0}", escape(f)))
                .unwrap_or_default();
            spans.push(Span::raw(format!(
                "{} {from}→\u{a0}{}",
                escape(&short_path(path)),
                escape(value)
            )));
        }
        NoticeKind::Limit(m) => {
            // Said now, in the dashboard's language (it follows `L`).
            spans.push(styled("! ", theme.bad));
            spans.push(styled(m.say(crate::i18n::current()), theme.bad));
        }
    }
    Line::from(spans)
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
pub fn fit(line: Line<'static>, width: usize) -> Line<'static> {
    if line.width() <= width {
        return line;
    }
    let text: Vec<char> = line.spans.iter().flat_map(|s| s.content.chars()).collect();
    let mut keep = width.saturating_sub(1).min(text.len());
    // Back to the last space: a word is whole or gone, and `…` stands apart.
    if let Some(sp) = text[..keep].iter().rposition(|c| *c == ' ') {
        keep = sp + 1;
    }
    let mut left = keep;
    let mut spans = Vec::new();
    for s in line.spans {
        if left == 0 {
            break;
        }
        let text: String = s.content.chars().take(left).collect();
        left -= text.chars().count();
        spans.push(Span::styled(text, s.style));
    }
    spans.push(Span::raw("…"));
    Line::from(spans)
}

/// In a comparison: both sides' notices in time order, each after its
/// side's letter; what happened alike on both (the shared timeline, an
/// incident hitting both) once, marked `AB`.
fn compare_lines(app: &App, theme: &Theme, rows: usize, width: usize) -> Vec<Line<'static>> {
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
            let mut l = line(app, theme, n);
            let style = if tag == "AB" {
                theme.dim
            } else {
                side_style(theme, k)
            };
            l.spans.insert(1, styled(format!("{tag:<2} "), style));
            fit(l, width)
        })
        .collect()
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let block = panel_block(format!(" {} ", t!("panel-events")), focused, theme);
    let rows = block.inner(area).height as usize;
    if app.comparing() {
        let width = block.inner(area).width as usize;
        let mut lines = compare_lines(app, theme, rows, width);
        if lines.is_empty() {
            lines.push(Line::styled(t!("events-empty-compare"), theme.dim));
        }
        return render_lines(lines, block, area, buf);
    }
    let width = block.inner(area).width as usize;
    let mut lines: Vec<Line> = story(app, app.selected_side(), rows)
        .iter()
        .map(|n| fit(line(app, theme, n), width))
        .collect();
    if lines.is_empty() {
        lines.push(Line::styled(t!("events-empty"), theme.dim));
    }
    render_lines(lines, block, area, buf);
}
