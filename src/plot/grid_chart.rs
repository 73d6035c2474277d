//! A grid of results as a figure: a sweep's heat map (two varied paths) or
//! its line (one), on the same font, palette and sizes as the run's figure.
//! The data comes ready (labels, values); this file only draws, so it knows
//! nothing of how the grid was run.

use super::draw::{err, font, width_of, Area};
use super::style::{self, Scale};
use super::Format;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::FontTransform;

/// A grid of values to draw. `values[i]` belongs to the cell with x index
/// `i / ny` and y index `i % ny` (`ny` is 1 for a line), as a sweep counts
/// its cells; `None` is a cell with no value (undefined, stopped at a
/// limit, or not run in this shard), drawn as such, never as a zero.
#[derive(Clone, Debug)]
pub struct GridChart {
    pub title: String,
    pub subtitle: String,
    /// The metric, with its unit.
    pub value_label: String,
    pub x_path: String,
    /// The first path in words ("payment failure rate"), when it has a name;
    /// the path itself is then shown under it in small print.
    pub x_name: Option<String>,
    pub x_labels: Vec<String>,
    /// The second path, for a heat map.
    pub y: Option<(String, Vec<String>)>,
    /// The second path in words.
    pub y_name: Option<String>,
    pub values: Vec<Option<f64>>,
    /// A 95 % interval per cell, when the sweep ran several seeds.
    pub intervals: Vec<Option<(f64, f64)>>,
    pub decimals: usize,
    /// How a value is written (the reader's decimal mark).
    pub number: fn(f64, usize) -> String,
    /// Said under a cell with no value.
    pub no_value: String,
}

impl GridChart {
    fn ny(&self) -> usize {
        self.y.as_ref().map_or(1, |(_, l)| l.len().max(1))
    }
    fn value(&self, xi: usize, yi: usize) -> Option<f64> {
        self.values
            .get(xi * self.ny() + yi)
            .copied()
            .flatten()
            .filter(|v| v.is_finite())
    }
    fn range(&self) -> Option<(f64, f64)> {
        let mut it = self.values.iter().flatten().filter(|v| v.is_finite());
        let first = *it.next()?;
        Some(it.fold((first, first), |(lo, hi), &v| (lo.min(v), hi.max(v))))
    }
}

/// The chart as the bytes of a file of `format`.
pub fn render(chart: &GridChart, format: Format, size: (u32, u32)) -> Result<Vec<u8>, String> {
    style::register_fonts()?;
    match format {
        Format::Svg => {
            let mut svg = String::new();
            {
                let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
                draw(&root, chart)?;
                root.present().map_err(err)?;
            }
            Ok(svg.into_bytes())
        }
        Format::Png => {
            let mut rgb = vec![0u8; size.0 as usize * size.1 as usize * 3];
            {
                let root = BitMapBackend::with_buffer(&mut rgb, size).into_drawing_area();
                draw(&root, chart)?;
                root.present().map_err(err)?;
            }
            super::encode_png(&rgb, size)
        }
    }
}

fn draw<DB: DrawingBackend>(root: &Area<DB>, c: &GridChart) -> Result<(), String> {
    let (w, h) = root.dim_in_pixel();
    let sc = Scale::of(w, h);
    root.fill(&style::BACKGROUND).map_err(err)?;
    let margin = sc.px(40.0, 12.0);
    root.draw(&Text::new(
        c.title.clone(),
        (margin, margin),
        font(sc.title(), true, style::INK, HPos::Left, VPos::Top),
    ))
    .map_err(err)?;
    root.draw(&Text::new(
        c.subtitle.clone(),
        (margin, margin + sc.title() + sc.px(8.0, 4.0)),
        font(sc.text(), false, style::MUTED, HPos::Left, VPos::Top),
    ))
    .map_err(err)?;
    let top = margin + sc.title() + sc.text() + sc.px(36.0, 12.0);
    let legend_w = if c.y.is_some() {
        sc.px(260.0, 120.0)
    } else {
        0
    };
    let area = root.margin(
        top as u32,
        margin as u32,
        margin as u32,
        (margin + legend_w) as u32,
    );
    match &c.y {
        Some(_) => heat_map(&area, c, sc)?,
        None => line(&area, c, sc)?,
    }
    if c.y.is_some() {
        colour_bar(
            root,
            c,
            sc,
            (w as i32 - margin - legend_w + sc.px(30.0, 10.0), top),
        )?;
    }
    Ok(())
}

