//! Circuit breaker: per service its state as colour, symbol and word, how
//! long it has been so (or until the next probe), a band of its state over
//! time, and the reason of its last transition.

use super::{
    inner_size, name_width, pairs_needed, panel_block, render_lines, rows_to_pair, short_dur,
    styled, truncate_words, visible, window_label, RowHead,
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

/// What the panel shows, computed from the model: per row its head and
/// what the breaker is, with the texts already fitted to the width. Drawn
/// by `draw`, which only lays out and styles it.
#[derive(Clone, Debug, PartialEq)]
pub struct BreakerView {
    pub rows: Vec<BreakerRow>,
    /// Two lines per row (state, then reason).
    pub two_lines: bool,
    /// Where the reason lines start, under the state.
    pub indent: usize,
    /// The window the bands show, for the bottom border.
    pub window: Option<View>,
    /// A comparison with too few rows: one line per service, both sides'
    /// states on it (rows come in A, B pairs).
    pub paired: bool,
}

/// One service on one side.
#[derive(Clone, Debug, PartialEq)]
pub struct BreakerRow {
    pub head: RowHead,
    /// `None` when the breaker is off.
    pub on: Option<BreakerOn>,
}

/// A breaker that is on.
#[derive(Clone, Debug, PartialEq)]
pub struct BreakerOn {
    pub state: BreakerState,
    /// How long in the state (and until the probe), fitted to the room.
    pub timing: String,
    /// The band, one mark per cell.
    pub marks: Vec<Mark>,
    /// Its last transition's reason, fitted; on the second line.
    pub reason: String,
}

/// The panel's view for an inner area of `width` × `rows` cells.
pub fn view(app: &App, width: usize, rows: usize) -> BreakerView {
    if pairs_needed(app, rows) {
        return BreakerView {
            paired: true,
            ..view(app, width, rows_to_pair(app))
        };
    }
    let n = app.sim().world().services.len();
    // In a comparison each service has a row per side.
    let m = app.sides().len();
    // Two lines per service (state, then reason) when there is room.
    let two = rows >= 2 * m * n.min(rows);
    let shown = visible(app, (if two { rows / 2 } else { rows }) / m);
    let nw = name_width(app);
    // The reason lines line up under the state, after the name (and letter).
    let indent = nw + if m > 1 { 2 } else { 0 };
    let mut out = Vec::new();
    let mut window: Option<View> = None;
    for (i, k) in shown.flat_map(|i| (0..m).map(move |k| (i, k))) {
        let side = &app.sides()[k];
        let sim = &side.sim;
        let now = sim.now();
        let cfg = &sim.world().services[i].patterns.circuit_breaker;
        let head = RowHead::of(app, i, k, nw);
        if !cfg.enabled {
            out.push(BreakerRow { head, on: None });
            continue;
        }
        let state = sim.breaker_state(i);
        let b = sim.breaker(i);
        let head_w = head.cells() + state_span(state, &Theme::plain()).width();
        // What the band leaves: at least a few marks stay.
        let room = width.saturating_sub(head_w + 2);
        let probe_in = b.probe_at(cfg).map(|t| t.saturating_sub(now));
        let timing = timing(state, now.saturating_sub(b.since()), probe_in, room);
        let used = head_w + Span::raw(format!("{timing:<10} ")).width();
        let band_w = width.saturating_sub(used);
        let (marks, v) = band(&side.history, app.window(), i, band_w);
        window.get_or_insert(v);
        let reason = if two {
            let text = match b.last_reason() {
                None => t!("breaker-no-transition"),
                Some(r) => r.msg().said(),
            };
            truncate_words(&text, width.saturating_sub(indent + 3))
        } else {
            String::new()
        };
        out.push(BreakerRow {
            head,
            on: Some(BreakerOn {
                state,
                timing,
                marks,
                reason,
            }),
        });
    }
    BreakerView {
        rows: out,
        two_lines: two,
        indent,
        window,
        paired: false,
    }
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let (width, rows) = inner_size(area);
    draw(&view(app, width, rows), theme, area, buf, focused);
}

/// Lays out and styles `v` in `area`.
pub fn draw(v: &BreakerView, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let block = panel_block(format!(" {} ", t!("panel-breaker")), focused, theme);
    let indent = v.indent;
    let mut lines = Vec::new();
    if v.paired {
        for pair in v.rows.chunks(2) {
            let mut spans = Vec::new();
            for (k, row) in pair.iter().enumerate() {
                let head = row.head.spans(theme);
                // A's name and letter; B's letter only.
                spans.extend(if k == 0 {
                    head
                } else {
                    head.into_iter().skip(1).collect()
                });
                spans.push(match &row.on {
                    Some(on) => state_span(on.state, theme),
                    None => styled(format!("· {:<9} ", t!("pattern-off")), theme.dim),
                });
            }
            lines.push(Line::from(spans));
        }
        return render_lines(lines, block, area, buf);
    }
    for row in &v.rows {
        let mut spans = row.head.spans(theme);
        let Some(on) = &row.on else {
            spans.push(styled(format!("· {}", t!("pattern-off")), theme.dim));
            lines.push(Line::from(spans));
            if v.two_lines {
                lines.push(Line::styled(
                    format!("  {:indent$} {}", "", t!("breaker-off-hint")),
                    theme.dim,
                ));
            }
            continue;
        };
        spans.push(state_span(on.state, theme));
        spans.push(styled(format!("{:<10} ", on.timing), theme.dim));
        for &m in &on.marks {
            let (c, state) = band_char(m);
            let style = state.map(|s| theme.breaker(s)).unwrap_or(theme.dim);
            spans.push(styled(c.to_string(), style));
        }
        lines.push(Line::from(spans));
        if v.two_lines {
            lines.push(Line::styled(
                format!("  {:indent$} {}", "", on.reason),
                theme.dim,
            ));
        }
    }
    let block = match &v.window {
        Some(w) => block.title_bottom(window_label(w, area.width as usize)),
        None => block,
    };
    render_lines(lines, block, area, buf);
}

#[cfg(test)]
mod tests {
    use super::super::testing::{head, line};
    use super::*;

    #[test]
    fn a_view_is_drawn_without_an_app() {
        let closed = Mark {
            worst: Some(BreakerState::Closed),
            half_open: false,
        };
        let open = Mark {
            worst: Some(BreakerState::Open),
            half_open: false,
        };
        let v = BreakerView {
            rows: vec![
                BreakerRow {
                    head: head("api", true),
                    on: Some(BreakerOn {
                        state: BreakerState::Open,
                        timing: "3s".into(),
                        marks: vec![closed, closed, open, open, open],
                        reason: "5 of 10 failed".into(),
                    }),
                },
                BreakerRow {
                    head: head("db", false),
                    on: None,
                },
            ],
            two_lines: true,
            indent: 4,
            window: None,
            paired: false,
        };
        let theme = Theme::dark();
        let area = Rect::new(0, 0, 40, 6);
        let mut buf = Buffer::empty(area);
        crate::i18n::scoped("en", || draw(&v, &theme, area, &mut buf, false));
        let first = line(&buf, 1);
        assert!(
            first.starts_with("│▸api  ○ OPEN      3s         ▁▁███"),
            "{first}"
        );
        assert!(
            line(&buf, 2).contains("5 of 10 failed"),
            "{}",
            line(&buf, 2)
        );
        assert!(
            line(&buf, 3).starts_with("│ db   · off"),
            "{}",
            line(&buf, 3)
        );
        assert!(
            line(&buf, 0).contains("Circuit Breaker"),
            "{}",
            line(&buf, 0)
        );
        // The state and the band's OPEN marks are in the OPEN style.
        let open_fg = theme.breaker(BreakerState::Open).fg;
        assert_eq!(buf[(7, 1)].fg, open_fg.unwrap_or_default());
        assert_eq!(buf[(32, 1)].fg, open_fg.unwrap_or_default());
        assert_ne!(buf[(31, 1)].fg, open_fg.unwrap_or_default());
    }
}
