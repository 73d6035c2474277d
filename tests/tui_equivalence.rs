//! The dashboard and a headless run agree: key presses at chosen virtual
//! times, written out as a recording and replayed by `Simulation::run`, give
//! the same summary. This is also the record → replay test: a session's
//! recording reproduces its numbers exactly.

mod common;

use breakwater::base::time::NANOS_PER_SEC;
use breakwater::report::Summary;
use breakwater::scenario::recording::recording_toml;
use breakwater::scenario::{parse_scenario, Scenario};
use breakwater::sim::Change;
use breakwater::tui::app::{App, Effect};
use breakwater::tui::input::KeyCode;
use common::app::{lesson, press};

fn no_wall(mut s: Summary) -> Summary {
    s.wall_seconds = 0.0;
    s
}

/// Replays the app's live changes headless and compares summaries.
fn assert_replay_matches(app: &App, scenario: &Scenario) {
    let live: Vec<Change> = app
        .sim()
        .changes()
        .iter()
        .filter(|c| c.live)
        .cloned()
        .collect();
    assert!(!live.is_empty(), "the session made live changes");
    let text = recording_toml(scenario, app.seed(), &live);
    assert_eq!(text, app.recording_text(), "the app records the same text");
    let replay = parse_scenario("recording.toml", text.as_bytes()).expect("recording parses");
    let sim = common::finished(&replay);
    let headless = no_wall(Summary::of(&sim, &scenario.name, 0.0));
    let live = no_wall(Summary::of(app.sim(), &scenario.name, 0.0));
    assert_eq!(live, headless);
}

#[test]
fn keys_at_virtual_times_equal_a_headless_replay() {
    let s = lesson();
    let mut app = App::new(s.clone(), s.seed);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab); // payment
    app.advance_to(30 * NANOS_PER_SEC);
    press(&mut app, KeyCode::Char('o'));
    app.advance_to(45 * NANOS_PER_SEC);
    press(&mut app, KeyCode::Char('o'));
    app.advance_to(50 * NANOS_PER_SEC);
    press(&mut app, KeyCode::Char('2'));
    app.advance_to(70 * NANOS_PER_SEC);
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('l'));
    app.advance_to(100 * NANOS_PER_SEC + 123_456_789);
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Right);
    app.advance_to(150 * NANOS_PER_SEC);
    press(&mut app, KeyCode::Char('l'));
    press(&mut app, KeyCode::Char('f'));
    app.advance_to(u64::MAX);
    assert!(app.sim().is_finished());
    assert_eq!(app.sim().changes().iter().filter(|c| c.live).count(), 9);
    assert_replay_matches(&app, &s);
    // The outage mattered: the run differs from the untouched scenario.
    let plain = common::finished(&s);
    assert_ne!(
        no_wall(Summary::of(&plain, &s.name, 0.0)),
        no_wall(Summary::of(app.sim(), &s.name, 0.0))
    );
}

#[test]
fn frame_driven_advances_equal_a_headless_replay() {
    // Uneven frames at an odd speed, as a real session has.
    let s = lesson();
    let mut app = App::new(s.clone(), 11);
    app.set_speed(37.0);
    let mut k = 0u64;
    while !app.sim().is_finished() {
        k += 1;
        app.on_frame(std::time::Duration::from_micros(
            20_000 + (k * 7919) % 17_000,
        ));
        if k == 40 {
            press(&mut app, KeyCode::Char('o'));
        }
        if k == 90 {
            press(&mut app, KeyCode::Char('o'));
            press(&mut app, KeyCode::Char('3'));
        }
    }
    assert_replay_matches(&app, &s);
}

#[test]
fn the_recording_effect_writes_what_replays() {
    let s = lesson();
    let mut app = App::new(s.clone(), s.seed);
    press(&mut app, KeyCode::Char('R'));
    app.advance_to(20 * NANOS_PER_SEC);
    press(&mut app, KeyCode::Char('o'));
    app.advance_to(40 * NANOS_PER_SEC);
    let text = match press(&mut app, KeyCode::Char('R')) {
        Some(Effect::Save { text, .. }) => text,
        other => panic!("expected a save, got {other:?}"),
    };
    let replay = parse_scenario("rec.toml", text.as_bytes()).expect("parses");
    assert_eq!(replay.timeline.iter().filter(|c| c.live).count(), 1);
    app.advance_to(u64::MAX);
    let sim = common::finished(&replay);
    assert_eq!(
        no_wall(Summary::of(&sim, &s.name, 0.0)),
        no_wall(Summary::of(app.sim(), &s.name, 0.0))
    );
}
