//! Key `t`'s overlay: one call's story as a small timeline a class can read.
//! Each step is a row: its time from arrival, a lane where the call's life
//! so far is drawn (`━` waiting or working, `●` the step), and the step in
//! words. In a comparison the same call on each side, one under the other.

use super::{styled, truncate};
use crate::base::time::{Dur, SimTime};
use crate::report::trace as words;
use crate::sim::trace::LOOK_AHEAD;
use crate::sim::trace::{CallTrace, Step};
use crate::t;
use crate::tui::app::{App, Missing, SideTrace, TraceChoice, TraceView};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

/// The lane's width in cells, when the overlay has room for it.
const LANE: usize = 16;

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(view) = app.trace_view() else {
        return;
    };
    let w = area.width.saturating_sub(4).min(118);
    let inner_w = w.saturating_sub(2) as usize;
    let name = app.sides()[0].sim.world().services[view.service]
        .name
        .clone();
    // Each side's story; in a comparison each gets its share of the rows,
    // so B's is never pushed off by A's.
    let room = area.height.saturating_sub(4) as usize;
    let n = view.sides.len().max(1);
    let share = room.saturating_sub(n - 1) / n;
    let mut lines: Vec<Line> = Vec::new();
    for (k, side) in view.sides.iter().enumerate() {
        let mut part: Vec<Line> = Vec::new();
        if app.comparing() {
            if k > 0 {
                lines.push(Line::raw(""));
            }
            part.push(Line::styled(
                format!(
                    "{} · {}",
                    app.sides()[k].letter(),
                    crate::base::escape::escape(&app.sides()[k].label)
                ),
                theme.title,
            ));
        }
        story(view, side, &name, inner_w, theme, &mut part);
        if part.len() > share && share >= 2 {
            // Never a silent cut: say how much is left out, and where it is.
            let hidden = part.len() - share + 1;
            part.truncate(share - 1);
            part.push(Line::styled(
                truncate(&t!("trace-overlay-more", n = hidden), inner_w),
                theme.dim,
            ));
        }
        lines.extend(part);
    }
    lines.truncate(room);
    let h = lines.len() as u16 + 2;
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let service = crate::base::escape::escape(&name);
    let title = match view.choice {
        None => t!("trace-overlay-title", service = service),
        Some(TraceChoice::Kind(kind)) => t!(
            "trace-overlay-title-kind",
            service = service,
            kind = words::where_words(kind)
        ),
        Some(TraceChoice::Call(n)) => {
            t!(
                "trace-overlay-title-call",
                service = service,
                index = n.to_string()
            )
        }
    };
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.focus_border)
        .title(Line::styled(format!(" {title} "), theme.title));
    Clear.render(rect, buf);
    Paragraph::new(lines).block(block).render(rect, buf);
}

/// One side's call: a heading, one row per step, the closing line.
fn story(
    view: &TraceView,
    side: &SideTrace,
    service: &str,
    width: usize,
    theme: &Theme,
    out: &mut Vec<Line<'static>>,
) {
    let Some(tr) = &side.trace else {
        for line in wrap(&none(view, side, service), width) {
            out.push(Line::raw(line));
        }
        return;
    };
    out.push(Line::styled(
        truncate(&words::heading(tr, service), width),
        theme.dim,
    ));
    let span = lifetime(tr, side.reached);
    let offsets: Vec<String> = tr.steps.iter().map(|s| words::offset(tr, s.at)).collect();
    let ow = offsets.iter().map(|o| o.chars().count()).max().unwrap_or(4);
    // The lane only where every step's words still fit whole beside it.
    let longest = tr
        .steps
        .iter()
        .map(|s| words::step_words(&s.step, service).chars().count())
        .max()
        .unwrap_or(0);
    let lane = if ow + 2 + LANE + 1 + longest <= width {
        LANE
    } else {
        0
    };
    let mut prev = 0usize;
    for (s, off) in tr.steps.iter().zip(&offsets) {
        let col = if lane == 0 {
            0
        } else {
            ((s.at.saturating_sub(tr.arrived)) as f64 / span as f64 * (lane - 1) as f64).round()
                as usize
        };
        let mut spans = vec![Span::raw(format!(" {off:>ow$} "))];
        if lane > 0 {
            let mut cells = String::new();
            for c in 0..lane {
                cells.push(if c == col {
                    '●'
                } else if c >= prev && c < col {
                    '━'
                } else {
                    ' '
                });
            }
            spans.push(styled(cells, step_style(&s.step, theme)));
            spans.push(Span::raw(" "));
            prev = col;
        }
        let used = ow + 2 + if lane > 0 { lane + 1 } else { 0 };
        let text = words::step_words(&s.step, service);
        spans.push(styled(
            truncate(&text, width.saturating_sub(used)),
            step_style(&s.step, theme),
        ));
        out.push(Line::from(spans));
    }
    if let Some(c) = words::closing(tr, side.reached) {
        out.push(Line::styled(
            format!(" {}", truncate(&c, width.saturating_sub(1))),
            theme.title,
        ));
    }
}

