//! The split dashboard: two sides under one clock. Keys `x` and `c`, edits
//! to the selected side only, incidents on both, a comparison's recording
//! replaying both sides exactly, and screens at 80×24 and 120×40.

mod common;

use breakwater::base::time::NANOS_PER_SEC;
use breakwater::report::Summary;
use breakwater::scenario::parse_scenario;
use breakwater::scenario::variants::Comparison;
use breakwater::tui::app::{App, Effect};
use breakwater::tui::input::KeyCode;
use breakwater::tui::theme::Theme;
use common::app::{ch, compare_at, draw, press, retry_storm_comparison, screen, text};

fn no_wall(mut s: Summary) -> Summary {
    s.wall_seconds = 0.0;
    s
}

fn summary(app: &App, k: usize) -> Summary {
    no_wall(Summary::of(&app.sides()[k].sim, "side", 0.0))
}

fn value(app: &App, k: usize, path: &str) -> toml::Value {
    app.sides()[k]
        .sim
        .world()
        .get(path)
        .expect("a readable path")
}

#[test]
fn both_sides_share_one_clock() {
    let mut app = compare_at(0);
    assert!(app.comparing());
    app.set_speed(10.0);
    for _ in 0..30 {
        app.on_frame(std::time::Duration::from_millis(33));
    }
    let (a, b) = (app.sides()[0].sim.now(), app.sides()[1].sim.now());
    assert_eq!(a, b);
    assert!(a > 0);
    // Sliced frames: one event at a time, sides in turn, the same end.
    app.begin_frame(std::time::Duration::from_millis(500));
    while !app.advance_slice(1) {}
    app.end_frame();
    assert_eq!(app.sides()[0].sim.now(), app.sides()[1].sim.now());
    ch(&mut app, ' ');
    ch(&mut app, '.');
    assert_eq!(app.sides()[0].sim.now(), app.sides()[1].sim.now());
}

#[test]
fn a_comparison_with_itself_has_two_identical_sides() {
    let s = common::builtin("seed-lesson");
    let mut app = App::compare(Comparison::of_variants(&s));
    app.advance_to(120 * NANOS_PER_SEC);
    assert_eq!(summary(&app, 0), summary(&app, 1));
}

#[test]
fn x_switches_the_side_and_edits_go_to_it_alone() {
    let mut app = compare_at(5);
    assert_eq!(app.selected_side(), 0);
    // The first field of the selected service; → raises it on A only.
    let path = app.fields()[0].path.clone();
    let before = value(&app, 1, &path);
    press(&mut app, KeyCode::Right);
    assert_ne!(value(&app, 0, &path), before, "A changed");
    assert_eq!(value(&app, 1, &path), before, "B untouched");
    ch(&mut app, 'x');
    assert_eq!(app.selected_side(), 1);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    assert_ne!(value(&app, 1, &path), before, "now B changed");
    assert_ne!(value(&app, 0, &path), value(&app, 1, &path), "and A not");
    // Pattern toggles go to the selected side too.
    let timeout = "services.api.timeout.enabled";
    ch(&mut app, '4');
    assert_ne!(value(&app, 0, timeout), value(&app, 1, timeout));
    ch(&mut app, 'x');
    assert_eq!(app.selected_side(), 0);
}

#[test]
fn c_copies_the_selected_value_to_the_other_side() {
    let mut app = compare_at(5);
    let path = app.fields()[0].path.clone();
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    assert_ne!(value(&app, 0, &path), value(&app, 1, &path));
    ch(&mut app, 'c');
    assert_eq!(value(&app, 0, &path), value(&app, 1, &path));
    assert!(app.status().unwrap_or("").contains("copied"), "says so");
}

#[test]
fn incidents_and_controls_hit_both_sides() {
    let mut app = compare_at(5);
    ch(&mut app, 'o');
    assert_eq!(
        value(&app, 0, "services.api.down"),
        toml::Value::Boolean(true)
    );
    assert_eq!(
        value(&app, 1, "services.api.down"),
        toml::Value::Boolean(true)
    );
    ch(&mut app, 'o');
    ch(&mut app, 's');
    assert!(app.sides().iter().all(|s| s.latency_spike_on(0)));
    ch(&mut app, 's');
    assert!(app.sides().iter().all(|s| !s.latency_spike_on(0)));
    ch(&mut app, 'l');
    assert!(app.sides().iter().all(|s| s.load_spike_on()));
    ch(&mut app, 'f');
    let force = "services.api.circuit_breaker.force";
    assert_eq!(value(&app, 0, force), value(&app, 1, force));
    ch(&mut app, 'r');
    assert!(app.sides().iter().all(|s| s.sim.now() == 0));
}

