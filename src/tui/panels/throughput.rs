//! Throughput of the selected service by final outcome, per second over time:
//! goodput against failures, timeouts, short-circuits and rejections. Each
//! line carries a symbol and a word besides its colour.

use super::{num, panel_block, render_lines, spark, styled};
use crate::base::outcome::Outcome;
use crate::tui::app::App;
use crate::tui::history::Sample;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// (symbol, word, outcomes counted) for each line.
const ROWS: &[(&str, &str, &[Outcome])] = &[
    ("✓", "ok", &[Outcome::Ok]),
    ("✗", "failed", &[Outcome::Failed]),
    ("⧗", "timed out", &[Outcome::TimedOut]),
    ("↯", "short-circ.", &[Outcome::ShortCircuited]),
    (
        "⊗",
        "rejected",
        &[Outcome::BulkheadRejected, Outcome::ClientRejected],
    ),
];

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let i = app.selected_service();
    let title = format!(" Throughput ({}) ", app.selected_service_name());
    let block = panel_block(title, focused, theme);
    let inner = block.inner(area);
    let h = app.history();
    let mut lines = Vec::new();
    for (sym, word, outcomes) in ROWS.iter().take(inner.height as usize) {
        let f = |s: &Sample| {
            let n: u64 = outcomes
                .iter()
                .map(|o| s.services[i].outcomes[o.index()])
                .sum();
            s.rate(n)
        };
        let series = h.series(inner.width as usize, f);
        let now = series.last().copied().unwrap_or(0.0);
        let style = theme.outcome(outcomes[0]);
        let head = format!("{sym} {word:<11} {:>5}/s ", num(now));
        let w = (inner.width as usize).saturating_sub(head.chars().count());
        let max = series.iter().copied().fold(1.0, f64::max);
        lines.push(Line::from(vec![
            styled(head, if now > 0.0 { style } else { theme.dim }),
            styled(spark(&series, max, w), style),
        ]));
    }
    render_lines(lines, block, area, buf);
}
