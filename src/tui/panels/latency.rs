//! Latency of the selected service's calls that reached it (arrival to
//! final answer, of the calls an attempt of which reached the downstream),
//! p50 and p99 over time: the instant answers of the breaker, a bulkhead and
//! the caller pool are left out, so a service failing slowly never reads
//! "0 ms" (reports have both: `latency_ms` and `latency_reached_ms`). The
//! title says so in words. The p99 line is always the upper one, so the two
//! can be told apart without colour; the title gives the current values.

use super::{
    delta_millis, first_fitting, millis, panel_block, side_style, styled, width_of, window_label,
};
use crate::t;
use crate::tui::app::App;
use crate::tui::history::{History, ServiceSample, View};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Paragraph, Widget};

/// The last p99 of service `i` (ms), over samples with calls finished
/// that reached it.
fn last_p99(h: &History, i: usize) -> Option<f64> {
    h.samples()
        .iter()
        .rev()
        .find(|s| s.services[i].reached > 0)
        .map(|s| s.services[i].p99_reached)
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
    let points = (area.width as usize).saturating_sub(8) * 2;
    let views: Vec<View> = app
        .sides()
        .iter()
        .map(|s| s.history.view(app.window(), points))
        .collect();
    let block = with_which(
        panel_block(Line::from(title), focused, theme),
        &views[0],
        area.width as usize,
        false,
    );
    let series: Vec<Vec<(f64, f64)>> = views
        .iter()
        .map(|v| points_of(v, i, |x| x.p99_reached))
        .collect();
    let all = || series.iter().flatten();
    if all().next().is_none() {
        Paragraph::new(Line::styled(t!("latency-waiting"), theme.dim))
            .block(block)
            .render(area, buf);
        return;
    }
    let [x0, x1] = x_bounds(&views[0]);
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
    let view = h.view(app.window(), points);
    let last = h
        .samples()
        .iter()
        .rev()
        .find(|s| s.services[i].reached > 0)
        .map(|s| (s.services[i].p50_reached, s.services[i].p99_reached));
    // p50 and p99 always whole, and always said of which calls: the panel's
    // name, then the service's, then the long words go first when the
    // title lacks room.
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
    let panel = t!("panel-latency", service = name.clone());
    let room = (area.width as usize).saturating_sub(2);
    let long = values(format!(" {panel} · {}: ", t!("latency-reached")));
    // Which calls: in the title when there is room, else at the bottom.
    let says = width_of(&long) <= room;
    let title = first_fitting(
        vec![
            long,
            values(format!(" {panel} ")),
            values(format!(" {name} ")),
            values(" ".into()),
        ],
        room,
    );
    let block = with_which(
        panel_block(Line::from(title), focused, theme),
        &view,
        area.width as usize,
        says,
    );
    if h.samples().is_empty() {
        Paragraph::new(Line::styled(t!("latency-waiting"), theme.dim))
            .block(block)
            .render(area, buf);
        return;
    }
    let p50 = points_of(&view, i, |x| x.p50_reached);
    let p99 = points_of(&view, i, |x| x.p99_reached);
    if p99.is_empty() {
        let none = t!("latency-none-reached", service = name);
        Paragraph::new(Line::styled(none, theme.dim))
            .block(block)
            .render(area, buf);
        return;
    }
    let [x0, x1] = x_bounds(&view);
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

/// The block's bottom: the window on the right and, unless the title
/// `says` it, which calls are measured on the left (before the window's
/// name: a shorter window label makes room for it).
fn with_which<'a>(block: Block<'a>, view: &View, width: usize, says: bool) -> Block<'a> {
    if says {
        return block.title_bottom(window_label(view, width));
    }
    let words = [t!("latency-reached"), t!("latency-reached-short")].map(|w| format!(" {w} "));
    // The whole window label with either words, else a shorter label.
    let full = window_label(view, width);
    let fit = words
        .iter()
        .find_map(|w| {
            let n = w.chars().count();
            (n + full.width() + 4 <= width).then(|| (w.clone(), full.clone()))
        })
        .or_else(|| {
            // Narrower: the most of the window's label (a series says its
            // window), then the longer word.
            words
                .iter()
                .filter_map(|w| {
                    let n = w.chars().count();
                    let label = window_label(view, width.saturating_sub(n));
                    (n + label.width() + 4 <= width).then(|| (w.clone(), label))
                })
                .max_by_key(|(w, label)| (label.width(), w.chars().count()))
        });
    let (w, label) = fit.unwrap_or_else(|| {
        let w = words[1].clone();
        let label = window_label(view, width.saturating_sub(w.chars().count()));
        (w, label)
    });
    block
        .title_bottom(Line::from(w).left_aligned())
        .title_bottom(label)
}

/// (end of the mark in seconds, `f`) of each mark where calls that reached
/// service `i` finished: a mark without them has no latency, not a zero.
fn points_of(view: &View, i: usize, f: impl Fn(&ServiceSample) -> f64) -> Vec<(f64, f64)> {
    view.marks
        .iter()
        .flatten()
        .filter(|m| m.services[i].reached > 0)
        .map(|m| (m.t as f64 / 1e9, f(&m.services[i])))
        .collect()
}

/// The chart's time axis: the whole window, even where the run has not
/// reached yet, so every chart covers the time its label says.
fn x_bounds(view: &View) -> [f64; 2] {
    let step = view.step as f64;
    // The end of the newest mark's slot: marks are aligned to the step.
    let end = (view.end as f64 / 1e9 / step).ceil().max(1.0) * step;
    let span = view.span() as f64 / 1e9;
    [end - span, end]
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
