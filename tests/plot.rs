//! `breakwater plot` and the dashboard's `e`: the figure is a well-formed
//! SVG or a PNG of the size asked, it says what it shows in words (titles,
//! axes, units, legend) in the chosen language, its breaker bands are the
//! `breaker_states` of the time series of the same run, its latency has no
//! value where no call finished, and bad input is refused with what is valid.

mod common;

use breakwater::base::time::NANOS_PER_SEC;
use breakwater::patterns::circuit_breaker::BreakerState;
use breakwater::plot::figure::{self, SideSpec, Spec};
use breakwater::plot::lines::Measure;
use breakwater::plot::style;
use breakwater::tui::app::Effect;
use common::app::{app_at, ch};
use common::{builtin, bw, bw_ok, temp_dir};
use std::collections::{BTreeMap, BTreeSet};

/// Every text of an SVG, in document order.
fn svg_texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("the SVG is well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").trim().to_string())
        .collect()
}

/// `#RRGGBB` of a palette colour.
fn hex(c: plotters::style::RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

fn en(id: &str) -> String {
    breakwater::i18n::tr_in("en", id, None)
}

#[test]
fn the_svg_is_xml_with_titles_axis_labels_units_a_legend_and_a_line_per_service() {
    let dir = temp_dir("plot-svg");
    let path = dir.join("lesson.svg");
    let out = bw_ok(&[
        "plot",
        "seed-lesson",
        "-o",
        path.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(out.trim(), path.to_str().unwrap(), "says what it wrote");
    let svg = std::fs::read_to_string(&path).unwrap();
    let texts = svg_texts(&svg);
    let has = |s: &str| texts.iter().any(|t| t == s);
    assert!(has("Seed lesson"), "the title: {texts:?}");
    for id in [
        "plot-panel-breaker",
        "plot-panel-retries",
        "plot-panel-pool",
        "plot-unit-pool",
        "plot-panel-goodput",
        "plot-unit-goodput",
        "plot-panel-latency",
        "plot-unit-latency",
        "plot-axis-time",
        "plot-legend-timeline",
    ] {
        assert!(has(&en(id)), "{id} ({}) missing: {texts:?}", en(id));
    }
    // Every timeline entry's note, labelled at its time.
    let lesson = builtin("seed-lesson");
    assert!(lesson.timeline.len() >= 2);
    for c in &lesson.timeline {
        let at = format!("{} ", figure::note_clock(c.at.0));
        assert!(
            texts.iter().any(|t| t.starts_with(&at)),
            "no note at {at}: {texts:?}"
        );
    }
    // The time axis in m:ss up to the end.
    assert!(has("0:00") && has("5:00"));
    // The legend: every service and every breaker state drawn.
    for s in &lesson.world.services {
        assert!(has(&s.name), "legend lacks {}", s.name);
    }
    for st in ["CLOSED", "OPEN", "HALF_OPEN"] {
        assert!(has(st), "legend lacks {st}");
    }
    // One series per service: each service's colour draws lines, and no
    // other palette colour does (three services, three colours).
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let strokes: BTreeSet<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("polyline"))
        .filter_map(|n| n.attribute("stroke").map(str::to_uppercase))
        .collect();
    let palette: Vec<String> = style::SERIES.iter().map(|c| hex(*c)).collect();
    let used: Vec<&String> = palette.iter().filter(|c| strokes.contains(*c)).collect();
    assert_eq!(
        used,
        palette[..lesson.world.services.len()]
            .iter()
            .collect::<Vec<_>>(),
        "strokes: {strokes:?}"
    );
}

#[test]
fn the_figure_speaks_the_chosen_language() {
    let dir = temp_dir("plot-es");
    let path = dir.join("lesson.svg");
    bw_ok(&[
        "plot",
        "seed-lesson",
        "-o",
        path.to_str().unwrap(),
        "--lang",
        "es",
    ]);
    let texts = svg_texts(&std::fs::read_to_string(&path).unwrap());
    for id in ["plot-panel-retries", "plot-axis-time", "plot-unit-goodput"] {
        let es = breakwater::i18n::tr_in("es", id, None);
        assert_ne!(es, en(id));
        assert!(texts.contains(&es), "{es} missing: {texts:?}");
    }
    // Spanish numbers on the axes: thousands grouped with a dot from five digits.
    assert!(!texts.iter().any(|t| t.contains("2,000")), "{texts:?}");
}

#[test]
fn a_png_decodes_to_the_size_asked_and_is_not_blank() {
    let dir = temp_dir("plot-png");
    for (size, (w, h)) in [("1280x720", (1280, 720)), ("", (1920, 1080))] {
        let path = dir.join(format!("storm{w}.png"));
        let mut args = vec!["plot", "retry-storm", "-o", path.to_str().unwrap()];
        if !size.is_empty() {
            args.extend(["--size", size]);
        }
        bw_ok(&args);
        let decoder = png::Decoder::new(std::fs::File::open(&path).unwrap());
        let mut reader = decoder.read_info().expect("a PNG");
        let mut buf = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut buf).expect("decodes");
        assert_eq!((info.width, info.height), (w, h));
        let px = &buf[..info.buffer_size()];
        let colours: BTreeSet<&[u8]> = px.chunks(3).collect();
        assert!(
            colours.len() > 20,
            "a drawing, not a blank: {}",
            colours.len()
        );
    }
}

/// Per service, per tick end (in ms), the states the CSV says were seen.
fn csv_states(csv: &str) -> BTreeMap<(String, u64), BTreeSet<String>> {
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (t, svc, states) = (col("t_s"), col("service"), col("breaker_states"));
    let mut out = BTreeMap::new();
    for line in lines {
        let f: Vec<&str> = line.split(',').collect();
        let ms = (f[t].parse::<f64>().unwrap() * 1000.0).round() as u64;
        let set: BTreeSet<String> = f[states]
            .split('|')
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        out.insert((f[svc].to_string(), ms), set);
    }
    out
}

#[test]
fn breaker_bands_are_the_time_series_breaker_states_tick_by_tick() {
    for name in ["seed-lesson", "half-open-flapping", "breaker-opens"] {
        let dir = temp_dir(&format!("plot-bands-{name}"));
        let csv_path = dir.join("ts.csv");
        let s = builtin(name);
        // The declared variants' side a, alone, as `run` runs it.
        let mut args = vec!["run", name, "--timeseries", csv_path.to_str().unwrap()];
        if s.variants.is_some() {
            args.extend(["--variant", "a"]);
        }
        bw_ok(&args);
        let csv = csv_states(&std::fs::read_to_string(&csv_path).unwrap());
        let side = match &s.variants {
            Some(_) => {
                let cmp = breakwater::scenario::variants::Comparison::of_variants(&s);
                cmp.a
            }
            None => s.clone(),
        };
        let fig = figure::build(&Spec {
            title: name.into(),
            sides: vec![SideSpec {
                side: None,
                label: name.into(),
                scenario: side,
            }],
        })
        .unwrap();
        let series = &fig.sides[0].series;
        let tick_ms = series.tick_len / 1_000_000;
        // The figure's view: each tick end covered by a band of a state.
        let mut drawn: BTreeMap<(String, u64), BTreeSet<String>> = BTreeMap::new();
        for (i, bands) in series.bands.iter().enumerate() {
            let svc = &series.services[i];
            for b in bands {
                assert!(b.from < b.to && b.to <= series.end);
                let (from, to) = (b.from / 1_000_000, b.to / 1_000_000);
                assert_eq!(from % tick_ms, 0, "bands are whole ticks");
                let mut end = from + tick_ms;
                while end <= to {
                    drawn
                        .entry((svc.clone(), end))
                        .or_default()
                        .insert(b.state.name().to_string());
                    end += tick_ms;
                }
            }
        }
        let mut seen_half_open = false;
        for ((svc, ms), states) in &csv {
            let d = drawn.get(&(svc.clone(), *ms)).cloned().unwrap_or_default();
            assert_eq!(&d, states, "{name}: {svc} in the tick ending at {ms} ms");
            seen_half_open |= states.contains(BreakerState::HalfOpen.name());
        }
        assert_eq!(drawn.len(), csv.len(), "{name}: no band outside the run");
        assert!(seen_half_open, "{name}: the test sees a HALF_OPEN");
    }
}

#[test]
fn latency_has_no_value_where_no_call_finished_and_rates_are_exact() {
    let s = builtin("retry-storm");
    let cmp = breakwater::scenario::variants::Comparison::of_variants(&s);
    let side = figure::run_side(&SideSpec {
        side: None,
        label: "a".into(),
        scenario: cmp.a,
    });
    let mut gaps = 0;
    let mut ok_total = 0;
    for p in &side.series.points {
        let sp = &p.services[0];
        ok_total += sp.ok;
        let lat = Measure::Latency.value(p, breakwater::plot::lines::Source::Service(0));
        assert_eq!(lat.is_none(), sp.finished == 0, "at {}", p.from);
        gaps += (sp.finished == 0) as u32;
        let g = Measure::Goodput
            .value(p, breakwater::plot::lines::Source::Service(0))
            .unwrap();
        let secs = (p.to - p.from) as f64 / NANOS_PER_SEC as f64;
        assert!(
            (g * secs - sp.ok as f64).abs() < 1e-6,
            "a rate times its length is the count"
        );
    }
    assert!(
        gaps > 0,
        "retry-storm has seconds in which no call finishes"
    );
    let sim = common::finished(&breakwater::scenario::variants::Comparison::of_variants(&s).a);
    assert_eq!(
        ok_total,
        sim.service_metrics(0).total.outcomes[breakwater::base::outcome::Outcome::Ok.index()],
        "points sum to the run's total"
    );
}

#[test]
fn comparisons_overlay_a_and_b_in_every_form() {
    let dir = temp_dir("plot-compare");
    let declared = dir.join("storm.svg");
    bw_ok(&[
        "plot",
        "retry-storm",
        "-o",
        declared.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    let texts = svg_texts(&std::fs::read_to_string(&declared).unwrap());
    assert!(
        texts.iter().any(|t| t.ends_with(": A against B")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.starts_with("A: ")) && texts.iter().any(|t| t.starts_with("B: "))
    );

    let set_b = dir.join("lesson.svg");
    bw_ok(&[
        "plot",
        "seed-lesson",
        "--set-b",
        "patterns.circuit_breaker.enabled=false",
        "-o",
        set_b.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    let texts = svg_texts(&std::fs::read_to_string(&set_b).unwrap());
    assert!(
        texts.contains(&"payment · A".to_string()) && texts.contains(&"payment · B".to_string())
    );
    // Side B has no breaker from t = 0: its rows say so, and draw no band.
    assert_eq!(
        texts
            .iter()
            .filter(|t| **t == en("plot-no-breaker"))
            .count(),
        3,
        "{texts:?}"
    );

    let two_files = dir.join("two.svg");
    bw_ok(&[
        "plot",
        "seed-lesson",
        "seed-lesson",
        "-o",
        two_files.to_str().unwrap(),
    ]);
    assert!(svg_texts(&std::fs::read_to_string(&two_files).unwrap())
        .iter()
        .any(|t| t == "Seed lesson: A against B"));
}

#[test]
fn bad_extensions_and_sizes_exit_2_with_what_is_valid() {
    let (code, _, err) = bw(&["plot", "seed-lesson", "-o", "figure.jpg"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("figure.jpg") && err.contains(".svg") && err.contains(".png"),
        "{err}"
    );
    let (code, _, err) = bw(&["plot", "seed-lesson", "--size", "320x200", "-o", "x.png"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("640x360"), "{err}");
    let (code, _, err) = bw(&["plot", "seed-lesson", "--size", "big", "-o", "x.png"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("WIDTHxHEIGHT") && err.contains("7680x4320"),
        "{err}"
    );
    let (code, _, err) = bw(&["plot", "retry-storm", "--variant", "a", "--set-b", "a=1"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn an_unwritable_path_exits_1_with_the_path_and_the_reason() {
    let dir = temp_dir("plot-unwritable");
    let path = dir.join("no-such-dir").join("figure.png");
    let (code, out, err) = bw(&[
        "plot",
        "seed-lesson",
        "-o",
        path.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty());
    assert!(err.contains(path.to_str().unwrap()), "{err}");
    assert!(err.contains("No such file or directory"), "{err}");
}

#[test]
fn e_draws_the_session_so_far_with_its_live_changes_as_the_dashboard_ran_it() {
    let mut app = app_at(20);
    ch(&mut app, 'o'); // payment's outage, live, at 0:20
    app.advance_to(50 * NANOS_PER_SEC);
    let Some(Effect::Export { spec, stem }) =
        app.perform(breakwater::tui::keys::Action::ExportFigure)
    else {
        panic!("e asks the shell to draw the figure");
    };
    assert_eq!(stem, "breakwater-seed-lesson-50s");
    assert_eq!(spec.sides.len(), 1);
    let sc = &spec.sides[0].scenario;
    assert_eq!(sc.duration.0, 50 * NANOS_PER_SEC);
    // The re-run is the session: same totals as the dashboard's own run.
    let mut sim = breakwater::sim::Simulation::new(sc);
    sim.run(&mut |_| {});
    for s in 0..sc.world.services.len() {
        assert_eq!(
            sim.service_metrics(s).total,
            app.sim().service_metrics(s).total,
            "service {s}"
        );
    }
    let fig = figure::build(&spec).unwrap();
    assert_eq!(fig.end(), 50 * NANOS_PER_SEC);
    let live: Vec<_> = fig.notes.iter().filter(|n| n.live).collect();
    assert_eq!(live.len(), 1, "{:?}", fig.notes);
    assert_eq!(live[0].at, 20 * NANOS_PER_SEC);
    // Written as SVG and PNG; a second figure gets a new name.
    let dir = temp_dir("plot-export");
    let base = breakwater::plot::unique_stem(&dir, &stem, &[]);
    let gate = breakwater::plot::ExportGate::default();
    let written = breakwater::plot::export(&spec, &base, &gate).unwrap();
    assert_eq!(written.len(), 2);
    assert!(written[0].ends_with("breakwater-seed-lesson-50s.svg"));
    assert!(written[1].ends_with("breakwater-seed-lesson-50s.png"));
    let again = breakwater::plot::unique_stem(&dir, &stem, &[]);
    assert!(again.ends_with("breakwater-seed-lesson-50s-2"));
    let reserved = breakwater::plot::unique_stem(&dir, &stem, std::slice::from_ref(&again));
    assert!(reserved.ends_with("breakwater-seed-lesson-50s-3"));
    // Once the gate is closed (the dashboard quit), nothing is written.
    gate.close();
    let said = breakwater::plot::export(&spec, &again, &gate).unwrap_err();
    assert!(said.contains("abandoned"), "{said}");
    let left: Vec<_> = std::fs::read_dir(&*dir).unwrap().collect();
    assert_eq!(left.len(), 2, "only the first figure's two files");
}

#[test]
fn e_in_a_comparison_draws_both_sides() {
    let mut app = common::app::compare_at(30);
    let Some(Effect::Export { spec, .. }) =
        app.perform(breakwater::tui::keys::Action::ExportFigure)
    else {
        panic!("e asks the shell to draw the figure");
    };
    assert_eq!(spec.sides.len(), 2);
    let fig = figure::build(&spec).unwrap();
    assert!(fig.comparing());
    assert_eq!(fig.sides[0].series.end, 30 * NANOS_PER_SEC);
    assert_eq!(fig.sides[1].series.end, 30 * NANOS_PER_SEC);
}

#[test]
fn e_before_the_first_tick_says_there_is_nothing_yet() {
    let mut app = app_at(0);
    assert!(app
        .perform(breakwater::tui::keys::Action::ExportFigure)
        .is_none());
    assert!(app.status().is_some());
}

#[test]
fn the_same_run_draws_the_same_bytes() {
    let s = builtin("retry-storm");
    let cmp = breakwater::scenario::variants::Comparison::of_variants(&s);
    let spec = Spec {
        title: "retry-storm".into(),
        sides: vec![
            SideSpec {
                side: Some(breakwater::scenario::variants::Side::A),
                label: cmp.label_a.to_string(),
                scenario: cmp.a.clone(),
            },
            SideSpec {
                side: Some(breakwater::scenario::variants::Side::B),
                label: cmp.label_b.to_string(),
                scenario: cmp.b.clone(),
            },
        ],
    };
    for format in [breakwater::plot::Format::Svg, breakwater::plot::Format::Png] {
        let once = breakwater::plot::render(&figure::build(&spec).unwrap(), format, (1280, 720));
        let twice = breakwater::plot::render(&figure::build(&spec).unwrap(), format, (1280, 720));
        assert!(
            once.as_ref().unwrap() == twice.as_ref().unwrap(),
            "{format:?}"
        );
    }
}
