//! The pieces a panel's view is made of: a text already fitted and its
//! `Tone` (what it is; the theme says how it looks), and the drawing of a
//! panel whose view is its lines.

use super::{panel_block, render_lines, side_style, window_label};
use crate::tui::history::View;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// What a piece of a panel's text is, for its style: a view says which,
/// the theme says how, so a view holds no colours and a test can build one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// No style of its own (the panel's).
    Plain,
    Text,
    Dim,
    Title,
    Ok,
    Warn,
    Bad,
    /// Side `k` of a comparison (A, B).
    Side(usize),
    /// The colour of an outcome.
    Outcome(crate::base::outcome::Outcome),
    /// The colour of a breaker's state.
    Breaker(crate::patterns::circuit_breaker::BreakerState),
    Accent,
    Key,
    /// What ←/→ act on.
    Selected,
    Recording,
}

impl Tone {
    pub fn style(self, theme: &Theme) -> Style {
        match self {
            Tone::Plain => Style::default(),
            Tone::Text => theme.text,
            Tone::Dim => theme.dim,
            Tone::Title => theme.title,
            Tone::Ok => theme.ok,
            Tone::Warn => theme.warn,
            Tone::Bad => theme.bad,
            Tone::Side(k) => side_style(theme, k),
            Tone::Outcome(o) => theme.outcome(o),
            Tone::Breaker(b) => theme.breaker(b),
            Tone::Accent => theme.accent,
            Tone::Key => theme.key,
            Tone::Selected => theme.selected,
            Tone::Recording => theme.recording,
        }
    }
}

/// A text already fitted and what it is: one span of a view's line.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    pub text: String,
    pub tone: Tone,
}

pub fn piece(text: impl Into<String>, tone: Tone) -> Piece {
    Piece {
        text: text.into(),
        tone,
    }
}

/// The spans that draw `pieces` in `theme`.
pub fn spans_of(pieces: &[Piece], theme: &Theme) -> Vec<Span<'static>> {
    pieces
        .iter()
        .map(|p| Span::styled(p.text.clone(), p.tone.style(theme)))
        .collect()
}

/// The lines that draw `rows` in `theme`.
pub fn lines_of(rows: &[Vec<Piece>], theme: &Theme) -> Vec<Line<'static>> {
    rows.iter()
        .map(|r| Line::from(spans_of(r, theme)))
        .collect()
}

/// Something with a width in cells: a span, or a view's piece.
pub trait Cells {
    fn cells(&self) -> usize;
}

impl Cells for Span<'_> {
    fn cells(&self) -> usize {
        self.width()
    }
}

impl Cells for Piece {
    fn cells(&self) -> usize {
        Span::raw(self.text.as_str()).width()
    }
}

/// The view of a panel that is its lines: the title and the lines, fitted,
/// and the window the sparklines show (for the bottom border).
#[derive(Clone, Debug, PartialEq)]
pub struct Rows {
    pub title: Vec<Piece>,
    pub lines: Vec<Vec<Piece>>,
    pub window: Option<View>,
}

impl Rows {
    /// Lays out and styles the rows in `area`: the block with its title,
    /// the lines, the window on the bottom border.
    pub fn draw(&self, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
        let block = panel_block(Line::from(spans_of(&self.title, theme)), focused, theme);
        let block = match &self.window {
            Some(w) => block.title_bottom(window_label(w, area.width as usize)),
            None => block,
        };
        render_lines(lines_of(&self.lines, theme), block, area, buf);
    }
}

/// What the panels' tests share: drawing a hand-built view and reading it.
#[cfg(test)]
pub mod testing {
    use super::super::RowHead;
    use crate::tui::history::{View, Window};
    use ratatui::buffer::Buffer;

    /// Row `y` of `buf` as text.
    pub fn line(buf: &Buffer, y: u16) -> String {
        (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect()
    }

    /// The head of a row of service `name` alone (no comparison).
    pub fn head(name: &str, selected: bool) -> RowHead {
        RowHead {
            name: Some(name.into()),
            selected,
            width: 4,
            side: None,
        }
    }

    /// A window of the last two minutes, a mark a second, nothing in it.
    pub fn two_minutes() -> View {
        View {
            window: Window::Min2,
            marks: vec![None; 120],
            step: 1,
            end: 0,
        }
    }
}
