//! Latency of the selected service's calls (arrival to final answer), p50
//! and p99 over time. The p99 line is always the upper one, so the two can
//! be told apart without colour; the title gives the current values.

use super::{delta_millis, first_fitting, millis, panel_block, side_style, styled, width_of};
use crate::t;
use crate::tui::app::App;
use crate::tui::history::History;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Paragraph, Widget};

/// The last p99 of service `i` (ms), over samples with finished calls.
fn last_p99(h: &History, i: usize) -> Option<f64> {
    h.samples()
        .iter()
        .rev()
        .find(|s| s.services[i].finished > 0)
        .map(|s| s.services[i].p99)
}

/// In a comparison: p99 of A and B on one chart (A a fine line, B dots: the
/// marker tells them apart without colour), the values and Δ in the title.
fn render_compare(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let i = app.selected_service();
    let name = app.selected_service_name().to_string();
    let mut title = vec![Span::raw(format!(
        " {} p99 ",
        t!("panel-latency", service = name.clone())
    ))];
    let p = [
        last_p99(&app.sides()[0].history, i),
        last_p99(&app.sides()[1].history, i),
    ];
    for (k, v) in p.iter().enumerate() {
        title.push(styled(app.sides()[k].letter(), side_style(theme, k)));
        let v = v.map(millis).unwrap_or_else(|| "–".into());
        title.push(Span::raw(format!(" {v} ")));
    }
    if let [Some(a), Some(b)] = p {
        let d = Span::raw(format!("{} ", delta_millis(a, b)));
        if width_of(&title) + d.width() + 2 <= area.width as usize {
            title.push(d);
        }
    }
    // Too narrow for the values: the name goes first, then the title is plain.
    if width_of(&title) + 2 > area.width as usize {
        title[0] = Span::raw(format!(" {} p99 ", t!("panel-latency-plain")));
        if width_of(&title) + 2 > area.width as usize {
            title.truncate(1);
        }
    }
    let block = panel_block(Line::from(title), focused, theme);
    let points = (area.width as usize).saturating_sub(8) * 2;
    let secs = |t: u64| t as f64 / 1e9;
    let series: Vec<Vec<(f64, f64)>> = app
        .sides()
        .iter()
        .map(|s| {
            s.history
                .samples()
                .last_n(points.max(2))
                .filter(|x| x.services[i].finished > 0)
                .map(|x| (secs(x.t), x.services[i].p99))
                .collect()
        })
        .collect();
    let all = || series.iter().flatten();
    if all().next().is_none() {
        Paragraph::new(Line::styled(t!("latency-waiting"), theme.dim))
            .block(block)
            .render(area, buf);
        return;
    }
    let x0 = all().map(|p| p.0).fold(f64::INFINITY, f64::min);
    let x1 = all().map(|p| p.0).fold(x0 + 1.0, f64::max);
    let ymax = all().map(|p| p.1).fold(1.0, f64::max) * 1.1;
    let datasets = vec![
        Dataset::default()
            .name("A p99")
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.side_a)
            .data(&series[0]),
        Dataset::default()
            .name("B p99")
            .marker(Marker::Dot)
            .graph_type(GraphType::Scatter)
            .style(theme.side_b)
            .data(&series[1]),
    ];
    chart(datasets, block, [x0, x1], ymax, theme).render(area, buf);
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    if app.comparing() {
        return render_compare(app, theme, area, buf, focused);
    }
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
    // p50 and p99 always whole: the panel's name, then the service's, go
    // first when the title lacks room.
    let values = |head: String| -> Vec<Span<'static>> {
        let mut v = vec![Span::raw(head)];
        match last {
            Some((p50, p99)) => {
                v.push(styled(format!("p50 {}", millis(p50)), theme.ok));
                v.push(Span::raw(" · "));
                v.push(styled(format!("p99 {} ", millis(p99)), theme.warn));
            }
            None => v.push(Span::raw("p50 · p99 ")),
        }
        v
    };
    let title = first_fitting(
        vec![
            values(format!(" {} ", t!("panel-latency", service = name.clone()))),
            values(format!(" {name} ")),
            values(" ".into()),
        ],
        (area.width as usize).saturating_sub(2),
    );
    let block = panel_block(Line::from(title), focused, theme);
    if samples.is_empty() {
        Paragraph::new(Line::styled(t!("latency-waiting"), theme.dim))
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
    chart(datasets, block, [x0, x1], ymax, theme).render(area, buf);
}

/// The chart both forms draw: time across, milliseconds up from 0 to `ymax`.
fn chart<'a>(
    datasets: Vec<Dataset<'a>>,
    block: Block<'a>,
    x: [f64; 2],
    ymax: f64,
    theme: &Theme,
) -> Chart<'a> {
    Chart::new(datasets)
        .block(block)
        .x_axis(Axis::default().bounds(x).style(theme.dim))
        .y_axis(
            Axis::default()
                .bounds([0.0, ymax])
                .style(theme.dim)
                .labels(vec![Line::raw("0"), Line::raw(millis(ymax))]),
        )
}
