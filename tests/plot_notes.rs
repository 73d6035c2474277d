//! The timeline's notes on a figure, read back from the SVG's coordinates:
//! no note's label box overlaps another, no note's dashed line crosses a
//! label box, every label's words fit its box and are whole (never cut with
//! `…`), and every note is on the figure (its words in a label, or numbered
//! on the plot and listed in full under it). For every built-in scenario and
//! a comparison, in both languages, at the slide size and a smaller one,
//! and for a dashboard session with a burst of live changes.

mod common;

use ab_glyph::{Font, FontRef, ScaleFont};
use breakwater::base::time::NANOS_PER_SEC;
use breakwater::plot::figure::{self, Figure, SideSpec, Spec};
use breakwater::plot::{render, style, Format};
use breakwater::scenario::variants::{Comparison, Side};
use common::app::{app_at, ch, press};

static REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");

/// A rectangle in pixels: left, top, right, bottom.
#[derive(Clone, Copy, Debug)]
struct BoxPx(f64, f64, f64, f64);

impl BoxPx {
    fn overlaps(&self, o: &BoxPx) -> bool {
        self.0 < o.2 && o.0 < self.2 && self.1 < o.3 && o.1 < self.3
    }
}

/// A text's width as the figure measures it: the SVG's font size is the
/// drawing size over 1.24 (plotters), the glyphs DejaVu Sans's advances.
fn text_width(s: &str, svg_size: f64, bold: bool) -> f64 {
    let font = FontRef::try_from_slice(if bold { BOLD } else { REGULAR }).unwrap();
    let f = font.as_scaled((svg_size * 1.24) as f32);
    let mut w = 0.0f32;
    let mut prev = None;
    for c in s.chars() {
        let id = f.glyph_id(c);
        w += f.h_advance(id);
        if let Some(p) = prev {
            w += f.kern(p, id);
        }
        prev = Some(id);
    }
    w as f64
}

fn num(n: roxmltree::Node, attr: &str) -> f64 {
    n.attribute(attr).unwrap().parse().unwrap()
}

/// What the SVG draws for the notes: each label's box and text, and each
/// vertical dashed stroke in a note's colour (x, top, bottom); every text.
struct Drawn {
    labels: Vec<(BoxPx, String)>,
    /// The lowest text's top.
    bottom: f64,
    /// Texts that start with a note's time, and their y.
    clocked: Vec<(String, f64)>,
    lines: Vec<(f64, f64, f64)>,
    texts: Vec<String>,
}

fn hex(c: plotters::style::RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

fn read(svg: &str) -> Drawn {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    let nodes: Vec<roxmltree::Node> = doc
        .root_element()
        .children()
        .filter(|n| n.is_element())
        .collect();
    let mut labels = Vec::new();
    let mut lines = Vec::new();
    let note_colours = [hex(style::MUTED), hex(style::LIVE)];
    for (k, n) in nodes.iter().enumerate() {
        // A note's label: an opaque box on the page's colour (the background
        // itself is the first rectangle), its text right after it.
        if n.has_tag_name("rect")
            && k > 0
            && n.attribute("fill") == Some("#FFFFFF")
            && n.attribute("opacity") == Some("1")
        {
            let t = nodes[k + 1];
            assert!(t.has_tag_name("text"), "a label box holds a text");
            let (x, y) = (num(*n, "x"), num(*n, "y"));
            let b = BoxPx(x, y, x + num(*n, "width"), y + num(*n, "height"));
            let words = t.text().unwrap_or("").trim().to_string();
            let bold = t.attribute("font-weight") == Some("bold");
            let w = text_width(&words, num(t, "font-size"), bold);
            let tx = num(t, "x");
            assert!(
                tx >= b.0 && tx + w <= b.2 + 1.0,
                "{words:?}: its words ({tx}…{}) fit its box {b:?}",
                tx + w
            );
            labels.push((b, words));
        }
        if n.has_tag_name("polyline")
            && note_colours
                .iter()
                .any(|c| n.attribute("stroke") == Some(c))
        {
            let pts: Vec<(f64, f64)> = n
                .attribute("points")
                .unwrap()
                .split_whitespace()
                .map(|p| {
                    let (x, y) = p.split_once(',').unwrap();
                    (x.parse().unwrap(), y.parse().unwrap())
                })
                .collect();
            if pts.len() == 2 && pts[0].0 == pts[1].0 {
                let (a, b) = (pts[0].1.min(pts[1].1), pts[0].1.max(pts[1].1));
                lines.push((pts[0].0, a, b));
            }
        }
    }
    let texts = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").trim().to_string())
        .collect();
    // Every text that starts with a note's time (`m:ss ` and words), where it is.
    let clocked = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| {
            let t = n.text().unwrap_or("").trim();
            let (clock, rest) = t.split_once(' ')?;
            let (m, ss) = clock.split_once(':')?;
            let digits = |x: &str| !x.is_empty() && x.chars().all(|c| c.is_ascii_digit());
            let secs = ss.split([',', '.']).next().unwrap_or("");
            (digits(m) && digits(secs) && !rest.is_empty()).then(|| (t.to_string(), num(n, "y")))
        })
        .collect();
    let bottom = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| num(n, "y"))
        .fold(0.0, f64::max);
    Drawn {
        labels,
        lines,
        texts,
        bottom,
        clocked,
    }
}

