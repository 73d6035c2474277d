//! The header: scenario, virtual clock, speed, RUNNING/PAUSED, seed, the
//! recording mark, and what the timeline does next.

use super::{clock, short_path, styled, width_of};
use crate::base::escape::escape;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

/// `×0.1`, `×1`, `×2.5`, `×1000`.
pub fn speed(s: f64) -> String {
    if (s - s.round()).abs() < 1e-9 || s >= 10.0 {
        format!("×{s:.0}")
    } else {
        format!("×{s:.1}")
    }
}

/// "next 03:00 · payment failure_rate → 0.005", if the timeline has more.
pub fn next_change(app: &App) -> Option<String> {
    let c = app.sim().next_change()?;
    Some(format!(
        "next {} · {} → {}",
        clock(c.at.0),
        short_path(&c.path),
        c.value
    ))
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let sim = app.sim();
    let sep = || styled(" · ", theme.dim);
    let (state, state_style) = if sim.limit_crossed().is_some() {
        ("■ LIMIT", theme.bad)
    } else if sim.is_finished() {
        ("■ ENDED", theme.warn)
    } else if app.paused() {
        ("‖ PAUSED", theme.warn)
    } else {
        ("▶ RUNNING", theme.ok)
    };
    let mut left = vec![
        styled(" Breakwater", theme.title),
        sep(),
        styled(escape(&app.scenario().name).into_owned(), theme.title),
        sep(),
        Span::raw(format!(
            "t={} / {}",
            clock(sim.now()),
            clock(sim.end()).trim_end_matches(".0")
        )),
        sep(),
        Span::raw(speed(app.speed())),
    ];
    // When the simulation cannot keep up, the header says how fast it
    // really goes instead of pretending.
    if let Some(actual) = app.actual_speed() {
        left.push(styled(format!(" (actual {})", speed(actual)), theme.warn));
    }
    left.extend([
        sep(),
        styled(state, state_style),
        sep(),
        Span::raw(format!("seed {}", app.seed())),
    ]);
    if app.recording().is_some() {
        left.push(sep());
        left.push(styled("● REC", theme.recording));
    }
    let right = styled("? help ", theme.key);
    let width = area.width as usize;
    // Too wide (a long name, the actual-speed note at 80 columns): drop the
    // seed whole rather than let the edge cut its digits.
    if width_of(&left) > width {
        if let Some(i) = left.iter().position(|x| x.content.starts_with("seed ")) {
            left.drain(i - 1..=i);
        }
    }
    let next = next_change(app);
    let mut first = left.clone();
    let mut second = Vec::new();
    if let Some(text) = &next {
        let extra = vec![sep(), styled(text.clone(), theme.dim)];
        if area.height >= 2 {
            second.push(styled(format!(" {text}"), theme.dim));
        } else if width_of(&first) + width_of(&extra) + right.width() < width {
            first.extend(extra);
        }
    }
    let used = width_of(&first) + right.width();
    if used < width {
        first.push(Span::raw(" ".repeat(width - used)));
        first.push(right);
    }
    let mut lines = vec![Line::from(first)];
    if area.height >= 2 {
        if second.is_empty() {
            second.push(styled(" the timeline has no more changes", theme.dim));
        }
        lines.push(Line::from(second));
    }
    Paragraph::new(lines).render(area, buf);
}
