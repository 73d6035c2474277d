//! The screen: the panel registry, the layout, and helpers the panels share.
//! Each panel lives in its own file and only reads the `App`; adding a panel
//! means a file, a `PanelId` variant (in `app`), and a line in `render_panel`.
//!
//! A panel computes apart from drawing: `view(app, …)` reads the model and
//! returns a plain value (texts already fitted to the width, numbers, and a
//! `Tone` for what each text is, never a colour or a reference to the `App`),
//! `draw(&view, theme, area, buf, …)` only lays it out and styles it, and
//! `render` is the two. So a panel's drawing is tested from a hand-built view.

pub mod banner;
pub mod breaker;
pub mod bulkhead;
pub mod events;
pub mod footer;
pub mod header;
pub mod help;
pub mod latency;
pub mod parameters;
pub mod pieces;
pub mod question;
pub mod retries;
pub mod throughput;
pub mod timeouts;
pub mod trace;
pub mod trace_menu;

#[cfg(test)]
pub use pieces::testing;
pub use pieces::{lines_of, piece, spans_of, Cells, Piece, Rows, Tone};

use super::app::{App, PanelId};
use super::history::{View, Window};
use super::theme::Theme;
use crate::t;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};
use ratatui::Frame;
use std::ops::Range;

/// The smallest screen the dashboard draws on; below it, it says so.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Draws the whole dashboard into a frame.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    render(area, frame.buffer_mut(), app, theme);
}

/// Draws the whole dashboard into a buffer (what `draw` and tests use).
/// Everything is said in the dashboard's own language.
pub fn render(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    crate::i18n::scoped(app.lang(), || render_all(area, buf, app, theme));
    theme.paint_base(area, buf);
}

