//! Latency of the selected service's calls that reached it (arrival to
//! final answer, of the calls an attempt of which reached the downstream),
//! p50 and p99 over time: the instant answers of the breaker, a bulkhead and
//! the caller pool are left out, so a service failing slowly never reads
//! "0 ms" (reports have both: `latency_ms` and `latency_reached_ms`). The
//! title says so in words. The p99 line is always the upper one, so the two
//! can be told apart without colour; the title gives the current values.

use super::{
    delta_millis, first_fitting, millis, panel_block, piece, spans_of, width_of, window_label,
    Piece, Tone,
};
use crate::t;
use crate::tui::app::App;
use crate::tui::history::{History, ServiceSample, View};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::text::Line;
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

/// What the panel shows, computed from the model: the title fitted to the
/// width, whether it says which calls are measured, the window, and the
/// series (or the line said in their place). Drawn by `draw`.
#[derive(Clone, Debug, PartialEq)]
pub struct LatencyView {
    pub title: Vec<Piece>,
    /// Whether the title says which calls are measured (else the bottom does).
    pub says: bool,
    /// The window the chart covers, for the bottom border.
    pub window: View,
    pub body: Body,
}

/// The chart, or a line in its place.
#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    /// No series to draw: why.
    Said(String),
    Chart {
        series: Vec<Series>,
        /// The time axis, in seconds.
        x: [f64; 2],
        /// The top of the milliseconds axis.
        ymax: f64,
    },
}

/// One line of the chart: (seconds, milliseconds) points.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: &'static str,
    /// Dots (B of a comparison) rather than a fine line, so the marker
    /// tells the series apart without colour.
    pub dots: bool,
    pub tone: Tone,
    pub points: Vec<(f64, f64)>,
}

/// In a comparison: p99 of A and B on one chart (A a fine line, B dots: the
/// marker tells them apart without colour), the values and Δ in the title.
fn view_compare(app: &App, width: usize) -> LatencyView {
    let i = app.selected_service();
    let name = app.selected_service_name().to_string();
    let mut title = vec![piece(
        format!(" {} p99 ", t!("panel-latency", service = name.clone())),
        Tone::Plain,
    )];
    let p = [
        last_p99(&app.sides()[0].history, i),
        last_p99(&app.sides()[1].history, i),
    ];
    for (k, v) in p.iter().enumerate() {
        title.push(piece(app.sides()[k].letter(), Tone::Side(k)));
        let v = v.map(millis).unwrap_or_else(|| "–".into());
        title.push(piece(format!(" {v} "), Tone::Plain));
    }
    if let [Some(a), Some(b)] = p {
        let d = vec![piece(format!("{} ", delta_millis(a, b)), Tone::Plain)];
        if width_of(&title) + width_of(&d) + 2 <= width {
            title.extend(d);
        }
    }
    // Too narrow for the values: the name goes first, then the title is plain.
    if width_of(&title) + 2 > width {
        title[0] = piece(format!(" {} p99 ", t!("panel-latency-plain")), Tone::Plain);
        if width_of(&title) + 2 > width {
            title.truncate(1);
        }
    }
    let points = width.saturating_sub(8) * 2;
    let mut views: Vec<View> = app
        .sides()
        .iter()
        .map(|s| s.history.view(app.window(), points))
        .collect();
    let series: Vec<Vec<(f64, f64)>> = views
        .iter()
        .map(|v| points_of(v, i, |x| x.p99_reached))
        .collect();
    let all = || series.iter().flatten();
    let body = if all().next().is_none() {
        Body::Said(t!("latency-waiting"))
    } else {
        let ymax = all().map(|p| p.1).fold(1.0, f64::max) * 1.1;
        let mut series = series.into_iter();
        let mut next = || series.next().unwrap_or_default();
        Body::Chart {
            x: x_bounds(&views[0]),
            ymax,
            series: vec![
                Series {
                    name: "A p99",
                    dots: false,
                    tone: Tone::Side(0),
                    points: next(),
                },
                Series {
                    name: "B p99",
                    dots: true,
                    tone: Tone::Side(1),
                    points: next(),
                },
            ],
        }
    };
    LatencyView {
        title,
        says: false,
        window: views.swap_remove(0),
        body,
    }
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let v = view(app, area.width as usize);
    draw(&v, theme, area, buf, focused);
}

