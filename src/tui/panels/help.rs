//! The help overlay, a modal context that scrolls (↑↓, PgUp/PgDn,
//! Home/End): first the scenario's lesson, whole, and its phases with the
//! one the clock is in; then, from the next page, every key binding
//! (straight from the key table) and what the symbols mean.

use super::{styled, truncate};
use crate::base::escape::{escape, escape_keep_newlines};
use crate::base::wrap::wrap;
use crate::patterns::circuit_breaker::BreakerState;
use crate::scenario::lesson;
use crate::t;
use crate::tui::app::App;
use crate::tui::keys::{bindings, exercise_bindings, When};
use crate::tui::theme::{symbol, Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let w = area.width.saturating_sub(2).min(110);
    let h = area.height.saturating_sub(2);
    let iw = w.saturating_sub(2).max(1) as usize;
    let page = h.saturating_sub(2).max(1) as usize;
    // The lesson first: a page of its own when it fits one (the keys and
    // legends start on the next), else they follow it after a blank row,
    // so no page is left half empty. Every line is one row (wrapped here,
    // by words), so the scroll counts rows.
    let mut lines = lesson_page(app, theme, iw);
    let pad = if lines.len() <= page {
        page - lines.len()
    } else {
        1
    };
    lines.extend(std::iter::repeat_n(Line::raw(""), pad));
    // What every symbol and abbreviation on screen means, then the keys
    // from the top of a page (End lands on them and the legends).
    lines.extend(
        on_screen(theme)
            .into_iter()
            .flat_map(|l| wrap_line(l, iw.saturating_sub(1).max(1))),
    );
    let pad = lines.len().div_ceil(page) * page - lines.len();
    lines.extend(std::iter::repeat_n(Line::raw(""), pad));
    lines.extend(
        keys_and_legends(app, theme, iw)
            .into_iter()
            .flat_map(|l| wrap_line(l, iw.saturating_sub(1).max(1))),
    );
    // Whole pages: PgDn from the top lands on each, and End on the last.
    let tail = lines.len().div_ceil(page) * page - lines.len();
    lines.extend(std::iter::repeat_n(Line::raw(""), tail));
    let max_top = lines.len().saturating_sub(page);
    app.help_drawn(max_top, page);
    let top = app.help_top().min(max_top);
    // Where the reader is: the page, and arrows when there is more.
    let pages = lines.len().div_ceil(page).max(1);
    let at = if top >= max_top {
        pages
    } else {
        top / page + 1
    };
    let mut place = t!("help-page", page = at, pages = pages);
    if top > 0 {
        place = format!("▲ {place}");
    }
    if top < max_top {
        place = format!("{place} ▼");
    }
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.focus_border)
        .title(Line::styled(format!(" {} ", t!("help-title")), theme.title))
        .title_bottom(Line::styled(format!(" {place} "), theme.title).right_aligned());
    let shown: Vec<Line> = lines.into_iter().skip(top).take(page).collect();
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(rect, buf);
    Paragraph::new(shown).block(block).render(rect, buf);
}