fn render_all(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(area, buf, theme);
        return;
    }
    // Two lines when there is room, or when a comparison's labels need one.
    let header_h = if area.height >= 30 {
        2
    } else {
        header::lines_needed(app, area.width as usize)
    };
    let [head, body, foot] = Layout::vertical([
        Constraint::Length(header_h),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    header::render(app, theme, head, buf);
    footer::render(app, theme, foot, buf);
    if app.zoomed() {
        render_panel(app.focus(), app, theme, body, buf, true);
    } else {
        for (id, rect) in layout(body, app) {
            render_panel(id, app, theme, rect, buf, id == app.focus());
        }
    }
    trace::render(app, theme, body, buf);
    trace_menu::render(app, theme, body, buf);
    banner::render(app, theme, body, buf);
    question::render(app, theme, body, buf);
    if app.help_open() {
        help::render(app, theme, area, buf);
    }
}

/// The registry: which function draws which panel.
pub fn render_panel(
    id: PanelId,
    app: &App,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
    focused: bool,
) {
    let f = match id {
        PanelId::Breaker => breaker::render,
        PanelId::Retries => retries::render,
        PanelId::Timeouts => timeouts::render,
        PanelId::Bulkhead => bulkhead::render,
        PanelId::Latency => latency::render,
        PanelId::Throughput => throughput::render,
        PanelId::Parameters => parameters::render,
        PanelId::Events => events::render,
    };
    f(app, theme, area, buf, focused);
}

/// Where each panel goes: three columns on wide screens, two on narrow ones.
pub fn layout(body: Rect, app: &App) -> Vec<(PanelId, Rect)> {
    use Constraint::{Length, Min, Percentage};
    // In a comparison every service has a row per side.
    let sides = app.sides().len() as u16;
    let n = app.sim().world().services.len() as u16 * sides;
    let client = u16::from(app.sim().world().client.is_some()) * sides;
    let h = body.height;
    if body.width >= 110 && h >= 28 {
        let r1 = (2 * n + 2).clamp(5, h / 3);
        let r2 = (2 * n + 2 + client).max(9).min(h / 3 + 2);
        let [a, b, c] = Layout::vertical([Length(r1), Length(r2), Min(6)]).areas(body);
        let [a1, a2, a3] =
            Layout::horizontal([Percentage(42), Percentage(29), Percentage(29)]).areas(a);
        let [b1, b2, b3] =
            Layout::horizontal([Percentage(40), Percentage(35), Percentage(25)]).areas(b);
        let [c1, c2] = Layout::horizontal([Percentage(40), Percentage(60)]).areas(c);
        vec![
            (PanelId::Breaker, a1),
            (PanelId::Retries, a2),
            (PanelId::Timeouts, a3),
            (PanelId::Bulkhead, b1),
            (PanelId::Latency, b2),
            (PanelId::Throughput, b3),
            (PanelId::Parameters, c1),
            (PanelId::Events, c2),
        ]
    } else {
        let per = if h >= 34 { 2 * n } else { n };
        let r3 = 7;
        let spare = h.saturating_sub(r3 + 4) / 2;
        let r1 = (per + 2).min(spare).max(3);
        let r2 = (per + 2).min(spare).max(3);
        let [a, b, c, d] =
            Layout::vertical([Length(r1), Length(r2), Length(r3), Min(3)]).areas(body);
        let halves = |r: Rect| -> [Rect; 2] {
            Layout::horizontal([Percentage(50), Percentage(50)]).areas(r)
        };
        let [a1, a2] = halves(a);
        let [b1, b2] = halves(b);
        let [c1, c2] = halves(c);
        // A comparison's parameters have two value columns: half the width.
        let left = if app.comparing() { 50 } else { 45 };
        let [d1, d2] = Layout::horizontal([Percentage(left), Percentage(100 - left)]).areas(d);
        vec![
            (PanelId::Breaker, a1),
            (PanelId::Retries, a2),
            (PanelId::Bulkhead, b1),
            (PanelId::Timeouts, b2),
            (PanelId::Latency, c1),
            (PanelId::Throughput, c2),
            (PanelId::Parameters, d1),
            (PanelId::Events, d2),
        ]
    }
}

fn too_small(area: Rect, buf: &mut Buffer, theme: &Theme) {
    let lines = vec![
        Line::styled(
            t!("screen-enlarge", width = MIN_WIDTH, height = MIN_HEIGHT),
            theme.title,
        ),
        Line::styled(
            t!("screen-now", width = area.width, height = area.height),
            theme.dim,
        ),
        Line::styled(t!("screen-q-quits"), theme.dim),
    ];
    let y = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    let rect = Rect::new(area.x, y, area.width, area.height.min(3));
    Paragraph::new(lines)
        .alignment(ratatui::layout::Alignment::Center)
        .render(rect.intersection(area), buf);
}

// ---- helpers shared by the panels ------------------------------------------

/// The width and height inside a panel's frame in `area`: what its view is
/// computed for.
pub fn inner_size(area: Rect) -> (usize, usize) {
    let inner = panel_block("", false, &Theme::plain()).inner(area);
    (inner.width as usize, inner.height as usize)
}

/// A panel's frame; the focused one has a thick border (not only a colour).
pub fn panel_block<'a>(title: impl Into<Line<'a>>, focused: bool, theme: &Theme) -> Block<'a> {
    let block = Block::bordered().title(title.into().style(theme.title));
    if focused {
        block
            .border_type(BorderType::Thick)
            .border_style(theme.focus_border)
    } else {
        block.border_style(theme.border)
    }
}

pub use crate::base::time::clock;

pub use crate::base::units::{amount as num, count, millis, nanos as short_dur};

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// The window's name: `last 2:00`, `whole run`.
pub fn window_name(w: Window) -> String {
    match w.secs() {
        Some(s) => t!("window-last", span = short_dur(s * 1_000_000_000)),
        None => t!("window-whole"),
    }
}

/// What a time-series panel says of its window, for its bottom border:
/// `last 2:00 · 8.0s/mark` (the step when marks merge samples), shorter
/// forms when the panel is narrow (`2:00 · 8.0s/mark`, `8.0s/mark`);
/// right-aligned.
pub fn window_label(view: &View, width: usize) -> Line<'static> {
    let name = window_name(view.window);
    let step = t!("window-step", step = short_dur(view.step * 1_000_000_000));
    // The step goes last: a downsampled chart says so even when narrow.
    let span = short_dur(view.span());
    let mut options = Vec::new();
    if view.downsampled() {
        options.push(format!(" {name} · {step} "));
        if view.window.secs().is_some() {
            options.push(format!(" {span} · {step} "));
        }
        options.push(format!(" {step} "));
    } else {
        options.push(format!(" {name} "));
        options.push(format!(" {span} "));
    }
    let room = width.saturating_sub(4);
    let text = options
        .into_iter()
        .find(|o| o.chars().count() <= room)
        .unwrap_or_default();
    Line::from(text).right_aligned()
}

