//! Throughput of the selected service by final outcome, per second over time:
//! goodput against failures, timeouts, short-circuits and rejections. Each
//! line carries a symbol and a word besides its colour.

use super::{
    delta, first_fitting, num, panel_block, render_lines, side_style, spark_view, styled, width_of,
    window_label,
};
use crate::base::outcome::Outcome;
use crate::t;
use crate::tui::app::App;
use crate::tui::history::{Sample, View};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

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
/// counts); the unit goes first when room is short.
fn title(app: &App, area: Rect) -> Line<'static> {
    let name = t!("panel-throughput", service = app.selected_service_name());
    Line::from(first_fitting(
        vec![
            vec![Span::raw(format!(" {name} · {} ", t!("throughput-unit")))],
            vec![Span::raw(format!(
                " {} · {} ",
                t!("panel-throughput-plain"),
                t!("throughput-unit")
            ))],
            vec![Span::raw(format!(" {name} "))],
        ],
        (area.width as usize).saturating_sub(2),
    ))
}

/// In a comparison: per outcome A's rate per second, B's, and Δ (B − A).
fn render_compare(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let i = app.selected_service();
    let block = panel_block(title(app, area), focused, theme);
    let inner = block.inner(area);
    let width = inner.width as usize;
    let mut lines = Vec::new();
    let (words, ww) = words();
    for ((sym, _, outcomes), word) in ROWS.iter().zip(&words).take(inner.height as usize) {
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
        let style = theme.outcome(outcomes[0]);
        let active = now.iter().any(|&x| x > 0.0);
        // Narrow: the symbol alone (the help's legend names it).
        let head = if width >= 25 + ww {
            format!("{sym} {word:<ww$}")
        } else {
            sym.to_string()
        };
        let mut spans = vec![styled(head, if active { style } else { theme.dim })];
        for (k, v) in now.iter().enumerate() {
            spans.push(styled(
                format!(" {}", app.sides()[k].letter()),
                side_style(theme, k),
            ));
            spans.push(Span::raw(format!("{:>6}", num(*v))));
        }
        let d = styled(format!(" {}", delta(now[0], now[1], 1)), theme.text);
        if width_of(&spans) + d.width() <= width {
            spans.push(d);
        }
        lines.push(Line::from(spans));
    }
    render_lines(lines, block, area, buf);
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    if app.comparing() {
        return render_compare(app, theme, area, buf, focused);
    }
    let i = app.selected_service();
    let block = panel_block(title(app, area), focused, theme);
    let inner = block.inner(area);
    let h = app.history();
    let mut lines = Vec::new();
    let (words, ww) = words();
    // One scale for every row: the most calls per second that ended in the
    // window, so one failure in a quiet second is a low bar beside them.
    let win = app.window();
    let finals = |s: &Sample| s.rate(s.services[i].outcomes.iter().sum());
    let max = h.peak(win, 1.0, finals);
    let mut label: Option<View> = None;
    for ((sym, _, outcomes), word) in ROWS.iter().zip(&words).take(inner.height as usize) {
        let f = |s: &Sample| rate(s, i, outcomes);
        let now = h.now(f);
        let style = theme.outcome(outcomes[0]);
        let head = format!("{sym} {word:<ww$} {:>5}/s ", num(now));
        let w = (inner.width as usize).saturating_sub(head.chars().count());
        let view = h.view(win, w);
        let bar = spark_view(&view.values(f), max, w);
        label.get_or_insert(view);
        lines.push(Line::from(vec![
            styled(head, if now > 0.0 { style } else { theme.dim }),
            styled(bar, style),
        ]));
    }
    let block = match &label {
        Some(v) => block.title_bottom(window_label(v, area.width as usize)),
        None => block,
    };
    render_lines(lines, block, area, buf);
}
