//! Throughput of the selected service by final outcome, per second over time:
//! goodput against failures, timeouts, short-circuits and rejections. Each
//! line carries a symbol and a word besides its colour.

use super::{
    delta, first_fitting, inner_size, num, piece, spark_view, width_of, Piece, Rows, Tone,
};
use crate::base::outcome::Outcome;
use crate::t;
use crate::tui::app::App;
use crate::tui::history::{Sample, View};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// (symbol, the word's message id, outcomes counted) for each line.
const ROWS: &[(&str, &str, &[Outcome])] = &[
    ("✓", "outcome-ok", &[Outcome::Ok]),
    ("✗", "outcome-failed", &[Outcome::Failed]),
    ("⧗", "outcome-timed-out", &[Outcome::TimedOut]),
    ("↯", "outcome-short-circuited", &[Outcome::ShortCircuited]),
    (
        "⊗",
        "outcome-rejected",
        &[Outcome::BulkheadRejected, Outcome::ClientRejected],
    ),
];

/// The rows' words in the current language, and the widest one's width.
fn words() -> (Vec<String>, usize) {
    let words: Vec<String> = ROWS.iter().map(|r| crate::i18n::tr(r.1, None)).collect();
    let w = words.iter().map(|w| w.chars().count()).max().unwrap_or(0);
    (words, w)
}

/// The rate of `outcomes` of service `i` in a sample.
fn rate(s: &Sample, i: usize, outcomes: &[Outcome]) -> f64 {
    s.rate(
        outcomes
            .iter()
            .map(|o| s.services[i].outcomes[o.index()])
            .sum(),
    )
}

/// `Throughput (user) · calls/s`: the rows are calls by final outcome
/// (`⧗` calls that ended timed out, not the attempts the Timeout panel
/// counts); when room is short the unit goes first, then the service.
fn title(app: &App, width: usize) -> Vec<Piece> {
    let name = t!("panel-throughput", service = app.selected_service_name());
    first_fitting(
        vec![
            vec![piece(
                format!(" {name} · {} ", t!("throughput-unit")),
                Tone::Plain,
            )],
            // The service's name stays before the unit does.
            vec![piece(format!(" {name} "), Tone::Plain)],
            vec![piece(
                format!(
                    " {} · {} ",
                    t!("panel-throughput-plain"),
                    t!("throughput-unit")
                ),
                Tone::Plain,
            )],
        ],
        width,
    )
}

/// What the panel shows, computed from the model: the title fitted to the
/// width, per outcome a row of pieces (symbol and word, the rate, the
/// sparkline; in a comparison A's rate, B's and Δ), and the window of the
/// sparklines. Drawn by `draw`.
pub type ThroughputView = Rows;

/// In a comparison: per outcome A's rate per second, B's, and Δ (B − A).
fn view_compare(app: &App, width: usize, rows: usize) -> ThroughputView {
    let i = app.selected_service();
    let mut lines = Vec::new();
    let (words, ww) = words();
    for ((sym, _, outcomes), word) in ROWS.iter().zip(&words).take(rows) {
        let now: Vec<f64> = app
            .sides()
            .iter()
            .map(|s| {
                s.history
                    .samples()
                    .last_n(1)
                    .map(|x| rate(x, i, outcomes))
                    .sum()
            })
            .collect();
        let style = Tone::Outcome(outcomes[0]);
        let active = now.iter().any(|&x| x > 0.0);
        // Narrow: the symbol alone (the help's legend names it).
        let head = if width >= 25 + ww {
            format!("{sym} {word:<ww$}")
        } else {
            sym.to_string()
        };
        let mut spans = vec![piece(head, if active { style } else { Tone::Dim })];
        for (k, v) in now.iter().enumerate() {
            spans.push(piece(
                format!(" {}", app.sides()[k].letter()),
                Tone::Side(k),
            ));
            spans.push(piece(format!("{:>6}", num(*v)), Tone::Plain));
        }
        let d = vec![piece(format!(" {}", delta(now[0], now[1], 1)), Tone::Text)];
        if width_of(&spans) + width_of(&d) <= width {
            spans.extend(d);
        }
        lines.push(spans);
    }
    Rows {
        title: title(app, width),
        lines,
        window: None,
    }
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let (width, rows) = inner_size(area);
    draw(&view(app, width, rows), theme, area, buf, focused);
}

