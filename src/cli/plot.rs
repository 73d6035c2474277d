//! `breakwater plot`: a run, or a comparison in the forms `compare` takes
//! (two files, `--set-a`/`--set-b`, a scenario's declared variants), drawn
//! as one figure for a slide, SVG or PNG by the file's extension.

use super::failure::{Failure, Outcome};
use super::flags::{Duration, Quiet, Seed, Sets, SideSets, Variant};
use super::progress::{Progress, Work};
use super::shell::{
    check_writable, clean_up_on_signals, comparison, load, load_raw, say, spec_name, stopped,
};
use breakwater::base::escape::escape;
use breakwater::plot::figure::{self, SideSpec, Spec};
use breakwater::plot::{self, text, Format};
use breakwater::scenario::variants::Side;
use breakwater::t;

#[derive(clap::Args)]
pub struct PlotArgs {
    a: String,
    b: Option<String>,
    #[arg(short = 'o', long = "output", value_name = "FILE.svg|FILE.png")]
    output: Vec<String>,
    #[arg(long, value_name = "WxH", value_parser = plot::parse_size)]
    size: Option<(u32, u32)>,
    #[command(flatten)]
    sets: Sets,
    #[command(flatten)]
    side_sets: SideSets,
    #[command(flatten)]
    variant: Variant,
    #[command(flatten)]
    seed: Seed,
    #[command(flatten)]
    duration: Duration,
    #[command(flatten)]
    quiet: Quiet,
}

pub fn plot(args: PlotArgs) -> Outcome {
    let mut outputs = Vec::new();
    for path in &args.output {
        match Format::of_path(path) {
            Some(f) => outputs.push((path.clone(), f)),
            None => return Err(Failure::bad(text::bad_extension(&escape(path)))),
        }
    }
    let SideSets { set_a, set_b } = &args.side_sets;
    let variant = args.variant.variant;
    let comparing_flags = args.b.is_some() || !set_a.is_empty() || !set_b.is_empty();
    if variant.is_some() && comparing_flags {
        return Err(Failure::bad(text::variant_with_comparison()));
    }
    let first = load_raw(&args.a)?;
    let mut spec = if comparing_flags || (first.variants.is_some() && variant.is_none()) {
        let cmp = comparison(
            first,
            args.b.as_deref(),
            &args.sets.set,
            &args.side_sets,
            args.duration.duration.is_some(),
        )?;
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
        let s = load(&args.a, &args.sets.set, variant)?;
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
        if let Some(seed) = args.seed.seed {
            s.seed = seed;
        }
        args.duration.fit(s).map_err(Failure::bad)?;
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
    // A signal while a figure is written leaves no hidden temporary.
    clean_up_on_signals();
    let progress = Progress::asked(
        Work::Simulated {
            of: spec
                .sides
                .iter()
                .map(|s| s.scenario.duration)
                .max()
                .unwrap_or_default(),
        },
        spec.sides.iter().map(|s| s.scenario.duration.0).sum(),
        args.quiet,
    );
    let fig = figure::build_watched(&spec, &|done| progress.add(done));
    drop(progress);
    let fig = fig.map_err(Failure::io)?;
    for side in &fig.sides {
        if let Some((at, why)) = &side.stopped {
            return Err(stopped(spec_name(&spec.sides[0].scenario), *at, why));
        }
    }
    plot::write_all(&fig, &outputs, args.size.unwrap_or(plot::DEFAULT_SIZE)).map_err(
        |(path, why)| {
            Failure::io(t!(
                "io-cannot-write-flag",
                flag = "-o",
                path = escape(&path),
                reason = why
            ))
        },
    )?;
    let written: Vec<String> = outputs
        .iter()
        .map(|(p, _)| format!("{}\n", escape(p)))
        .collect();
    say(&written.concat())
}
