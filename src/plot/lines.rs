//! The line panels: one measure per panel, one line per service (the
//! service's colour), side A solid and side B dashed on the same axes.
//! A point without a value (no call finished: no latency) leaves a gap.

use super::draw::{err, font, Area, Frame, Rect};
use super::figure::Figure;
use super::series::Point;
use super::style::{self, Scale};
use super::text;
use crate::base::maths;
use crate::base::time::{SimTime, NANOS_PER_SEC};
use crate::scenario::variants::Side;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// What a line panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    Retries,
    /// Bulkhead slots in use, % of capacity (and the caller pool's threads).
    Pool,
    Timeouts,
    Fallbacks,
    /// Ok calls per second (fallbacks excluded).
    Goodput,
    /// p99 (thick) and p50 (thin), ms.
    Latency,
    /// A pattern's own counter (`Counts::extra` index), per second.
    Counter(usize),
}

/// One line: a service's value, or the caller pool's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Service(usize),
    /// p50, for the latency panel's thin line.
    Median(usize),
    Client,
}

impl Measure {
    pub fn words(self) -> (String, String) {
        match self {
            Measure::Retries => (text::panel_retries(), text::unit_per_second()),
            Measure::Pool => (text::panel_pool(), text::unit_pool()),
            Measure::Timeouts => (text::panel_timeouts(), text::unit_per_second()),
            Measure::Fallbacks => (text::panel_fallbacks(), text::unit_per_second()),
            Measure::Goodput => (text::panel_goodput(), text::unit_goodput()),
            Measure::Latency => (text::panel_latency(), text::unit_latency()),
            Measure::Counter(k) => {
                let (_, c) = crate::patterns::registry::counters()
                    .nth(k)
                    .expect("a counter the registry declares");
                (crate::i18n::tr(c.label, None), text::unit_per_second())
            }
        }
    }

    /// The lines of this measure for `n` services (with or without a caller pool).
    pub fn sources(self, n: usize, client: bool) -> Vec<Source> {
        let mut v: Vec<Source> = (0..n).map(Source::Service).collect();
        match self {
            Measure::Latency => v.extend((0..n).map(Source::Median)),
            Measure::Pool if client => v.push(Source::Client),
            _ => {}
        }
        v
    }

    /// The value drawn for `src` at point `p`; `None` leaves a gap.
    pub fn value(self, p: &Point, src: Source) -> Option<f64> {
        let sp = |i: usize| p.services.get(i);
        match (self, src) {
            (Measure::Pool, Source::Client) => p.client.map(|u| u * 100.0),
            (_, Source::Client) => None,
            (Measure::Latency, Source::Median(i)) => sp(i)?.p50(),
            (_, Source::Median(_)) => None,
            (m, Source::Service(i)) => {
                let s = sp(i)?;
                match m {
                    Measure::Retries => Some(p.rate(s.retries)),
                    Measure::Pool => s.pool.map(|u| u * 100.0),
                    Measure::Timeouts => Some(p.rate(s.attempt_timeouts)),
                    Measure::Fallbacks => Some(p.rate(s.fallbacks)),
                    Measure::Goodput => Some(p.rate(s.ok)),
                    Measure::Latency => s.p99,
                    Measure::Counter(k) => Some(p.rate(s.extra[k])),
                }
            }
        }
    }
}

fn secs(t: SimTime) -> f64 {
    t as f64 / NANOS_PER_SEC as f64
}

/// The values an axis of `0 ..= top` labels: `top` cut into as many equal
/// steps as fit in `max_labels` labels whose size is a round number (1, 2,
/// 2.5, 3, 4 or 5 times a power of ten), or just 0 and `top`.
pub fn value_steps(top: f64, max_labels: usize) -> Vec<f64> {
    let round = |x: f64| {
        let p = maths::pow(10.0, maths::log10(x).floor());
        let m = x / p;
        [1.0, 2.0, 2.5, 3.0, 4.0, 5.0, 10.0]
            .iter()
            .any(|r| (m - r).abs() < 1e-9)
    };
    let div = (2..max_labels.max(2))
        .rev()
        .find(|d| round(top / *d as f64))
        .unwrap_or(1);
    (0..=div).map(|k| top * k as f64 / div as f64).collect()
}

/// The fewest decimals that write every step exactly (`0.25`, not `0.2`),
/// at most 3.
pub fn tick_decimals(steps: &[f64]) -> usize {
    (0..=3)
        .find(|d| {
            let k = maths::pow(10.0, *d as f64);
            steps.iter().all(|v| (v * k - (v * k).round()).abs() < 1e-6)
        })
        .unwrap_or(3)
}

