//! The pace of a class, on the pure `App`: `n` runs to the next moment and
//! pauses there with a banner, `pause = true` entries pause the dashboard,
//! `t` opens the story of the next call and `Esc` closes it without quitting.

mod common;

use breakwater::base::time::NANOS_PER_SEC;
use breakwater::tui::app::{App, Effect};
use breakwater::tui::input::KeyCode;
use common::app::{ch, compare_at, press, screen, text};
use std::time::Duration;

/// Drives frames until the app pauses or `limit` frames pass.
fn run_until_paused(app: &mut App, limit: usize) {
    for _ in 0..limit {
        if app.paused() {
            return;
        }
        app.on_frame(Duration::from_millis(50));
    }
}

const SCENARIO: &str = r#"
name = "Pacing"
duration = "120s"
seed = 3
[load]
rate = 20.0
[[services]]
name = "api"
failure_rate = 0.0
[patterns.circuit_breaker]
enabled = true
failure_threshold = 5
[[timeline]]
at = "30s"
set = { "services.api.failure_rate" = 1.0 }
note = "api fails"
[[timeline]]
at = "90s"
set = { "services.api.failure_rate" = 0.0 }
note = "api recovers"
pause = true
"#;

#[test]
fn n_stops_at_the_next_entry_then_at_the_breaker_opening() {
    let s = common::scenario(SCENARIO);
    let mut app = App::new(s, 3);
    app.set_paused(true);
    ch(&mut app, 'n');
    run_until_paused(&mut app, 10_000);
    assert_eq!(app.now(), 30 * NANOS_PER_SEC, "the first timeline entry");
    let b = app.banner().expect("a banner says what was reached");
    assert!(b.text.contains("api fails"), "{b:?}");
    assert!(b.title.contains("00:30.0"), "{b:?}");
    let shown = text(&screen(&app, 120, 40));
    assert!(shown.contains("api fails"), "the banner is drawn:\n{shown}");
    // The next moment is the breaker opening, a fraction of a second later.
    ch(&mut app, 'n');
    run_until_paused(&mut app, 10_000);
    let t = app.now();
    assert!(t > 30 * NANOS_PER_SEC && t < 35 * NANOS_PER_SEC, "at {t}");
    let b = app.banner().expect("banner");
    assert!(b.text.contains("CLOSED → OPEN"), "{b:?}");
    // Any key takes the banner down.
    ch(&mut app, '+');
    assert!(app.banner().is_none());
}

/// Where `n` stops for a breaker whose open wait ended (resilience4j's, on
/// its own, between two ticks), everything on screen already shows the new
/// state: the breaker's line, its reason, and the Events panel's line.
#[test]
fn n_stops_on_the_new_state_when_an_open_wait_ends() {
    let s = common::scenario(SCENARIO);
    let mut app = App::new(s, 3);
    app.set_paused(true);
    // The entry at 0:30, the opening, the entry at 1:30, then OPEN's wait
    // of 60 s ends.
    for _ in 0..4 {
        press(&mut app, KeyCode::Esc);
        ch(&mut app, 'n');
        run_until_paused(&mut app, 20_000);
    }
    let b = app.banner().map(|b| b.text.clone());
    let t = app.now();
    assert!(
        t > 90 * NANOS_PER_SEC && t < 96 * NANOS_PER_SEC,
        "at {t}, {b:?}"
    );
    assert!(b.is_some_and(|b| b.contains("OPEN → HALF_OPEN")));
    let notices: Vec<String> = app
        .sim()
        .notices()
        .iter()
        .map(|(_, n)| format!("{n:?}"))
        .collect();
    assert!(
        notices.iter().any(|n| n.contains("HalfOpen")),
        "the transition is a notice already: {notices:?}"
    );
    let shown = text(&screen(&app, 120, 40));
    let events = shown.lines().filter(|l| l.contains("HALF_OPEN")).count();
    assert!(
        events >= 2,
        "state line and Events show HALF_OPEN:\n{shown}"
    );
}