/// Checks one figure drawn at `size`; returns how many labels were numbers.
fn check(fig: &Figure, size: (u32, u32), what: &str) -> usize {
    let svg = String::from_utf8(render(fig, Format::Svg, size).unwrap()).unwrap();
    let d = read(&svg);
    assert!(!fig.notes.is_empty(), "{what}: a figure with notes");
    for (i, (a, ta)) in d.labels.iter().enumerate() {
        assert!(!ta.contains('…'), "{what}: a label cut: {ta:?}");
        for (b, tb) in &d.labels[i + 1..] {
            assert!(
                !a.overlaps(b),
                "{what} {size:?}: {ta:?} {a:?} overlaps {tb:?} {b:?}"
            );
        }
        for &(x, top, bottom) in &d.lines {
            let crosses = x > a.0 && x < a.2 && top < a.3 && bottom > a.1;
            assert!(
                !crosses,
                "{what} {size:?}: a line at x = {x} ({top}…{bottom}) crosses {ta:?} {a:?}"
            );
        }
    }
    // A note's words are in a box (a label), or under every box (the list):
    // none is drawn loose where lines could cross it.
    let lowest_box = d.labels.iter().map(|(b, _)| b.3).fold(0.0, f64::max);
    for (t, y) in &d.clocked {
        let boxed = d.labels.iter().any(|(_, words)| words == t);
        assert!(
            boxed || *y > lowest_box,
            "{what} {size:?}: {t:?} at y = {y} has no box"
        );
    }
    // Every note is on the figure, whole: in a label, or in the list, and
    // the list is on the page.
    let all = d.texts.join(" ");
    assert!(
        d.bottom <= size.1 as f64,
        "{what} {size:?}: a text at y = {} is off the page",
        d.bottom
    );
    for n in &fig.notes {
        assert!(
            all.contains(&n.text),
            "{what} {size:?}: {:?} missing",
            n.text
        );
    }
    let numbers: Vec<&String> = d
        .labels
        .iter()
        .map(|(_, t)| t)
        .filter(|t| t.chars().all(|c| c.is_ascii_digit()))
        .collect();
    for (k, n) in numbers.iter().enumerate() {
        assert_eq!(
            **n,
            (k + 1).to_string(),
            "{what}: numbered 1, 2, … in order"
        );
        // The number again under the figure, beside the note's words.
        let clock = |t: &str| {
            let (m, rest) = t.split_once(':').unwrap_or(("", ""));
            !m.is_empty() && m.chars().all(|c| c.is_ascii_digit()) && rest.len() > 2
        };
        assert!(
            d.texts.windows(2).any(|w| w[0] == **n && clock(&w[1])),
            "{what}: {n} listed with its note: {:?}",
            d.texts
        );
    }
    numbers.len()
}

fn single(name: &str) -> Spec {
    let s = common::builtin(name);
    let side = match &s.variants {
        Some(_) => Comparison::of_variants(&s).a,
        None => s.clone(),
    };
    Spec {
        title: name.into(),
        sides: vec![SideSpec {
            side: None,
            label: name.into(),
            scenario: side,
        }],
    }
}

fn comparison(name: &str) -> Spec {
    let cmp = Comparison::of_variants(&common::builtin(name));
    Spec {
        title: name.into(),
        sides: vec![
            SideSpec {
                side: Some(Side::A),
                label: cmp.label_a.to_string(),
                scenario: cmp.a,
            },
            SideSpec {
                side: Some(Side::B),
                label: cmp.label_b.to_string(),
                scenario: cmp.b,
            },
        ],
    }
}