/// Every k-th label, so that labels never overlap (whole, or left out).
fn stride<DB: DrawingBackend>(area: &Area<DB>, labels: &[String], room: i32, size: i32) -> usize {
    let style = font(size, false, style::INK, HPos::Center, VPos::Top);
    let widest = labels
        .iter()
        .map(|l| width_of(area, l, &style))
        .max()
        .unwrap_or(1)
        + size;
    let per = (room / labels.len().max(1) as i32).max(1);
    (widest as usize).div_ceil(per as usize).max(1)
}

/// The pixel ranges of a chart's plotting area (x, y).
type PixelRange = (std::ops::Range<i32>, std::ops::Range<i32>);

/// The x axis's title under its labels: the path's name in words and the
/// path itself in small print under it (or the path alone, unnamed).
fn x_title<DB: DrawingBackend>(
    area: &Area<DB>,
    sc: Scale,
    (xr, yr): &PixelRange,
    name: Option<&str>,
    path: &str,
) -> Result<(), String> {
    let (x0, _) = area.get_base_pixel();
    let cx = (xr.start + xr.end) / 2 - x0;
    let (_, y0) = area.get_base_pixel();
    let mut y = yr.end - y0 + sc.text() * 2;
    if let Some(name) = name {
        let st = font(sc.heading(), false, style::INK, HPos::Center, VPos::Top);
        area.draw(&Text::new(name.to_string(), (cx, y), st))
            .map_err(err)?;
        y += sc.heading() * 13 / 10;
    }
    let small = font(sc.small(), false, style::MUTED, HPos::Center, VPos::Top);
    area.draw(&Text::new(path.to_string(), (cx, y), small))
        .map_err(err)?;
    Ok(())
}

/// The y axis's title left of its labels, read bottom to top: the name in
/// words, the path in small print beside it (nearer the axis).
fn y_title<DB: DrawingBackend>(
    area: &Area<DB>,
    sc: Scale,
    (_, yr): &PixelRange,
    name: Option<&str>,
    path: &str,
) -> Result<(), String> {
    let (_, y0) = area.get_base_pixel();
    let cy = (yr.start + yr.end) / 2 - y0;
    let turn = |st: TextStyle<'static>| st.transform(FontTransform::Rotate270);
    let mut x = sc.px(4.0, 2.0);
    if let Some(name) = name {
        let st = turn(font(
            sc.heading(),
            false,
            style::INK,
            HPos::Center,
            VPos::Top,
        ));
        area.draw(&Text::new(name.to_string(), (x, cy), st))
            .map_err(err)?;
        x += sc.heading() * 13 / 10;
    }
    let small = turn(font(
        sc.small(),
        false,
        style::MUTED,
        HPos::Center,
        VPos::Top,
    ));
    area.draw(&Text::new(path.to_string(), (x, cy), small))
        .map_err(err)?;
    Ok(())
}

/// `n` categories, one segment each (plotters' segmented range ends one past
/// its upper bound).
fn segments(
    n: usize,
) -> plotters::coord::ranged1d::SegmentedCoord<plotters::coord::types::RangedCoordusize> {
    (0..n.saturating_sub(1)).into_segmented()
}

/// The label of a category on a segmented axis, if it is shown.
fn category(v: &SegmentValue<usize>, labels: &[String], every: usize) -> String {
    match v {
        SegmentValue::CenterOf(i) if i % every == 0 => labels.get(*i).cloned().unwrap_or_default(),
        _ => String::new(),
    }
}