/// Lays out and styles `v` in `area`.
pub fn draw(v: &ThroughputView, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    v.draw(theme, area, buf, focused);
}

/// The panel's view for an inner area of `width` × `rows` cells.
pub fn view(app: &App, width: usize, rows: usize) -> ThroughputView {
    if app.comparing() {
        return view_compare(app, width, rows);
    }
    let i = app.selected_service();
    let h = app.history();
    let mut lines = Vec::new();
    let (words, ww) = words();
    // One scale for every row: the most calls per second that ended in the
    // window, so one failure in a quiet second is a low bar beside them.
    let win = app.window();
    let finals = |s: &Sample| s.rate(s.services[i].outcomes.iter().sum());
    let max = h.peak(win, 1.0, finals);
    let mut label: Option<View> = None;
    for ((sym, _, outcomes), word) in ROWS.iter().zip(&words).take(rows) {
        let f = |s: &Sample| rate(s, i, outcomes);
        let now = h.now(f);
        let style = Tone::Outcome(outcomes[0]);
        let head = format!("{sym} {word:<ww$} {:>5}/s ", num(now));
        let w = width.saturating_sub(head.chars().count());
        let view = h.view(win, w);
        let bar = spark_view(&view.values(f), max, w);
        label.get_or_insert(view);
        lines.push(vec![
            piece(head, if now > 0.0 { style } else { Tone::Dim }),
            piece(bar, style),
        ]);
    }
    Rows {
        title: title(app, width),
        lines,
        window: label,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{line, two_minutes};
    use super::*;

    #[test]
    fn a_view_is_drawn_without_an_app() {
        let ok = Tone::Outcome(Outcome::Ok);
        let failed = Tone::Outcome(Outcome::Failed);
        let v = ThroughputView {
            title: vec![piece(" Throughput · calls/s ", Tone::Plain)],
            lines: vec![
                vec![piece("✓ ok        50.0/s ", ok), piece("▃▅█", ok)],
                vec![
                    piece("✗ failed     0.0/s ", Tone::Dim),
                    piece("▁▁▁", failed),
                ],
            ],
            window: Some(two_minutes()),
        };
        let theme = Theme::dark();
        let area = Rect::new(0, 0, 40, 4);
        let mut buf = Buffer::empty(area);
        crate::i18n::scoped("en", || draw(&v, &theme, area, &mut buf, false));
        assert!(
            line(&buf, 0).starts_with("┌ Throughput · calls/s ─"),
            "{}",
            line(&buf, 0)
        );
        let row = line(&buf, 1);
        assert!(row.starts_with("│✓ ok        50.0/s ▃▅█"), "{row}");
        assert!(
            line(&buf, 2).starts_with("│✗ failed     0.0/s ▁▁▁"),
            "{}",
            line(&buf, 2)
        );
        // An outcome that happens is in its colour; one that does not is dim,
        // its bars still in its colour.
        let ok_fg = theme.outcome(Outcome::Ok).fg.unwrap_or_default();
        assert_eq!(buf[(1, 1)].fg, ok_fg);
        assert_eq!(buf[(21, 1)].fg, ok_fg);
        assert_eq!(buf[(1, 2)].fg, theme.dim.fg.unwrap_or_default());
        let failed_fg = theme.outcome(Outcome::Failed).fg.unwrap_or_default();
        assert_eq!(buf[(21, 2)].fg, failed_fg);
        assert!(line(&buf, 3).contains("last 2:00"), "{}", line(&buf, 3));
    }
}