/// The first page: the scenario's name, its whole lesson, and its phases
/// (timeline entries with a note) with the one the clock is in marked; as
/// rows of at most `iw` characters, sentences broken only between words.
fn lesson_page(app: &App, theme: &Theme, iw: usize) -> Vec<Line<'static>> {
    let s = app.scenario();
    let text = iw.saturating_sub(2).max(1);
    // An exercise open: its task and goals come first.
    let mut out: Vec<Line<'static>> = Vec::new();
    if let Some(ex) = app.exercise() {
        use crate::tui::app::exercise::Emphasis;
        for (words, emphasis) in ex.lines() {
            let style = match emphasis {
                Emphasis::Title => theme.title,
                Emphasis::Plain => Style::default(),
                Emphasis::Met => theme.ok,
                Emphasis::Missed => theme.bad,
            };
            out.extend(
                wrap(&words, text)
                    .into_iter()
                    .map(|l| Line::styled(format!(" {l}"), style)),
            );
        }
        out.push(Line::raw(""));
    }
    out.extend(
        wrap(&escape(&s.name), text)
            .into_iter()
            .map(|l| Line::styled(format!(" {l}"), theme.title)),
    );
    if let [a, b] = app.sides() {
        // A comparison: its two sides, as `breakwater list` says them.
        let sides = t!("list-sides", a = escape(&a.label), b = escape(&b.label));
        out.extend(
            wrap(&sides, text)
                .into_iter()
                .map(|l| Line::raw(format!(" {l}"))),
        );
    }
    out.push(Line::raw(""));
    out.extend(
        wrap(&escape_keep_newlines(lesson::text(s)), text)
            .into_iter()
            .map(|l| Line::raw(format!(" {l}"))),
    );
    out.push(Line::raw(""));
    let phases = lesson::phases(s);
    let now = lesson::current(&phases, app.now());
    out.extend(
        wrap(&t!("help-lesson-phases"), text)
            .into_iter()
            .map(|l| Line::styled(format!(" {l}"), theme.title)),
    );
    if phases.is_empty() {
        out.extend(
            wrap(&t!("help-lesson-no-phases"), text)
                .into_iter()
                .map(|l| Line::styled(format!(" {l}"), theme.dim)),
        );
    }
    let stamp = lesson::Phase::stamp;
    let col = lesson::Phase::stamp_width(&phases);
    for (i, p) in phases.iter().enumerate() {
        let here = now == Some(i);
        let style = match now {
            Some(n) if i == n => theme.selected,
            Some(n) if i < n => theme.dim,
            _ => Style::default(),
        };
        let head = format!(" {} {:<col$}  ", if here { "▶" } else { " " }, stamp(p));
        let hang = " ".repeat(head.chars().count());
        for (k, l) in wrap(&escape(&p.note), iw.saturating_sub(hang.len() + 1).max(1))
            .into_iter()
            .enumerate()
        {
            let lead = if k == 0 { head.clone() } else { hang.clone() };
            out.push(Line::from(vec![
                styled(lead, if here { theme.key } else { style }),
                styled(l, style),
            ]));
        }
    }
    out
}

/// The key table (straight from the key table), the legends and the two
/// breakers; lines that may be longer than the overlay.
fn keys_and_legends(app: &App, theme: &Theme, iw: usize) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(
        format!(" {}", t!("help-keys-title")),
        theme.title,
    )];
    // An exercise's keys only with an exercise open.
    let exercise = if app.exercise().is_some() {
        exercise_bindings()
    } else {
        &[]
    };
    let shown: Vec<_> = bindings()
        .iter()
        .chain(exercise)
        .filter(|b| b.when != When::Help && (b.when != When::Compare || app.comparing()))
        .collect();
    // Two columns only when every key's text fits its half whole (the help
    // scrolls, so one column costs nothing but rows).
    let fits = |col: usize| {
        shown
            .iter()
            .all(|b| crate::i18n::tr(b.help, None).chars().count() <= col.saturating_sub(12))
    };
    let two = iw >= 70 && fits(iw / 2);
    let col = if two { iw / 2 } else { iw };
    let rows: Vec<Vec<Span>> = shown
        .iter()
        .map(|b| {
            let text = truncate(&crate::i18n::tr(b.help, None), col.saturating_sub(12));
            let used = 11 + text.chars().count();
            vec![
                styled(format!(" {:<10}", b.label), theme.key),
                Span::raw(text),
                Span::raw(" ".repeat(col.saturating_sub(used))),
            ]
        })
        .collect();
    if two {
        let half = rows.len().div_ceil(2);
        for k in 0..half {
            let mut spans = rows[k].clone();
            if let Some(r) = rows.get(k + half) {
                spans.extend(r.clone());
            }
            lines.push(Line::from(spans));
        }
    } else {
        lines.extend(rows.into_iter().map(Line::from));
    }
    lines.push(Line::raw(""));
    let mut legend = vec![Span::raw(format!(" {} ", t!("help-legend-breaker")))];
    for st in [
        BreakerState::Closed,
        BreakerState::HalfOpen,
        BreakerState::Open,
        BreakerState::ForcedOpen,
        BreakerState::Disabled,
    ] {
        legend.push(styled(
            format!("{} {} ({})", symbol(st), st.word(), state_gloss(st)),
            theme.breaker(st),
        ));
        legend.push(Span::raw("  "));
    }
    lines.push(Line::from(legend));
    lines.push(Line::raw(format!(" {}", t!("help-legend-calls"))));
    lines.push(Line::raw(format!(" {}", t!("help-legend-attempts"))));
    lines.push(Line::raw(format!(" {}", t!("help-legend-more"))));
    lines.extend(breaker_semantics(app).into_iter().map(Line::raw));
    lines
}