/// The teacher talks over the banner: it stays through a long pause, and
/// only a key takes it down (`Esc` closes it without quitting or resuming).
#[test]
fn the_banner_stays_while_paused_until_a_key() {
    let s = common::scenario(SCENARIO);
    let mut app = App::new(s, 3);
    app.set_paused(true);
    ch(&mut app, 'n');
    run_until_paused(&mut app, 10_000);
    let at = app.now();
    let banner = app.banner().expect("a banner says what was reached");
    // A minute of wall time, paused: frames come (a resize, a redraw) and
    // nothing moves, the banner included.
    for _ in 0..60 {
        app.on_frame(Duration::from_secs(1));
    }
    assert_eq!(app.now(), at);
    assert_eq!(app.banner(), Some(banner), "the banner is still up");
    assert!(text(&screen(&app, 80, 24)).contains("api fails"));
    assert_eq!(press(&mut app, KeyCode::Esc), None, "Esc does not quit");
    assert!(app.banner().is_none(), "a key takes the banner down");
    assert!(app.paused(), "and the dashboard stays paused");
    assert_eq!(
        press(&mut app, KeyCode::Esc),
        Some(Effect::Quit),
        "with nothing open, Esc quits as before"
    );
}

#[test]
fn a_pause_entry_pauses_a_running_dashboard_there() {
    let s = common::scenario(SCENARIO);
    let mut app = App::new(s, 3);
    app.set_speed(1000.0);
    app.advance_to(80 * NANOS_PER_SEC);
    assert!(!app.paused());
    run_until_paused(&mut app, 10_000);
    assert_eq!(app.now(), 90 * NANOS_PER_SEC, "paused exactly at the entry");
    assert!(app
        .banner()
        .is_some_and(|b| b.text.contains("api recovers")));
}

#[test]
fn t_traces_the_next_call_and_esc_closes_without_quitting() {
    let mut app = common::app::app_at(65);
    ch(&mut app, ' ');
    // payment, whose breaker is open at 1:05.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    ch(&mut app, 't');
    let view = app.trace_view().expect("the trace overlay is open");
    let tr = view.sides[0].trace.as_ref().expect("a call was traced");
    assert!(tr.arrived >= 65 * NANOS_PER_SEC);
    assert!(tr.outcome.is_some(), "the call's story is complete");
    let s = text(&screen(&app, 80, 24));
    assert!(s.contains("Trace"), "{s}");
    assert!(s.contains(&format!("call #{}", tr.index)), "{s}");
    assert!(s.contains("answer:"), "the final answer is on screen:\n{s}");
    assert_eq!(app.now(), 65 * NANOS_PER_SEC, "tracing moves no clock");
    assert_eq!(
        press(&mut app, KeyCode::Esc),
        None,
        "Esc closes the overlay"
    );
    assert!(app.trace_view().is_none());
    assert_eq!(press(&mut app, KeyCode::Esc), Some(Effect::Quit));
}

#[test]
fn in_a_comparison_the_same_call_is_traced_on_both_sides() {
    let mut app = compare_at(62);
    ch(&mut app, 't');
    let view = app.trace_view().expect("open");
    assert_eq!(view.sides.len(), 2);
    let a = view.sides[0].trace.as_ref().expect("A");
    let b = view.sides[1].trace.as_ref().expect("B");
    assert_eq!(a.index, b.index, "the same call");
    assert_eq!(a.arrived, b.arrived, "the same luck");
    for (w, h) in [(120, 40), (80, 24)] {
        // Each side keeps its share of the rows, even when the stories are long.
        let s = text(&screen(&app, w, h));
        assert!(s.contains("A · ") && s.contains("B · "), "{w}×{h}:\n{s}");
    }
}

/// The banner is data: said when drawn, in the dashboard's language of the
/// moment, so switching the language while it shows re-translates it.
#[test]
fn the_banner_re_translates_when_the_language_switches() {
    let s = common::scenario(SCENARIO);
    let mut app = breakwater::i18n::scoped("es", || App::new(s, 3));
    app.set_paused(true);
    ch(&mut app, 'n');
    run_until_paused(&mut app, 10_000);
    let b = app.banner().expect("a banner");
    assert!(b.title.contains("guion"), "{b:?}");
    assert!(text(&screen(&app, 120, 40)).contains("guion"));
    app.perform(breakwater::tui::keys::Action::SwitchLanguage);
    let b = app.banner().expect("still shown");
    assert!(
        b.title.contains("timeline") && !b.title.contains("guion"),
        "{b:?}"
    );
    assert!(text(&screen(&app, 120, 40)).contains("timeline"));
}