#[test]
fn x_and_c_only_in_a_comparison() {
    let mut alone = common::app::app_at(5);
    assert_eq!(ch(&mut alone, 'x'), None);
    assert_eq!(ch(&mut alone, 'c'), None);
    let t = screen(&alone, 120, 40);
    assert!(!text(&t).contains(" x side"), "no x in the footer alone");
    let app = compare_at(5);
    let t = screen(&app, 200, 40);
    let s = text(&t);
    assert!(s.contains(" x side"), "x in the footer:\n{s}");
    assert!(s.contains(" c copy"), "c in the footer:\n{s}");
}

/// A session on both sides, recorded; the two files replay both sides
/// exactly (headless, compared as two files), with A's seed.
#[test]
fn a_comparison_recording_replays_both_sides() {
    let mut app = App::compare(retry_storm_comparison());
    ch(&mut app, 'R');
    app.advance_to(20 * NANOS_PER_SEC);
    press(&mut app, KeyCode::Right); // A only
    ch(&mut app, 'x');
    app.advance_to(30 * NANOS_PER_SEC);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Right); // B only
    ch(&mut app, '2'); // B: retry off
    app.advance_to(50 * NANOS_PER_SEC);
    ch(&mut app, 'o'); // both
    app.advance_to(60 * NANOS_PER_SEC);
    ch(&mut app, 'o');
    let files = match ch(&mut app, 'R') {
        Some(Effect::SaveAll(files)) => files,
        other => panic!("expected two files, got {other:?}"),
    };
    assert_eq!(files.len(), 2);
    assert!(files[0].0.ends_with("-a.toml"), "{}", files[0].0);
    assert!(files[1].0.ends_with("-b.toml"), "{}", files[1].0);
    app.advance_to(u64::MAX);
    let a = parse_scenario(&files[0].0, files[0].1.as_bytes()).expect("A parses");
    let b = parse_scenario(&files[1].0, files[1].1.as_bytes()).expect("B parses");
    let cmp = Comparison::of_files(a, b).expect("the same services");
    let mut replay = App::compare(cmp);
    replay.advance_to(u64::MAX);
    for k in 0..2 {
        assert_eq!(summary(&replay, k), summary(&app, k), "side {k}");
    }
    assert_ne!(summary(&app, 0), summary(&app, 1), "the sides differ");
}

#[test]
fn compare_120x40() {
    let mut app = compare_at(90);
    ch(&mut app, 'x');
    let t = screen(&app, 120, 40);
    let s = text(&t);
    for title in [
        "Circuit Breaker",
        "Retry",
        "Throughput",
        "Parameters",
        "Events",
    ] {
        assert!(s.contains(title), "{title} missing:\n{s}");
    }
    assert!(s.contains("▸B"), "the selected side is marked:\n{s}");
    assert!(s.contains("≠"), "B's difference marked:\n{s}");
    insta::assert_snapshot!("compare_120x40", t.backend());
}

#[test]
fn compare_80x24() {
    let app = compare_at(90);
    let t = screen(&app, 80, 24);
    let s = text(&t);
    assert!(s.contains("▸A"), "the selected side is marked:\n{s}");
    assert!(s.contains("api  A"), "A's rows:\n{s}");
    insta::assert_snapshot!("compare_80x24", t.backend());
}

#[test]
fn compare_without_colour_still_tells_the_sides_apart() {
    let app = compare_at(90);
    let t = draw(&app, 120, 40, &Theme::plain());
    let s = text(&t);
    assert!(
        s.contains(" A ") && s.contains(" B "),
        "letters, not colours"
    );
}

#[test]
fn side_b_shows_its_difference_in_pool_use() {
    let mut cmp = Comparison::of_variants(&common::builtin("seed-lesson"));
    cmp.apply_sets(
        &[],
        &[],
        &["services.payment.bulkhead.max_concurrent=2".into()],
    )
    .expect("valid");
    let mut app = App::compare(cmp);
    app.advance_to(150 * NANOS_PER_SEC);
    let s = text(&screen(&app, 120, 40));
    let b_rows: Vec<&str> = s
        .lines()
        .filter(|l| l.contains(" B ") && l.contains("queue"))
        .collect();
    assert!(
        b_rows
            .iter()
            .any(|l| l.contains("Δ+") || l.contains("Δ-") || l.contains("Δ+0")),
        "{s}"
    );
}
