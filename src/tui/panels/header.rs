//! The header: scenario, virtual clock, speed, RUNNING/PAUSED, seed, the
//! recording mark, and what the timeline does next.

use super::{
    clock, lines_of, piece, short_path, truncate, truncate_words, width_of, Cells, Piece, Tone,
};
use crate::base::escape::escape;
use crate::t;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget};

/// `×0.1`, `×1`, `×2.5`, `×1000`.
pub fn speed(s: f64) -> String {
    if (s - s.round()).abs() < 1e-9 || s >= 10.0 {
        format!("×{s:.0}")
    } else {
        format!("×{}", crate::i18n::number(s, 1))
    }
}

/// The end of the run as the clock writes it, without tenths when it has
/// none (`05:00`, not `05:00,0`).
fn end_clock(t: u64) -> String {
    let c = clock(t);
    let zero = format!("{}0", crate::i18n::decimal_mark());
    c.strip_suffix(&zero).map(str::to_string).unwrap_or(c)
}

/// "next 03:00 · payment failure_rate → 0.005", if the timeline has more.
pub fn next_change(app: &App) -> Option<String> {
    let c = app.sim().next_change()?;
    Some(t!(
        "header-next",
        at = clock(c.at.0),
        path = short_path(&c.path),
        value = crate::tui::fields::show_value(&c.value)
    ))
}

/// The sides' labels as the reader sees them (a label that is only the
/// letter again is not repeated: empty).
fn label_texts(app: &App) -> Vec<String> {
    app.sides()
        .iter()
        .map(|side| {
            if side.label.get() == side.letter() {
                String::new()
            } else {
                escape(&side.label).into_owned()
            }
        })
        .collect()
}

/// The cells both labels take whole, with their letters and marks.
fn labels_width(app: &App) -> usize {
    label_texts(app).iter().map(|t| t.chars().count() + 4).sum()
}

/// Both sides' labels in `room` cells, the selected one (where edits go)
/// marked `▸` and reversed: `▸A retry on  B retry off`. Whole when they
/// fit; else the longer gives way first, cut between words with `…`.
fn side_labels(app: &App, room: usize) -> Vec<Piece> {
    let texts = label_texts(app);
    let mut budget: Vec<usize> = texts.iter().map(|t| t.chars().count()).collect();
    let room = room.saturating_sub(4 * texts.len());
    while budget.iter().sum::<usize>() > room {
        let Some(k) = (0..budget.len()).max_by_key(|&k| budget[k]) else {
            break;
        };
        if budget[k] <= 3 {
            break;
        }
        budget[k] -= 1;
    }
    let mut spans = Vec::new();
    for (k, side) in app.sides().iter().enumerate() {
        let selected = k == app.selected_side();
        let mark = if selected { "▸" } else { " " };
        spans.push(piece(format!("{mark}{}", side.letter()), Tone::Side(k)));
        let label = if texts[k].is_empty() {
            " ".to_string()
        } else {
            format!(" {} ", truncate_words(&texts[k], budget[k]))
        };
        spans.push(if selected {
            piece(label, Tone::Selected)
        } else {
            piece(label, Tone::Plain)
        });
    }
    spans
}

/// The cells a one-line comparison header gives to all but the labels:
/// the name, the separator, the clock and state, a recording's mark, help.
fn one_line_fixed(app: &App) -> usize {
    let rec = if app.recording().is_some() {
        3 + format!("● {}", t!("header-rec")).chars().count()
    } else {
        0
    };
    let right = format!("? {} ", t!("key-toggle-help-short"))
        .chars()
        .count();
    " Breakwater".len() + 3 + width_of(&clock_and_state(app)) + rec + right + 4
}

/// How many lines the header needs at `width`: a comparison whose labels
/// do not fit whole beside the clock takes a second line for them.
pub fn lines_needed(app: &App, width: usize) -> u16 {
    if !app.comparing() {
        return 1;
    }
    if one_line_fixed(app) + labels_width(app) > width {
        2
    } else {
        1
    }
}