/// The most attempts per second any service made in the window, on any
/// side (at least 1): the one scale of the panels whose bars are a part of
/// the attempts (retries, attempts cut off).
pub fn attempts_peak(app: &App) -> f64 {
    let win = app.window();
    app.sides()
        .iter()
        .flat_map(|side| {
            (0..side.sim.world().services.len()).map(move |j| {
                side.history
                    .peak(win, 1.0, |s: &crate::tui::history::Sample| {
                        s.rate(s.services[j].attempts)
                    })
            })
        })
        .fold(1.0, f64::max)
}

/// A sparkline of a view's marks in `width` cells, scaled to `max` (the
/// natural maximum, or one scale shared by the panel): 0 draws the lowest
/// bar, anything above it at least the second, the maximum the full bar, so
/// 4 of 5 is not FULL and a trickle is visible next to a flood. A mark is
/// repeated across the cells it spans when there are fewer marks than
/// cells; no mark (before the run) is blank.
pub fn spark_view(values: &[Option<f64>], max: f64, width: usize) -> String {
    if width == 0 {
        return String::new();
    }
    let n = values.len().max(1);
    let r = (width / n).max(1);
    let vals = &values[values.len().saturating_sub(width / r)..];
    let mut s = " ".repeat(width - vals.len() * r);
    for v in vals {
        let c = match *v {
            None => ' ',
            Some(v) if v <= 0.0 || max <= 0.0 => BARS[0],
            Some(v) => BARS[((v / max) * 7.0).round().clamp(1.0, 7.0) as usize],
        };
        for _ in 0..r {
            s.push(c);
        }
    }
    s
}

/// A sparkline left for later: every row of a panel gets one width (and so
/// one step), the least room any row has, once all rows are laid out.
pub struct Deferred {
    /// The line, and the index among its spans, where it goes.
    pub line: usize,
    pub at: usize,
    /// The cells this row could give it.
    pub room: usize,
    pub side: usize,
    pub service: usize,
}

/// Draws the deferred sparklines at one shared width (none below 4 cells:
/// so few marks tell nothing over a window), padding each row's spare room
/// after it; returns the width used.
pub fn fill_sparks(
    lines: &mut [Vec<Piece>],
    deferred: &[Deferred],
    draw: impl Fn(&Deferred, usize) -> Piece,
) -> usize {
    let w = deferred.iter().map(|d| d.room).min().unwrap_or(0);
    let w = if w >= 4 { w } else { 0 };
    // From the last so that earlier indexes stay valid within a line.
    for d in deferred.iter().rev() {
        let Some(line) = lines.get_mut(d.line) else {
            continue;
        };
        let at = d.at.min(line.len());
        line.insert(at, piece(" ".repeat(d.room - w), Tone::Plain));
        if w > 0 {
            line.insert(at, draw(d, w));
        }
    }
    w
}

/// Fills the deferred sparklines with one rate per row, read from each
/// row's side over the shared window and drawn on the one scale `max`;
/// returns the first row's view (what the bottom border names), if any
/// sparkline was drawn.
pub fn fill_rate_sparks(
    app: &App,
    lines: &mut [Vec<Piece>],
    deferred: &[Deferred],
    (max, tone): (f64, Tone),
    rate: impl Fn(&crate::tui::history::Sample, usize) -> f64,
) -> Option<View> {
    let win = app.window();
    let view = |d: &Deferred, w: usize| app.sides()[d.side].history.view(win, w);
    let w = fill_sparks(lines, deferred, |d, w| {
        piece(
            spark_view(&view(d, w).values(|s| rate(s, d.service)), max, w),
            tone,
        )
    });
    match deferred.first() {
        Some(d) if w > 0 => Some(view(d, w)),
        _ => None,
    }
}

/// Whether a comparison's panel of `rows` rows cannot give every service a
/// row per side: then each service gets one row holding both ([`paired`]),
/// so no service is off screen.
pub fn pairs_needed(app: &App, rows: usize) -> bool {
    let n = app.sim().world().services.len();
    app.comparing() && rows < n * app.sides().len()
}

/// The rows a panel's view is asked for when it pairs: one per service and side.
pub fn rows_to_pair(app: &App) -> usize {
    app.sim().world().services.len() * app.sides().len()
}

