//! Latency of the selected service's calls (arrival to final answer), p50
//! and p99 over time. The p99 line is always the upper one, so the two can
//! be told apart without colour; the title gives the current values.

use super::{num, panel_block, styled};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph, Widget};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let i = app.selected_service();
    let name = app.selected_service_name().to_string();
    let h = app.history();
    let points = (area.width as usize).saturating_sub(8) * 2;
    let samples: Vec<_> = h.samples().last_n(points.max(2)).collect();
    let last = samples
        .iter()
        .rev()
        .find(|s| s.services[i].finished > 0)
        .map(|s| (s.services[i].p50, s.services[i].p99));
    let mut title = vec![Span::raw(format!(" Latency ({name}) "))];
    match last {
        Some((p50, p99)) => {
            title.push(styled(format!("p50 {}ms", num(p50)), theme.ok));
            title.push(Span::raw(" / "));
            title.push(styled(format!("p99 {}ms ", num(p99)), theme.warn));
        }
        None => title.push(Span::raw("p50 / p99 ")),
    }
    let block = panel_block(Line::from(title), focused, theme);
    if samples.is_empty() {
        Paragraph::new(Line::styled("waiting for the first second…", theme.dim))
            .block(block)
            .render(area, buf);
        return;
    }
    let secs = |t: u64| t as f64 / 1e9;
    let p50: Vec<(f64, f64)> = samples
        .iter()
        .filter(|s| s.services[i].finished > 0)
        .map(|s| (secs(s.t), s.services[i].p50))
        .collect();
    let p99: Vec<(f64, f64)> = samples
        .iter()
        .filter(|s| s.services[i].finished > 0)
        .map(|s| (secs(s.t), s.services[i].p99))
        .collect();
    let x0 = samples.first().map(|s| secs(s.t)).unwrap_or(0.0);
    let x1 = samples
        .last()
        .map(|s| secs(s.t))
        .unwrap_or(1.0)
        .max(x0 + 1.0);
    let ymax = p99.iter().map(|p| p.1).fold(1.0, f64::max) * 1.1;
    let datasets = vec![
        Dataset::default()
            .name("p99")
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.warn)
            .data(&p99),
        Dataset::default()
            .name("p50")
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.ok)
            .data(&p50),
    ];
    let chart = Chart::new(datasets)
        .block(block)
        .x_axis(Axis::default().bounds([x0, x1]).style(theme.dim))
        .y_axis(
            Axis::default()
                .bounds([0.0, ymax])
                .style(theme.dim)
                .labels(vec![Line::raw("0"), Line::raw(format!("{}ms", num(ymax)))]),
        );
    chart.render(area, buf);
}