/// A round top for an axis that holds `max`.
pub fn nice_top(max: f64) -> f64 {
    if !(max.is_finite() && max > 0.0) {
        return 1.0;
    }
    let m = max * 1.08;
    let p = maths::pow(10.0, maths::log10(m).floor());
    [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .iter()
        .map(|k| k * p)
        .find(|v| *v >= m)
        .unwrap_or(10.0 * p)
}

/// Draws panel `m` into `rect`.
pub fn draw<DB: DrawingBackend>(
    root: &Area<DB>,
    fig: &Figure,
    frame: &Frame,
    rect: Rect,
    sc: Scale,
    ticks: &[SimTime],
    m: Measure,
) -> Result<(), String> {
    let (w, _) = root.dim_in_pixel();
    let h = rect.bottom - rect.top;
    let area = root.clone().shrink((0, rect.top), (w, h as u32));
    let n = fig.sides.first().map_or(0, |s| s.series.services.len());
    let client = fig.sides.iter().any(|s| s.series.client_threads.is_some());
    let sources = m.sources(n, client);
    let mut max: f64 = 0.0;
    for s in &fig.sides {
        for p in &s.series.points {
            for src in &sources {
                if let Some(v) = m.value(p, *src) {
                    max = max.max(v);
                }
            }
        }
    }
    let top = if m == Measure::Pool {
        nice_top(max.max(100.0))
    } else {
        nice_top(max)
    };
    let mut chart = ChartBuilder::on(&area)
        .margin_right(w as i32 - frame.x1)
        .y_label_area_size(frame.x0)
        .x_label_area_size(0)
        .build_cartesian_2d(0f64..frame.end_secs(), 0f64..top)
        .map_err(err)?;
    let max_labels = (h / (sc.small() * 2)).clamp(2, 6) as usize;
    let steps = value_steps(top, max_labels);
    let decimals = tick_decimals(&steps);
    let label = font(sc.small(), false, style::INK, HPos::Right, VPos::Center);
    for v in &steps {
        if *v > 0.0 {
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(0.0, *v), (frame.end_secs(), *v)],
                    style::GRID.stroke_width(1),
                )))
                .map_err(err)?;
        }
        let (_, y) = chart.backend_coord(&(0.0, *v));
        root.draw(&Text::new(
            text::number(*v, decimals),
            (frame.x0 - sc.px(8.0, 3.0), y),
            label.clone(),
        ))
        .map_err(err)?;
    }
    chart
        .draw_series(std::iter::once(PathElement::new(
            vec![(0.0, 0.0), (0.0, top)],
            style::MUTED.stroke_width(1),
        )))
        .map_err(err)?;
    chart
        .draw_series(ticks.iter().map(|t| {
            PathElement::new(
                vec![(secs(*t), 0.0), (secs(*t), top)],
                style::GRID.stroke_width(1),
            )
        }))
        .map_err(err)?;
    chart
        .draw_series(std::iter::once(PathElement::new(
            vec![(0.0, 0.0), (frame.end_secs(), 0.0)],
            style::MUTED.stroke_width(1),
        )))
        .map_err(err)?;
    if m == Measure::Pool {
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(0.0, 100.0), (frame.end_secs(), 100.0)],
                style::CAPACITY.stroke_width(sc.px(2.0, 1.0) as u32),
            )))
            .map_err(err)?;
    }
    for side in &fig.sides {
        let dashed = side.side == Some(Side::B);
        for src in &sources {
            let (colour, width) = match *src {
                Source::Service(i) => (style::series_colour(i), sc.line()),
                Source::Median(i) => (style::series_colour(i), (sc.line() / 2).max(1)),
                Source::Client => (style::MUTED, sc.line()),
            };
            let st = colour.stroke_width(width);
            for run in runs(&side.series.points, |p| m.value(p, *src)) {
                if dashed {
                    chart
                        .draw_series(DashedLineSeries::new(
                            run,
                            sc.px(10.0, 4.0),
                            sc.px(6.0, 3.0),
                            st,
                        ))
                        .map_err(err)?;
                } else {
                    chart.draw_series(LineSeries::new(run, st)).map_err(err)?;
                }
            }
        }
    }
    Ok(())
}

/// The stretches of consecutive points that have a value, as (seconds, value).
pub fn runs(points: &[Point], value: impl Fn(&Point) -> Option<f64>) -> Vec<Vec<(f64, f64)>> {
    let mut out = Vec::new();
    let mut cur = Vec::new();
    for p in points {
        match value(p) {
            Some(v) => cur.push((secs(p.mid()), v)),
            None => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_labels_are_round_steps_from_zero_to_the_top() {
        assert_eq!(value_steps(120.0, 5), vec![0.0, 30.0, 60.0, 90.0, 120.0]);
        assert_eq!(value_steps(120.0, 4), vec![0.0, 40.0, 80.0, 120.0]);
        assert_eq!(
            value_steps(100.0, 6),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(value_steps(1.5, 3), vec![0.0, 1.5]);
        assert_eq!(value_steps(1.5, 4), vec![0.0, 0.5, 1.0, 1.5]);
        assert_eq!(value_steps(4000.0, 2), vec![0.0, 4000.0]);
        for top in [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0] {
            for n in 2..7 {
                let v = value_steps(top * 100.0, n);
                assert!(v.len() <= n.max(2) && v[0] == 0.0, "{top} {n} {v:?}");
                assert!((v[v.len() - 1] - top * 100.0).abs() < 1e-9);
            }
        }
    }

    #[test]
    fn tick_labels_are_exact() {
        assert_eq!(tick_decimals(&value_steps(1.0, 5)), 2);
        assert_eq!(tick_decimals(&[0.0, 0.5, 1.0, 1.5]), 1);
        assert_eq!(tick_decimals(&[0.0, 30.0, 60.0]), 0);
        assert_eq!(tick_decimals(&[0.0, 0.125]), 3);
    }

    #[test]
    fn axis_tops_are_round_and_above_the_data() {
        assert_eq!(nice_top(0.0), 1.0);
        assert_eq!(nice_top(93.0), 120.0);
        assert_eq!(nice_top(100.0), 120.0);
        assert_eq!(nice_top(4.2), 5.0);
        assert_eq!(nice_top(1234.0), 1500.0);
        for x in [0.3, 7.7, 55.0, 999.0, 12_345.0] {
            assert!(nice_top(x) >= x * 1.08);
        }
    }
}