/// One line per service from a comparison's lines (a head of name and
/// letter, then items; A's line, then B's): the name, A's letter and items,
/// B's letter and items, each side's items whole and dropped from the end
/// to fit half of what the name leaves.
pub fn paired(lines: Vec<Vec<Piece>>, width: usize) -> Vec<Vec<Piece>> {
    let mut out = Vec::new();
    let mut it = lines.into_iter().filter(|l| !l.is_empty());
    while let (Some(a), Some(b)) = (it.next(), it.next()) {
        let name_w = a.first().map_or(0, |p| p.cells());
        let half = width.saturating_sub(name_w) / 2;
        let mut row: Vec<Piece> = a.iter().take(1).cloned().collect();
        for side in [&a, &b] {
            let mut part: Vec<Piece> = side.iter().skip(1).take(1).cloned().collect();
            for p in side.iter().skip(2) {
                // One blank stays between A's items and B's letter.
                let room = half.saturating_sub(width_of(&part) + 1);
                if p.text.trim_end().chars().count() > room {
                    // The first item at least says something, cut by words.
                    if part.len() == 1 {
                        let text = truncate_words(p.text.trim_end(), room);
                        part.push(piece(format!("{text} "), p.tone));
                    }
                    break;
                }
                // Its trailing blanks only as far as the half allows.
                let keep = p.text.chars().count().min(room);
                part.push(piece(p.text.chars().take(keep).collect::<String>(), p.tone));
            }
            let used = width_of(&part);
            part.push(piece(" ".repeat(half.saturating_sub(used)), Tone::Plain));
            row.extend(part);
        }
        out.push(row);
    }
    out
}

/// Which services fit in `rows` rows, keeping the selected one in view.
pub fn visible(app: &App, rows: usize) -> Range<usize> {
    let n = app.sim().world().services.len();
    if rows >= n {
        return 0..n;
    }
    let rows = rows.max(1);
    let sel = app.selected_service();
    let start = sel.saturating_sub(rows - 1).min(n - rows);
    start..start + rows
}

/// The style of side `k` of a comparison (A, B).
pub fn side_style(theme: &Theme, k: usize) -> Style {
    if k == 0 {
        theme.side_a
    } else {
        theme.side_b
    }
}

/// Side `k`'s letter and a space, as a view's piece.
pub fn side_piece(app: &App, k: usize) -> Piece {
    let letter = app.sides().get(k).map(|s| s.letter()).unwrap_or("");
    piece(format!("{letter} "), Tone::Side(k))
}

/// The head of service `i`'s row for side `k`, as data: alone, its name
/// padded and marked when selected; in a comparison the name on A's row,
/// blank on B's, then the side's letter, so A and B of a service sit one
/// above the other. A panel's view carries it and is drawn without an `App`.
#[derive(Clone, Debug, PartialEq)]
pub struct RowHead {
    /// The service's name; `None` on B's row of a comparison (blank).
    pub name: Option<String>,
    pub selected: bool,
    /// The name column's width.
    pub width: usize,
    /// In a comparison, the side's index and letter.
    pub side: Option<(usize, &'static str)>,
}

impl RowHead {
    pub fn of(app: &App, i: usize, k: usize, width: usize) -> RowHead {
        let comparing = app.comparing();
        RowHead {
            name: (!comparing || k == 0).then(|| app.sim().world().services[i].name.clone()),
            selected: i == app.selected_service(),
            width,
            side: comparing.then(|| (k, app.sides().get(k).map(|s| s.letter()).unwrap_or(""))),
        }
    }

    /// The texts of its spans.
    fn texts(&self) -> Vec<String> {
        let width = self.width;
        let name = match &self.name {
            Some(name) => {
                let mark = if self.selected { "▸" } else { " " };
                format!("{mark}{:<width$} ", truncate(name, width))
            }
            None => " ".repeat(width + 2),
        };
        let mut texts = vec![name];
        if let Some((_, letter)) = self.side {
            texts.push(format!("{letter} "));
        }
        texts
    }

    /// Its width in cells.
    pub fn cells(&self) -> usize {
        self.texts().into_iter().map(|t| Span::raw(t).width()).sum()
    }

    pub fn spans(&self, theme: &Theme) -> Vec<Span<'static>> {
        spans_of(&self.pieces(), theme)
    }

