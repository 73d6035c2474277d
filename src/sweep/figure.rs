//! A sweep as a figure (`sweep -o FILE.svg|png`): the heat map or the line
//! the terminal shows, drawn by the charts' code for slides.

use crate::base::escape::escape;
use crate::plot::grid_chart::GridChart;
use crate::sweep::cell::CellResult;
use crate::sweep::{text, Sweep};
use crate::t;

/// The chart of `cells` (`cells[i]` is cell i's result, `None` where it was
/// not run, e.g. in another shard); `heading` is the sweep's heading line.
pub fn chart(sw: &Sweep, cells: &[Option<&CellResult>], heading: &str) -> GridChart {
    let labels = |i: usize| -> Vec<String> {
        sw.grid.axes[i]
            .values
            .iter()
            .map(|v| axis_value(v))
            .collect()
    };
    let name = |i: usize| crate::plot::text::param_name(&sw.grid.axes[i].path);
    GridChart {
        title: text::chart_title(sw),
        subtitle: heading.to_string(),
        value_label: sw.measure.metric.label(),
        x_path: sw.grid.axes[0].path.clone(),
        x_name: name(0),
        x_labels: labels(0),
        y: (sw.grid.axes.len() == 2).then(|| (sw.grid.axes[1].path.clone(), labels(1))),
        y_name: (sw.grid.axes.len() == 2).then(|| name(1)).flatten(),
        values: cells
            .iter()
            .map(|c| c.and_then(|c| if c.limit.is_some() { None } else { c.value }))
            .collect(),
        intervals: cells.iter().map(|c| c.and_then(|c| c.interval)).collect(),
        decimals: sw.measure.metric.decimals(),
        number: crate::i18n::number,
        no_value: t!("sweep-figure-no-value"),
    }
}

/// A varied value as an axis shows it: a number with the reader's decimal
/// mark (`0,25`), a duration or a word as written, without its quotes.
fn axis_value(v: &str) -> String {
    let v = v.trim_matches('"');
    let plain = |c: char| c.is_ascii_digit() || c == '.' || c == '-';
    match v.parse::<f64>() {
        Ok(x) if v.chars().all(plain) => {
            crate::i18n::number(x, v.split_once('.').map_or(0, |(_, f)| f.len()))
        }
        _ => v.to_string(),
    }
}

/// The file names the figure goes to, for the closing line.
pub fn written(paths: &[String]) -> String {
    let list: Vec<String> = paths.iter().map(|p| escape(p).into_owned()).collect();
    t!("sweep-figure-written", paths = list.join(", "))
}