/// What the symbols and abbreviations of the panels mean (issue 20): the
/// outcomes, the Retry panel's numbers, which calls the Latency panel
/// measures, the rest of the screen, and each pattern counter's symbol
/// (hedging's ⇉), from the registry; lines that may be longer than the
/// overlay.
fn on_screen(theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(
        format!(" {}", t!("help-screen-title")),
        theme.title,
    )];
    for text in [
        t!("help-legend-outcomes"),
        t!("help-legend-retry"),
        t!("help-legend-latency"),
        t!("help-legend-screen"),
        // No colon: the lesson's phase marker is ▶ too.
        t!("help-legend-value"),
    ] {
        lines.push(Line::raw(format!(" {text}")));
    }
    for (_, c) in crate::patterns::registry::counters() {
        let label = crate::i18n::tr(c.label, None);
        lines.push(Line::raw(format!(
            " {}",
            t!(
                "help-legend-counter",
                symbol = c.symbol.to_string(),
                label = label
            )
        )));
    }
    lines
}

/// `line` in rows of at most `width` characters, broken between words
/// (styles kept); a row after the first starts as far in as the line does.
/// A word longer than a row is split.
fn wrap_line(line: Line<'static>, width: usize) -> Vec<Line<'static>> {
    if line.width() <= width {
        return vec![line];
    }
    let indent = line
        .spans
        .first()
        .map_or(0, |s| s.content.chars().take_while(|c| *c == ' ').count())
        .min(width / 2);
    let mut rows: Vec<Line<'static>> = Vec::new();
    let mut row: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    let flush = |row: &mut Vec<Span<'static>>, rows: &mut Vec<Line<'static>>| {
        // No trailing blanks at a break.
        while let Some(last) = row.last_mut() {
            let kept = last.content.trim_end().to_string();
            if kept.is_empty() {
                row.pop();
            } else {
                last.content = kept.into();
                break;
            }
        }
        rows.push(Line::from(std::mem::take(row)));
    };
    for span in line.spans {
        let style = span.style;
        let mut pieces: Vec<(bool, String)> = Vec::new();
        for c in span.content.chars() {
            let blank = c == ' ';
            match pieces.last_mut() {
                Some((b, p)) if *b == blank => p.push(c),
                _ => pieces.push((blank, c.to_string())),
            }
        }
        // A symbol alone (`↻`, `⧗`) stays with the word it marks.
        let mut k = 0;
        while k + 2 < pieces.len() {
            let mark = !pieces[k].0 && !pieces[k].1.chars().any(char::is_alphanumeric);
            if mark && pieces[k + 1].1 == " " {
                let (_, space) = pieces.remove(k + 1);
                let (_, word) = pieces.remove(k + 1);
                pieces[k].1 = format!("{}{space}{word}", pieces[k].1);
            }
            k += 1;
        }
        for (blank, piece) in pieces {
            let n = piece.chars().count();
            if blank {
                if used + n > width {
                    flush(&mut row, &mut rows);
                    row.push(Span::raw(" ".repeat(indent)));
                    used = indent;
                } else if used != indent || rows.is_empty() {
                    row.push(Span::styled(piece, style));
                    used += n;
                }
                continue;
            }
            if used + n > width && used > indent {
                flush(&mut row, &mut rows);
                row.push(Span::raw(" ".repeat(indent)));
                used = indent;
            }
            let mut rest: Vec<char> = piece.chars().collect();
            while rest.len() > width.saturating_sub(used).max(1) {
                let take = width.saturating_sub(used).max(1);
                row.push(Span::styled(rest.drain(..take).collect::<String>(), style));
                flush(&mut row, &mut rows);
                row.push(Span::raw(" ".repeat(indent)));
                used = indent;
            }
            used += rest.len();
            row.push(Span::styled(rest.into_iter().collect::<String>(), style));
        }
    }
    if used > indent || rows.is_empty() {
        flush(&mut row, &mut rows);
    }
    rows
}

/// The breaker's two semantics, resilience4j's and the lesson's, and which
/// the selected service uses.
fn breaker_semantics(app: &App) -> Vec<String> {
    use crate::patterns::circuit_breaker::{HalfOpenCalls, OpenFrom, Semantics};
    let svc = &app.sim().world().services[app.selected_service()];
    let name = escape(&svc.name);
    let cb = &svc.patterns.circuit_breaker;
    let this = if cb.enabled && cb.semantics == Semantics::Lesson {
        t!("help-breakers-this-lesson", service = &*name)
    } else if cb.enabled {
        let open_from = match cb.open_from {
            OpenFrom::Opened => "\"opened\"".to_string(),
            OpenFrom::LastFailure => "\"last_failure\"".to_string(),
        };
        let half_open = match cb.half_open_calls {
            HalfOpenCalls::Calls(n) => n.to_string(),
            HalfOpenCalls::All => "\"all\"".to_string(),
        };
        t!(
            "help-breakers-this",
            service = &*name,
            open_from = open_from,
            half_open = half_open
        )
    } else {
        t!("help-breakers-off", service = &*name)
    };
    [
        t!("help-breakers-title"),
        t!("help-breakers-lesson"),
        t!("help-breakers-resilience4j"),
        this,
    ]
    .into_iter()
    .map(|l| format!(" {l}"))
    .collect()
}

/// What a state means, in words (the lesson glosses its three states).
pub fn state_gloss(st: BreakerState) -> String {
    match st {
        BreakerState::Closed => t!("state-gloss-closed"),
        BreakerState::Open => t!("state-gloss-open"),
        BreakerState::HalfOpen => t!("state-gloss-half-open"),
        BreakerState::ForcedOpen => t!("state-gloss-forced-open"),
        BreakerState::Disabled => t!("state-gloss-disabled"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(line: Line<'static>, width: usize) -> Vec<String> {
        wrap_line(line, width)
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn legend_lines_wrap_between_words_keeping_indent_and_marks() {
        let line = Line::raw(" calls: ✓ ok  ✗ failed  ↻ retries");
        assert_eq!(
            rows(line.clone(), 19),
            [" calls: ✓ ok", " ✗ failed", " ↻ retries"]
        );
        assert_eq!(rows(line, 20), [" calls: ✓ ok", " ✗ failed  ↻ retries"]);
        let short = Line::raw(" fits");
        assert_eq!(rows(short, 20), [" fits"]);
    }

    #[test]
    fn styles_survive_the_wrap() {
        let line = Line::from(vec![
            Span::raw(" a "),
            styled("○ OPEN (failing)", Style::default().bold()),
        ]);
        let out = wrap_line(line, 10);
        assert_eq!(out.len(), 2, "{out:?}");
        assert!(out
            .iter()
            .flat_map(|l| &l.spans)
            .any(|s| s.content == "○ OPEN" && s.style == Style::default().bold()));
    }
}