/// `· t=01:42.3 / 05:00 · ×10 (actual ×4.5) · ▶ RUNNING`: one side's clock
/// and state or both sides' (which share one clock): a limit crossed on
/// either side shows LIMIT, and ENDED once every side is done.
fn clock_and_state(app: &App) -> Vec<Piece> {
    let sep = || piece(" · ", Tone::Dim);
    let sides = app.sides();
    let (state, state_style) = if sides.iter().any(|s| s.sim.limit_crossed().is_some()) {
        (format!("■ {}", t!("state-limit")), Tone::Bad)
    } else if sides.iter().all(|s| s.sim.is_finished()) {
        (format!("■ {}", t!("state-ended")), Tone::Warn)
    } else if app.paused() {
        (format!("‖ {}", t!("state-paused")), Tone::Warn)
    } else {
        (format!("▶ {}", t!("state-running")), Tone::Ok)
    };
    let mut spans = vec![
        sep(),
        piece(
            format!("t={} / {}", clock(app.now()), end_clock(app.sim().end())),
            Tone::Plain,
        ),
        sep(),
        piece(speed(app.speed()), Tone::Plain),
    ];
    // When the simulation cannot keep up, the header says how fast it
    // really goes instead of pretending.
    if let Some(actual) = app.actual_speed() {
        spans.push(piece(
            format!(" ({})", t!("header-actual", speed = speed(actual))),
            Tone::Warn,
        ));
    }
    spans.extend([sep(), piece(state, state_style)]);
    spans
}

/// The header of a comparison: the clock and state as alone, then both
/// labels (on the second line when there is one; otherwise in place of the
/// scenario's name, cut to fit).
fn view_compare(app: &App, width: usize, two: bool) -> HeaderView {
    let sep = || piece(" · ", Tone::Dim);
    let clock_part = clock_and_state(app);
    let seed = [
        sep(),
        piece(
            t!("header-seed", seed = app.seed().to_string()),
            Tone::Plain,
        ),
    ];
    let rec = [
        sep(),
        piece(format!("● {}", t!("header-rec")), Tone::Recording),
    ];
    let right = piece(format!("? {} ", t!("key-toggle-help-short")), Tone::Key);
    let mut first = vec![piece(" Breakwater", Tone::Title)];
    let mut second = Vec::new();
    if two {
        // The clock and state stay whole; the name gives way, by words.
        let name = escape(&app.scenario().name).into_owned();
        let room =
            width.saturating_sub(width_of(&first) + 3 + width_of(&clock_part) + right.cells() + 1);
        if room >= 4 {
            first.extend([sep(), piece(truncate_words(&name, room), Tone::Title)]);
        }
        first.extend(clock_part);
        if width_of(&first) + width_of(&seed) + right.cells() < width {
            first.extend(seed);
        }
        second.push(piece(" ", Tone::Plain));
        second.extend(side_labels(app, width.saturating_sub(1)));
        if let Some(text) = next_change(app) {
            let extra = [sep(), piece(text, Tone::Dim)];
            if width_of(&second) + width_of(&extra) <= width {
                second.extend(extra);
            }
        }
    } else {
        // One line: the labels share what the clock, state and help leave.
        first.push(sep());
        first.extend(side_labels(app, width.saturating_sub(one_line_fixed(app))));
        first.extend(clock_part);
        if width_of(&first) + width_of(&seed) + right.cells() < width {
            first.extend(seed);
        }
    }
    if app.recording().is_some() && width_of(&first) + width_of(&rec) + right.cells() < width {
        first.extend(rec);
    }
    // A space before `? help`, so a number never runs into the `?`.
    fit_spans(&mut first, width.saturating_sub(right.cells() + 1));
    let used = width_of(&first) + right.cells();
    if used <= width {
        first.push(piece(" ".repeat(width - used), Tone::Plain));
        first.push(right);
    }
    let mut lines = vec![first];
    if two {
        lines.push(second);
    }
    HeaderView { lines }
}

/// What the header shows, computed from the model: its one or two lines
/// as toned pieces, fitted to the width. Drawn by `draw`.
#[derive(Clone, Debug, PartialEq)]
pub struct HeaderView {
    pub lines: Vec<Vec<Piece>>,
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let v = view(app, area.width as usize, area.height >= 2);
    draw(&v, theme, area, buf);
}

/// Styles `v`'s lines in `area`.
pub fn draw(v: &HeaderView, theme: &Theme, area: Rect, buf: &mut Buffer) {
    Paragraph::new(lines_of(&v.lines, theme)).render(area, buf);
}