#[test]
fn no_note_label_overlaps_another_or_is_crossed_in_any_built_in_or_comparison() {
    let names = breakwater::scenario::builtin::names();
    assert!(names.len() >= 10);
    for lang in ["en", "es"] {
        breakwater::i18n::scoped(lang, || {
            for name in &names {
                let fig = figure::build(&single(name)).unwrap();
                if fig.notes.is_empty() {
                    continue;
                }
                for size in [(1920, 1080), (1280, 720)] {
                    check(&fig, size, &format!("{name} ({lang})"));
                }
            }
            for name in ["retry-storm", "timeout-fallback", "bulkhead-isolation"] {
                let fig = figure::build(&comparison(name)).unwrap();
                for size in [(1920, 1080), (1280, 720), (640, 360)] {
                    check(&fig, size, &format!("{name} A/B ({lang})"));
                }
            }
        });
    }
}

#[test]
fn a_session_with_a_burst_of_live_changes_shows_every_one() {
    let mut app = app_at(20);
    // Payment's outage on and off every second for a while, and the selected
    // parameter nudged between: many live changes, close together.
    for k in 0..12 {
        ch(&mut app, 'o');
        if k % 3 == 0 {
            press(&mut app, breakwater::tui::input::KeyCode::Right);
        }
        app.advance_to((21 + k) * NANOS_PER_SEC);
    }
    // Then one every 5 s: more labels than the strip's rows can word.
    for k in 0..10 {
        app.advance_to((40 + 5 * k) * NANOS_PER_SEC);
        ch(&mut app, 'o');
    }
    app.advance_to(100 * NANOS_PER_SEC);
    let spec = app.figure_spec().expect("a session to draw");
    let fig = figure::build(&spec).unwrap();
    let live = fig.notes.iter().filter(|n| n.live).count();
    assert!(live >= 22, "{live} live changes: {:?}", fig.notes);
    for lang in ["en", "es"] {
        breakwater::i18n::scoped(lang, || {
            let fig = figure::build(&spec).unwrap();
            let numbered = check(&fig, (1920, 1080), &format!("session ({lang})"));
            if let Ok(dir) = std::env::var("FIG_DIR") {
                let png = render(&fig, Format::Png, (1920, 1080)).unwrap();
                std::fs::write(format!("{dir}/session-{lang}.png"), png).unwrap();
            }
            check(&fig, (1280, 720), &format!("session ({lang})"));
            // Too many to word on the plot: some are numbered and listed.
            assert!(numbered > 0, "{lang}: numbered");
        });
    }
}

#[test]
fn the_session_figure_of_a_comparison_keeps_both_sides_live_changes() {
    let mut app = common::app::compare_at(70);
    for _ in 0..3 {
        ch(&mut app, 'o');
        let t = app.now() + 2 * NANOS_PER_SEC;
        app.advance_to(t);
    }
    app.advance_to(120 * NANOS_PER_SEC);
    let spec = app.figure_spec().expect("a session to draw");
    for lang in ["en", "es"] {
        breakwater::i18n::scoped(lang, || {
            let fig = figure::build(&spec).unwrap();
            assert!(fig.comparing());
            assert!(
                fig.notes.iter().filter(|n| n.live).count() >= 3,
                "{:?}",
                fig.notes
            );
            for size in [(1920, 1080), (1280, 720)] {
                check(&fig, size, &format!("A/B session ({lang})"));
            }
        });
    }
}

/// Every kind of line a panel draws has its words in the legend: the pool
/// panel's 100 % line (in its own grey, not the caller threads'), and the
/// latency panel's two widths.
#[test]
fn the_legend_names_the_full_pool_line_and_the_latency_widths() {
    let fig = figure::build(&single("seed-lesson")).unwrap();
    for lang in ["en", "es"] {
        breakwater::i18n::scoped(lang, || {
            let svg = String::from_utf8(render(&fig, Format::Svg, (1920, 1080)).unwrap()).unwrap();
            let d = read(&svg);
            for id in [
                "plot-legend-capacity",
                "plot-legend-p99",
                "plot-legend-p50",
                "plot-caller-threads",
            ] {
                let words = breakwater::i18n::tr_in(lang, id, None);
                assert!(
                    d.texts.contains(&words),
                    "{lang}: {words:?} not in the legend"
                );
            }
            let capacity = format!("stroke=\"{}\"", hex(style::CAPACITY));
            let threads = format!("stroke=\"{}\"", hex(style::MUTED));
            // The swatch and the line across the pool panel.
            assert!(svg.matches(&capacity).count() >= 2, "{lang}");
            assert_ne!(capacity, threads);
        });
    }
}