fn heat_map<DB: DrawingBackend>(area: &Area<DB>, c: &GridChart, sc: Scale) -> Result<(), String> {
    let (y_path, y_labels) = c.y.as_ref().expect("a heat map has two paths");
    let (nx, ny) = (c.x_labels.len(), y_labels.len());
    let (w, h) = area.dim_in_pixel();
    let (x_room, y_room) = (sc.px(120.0, 40.0), sc.px(160.0, 56.0));
    let cell_w = (w as i32 - y_room) / nx.max(1) as i32;
    let cell_h = (h as i32 - x_room) / ny.max(1) as i32;
    let xs = stride(area, &c.x_labels, w as i32 - y_room, sc.text());
    let ys = ((sc.text() as f64 * 1.4) / cell_h.max(1) as f64)
        .ceil()
        .max(1.0) as usize;
    let mut chart = ChartBuilder::on(area)
        .x_label_area_size(x_room)
        .y_label_area_size(y_room)
        .build_cartesian_2d(segments(nx), segments(ny))
        .map_err(err)?;
    chart
        .configure_mesh()
        .disable_mesh()
        .x_labels(nx)
        .y_labels(ny)
        .x_label_formatter(&|v| category(v, &c.x_labels, xs))
        .y_label_formatter(&|v| category(v, y_labels, ys))
        .label_style((style::FONT, sc.text()))
        .draw()
        .map_err(err)?;
    let plot = chart.plotting_area().get_pixel_range();
    x_title(area, sc, &plot, c.x_name.as_deref(), &c.x_path)?;
    y_title(area, sc, &plot, c.y_name.as_deref(), y_path)?;
    let range = c.range();
    // Values inside the cells only where they fit whole.
    let inside = sc.small();
    let sample = (c.number)(range.map_or(0.0, |r| r.1.abs().max(r.0.abs())), c.decimals);
    let sample_w = width_of(
        area,
        &sample,
        &font(inside, false, style::INK, HPos::Center, VPos::Center),
    );
    let fits = cell_h > inside + 4 && cell_w > sample_w + 6;
    let norm = |v: f64| match range {
        Some((lo, hi)) if hi > lo => (v - lo) / (hi - lo),
        _ => 0.5,
    };
    for xi in 0..nx {
        for yi in 0..ny {
            let v = c.value(xi, yi);
            let fill = v.map_or(style::GRID, |v| style::sequential(norm(v)));
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [
                        (SegmentValue::Exact(xi), SegmentValue::Exact(yi)),
                        (SegmentValue::Exact(xi + 1), SegmentValue::Exact(yi + 1)),
                    ],
                    fill.filled(),
                )))
                .map_err(err)?;
            if fits {
                let (text, ink) = match v {
                    // Dark text on viridis' light end, light on its dark end.
                    Some(v) if norm(v) > 0.6 => ((c.number)(v, c.decimals), style::INK),
                    Some(v) => ((c.number)(v, c.decimals), style::BACKGROUND),
                    None => ("?".to_string(), style::INK),
                };
                chart
                    .draw_series(std::iter::once(Text::new(
                        text,
                        (SegmentValue::CenterOf(xi), SegmentValue::CenterOf(yi)),
                        font(inside, false, ink, HPos::Center, VPos::Center),
                    )))
                    .map_err(err)?;
            }
        }
    }
    Ok(())
}

/// The colour scale beside a heat map: the ramp from low to high, its two
/// ends labelled, and what a grey cell means.
fn colour_bar<DB: DrawingBackend>(
    root: &Area<DB>,
    c: &GridChart,
    sc: Scale,
    (x, y): (i32, i32),
) -> Result<(), String> {
    let (bw, bh) = (sc.px(36.0, 12.0), sc.px(420.0, 120.0));
    let steps = 64;
    for k in 0..steps {
        let t = 1.0 - k as f64 / (steps - 1) as f64;
        let y0 = y + bh * k / steps;
        let y1 = y + bh * (k + 1) / steps;
        root.draw(&Rectangle::new(
            [(x, y0), (x + bw, y1)],
            style::sequential(t).filled(),
        ))
        .map_err(err)?;
    }
    let text = font(sc.text(), false, style::INK, HPos::Left, VPos::Center);
    if let Some((lo, hi)) = c.range() {
        root.draw(&Text::new(
            (c.number)(hi, c.decimals),
            (x + bw + 8, y),
            text.clone(),
        ))
        .map_err(err)?;
        root.draw(&Text::new(
            (c.number)(lo, c.decimals),
            (x + bw + 8, y + bh),
            text.clone(),
        ))
        .map_err(err)?;
    }
    if c.values.iter().all(|v| v.is_some_and(f64::is_finite)) {
        return Ok(());
    }
    let gy = y + bh + sc.px(40.0, 14.0);
    root.draw(&Rectangle::new(
        [(x, gy), (x + bw, gy + bw)],
        style::GRID.filled(),
    ))
    .map_err(err)?;
    root.draw(&Text::new(
        c.no_value.clone(),
        (x + bw + 8, gy + bw / 2),
        text,
    ))
    .map_err(err)?;
    Ok(())
}