/// The header's view for `width` cells, on two lines when `two`.
pub fn view(app: &App, width: usize, two: bool) -> HeaderView {
    if app.comparing() {
        return view_compare(app, width, two);
    }
    let sep = || piece(" · ", Tone::Dim);
    let mut left = vec![
        piece(" Breakwater", Tone::Title),
        sep(),
        piece(escape(&app.scenario().name).into_owned(), Tone::Title),
    ];
    left.extend(clock_and_state(app));
    let seed_text = t!("header-seed", seed = app.seed().to_string());
    left.extend([sep(), piece(seed_text.clone(), Tone::Plain)]);
    if app.recording().is_some() {
        left.push(sep());
        left.push(piece(format!("● {}", t!("header-rec")), Tone::Recording));
    }
    let right = piece(format!("? {} ", t!("key-toggle-help-short")), Tone::Key);
    // `? help` always stays. Too wide (a long name, the actual-speed note at
    // 80 columns): the seed goes whole rather than let the edge cut its
    // digits, then the scenario's name is shortened with `…`.
    // (and a space before it, so a number never runs into the `?`).
    let budget = width.saturating_sub(right.cells() + 1);
    if width_of(&left) > budget {
        if let Some(i) = left.iter().position(|x| x.text == seed_text) {
            left.drain(i - 1..=i);
        }
    }
    let over = width_of(&left).saturating_sub(budget);
    if over > 0 {
        let name = escape(&app.scenario().name).into_owned();
        let keep = name.chars().count().saturating_sub(over).max(1);
        left[2] = piece(truncate(&name, keep), Tone::Title);
    }
    fit_spans(&mut left, budget);
    let next = next_change(app);
    let mut first = left.clone();
    let mut second = Vec::new();
    if let Some(text) = &next {
        let extra = vec![sep(), piece(text.clone(), Tone::Dim)];
        if two {
            second.push(piece(format!(" {text}"), Tone::Dim));
        } else if width_of(&first) + width_of(&extra) + right.cells() < width {
            first.extend(extra);
        }
    }
    let used = width_of(&first) + right.cells();
    if used <= width {
        first.push(piece(" ".repeat(width - used), Tone::Plain));
        first.push(right);
    }
    let mut lines = vec![first];
    if two {
        if second.is_empty() {
            second.push(piece(format!(" {}", t!("header-timeline-done")), Tone::Dim));
        }
        lines.push(second);
    }
    HeaderView { lines }
}

/// Drops whole spans from the end until `spans` fit in `width` (the last
/// resort that keeps `? help` on screen).
fn fit_spans(spans: &mut Vec<Piece>, width: usize) {
    while width_of(spans) > width && !spans.is_empty() {
        spans.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::line;
    use super::*;

    #[test]
    fn a_view_is_drawn_without_an_app() {
        let sep = || piece(" · ", Tone::Dim);
        let first = vec![
            piece(" Breakwater", Tone::Title),
            sep(),
            piece("t=00:10.0 / 01:00", Tone::Plain),
            sep(),
            piece("‖ PAUSED", Tone::Warn),
            piece("   ", Tone::Plain),
            piece("? help ", Tone::Key),
        ];
        let v = HeaderView {
            lines: vec![first, vec![piece(" timeline done", Tone::Dim)]],
        };
        let theme = Theme::dark();
        let area = Rect::new(0, 0, 60, 2);
        let mut buf = Buffer::empty(area);
        draw(&v, &theme, area, &mut buf);
        assert_eq!(
            line(&buf, 0).trim_end(),
            " Breakwater · t=00:10.0 / 01:00 · ‖ PAUSED   ? help"
        );
        // The state says itself in its colour; `? help` is a key.
        assert_eq!(buf[(34, 0)].fg, theme.warn.fg.unwrap_or_default());
        assert_eq!(buf[(45, 0)].fg, theme.key.fg.unwrap_or_default());
        assert_eq!(buf[(1, 0)].fg, theme.title.fg.unwrap_or_default());
        assert!(line(&buf, 1).starts_with(" timeline done"));
        assert_eq!(buf[(1, 1)].fg, theme.dim.fg.unwrap_or_default());
    }
}
