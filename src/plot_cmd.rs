//! `breakwater plot`: a run, or a comparison in the forms `compare` takes
//! (two files, `--set-a`/`--set-b`, a scenario's declared variants), drawn
//! as one figure for a slide, SVG or PNG by the file's extension.

use crate::cli_values::{parse_dur_arg, parse_seed, parse_side};
use crate::{check_writable, load, load_raw, say};
use breakwater::base::escape::escape;
use breakwater::base::time::{clock, Dur};
use breakwater::output;
use breakwater::plot::figure::{self, SideSpec, Spec};
use breakwater::plot::{self, text, Format};
use breakwater::scenario::variants::{Comparison, Side};
use breakwater::t;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct PlotArgs {
    /// A scenario (file or built-in name).
    a: String,
    /// A second scenario to compare with the first (same services).
    b: Option<String>,
    /// Write the figure to FILE; .svg or .png says which (repeatable;
    /// default: breakwater-<scenario>.svg and .png here).
    #[arg(short = 'o', long = "output", value_name = "FILE.svg|FILE.png")]
    output: Vec<String>,
    /// Pixels, WIDTHxHEIGHT (default 1920x1080, a slide).
    #[arg(long, value_name = "WxH", value_parser = plot::parse_size)]
    size: Option<(u32, u32)>,
    /// A change at t = 0, before anything else, on every side (repeatable).
    #[arg(long = "set", value_name = "PATH=VALUE")]
    set: Vec<String>,
    /// A change at t = 0 on side A alone (repeatable): draws a comparison.
    #[arg(long = "set-a", value_name = "PATH=VALUE")]
    set_a: Vec<String>,
    /// A change at t = 0 on side B alone (repeatable): draws a comparison.
    #[arg(long = "set-b", value_name = "PATH=VALUE")]
    set_b: Vec<String>,
    /// For a scenario that declares [variants]: draw side a or b alone.
    #[arg(long, value_name = "a|b", value_parser = parse_side)]
    variant: Option<Side>,
    /// Use this seed (on both sides) instead of the scenario's.
    #[arg(long, value_parser = parse_seed)]
    seed: Option<u64>,
    /// Simulate this long instead of the scenario's duration.
    #[arg(long, value_parser = parse_dur_arg)]
    duration: Option<Dur>,
}

fn bad(m: String) -> ExitCode {
    output::errln(&format!("breakwater: {m}"));
    ExitCode::from(2)
}

pub fn plot(args: PlotArgs) -> Result<ExitCode, ExitCode> {
    let mut outputs = Vec::new();
    for path in &args.output {
        match Format::of_path(path) {
            Some(f) => outputs.push((path.clone(), f)),
            None => return Err(bad(text::bad_extension(&escape(path)))),
        }
    }
    let comparing_flags = args.b.is_some() || !args.set_a.is_empty() || !args.set_b.is_empty();
    if args.variant.is_some() && comparing_flags {
        return Err(bad(text::variant_with_comparison()));
    }
    let first = load_raw(&args.a)?;
    let mut spec = if comparing_flags || (first.variants.is_some() && args.variant.is_none()) {
        let mut cmp = match &args.b {
            Some(b) => Comparison::of_files(first, load_raw(b)?).map_err(|m| bad(m.said()))?,
            None => Comparison::of_variants(&first),
        };
        cmp.apply_sets(&args.set, &args.set_a, &args.set_b)
            .map_err(|m| bad(m.said()))?;
        Spec {
            title: text::comparison_title(&escape(&cmp.a.name), &escape(&cmp.b.name)),
            sides: vec![
                SideSpec {
                    side: Some(Side::A),
                    label: escape(&cmp.label_a).into_owned(),
                    scenario: cmp.a,
                },
                SideSpec {
                    side: Some(Side::B),
                    label: escape(&cmp.label_b).into_owned(),
                    scenario: cmp.b,
                },
            ],
        }
    } else {
        let s = load(&args.a, &args.set, args.variant)?;
        Spec {
            title: escape(&s.name).into_owned(),
            sides: vec![SideSpec {
                side: None,
                label: escape(&s.name).into_owned(),
                scenario: s,
            }],
        }
    };
    for side in &mut spec.sides {
        let s = &mut side.scenario;
        if let Some(seed) = args.seed {
            s.seed = seed;
        }
        if let Some(d) = args.duration {
            let e = breakwater::sim::estimate::estimate(&s.world, &s.timeline, d);
            if let Some(message) = e.excess() {
                return Err(bad(format!("--duration {d}: {}", message.said())));
            }
            s.duration = d;
        }
    }
    if outputs.is_empty() {
        let stem = format!("breakwater-{}", spec.sides[0].scenario.slug());
        outputs = [Format::Svg, Format::Png]
            .into_iter()
            .map(|f| (format!("{stem}.{}", f.extension()), f))
            .collect();
    }
    for (path, _) in &outputs {
        check_writable("-o", path)?;
    }
    let fig = figure::build(&spec).map_err(|e| {
        output::errln(&format!("breakwater: {e}"));
        ExitCode::from(1)
    })?;
    for side in &fig.sides {
        if let Some((at, why)) = &side.stopped {
            let origin = &spec.sides[0].scenario.origin;
            let spec_name = origin.strip_prefix("builtin:").unwrap_or(origin);
            return Err(bad(format!(
                "{}: {}",
                escape(spec_name),
                t!("stopped-at", at = clock(*at), reason = why.clone())
            )));
        }
    }
    plot::write_all(&fig, &outputs, args.size.unwrap_or(plot::DEFAULT_SIZE)).map_err(
        |(path, why)| {
            output::errln(&format!(
                "breakwater: {}",
                t!(
                    "io-cannot-write-flag",
                    flag = "-o",
                    path = escape(&path),
                    reason = why
                )
            ));
            ExitCode::from(1)
        },
    )?;
    let written: Vec<String> = outputs
        .iter()
        .map(|(p, _)| format!("{}\n", escape(p)))
        .collect();
    say(&written.concat())?;
    Ok(ExitCode::SUCCESS)
}
