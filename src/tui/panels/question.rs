//! Predict mode on screen: the question while the class answers it (before
//! the run does), then the reveal — the class's prediction beside the run's
//! answer, right or wrong, and why — and at the end the summary of every
//! question. A band across the middle of the screen like the banner's, big
//! enough for the back row; every text wraps whole, never cut.

use crate::base::wrap::wrap;
use crate::tui::app::{App, QuestionView};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

/// What the band shows, computed from the model (texts in the dashboard's
/// language, already wrapped to the band's inner width). Drawn by `draw`.
#[derive(Clone, Debug, PartialEq)]
pub struct BandView {
    pub title: String,
    /// Each line and what it is.
    pub lines: Vec<(String, Tone)>,
}

/// What a line of the band is, so `draw` styles it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Question,
    Plain,
    Hint,
    Typed,
    Bad,
    Right,
    Wrong,
}

/// The band's inner width on an area `width` cells wide.
fn inner_width(width: u16) -> usize {
    width.saturating_sub(2 + 2 + 2) as usize
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if let Some(v) = view(app, area.width) {
        draw(&v, theme, area, buf);
    }
}

/// The band's view, if predict mode shows something.
pub fn view(app: &App, width: u16) -> Option<BandView> {
    let w = inner_width(width).max(10);
    if let Some(lines) = app.predict_summary() {
        let mut out = Vec::new();
        for (text, right) in lines {
            let tone = match right {
                Some(true) => Tone::Right,
                Some(false) => Tone::Wrong,
                None => Tone::Plain,
            };
            out.extend(wrap(&text, w).into_iter().map(|l| (l, tone)));
        }
        let title = crate::t!("predict-summary-title");
        return Some(BandView { title, lines: out });
    }
    app.question_view().map(|q| of_question(&q, w))
}

fn of_question(q: &QuestionView, w: usize) -> BandView {
    let mut lines: Vec<(String, Tone)> = Vec::new();
    let mut push = |text: &str, tone: Tone| {
        if text.is_empty() {
            lines.push((String::new(), tone));
        }
        lines.extend(wrap(text, w).into_iter().map(|l| (l, tone)));
    };
    push(&q.text, Tone::Question);
    for c in &q.choices {
        push(c, Tone::Plain);
    }
    if let Some(typed) = &q.typed {
        push("", Tone::Plain);
        push(&q.hint, Tone::Hint);
        push(&format!("› {typed}▏"), Tone::Typed);
        if let Some(e) = &q.error {
            push(e, Tone::Bad);
        }
    }
    if let Some((said, right)) = &q.outcome {
        push("", Tone::Plain);
        let tone = match right {
            Some(true) => Tone::Right,
            Some(false) => Tone::Wrong,
            None => Tone::Plain,
        };
        push(said, tone);
        if !q.explain.is_empty() {
            push("", Tone::Plain);
            push(&q.explain, Tone::Plain);
        }
    }
    BandView {
        title: q.title.clone(),
        lines,
    }
}

/// Lays out and styles `v` as a band in the middle of `area`; the lines a
/// band cannot hold are left out from the end, and the last row says so.
pub fn draw(v: &BandView, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let style = |t: Tone| -> Style {
        match t {
            Tone::Question => theme.title,
            Tone::Plain => theme.text,
            Tone::Hint => theme.dim,
            Tone::Typed => theme.key,
            Tone::Bad | Tone::Wrong => theme.bad,
            Tone::Right => theme.ok,
        }
    };
    let room = area.height.saturating_sub(2) as usize;
    let mut shown: Vec<Line> = v
        .lines
        .iter()
        .map(|(l, t)| Line::from(Span::styled(format!(" {l}"), style(*t))))
        .collect();
    if shown.len() > room && room > 0 {
        shown.truncate(room - 1);
        shown.push(Line::styled(" …", theme.dim));
    }
    let h = (shown.len() as u16 + 2).min(area.height);
    let rect = Rect::new(
        area.x + 1,
        area.y + (area.height - h) / 2,
        area.width.saturating_sub(2),
        h,
    );
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(theme.focus_border)
        .title(Line::styled(format!(" {} ", v.title), theme.title));
    Clear.render(rect, buf);
    Paragraph::new(shown).block(block).render(rect, buf);
}

#[cfg(test)]
mod tests {
    use super::super::testing::line;
    use super::*;

    #[test]
    fn a_band_is_drawn_whole_in_the_middle_and_cut_with_an_ellipsis() {
        let v = BandView {
            title: "1:00 · question 1 of 2".into(),
            lines: vec![
                ("How many?".into(), Tone::Question),
                ("› 400▏".into(), Tone::Typed),
            ],
        };
        let theme = Theme::dark();
        let area = Rect::new(0, 0, 40, 10);
        let mut buf = Buffer::empty(area);
        draw(&v, &theme, area, &mut buf);
        // Four rows in the middle of ten: rows 3 to 6.
        assert!(
            line(&buf, 3).contains("1:00 · question 1 of 2"),
            "{}",
            line(&buf, 3)
        );
        assert!(line(&buf, 4).contains("How many?"));
        assert!(line(&buf, 5).contains("› 400▏"));
        let small = Rect::new(0, 0, 40, 4);
        let mut buf = Buffer::empty(small);
        let many = BandView {
            title: "t".into(),
            lines: (0..5).map(|i| (format!("line {i}"), Tone::Plain)).collect(),
        };
        draw(&many, &theme, small, &mut buf);
        assert!(line(&buf, 1).contains("line 0"));
        assert!(line(&buf, 2).contains("…"), "{}", line(&buf, 2));
    }
}