/// The panel's view for a panel `width` cells wide (borders included).
pub fn view(app: &App, width: usize) -> LatencyView {
    if app.comparing() {
        return view_compare(app, width);
    }
    let i = app.selected_service();
    let name = app.selected_service_name().to_string();
    let h = app.history();
    let points = width.saturating_sub(8) * 2;
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
    let values = |head: String| -> Vec<Piece> {
        let mut v = vec![piece(head, Tone::Plain)];
        match last {
            Some((p50, p99)) => {
                v.push(piece(format!("p50 {}", millis(p50)), Tone::Ok));
                v.push(piece(" · ", Tone::Plain));
                v.push(piece(format!("p99 {} ", millis(p99)), Tone::Warn));
            }
            None => v.push(piece("p50 · p99 ", Tone::Plain)),
        }
        v
    };
    let panel = t!("panel-latency", service = name.clone());
    let room = width.saturating_sub(2);
    let long = values(format!(" {panel} · {}: ", t!("latency-reached")));
    // Which calls: in the title when there is room, else at the bottom.
    let says = width_of(&long) <= room;
    let title = first_fitting(
        vec![
            long,
            values(format!(" {panel} ")),
            // The panel keeps its name: the service gives way first.
            values(format!(" {} ", t!("panel-latency-plain"))),
            vec![piece(format!(" {panel} "), Tone::Plain)],
            vec![piece(
                format!(" {} ", t!("panel-latency-plain")),
                Tone::Plain,
            )],
        ],
        room,
    );
    let body = if h.samples().is_empty() {
        Body::Said(t!("latency-waiting"))
    } else {
        let p50 = points_of(&view, i, |x| x.p50_reached);
        let p99 = points_of(&view, i, |x| x.p99_reached);
        if p99.is_empty() {
            Body::Said(t!("latency-none-reached", service = name))
        } else {
            let ymax = p99.iter().map(|p| p.1).fold(1.0, f64::max) * 1.1;
            Body::Chart {
                x: x_bounds(&view),
                ymax,
                series: vec![
                    Series {
                        name: "p99",
                        dots: false,
                        tone: Tone::Warn,
                        points: p99,
                    },
                    Series {
                        name: "p50",
                        dots: false,
                        tone: Tone::Ok,
                        points: p50,
                    },
                ],
            }
        }
    };
    LatencyView {
        title,
        says,
        window: view,
        body,
    }
}

/// Lays out and styles `v` in `area`.
pub fn draw(v: &LatencyView, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let block = with_which(
        panel_block(Line::from(spans_of(&v.title, theme)), focused, theme),
        &v.window,
        area.width as usize,
        v.says,
    );
    match &v.body {
        Body::Said(text) => Paragraph::new(Line::styled(text.clone(), theme.dim))
            .block(block)
            .render(area, buf),
        Body::Chart { series, x, ymax } => {
            let datasets = series
                .iter()
                .map(|s| {
                    let (marker, kind) = if s.dots {
                        (Marker::Dot, GraphType::Scatter)
                    } else {
                        (Marker::Braille, GraphType::Line)
                    };
                    Dataset::default()
                        .name(s.name)
                        .marker(marker)
                        .graph_type(kind)
                        .style(s.tone.style(theme))
                        .data(&s.points)
                })
                .collect();
            chart(datasets, block, *x, *ymax, theme).render(area, buf);
        }
    }
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

#[cfg(test)]
mod tests {
    use super::super::testing::{line, two_minutes};
    use super::*;

    fn title() -> Vec<Piece> {
        vec![
            piece(" Latency · reached: ", Tone::Plain),
            piece("p50 12ms", Tone::Ok),
            piece(" · ", Tone::Plain),
            piece("p99 80ms ", Tone::Warn),
        ]
    }

    #[test]
    fn a_view_is_drawn_without_an_app() {
        let theme = Theme::dark();
        let area = Rect::new(0, 0, 48, 8);
        let v = LatencyView {
            title: title(),
            says: true,
            window: two_minutes(),
            body: Body::Chart {
                series: vec![Series {
                    name: "p99",
                    dots: false,
                    tone: Tone::Warn,
                    points: vec![(0.0, 80.0), (60.0, 80.0), (120.0, 80.0)],
                }],
                x: [0.0, 120.0],
                ymax: 88.0,
            },
        };
        let mut buf = Buffer::empty(area);
        crate::i18n::scoped("en", || draw(&v, &theme, area, &mut buf, false));
        let top = line(&buf, 0);
        assert!(
            top.starts_with("┌ Latency · reached: p50 12ms · p99 80ms"),
            "{top}"
        );
        // p50 is ok, p99 warns, in the title as on the chart.
        assert_eq!(buf[(22, 0)].fg, theme.ok.fg.unwrap_or_default());
        assert_eq!(buf[(33, 0)].fg, theme.warn.fg.unwrap_or_default());
        assert!(line(&buf, 1).contains("88ms"), "{}", line(&buf, 1));
        let warn = theme.warn.fg.unwrap_or_default();
        let drawn = (1..7).any(|y| (1..47).any(|x| buf[(x, y)].fg == warn));
        assert!(drawn, "no p99 line");
        let bottom = line(&buf, 7);
        assert!(bottom.contains("last 2:00"), "{bottom}");
        assert!(!bottom.contains("reached"), "the title says it: {bottom}");
    }

    #[test]
    fn without_series_the_reason_is_said_and_which_calls_at_the_bottom() {
        let theme = Theme::dark();
        let area = Rect::new(0, 0, 48, 5);
        let v = LatencyView {
            title: title(),
            says: false,
            window: two_minutes(),
            body: Body::Said("no call reached api yet".into()),
        };
        let mut buf = Buffer::empty(area);
        crate::i18n::scoped("en", || draw(&v, &theme, area, &mut buf, false));
        assert!(
            line(&buf, 1).starts_with("│no call reached api yet"),
            "{}",
            line(&buf, 1)
        );
        assert_eq!(buf[(1, 1)].fg, theme.dim.fg.unwrap_or_default());
        let bottom = line(&buf, 4);
        assert!(bottom.contains("last 2:00"), "{bottom}");
        assert!(bottom.starts_with("└ "), "{bottom}");
        assert!(
            bottom.len() > "└ ".len() && !bottom[4..6].contains('─'),
            "{bottom}"
        );
    }
}
