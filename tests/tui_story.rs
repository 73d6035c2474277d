//! Events that tell the story (issue 9, item 7): a held ←/→ is one line
//! from the first value to the last; a replayed live change appears once,
//! credited to the recording, and the recording writes times a person can
//! read.

mod common;

use breakwater::base::time::NANOS_PER_SEC;
use breakwater::scenario::parse_scenario;
use breakwater::tui::app::App;
use breakwater::tui::input::KeyCode;
use common::app::{app_at, press, screen, text};

/// The Events panel's lines of a 120×40 screen.
fn events(app: &App) -> Vec<String> {
    let s = text(&screen(app, 120, 40));
    let lines: Vec<&str> = s.lines().collect();
    let top = lines.iter().position(|l| l.contains("Events")).unwrap();
    // At 120 columns the Events panel starts after Parameters (40 %).
    lines[top + 1..lines.len() - 2]
        .iter()
        .map(|l| {
            l.chars()
                .skip(48)
                .collect::<String>()
                .replace('\u{a0}', " ")
        })
        .filter(|l| l.chars().any(|c| c.is_ascii_digit()))
        .collect()
}

#[test]
fn a_held_adjustment_is_one_line() {
    let mut app = app_at(10);
    for _ in 0..5 {
        press(&mut app, KeyCode::Right);
        app.advance(NANOS_PER_SEC / 10);
    }
    let ev = events(&app);
    let changes: Vec<&String> = ev
        .iter()
        .filter(|l| l.contains("user failure_rate"))
        .collect();
    assert_eq!(changes.len(), 1, "{ev:#?}");
    assert!(
        changes[0].contains("you user failure_rate 0.001 → 0.1"),
        "{changes:?}"
    );
    // Something between two adjustments keeps them apart.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Right);
    let ev = events(&app);
    assert!(
        ev.iter()
            .any(|l| l.contains("you user latency_factor 1.0 → 1.5")),
        "{ev:#?}"
    );
}

#[test]
fn a_replayed_change_is_told_once_by_the_recording() {
    let mut app = app_at(10);
    app.advance(123_456_789);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    let rec = app.recording_text();
    assert!(rec.contains("at = \"10.123456789s\""), "{rec}");
    assert!(!rec.contains("ns\""), "no time in raw nanoseconds:\n{rec}");
    let replay = parse_scenario("rec.toml", rec.as_bytes()).expect("the recording parses");
    let seed = replay.seed;
    let mut again = App::new(replay, seed);
    again.advance_to(20 * NANOS_PER_SEC);
    let ev = events(&again);
    let changes: Vec<&String> = ev
        .iter()
        .filter(|l| l.contains("user failure_rate"))
        .collect();
    assert_eq!(changes.len(), 1, "once: {ev:#?}");
    assert!(
        changes[0].contains("00:10.1 recording user failure_rate 0.001 → 0.01"),
        "{changes:?}"
    );
    assert!(!ev.iter().any(|l| l.contains(" you ")), "{ev:#?}");
}
