//! The header: scenario, virtual clock, speed, RUNNING/PAUSED, seed, the
//! recording mark, and what the timeline does next.

use super::{clock, short_path, side_style, styled, truncate, width_of};
use crate::base::escape::escape;
use crate::t;
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
    Some(t!(
        "header-next",
        at = clock(c.at.0),
        path = short_path(&c.path),
        value = c.value.to_string()
    ))
}

/// Both sides' labels, the selected one (where edits go) marked `▸` and
/// reversed: `▸A retry on  B retry off`, each label cut to `each` characters.
fn side_labels(app: &App, theme: &Theme, each: usize) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (k, side) in app.sides().iter().enumerate() {
        let selected = k == app.selected_side();
        let mark = if selected { "▸" } else { " " };
        spans.push(styled(
            format!("{mark}{}", side.letter()),
            side_style(theme, k),
        ));
        // A label that is only the letter again is not repeated.
        let label = if side.label.get() == side.letter() {
            " ".to_string()
        } else {
            // The derived label of a side that changes nothing is a phrase,
            // said in the reader's language (JSON keeps the English).
            let text = if side.label.get() == crate::scenario::variants::AS_WRITTEN {
                t!("variant-as-written")
            } else {
                escape(&side.label).into_owned()
            };
            format!(" {} ", truncate(&text, each))
        };
        spans.push(if selected {
            styled(label, theme.selected)
        } else {
            Span::raw(label)
        });
    }
    spans
}

/// `· t=01:42.3 / 05:00 · ×10 (actual ×4.5) · ▶ RUNNING`: one side's clock
/// and state or both sides' (which share one clock): a limit crossed on
/// either side shows LIMIT, and ENDED once every side is done.
fn clock_and_state(app: &App, theme: &Theme) -> Vec<Span<'static>> {
    let sep = || styled(" · ", theme.dim);
    let sides = app.sides();
    let (state, state_style) = if sides.iter().any(|s| s.sim.limit_crossed().is_some()) {
        (format!("■ {}", t!("state-limit")), theme.bad)
    } else if sides.iter().all(|s| s.sim.is_finished()) {
        (format!("■ {}", t!("state-ended")), theme.warn)
    } else if app.paused() {
        (format!("‖ {}", t!("state-paused")), theme.warn)
    } else {
        (format!("▶ {}", t!("state-running")), theme.ok)
    };
    let mut spans = vec![
        sep(),
        Span::raw(format!(
            "t={} / {}",
            clock(app.now()),
            clock(app.sim().end()).trim_end_matches(".0")
        )),
        sep(),
        Span::raw(speed(app.speed())),
    ];
    // When the simulation cannot keep up, the header says how fast it
    // really goes instead of pretending.
    if let Some(actual) = app.actual_speed() {
        spans.push(styled(
            format!(" ({})", t!("header-actual", speed = speed(actual))),
            theme.warn,
        ));
    }
    spans.extend([sep(), styled(state, state_style)]);
    spans
}

/// The header of a comparison: the clock and state as alone, then both
/// labels (on the second line when there is one; otherwise in place of the
/// scenario's name, cut to fit).
fn render_compare(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let sep = || styled(" · ", theme.dim);
    let clock_part = clock_and_state(app, theme);
    let seed = [
        sep(),
        Span::raw(t!("header-seed", seed = app.seed().to_string())),
    ];
    let rec = [
        sep(),
        styled(format!("● {}", t!("header-rec")), theme.recording),
    ];
    let right = styled(format!("? {} ", t!("key-toggle-help-short")), theme.key);
    let width = area.width as usize;
    let mut first = vec![styled(" Breakwater", theme.title)];
    let mut second = Vec::new();
    if area.height >= 2 {
        first.extend([
            sep(),
            styled(escape(&app.scenario().name).into_owned(), theme.title),
        ]);
        first.extend(clock_part);
        first.extend(seed);
        let each = (width.saturating_sub(8) / 2).saturating_sub(4).max(3);
        second.push(Span::raw(" "));
        second.extend(side_labels(app, theme, each));
        if let Some(text) = next_change(app) {
            let extra = [sep(), styled(text, theme.dim)];
            if width_of(&second) + width_of(&extra) <= width {
                second.extend(extra);
            }
        }
    } else {
        // One line: the labels share what the clock, state and help leave.
        let rec_w = if app.recording().is_some() {
            width_of(&rec)
        } else {
            0
        };
        let fixed = width_of(&first) + width_of(&clock_part) + rec_w + right.width() + 4;
        let each = (width.saturating_sub(fixed + 8) / 2).max(3);
        first.push(sep());
        first.extend(side_labels(app, theme, each));
        first.extend(clock_part);
        if width_of(&first) + width_of(&seed) + right.width() < width {
            first.extend(seed);
        }
    }
    if app.recording().is_some() && width_of(&first) + width_of(&rec) + right.width() < width {
        first.extend(rec);
    }
    // A space before `? help`, so a number never runs into the `?`.
    fit_spans(&mut first, width.saturating_sub(right.width() + 1));
    let used = width_of(&first) + right.width();
    if used <= width {
        first.push(Span::raw(" ".repeat(width - used)));
        first.push(right);
    }
    let mut lines = vec![Line::from(first)];
    if area.height >= 2 {
        lines.push(Line::from(second));
    }
    Paragraph::new(lines).render(area, buf);
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if app.comparing() {
        return render_compare(app, theme, area, buf);
    }
    let sep = || styled(" · ", theme.dim);
    let mut left = vec![
        styled(" Breakwater", theme.title),
        sep(),
        styled(escape(&app.scenario().name).into_owned(), theme.title),
    ];
    left.extend(clock_and_state(app, theme));
    let seed_text = t!("header-seed", seed = app.seed().to_string());
    left.extend([sep(), Span::raw(seed_text.clone())]);
    if app.recording().is_some() {
        left.push(sep());
        left.push(styled(format!("● {}", t!("header-rec")), theme.recording));
    }
    let right = styled(format!("? {} ", t!("key-toggle-help-short")), theme.key);
    let width = area.width as usize;
    // `? help` always stays. Too wide (a long name, the actual-speed note at
    // 80 columns): the seed goes whole rather than let the edge cut its
    // digits, then the scenario's name is shortened with `…`.
    // (and a space before it, so a number never runs into the `?`).
    let budget = width.saturating_sub(right.width() + 1);
    if width_of(&left) > budget {
        if let Some(i) = left.iter().position(|x| x.content == seed_text) {
            left.drain(i - 1..=i);
        }
    }
    let over = width_of(&left).saturating_sub(budget);
    if over > 0 {
        let name = escape(&app.scenario().name).into_owned();
        let keep = name.chars().count().saturating_sub(over).max(1);
        left[2] = styled(truncate(&name, keep), theme.title);
    }
    fit_spans(&mut left, budget);
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
    if used <= width {
        first.push(Span::raw(" ".repeat(width - used)));
        first.push(right);
    }
    let mut lines = vec![Line::from(first)];
    if area.height >= 2 {
        if second.is_empty() {
            second.push(styled(
                format!(" {}", t!("header-timeline-done")),
                theme.dim,
            ));
        }
        lines.push(Line::from(second));
    }
    Paragraph::new(lines).render(area, buf);
}

/// Drops whole spans from the end until `spans` fit in `width` (the last
/// resort that keeps `? help` on screen).
fn fit_spans(spans: &mut Vec<Span<'static>>, width: usize) {
    while width_of(spans) > width && !spans.is_empty() {
        spans.pop();
    }
}