fn line<DB: DrawingBackend>(area: &Area<DB>, c: &GridChart, sc: Scale) -> Result<(), String> {
    let nx = c.x_labels.len();
    let (w, _) = area.dim_in_pixel();
    let hi = c
        .values
        .iter()
        .zip(&c.intervals)
        .filter_map(|(v, i)| i.map(|(_, h)| h).or(*v))
        .filter(|v| v.is_finite())
        .fold(0f64, f64::max);
    let top = super::lines::nice_top(hi.max(f64::MIN_POSITIVE));
    // An interval that reaches below zero is drawn whole, not clipped.
    let lo = c
        .intervals
        .iter()
        .flatten()
        .map(|&(l, _)| l)
        .filter(|v| v.is_finite())
        .fold(0f64, f64::min);
    let bottom = if lo < 0.0 {
        -super::lines::nice_top(-lo)
    } else {
        0.0
    };
    let y_room = sc.px(130.0, 40.0);
    let xs = stride(area, &c.x_labels, w as i32 - y_room, sc.text());
    let mut chart = ChartBuilder::on(area)
        .x_label_area_size(sc.px(120.0, 40.0))
        .y_label_area_size(y_room)
        .build_cartesian_2d(segments(nx), bottom..top)
        .map_err(err)?;
    let (number, decimals) = (c.number, c.decimals);
    chart
        .configure_mesh()
        .light_line_style(style::BACKGROUND)
        .bold_line_style(style::GRID)
        .x_labels(nx)
        .x_label_formatter(&|v| category(v, &c.x_labels, xs))
        .y_label_formatter(&|v| number(*v, decimals.min(2)))
        .y_desc(c.value_label.clone())
        .label_style((style::FONT, sc.text()))
        .axis_desc_style((style::FONT, sc.heading()))
        .draw()
        .map_err(err)?;
    let plot = chart.plotting_area().get_pixel_range();
    x_title(area, sc, &plot, c.x_name.as_deref(), &c.x_path)?;
    let colour = style::series_colour(0);
    // Runs of defined values: a missing value breaks the line, never dips it.
    let mut runs: Vec<Vec<(SegmentValue<usize>, f64)>> = vec![vec![]];
    for xi in 0..nx {
        match c.value(xi, 0) {
            Some(v) => runs
                .last_mut()
                .expect("one run")
                .push((SegmentValue::CenterOf(xi), v)),
            None => runs.push(vec![]),
        }
    }
    for r in runs.into_iter().filter(|r| !r.is_empty()) {
        chart
            .draw_series(LineSeries::new(r.clone(), colour.stroke_width(sc.line())))
            .map_err(err)?;
        chart
            .draw_series(
                r.into_iter()
                    .map(|p| Circle::new(p, sc.px(6.0, 3.0), colour.filled())),
            )
            .map_err(err)?;
    }
    for (xi, i) in c.intervals.iter().enumerate() {
        if let Some((lo, hi)) = i {
            let x = SegmentValue::CenterOf(xi);
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(x.clone(), *lo), (x, *hi)],
                    colour.stroke_width(sc.line()),
                )))
                .map_err(err)?;
        }
    }
    Ok(())
}
