//! Circuit breaker: per service its state as colour, symbol and word, how
//! long it has been so (or until the next probe), a band of its state over
//! time, and the reason of its last transition.

use super::{
    name_width, panel_block, render_lines, row_head, short_dur, styled, truncate_words, visible,
    window_label,
};
use crate::patterns::circuit_breaker::BreakerState;
use crate::t;
use crate::tui::app::App;
use crate::tui::history::{History, View, Window};
use crate::tui::theme::{symbol, Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// One mark of the band over time: what the breaker was during it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Mark {
    /// The most alarming state seen.
    pub worst: Option<BreakerState>,
    /// Whether it was HALF_OPEN at some moment, however brief.
    pub half_open: bool,
}

/// A mark's character and state for its style: the higher, the more
/// closed-off; a HALF_OPEN within the mark has its own symbol (`◐`, as in
/// the state line) and colour, even beside an OPEN that lasted longer.
fn band_char(m: Mark) -> (char, Option<BreakerState>) {
    if m.half_open {
        return ('◐', Some(BreakerState::HalfOpen));
    }
    let c = match m.worst {
        None => ' ',
        Some(BreakerState::Closed) => '▁',
        Some(BreakerState::Disabled) => '_',
        Some(BreakerState::HalfOpen) => '◐',
        Some(BreakerState::Open) | Some(BreakerState::ForcedOpen) => '█',
    };
    (c, m.worst)
}

/// `● CLOSED`, padded, in the state's style; always a blank after the
/// word, so the longest (`FORCED_OPEN`) never runs into what follows.
pub fn state_span(s: BreakerState, theme: &Theme) -> Span<'static> {
    styled(format!("{} {:<9} ", symbol(s), s.word()), theme.breaker(s))
}

/// How long the breaker has been in its state and, when OPEN, how long
/// until it lets a probe through: the longest form that fits in `room`.
fn timing(state: BreakerState, in_state: u64, probe_in: Option<u64>, room: usize) -> String {
    let time = short_dur(in_state);
    let options = match state {
        BreakerState::Open => match probe_in {
            Some(0) => vec![
                t!("breaker-open-due", time = time.clone()),
                t!("breaker-probe-due"),
            ],
            Some(left) => vec![
                t!(
                    "breaker-open-timing",
                    time = time.clone(),
                    left = short_dur(left)
                ),
                t!("breaker-probe-in", left = short_dur(left)),
            ],
            None => vec![t!("breaker-for", time = time.clone())],
        },
        BreakerState::HalfOpen => vec![
            t!("breaker-half-open-timing", time = time.clone()),
            t!("breaker-probing"),
        ],
        _ => vec![t!("breaker-for", time = time.clone())],
    };
    let n = options.len();
    options
        .into_iter()
        .enumerate()
        .find(|(k, o)| o.chars().count() <= room || k + 1 == n)
        .map(|(_, o)| {
            if o.chars().count() <= room {
                o
            } else {
                String::new()
            }
        })
        .unwrap_or_default()
}

/// The band over the shared window: one mark per step, repeated across the
/// cells it spans when there are fewer marks than cells; blank before the run.
fn band(history: &History, win: Window, i: usize, width: usize) -> (Vec<Mark>, View) {
    let view = history.view(win, width);
    let marks: Vec<Mark> = view
        .marks
        .iter()
        .map(|m| match m.as_ref().and_then(|s| s.services.get(i)) {
            Some(x) => Mark {
                worst: x.breaker,
                half_open: x.seen.contains(BreakerState::HalfOpen),
            },
            None => Mark::default(),
        })
        .collect();
    if width == 0 {
        return (Vec::new(), view);
    }
    let r = (width / marks.len().max(1)).max(1);
    let keep = &marks[marks.len().saturating_sub(width / r)..];
    let mut out = vec![Mark::default(); width - keep.len() * r];
    for m in keep {
        out.extend(std::iter::repeat_n(*m, r));
    }
    (out, view)
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let block = panel_block(format!(" {} ", t!("panel-breaker")), focused, theme);
    let inner = block.inner(area);
    let n = app.sim().world().services.len();
    let rows = inner.height as usize;
    // In a comparison each service has a row per side.
    let m = app.sides().len();
    // Two lines per service (state, then reason) when there is room.
    let two = rows >= 2 * m * n.min(rows);
    let shown = visible(app, (if two { rows / 2 } else { rows }) / m);
    let nw = name_width(app);
    // The reason lines line up under the state, after the name (and letter).
    let indent = nw + if m > 1 { 2 } else { 0 };
    let mut lines = Vec::new();
    let mut label: Option<View> = None;
    for (i, k) in shown.flat_map(|i| (0..m).map(move |k| (i, k))) {
        let side = &app.sides()[k];
        let sim = &side.sim;
        let now = sim.now();
        let cfg = &sim.world().services[i].patterns.circuit_breaker;
        let mut spans = row_head(app, theme, i, k, nw);
        if !cfg.enabled {
            spans.push(styled(format!("· {}", t!("pattern-off")), theme.dim));
            lines.push(Line::from(spans));
            if two {
                lines.push(Line::styled(
                    format!("  {:indent$} {}", "", t!("breaker-off-hint")),
                    theme.dim,
                ));
            }
            continue;
        }
        let state = sim.breaker_state(i);
        let b = sim.breaker(i);
        spans.push(state_span(state, theme));
        let head: usize = spans.iter().map(|s| s.width()).sum();
        // What the band leaves: at least a few marks stay.
        let room = (inner.width as usize).saturating_sub(head + 2);
        let probe_in = b.probe_at(cfg).map(|t| t.saturating_sub(now));
        let text = timing(state, now.saturating_sub(b.since()), probe_in, room);
        spans.push(styled(format!("{text:<10} "), theme.dim));
        let used: usize = spans.iter().map(|s| s.width()).sum();
        let band_w = (inner.width as usize).saturating_sub(used);
        let (marks, view) = band(&side.history, app.window(), i, band_w);
        label.get_or_insert(view);
        for m in marks {
            let (c, state) = band_char(m);
            let style = state.map(|s| theme.breaker(s)).unwrap_or(theme.dim);
            spans.push(styled(c.to_string(), style));
        }
        lines.push(Line::from(spans));
        if two {
            let reason = b.last_reason();
            let text = match reason {
                None => t!("breaker-no-transition"),
                Some(r) => r.msg().said(),
            };
            let room = (inner.width as usize).saturating_sub(indent + 3);
            lines.push(Line::styled(
                format!("  {:indent$} {}", "", truncate_words(&text, room)),
                theme.dim,
            ));
        }
    }
    let block = match &label {
        Some(v) => block.title_bottom(window_label(v, area.width as usize)),
        None => block,
    };
    render_lines(lines, block, area, buf);
}
