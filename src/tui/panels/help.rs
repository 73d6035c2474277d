//! The help overlay: the scenario's lesson, every key binding (straight from
//! the key table), and what the symbols mean.

use super::{styled, truncate};
use crate::base::escape::escape;
use crate::patterns::circuit_breaker::BreakerState;
use crate::t;
use crate::tui::app::App;
use crate::tui::keys::{bindings, When};
use crate::tui::theme::{symbol, Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let w = area.width.saturating_sub(2).min(110);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.focus_border)
        .title(Line::styled(format!(" {} ", t!("help-title")), theme.title));
    let inner = block.inner(Rect::new(0, 0, w, area.height));
    // The keys, legends and the two breakers first; the lesson takes the
    // rows they leave (at least a few, cut with …), so the keys stay
    // readable on the smallest screen.
    let mut lines = vec![Line::raw("")];
    let two = inner.width >= 70;
    let col = if two {
        inner.width as usize / 2
    } else {
        inner.width as usize
    };
    let rows: Vec<Vec<Span>> = bindings()
        .iter()
        .filter(|b| b.when != When::Help && (b.when != When::Compare || app.comparing()))
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
    let keys_end = lines.len();
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
    let iw = inner.width.max(1) as usize;
    let rows_of = |ls: &[Line]| -> usize { ls.iter().map(|l| l.width().div_ceil(iw).max(1)).sum() };
    // Every key stays on screen: on a short screen the legends go first
    // (whole lines, from the last), then the lesson shrinks to one row.
    let usable = (area.height as usize).saturating_sub(5);
    while lines.len() > keys_end && rows_of(&lines) + 3 > usable {
        lines.pop();
    }
    let rest: usize = rows_of(&lines);
    let s = app.scenario();
    let story = if s.lesson.is_empty() {
        &s.description
    } else {
        &s.lesson
    };
    let room = (area.height as usize).saturating_sub(5 + rest).max(1);
    let mut head = vec![Line::styled(escape(&s.name).into_owned(), theme.title)];
    head.extend(
        wrap_words(&escape(story), iw, room)
            .into_iter()
            .map(Line::raw),
    );
    lines.splice(0..0, head);
    // As tall as the text needs (word wrapping may take a line more), within the screen.
    let needed: usize = lines
        .iter()
        .map(|l| l.width().div_ceil(iw).max(1))
        .sum::<usize>()
        + 1;
    let h = (needed as u16 + 2).min(area.height.saturating_sub(2));
    let para = Paragraph::new(lines).wrap(Wrap { trim: false });
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(rect, buf);
    para.block(block).render(rect, buf);
}

/// `text` in lines of at most `width` characters, broken between words, at
/// most `rows` of them; a cut text ends with `…`.
fn wrap_words(text: &str, width: usize, rows: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let (n, w) = (line.chars().count(), word.chars().count());
        if n > 0 && n + 1 + w > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > rows {
        lines.truncate(rows);
        if let Some(last) = lines.last_mut() {
            let keep: String = last.chars().take(width.saturating_sub(2)).collect();
            *last = format!("{} …", keep.trim_end());
        }
    }
    // A word longer than the line is cut like any other text.
    lines.into_iter().map(|l| truncate(&l, width)).collect()
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