    /// Its pieces: the name (bright when selected), then the side's letter.
    pub fn pieces(&self) -> Vec<Piece> {
        let mut texts = self.texts().into_iter();
        let name = texts.next().unwrap_or_default();
        let tone = match (&self.name, self.selected) {
            (None, _) => Tone::Plain,
            (Some(_), true) => Tone::Title,
            (Some(_), false) => Tone::Text,
        };
        let mut pieces = vec![piece(name, tone)];
        if let (Some((k, _)), Some(tag)) = (self.side, texts.next()) {
            pieces.push(piece(tag, Tone::Side(k)));
        }
        pieces
    }
}

/// B − A, signed, with `decimals` places: `Δ+0.40`, `Δ-12`.
pub fn delta(a: f64, b: f64, decimals: usize) -> String {
    let d = b - a;
    if d.abs() >= 1e4 {
        let sign = if d < 0.0 { "-" } else { "+" };
        format!("Δ{sign}{}", num(d.abs()))
    } else {
        let sign = if d < 0.0 { "-" } else { "+" };
        format!("Δ{sign}{}", crate::i18n::number(d.abs(), decimals))
    }
}

/// B − A of two spans in milliseconds, signed, whole with its unit: `Δ+12ms`.
pub fn delta_millis(a: f64, b: f64) -> String {
    let d = b - a;
    let sign = if d < 0.0 { "-" } else { "+" };
    format!("Δ{sign}{}", millis(d.abs()))
}

/// The width of the widest service name (capped), for aligned columns.
pub fn name_width(app: &App) -> usize {
    app.sim()
        .world()
        .services
        .iter()
        .map(|s| s.name.chars().count())
        .max()
        .unwrap_or(4)
        // `recommendations` whole: a name cut reads as another.
        .clamp(4, 16)
}

pub fn truncate(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// `s` shortened to `width` between words, ending in `…`, so no number
/// loses its tail (a single long word is cut, still with `…`).
pub fn truncate_words(s: &str, width: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= width {
        return s.to_string();
    }
    let mut keep = width.saturating_sub(1);
    // Back to the last space: a word is whole or gone, and `…` stands apart.
    if let Some(sp) = chars[..keep].iter().rposition(|c| *c == ' ') {
        keep = sp + 1;
    }
    let mut t: String = chars[..keep].iter().collect();
    t.push('…');
    t
}

/// The first of `options` that fits in `width` columns (the last, cut at
/// whole spans, if none does): how a title or a line drops whole items.
pub fn first_fitting<T: Cells>(options: Vec<Vec<T>>, width: usize) -> Vec<T> {
    let n = options.len();
    for (k, o) in options.into_iter().enumerate() {
        if width_of(&o) <= width || k + 1 == n {
            let mut o = o;
            while width_of(&o) > width && !o.is_empty() {
                o.pop();
            }
            return o;
        }
    }
    Vec::new()
}

/// Pushes `item` onto `spans` if it fits within `width` in all; returns
/// whether it did.
pub fn push_if_fits<T: Cells>(spans: &mut Vec<T>, item: Vec<T>, width: usize) -> bool {
    if width_of(spans) + width_of(&item) <= width {
        spans.extend(item);
        true
    } else {
        false
    }
}

/// The display width of some spans.
pub fn width_of<T: Cells>(spans: &[T]) -> usize {
    spans.iter().map(|s| s.cells()).sum()
}

/// Renders lines inside a panel block.
pub fn render_lines(lines: Vec<Line<'_>>, block: Block<'_>, area: Rect, buf: &mut Buffer) {
    Paragraph::new(lines).block(block).render(area, buf);
}

/// "· off", for a service whose pattern is off, as a view's piece.
pub fn off_piece() -> Piece {
    piece(format!("· {}", t!("pattern-off")), Tone::Dim)
}

/// A service whose pattern is off: its name and "· off", then blank lines so
/// that it takes as many rows as the services shown in full.
pub fn off_rows(lines: &mut Vec<Vec<Piece>>, mut head: Vec<Piece>, height: usize) {
    head.push(off_piece());
    lines.push(head);
    lines.extend((1..height).map(|_| Vec::new()));
}

pub fn styled(text: impl Into<String>, style: Style) -> Span<'static> {
    Span::styled(text.into(), style)
}

pub use crate::tui::fields::short_path;