/// `text` in lines of at most `width` characters, broken between words
/// (a word longer than a line is cut).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let last = lines.last_mut().expect("one line at least");
        let len = last.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(String::new());
        }
        let last = lines.last_mut().expect("one line at least");
        if !last.is_empty() {
            last.push(' ');
        }
        last.push_str(word);
    }
    lines.into_iter().map(|l| truncate(&l, width)).collect()
}

/// Why a side shows no call, in words.
fn none(view: &TraceView, side: &SideTrace, service: &str) -> String {
    let minutes = LOOK_AHEAD.0 / 60_000_000_000;
    let until = crate::base::time::clock(side.reached);
    match (view.choice, side.missing) {
        (None, _) => t!("trace-overlay-none", service = service),
        (Some(TraceChoice::Kind(kind)), missing) => {
            let kind = words::where_words(kind);
            match missing {
                Missing::LookAhead { .. } => t!(
                    "trace-menu-none-window",
                    service = service,
                    kind = kind,
                    minutes = minutes
                ),
                Missing::Budget => t!(
                    "trace-menu-none-budget",
                    service = service,
                    kind = kind,
                    until = until
                ),
                _ => t!("trace-menu-none-end", service = service, kind = kind),
            }
        }
        (Some(TraceChoice::Call(index)), missing) => match missing {
            Missing::Passed { next } => t!(
                "trace-menu-passed",
                service = service,
                index = index.to_string(),
                next = next.to_string()
            ),
            Missing::LookAhead { .. } => t!(
                "trace-menu-call-none-window",
                service = service,
                index = index.to_string(),
                minutes = minutes
            ),
            Missing::Budget => t!(
                "trace-menu-call-none-budget",
                service = service,
                index = index.to_string(),
                until = until
            ),
            Missing::End => t!(
                "trace-menu-call-none-end",
                service = service,
                index = index.to_string()
            ),
        },
    }
}

/// From arrival to the answer (or to where the copy stopped), at least 1 ns.
fn lifetime(tr: &CallTrace, reached: SimTime) -> u64 {
    let end = tr.finished.unwrap_or(reached);
    Dur(end.saturating_sub(tr.arrived)).0.max(1)
}

/// What went wrong stands out; waits are dim; the rest plain.
fn step_style(step: &Step, theme: &Theme) -> Style {
    match step {
        Step::TimeoutFired { .. }
        | Step::CallerRejected
        | Step::BulkheadRejected { .. }
        | Step::Replied { ok: false, .. } => theme.warn,
        Step::Breaker {
            permitted: false, ..
        } => theme.warn,
        Step::Backoff { .. } | Step::CallerQueued { .. } | Step::BulkheadQueued { .. } => theme.dim,
        Step::Finished { .. } => theme.title,
        _ => Style::default(),
    }
}
