//! The screen tells the truth about itself (issue 9, part 1): the light
//! palette paints its own background, recordings never overwrite one
//! another, a pattern switched off for all services stays off unless a
//! service says otherwise, `r` restarts at the session's speed, a zoomed
//! panel does not hide a change, `? help` and the essential keys survive
//! 80×24, and a cut text ends in `…`.

mod common;

use breakwater::base::time::NANOS_PER_SEC;
use breakwater::tui::app::{App, PanelId};
use breakwater::tui::input::KeyCode;
use breakwater::tui::save::write_new;
use breakwater::tui::theme::Theme;
use common::app::{app_at, ch, draw, lesson, press, screen, text};
use common::scenario;
use ratatui::style::Color;

#[test]
fn the_light_palette_sets_every_cells_background() {
    let app = app_at(90);
    for (w, h) in [(80, 24), (120, 40)] {
        let t = draw(&app, w, h, &Theme::light());
        for cell in t.backend().buffer().content.iter() {
            assert_ne!(cell.bg, Color::Reset, "a cell on the terminal's background");
            assert_ne!(cell.fg, Color::Reset, "a cell in the terminal's colour");
        }
        let white = t
            .backend()
            .buffer()
            .content
            .iter()
            .filter(|c| c.bg == Color::White)
            .count();
        assert!(white > (w as usize * h as usize) / 2, "mostly white paper");
    }
    // The dark palette keeps the terminal's own background.
    let t = draw(&app, 80, 24, &Theme::dark());
    assert!(t
        .backend()
        .buffer()
        .content
        .iter()
        .all(|c| c.bg == Color::Reset));
}

#[test]
fn a_recording_never_overwrites_another() {
    let dir = common::temp_dir("rec");
    let path = dir.join("rec.toml");
    let path = path.to_str().unwrap();
    let _ = std::fs::remove_file(path);
    let first = write_new(path, "first").unwrap();
    let second = write_new(path, "second").unwrap();
    assert_eq!(first, path);
    assert_ne!(first, second, "a second recording gets its own name");
    assert!(second.ends_with("rec-2.toml"), "{second}");
    assert_eq!(std::fs::read_to_string(&first).unwrap(), "first");
    assert_eq!(std::fs::read_to_string(&second).unwrap(), "second");
    std::fs::remove_dir_all(&dir).unwrap();
}

const BULKHEADS: &str = r#"
name = "bulkheads"
duration = "10s"
[load]
kind = "constant"
rate = 10
[[services]]
name = "a"
[services.bulkhead]
max_concurrent = 3
[[services]]
name = "b"
[services.bulkhead]
enabled = true
max_concurrent = 4
[[services]]
name = "c"
"#;

#[test]
fn a_pattern_switched_off_for_all_stays_off_unless_a_service_says_so() {
    let off = format!("{BULKHEADS}\n[patterns.bulkhead]\nenabled = false\nmax_concurrent = 8\n");
    let s = scenario(&off);
    let bh = |i: usize| &s.world.services[i].patterns.bulkhead;
    assert!(!bh(0).enabled, "a's section sets only max_concurrent");
    assert_eq!(bh(0).max_concurrent, 3, "…which it overrides");
    assert!(bh(1).enabled, "b turns it on itself");
    assert!(!bh(2).enabled, "c inherits off");
    // Without a pattern-wide `enabled = false`, a service's section turns it on.
    let s = scenario(BULKHEADS);
    assert!(s.world.services[0].patterns.bulkhead.enabled);
    assert!(!s.world.services[2].patterns.bulkhead.enabled);
    // And the other direction: on for all, off for one.
    let on = "name = \"x\"\nduration = \"10s\"\n[load]\nkind = \"constant\"\nrate = 1\n\
              [[services]]\nname = \"a\"\n[services.bulkhead]\nenabled = false\n\
              [[services]]\nname = \"b\"\n[patterns.bulkhead]\nmax_concurrent = 2\n";
    let s = scenario(on);
    assert!(!s.world.services[0].patterns.bulkhead.enabled);
    assert_eq!(s.world.services[0].patterns.bulkhead.max_concurrent, 2);
    assert!(s.world.services[1].patterns.bulkhead.enabled);
}

#[test]
fn restart_after_the_end_comes_back_to_the_sessions_speed() {
    let s = lesson();
    let mut app = App::new(s, 7);
    app.set_start_speed(2.0);
    app.set_speed(1000.0);
    app.advance_to(u64::MAX);
    assert!(app.sim().is_finished());
    ch(&mut app, 'r');
    assert_eq!(app.now(), 0);
    assert_eq!(app.speed(), 2.0, "not the ×1000 that rushed to the end");
}

#[test]
fn a_change_made_while_zoomed_is_said_in_the_footer() {
    let mut app = app_at(10);
    assert_eq!(app.focus(), PanelId::Breaker);
    ch(&mut app, 'z');
    press(&mut app, KeyCode::Right);
    let s = text(&screen(&app, 80, 24));
    let footer = s.lines().last().unwrap();
    assert!(footer.contains("failure_rate → 0.005"), "{footer}");
    press(&mut app, KeyCode::Down);
    let s = text(&screen(&app, 80, 24));
    assert!(s.lines().last().unwrap().contains("latency_factor"), "{s}");
    // An incident key too.
    ch(&mut app, 's');
    let s = text(&screen(&app, 80, 24));
    assert!(
        s.lines()
            .last()
            .unwrap()
            .contains("user latency_factor → 10.0"),
        "{s}"
    );
    // Not zoomed, the Parameters panel shows it: no status needed.
    let mut app = app_at(10);
    press(&mut app, KeyCode::Right);
    assert!(app.status().is_none());
}

#[test]
fn help_and_the_essential_keys_survive_80_columns() {
    let mut s = lesson();
    s.name = "A scenario with a very long name that fills the header".into();
    let mut app = App::new(s, 7);
    app.advance_to(5 * NANOS_PER_SEC);
    for _ in 0..PanelId::ALL.len() {
        let t = text(&screen(&app, 80, 24));
        let lines: Vec<&str> = t.lines().collect();
        assert!(lines[0].contains("? help"), "{}", lines[0]);
        assert!(lines[0].contains('…'), "the name shortened visibly");
        let footer = lines.last().unwrap();
        for k in [" ? help", " space ", " +/- ", " q quit"] {
            assert!(footer.contains(k), "{k:?} missing: {footer}");
        }
        if app.focus() == PanelId::Parameters {
            assert!(footer.contains("↑↓") && footer.contains("←→"), "{footer}");
        }
        ch(&mut app, 'p');
    }
}

#[test]
fn a_cut_event_ends_in_an_ellipsis_after_a_whole_word() {
    let app = app_at(90);
    let t = screen(&app, 80, 24);
    let buf = t.backend().buffer();
    let s = text(&t);
    let wide = text(&screen(&app, 200, 40));
    let top = s.lines().position(|l| l.contains("Events")).unwrap() as u16;
    let mut cut = 0;
    for y in top + 1..23 {
        let row: String = (40..79).map(|x| buf[(x, y)].symbol().to_string()).collect();
        let row = row.trim_end();
        if row.is_empty() || row.contains('─') {
            continue;
        }
        if let Some(head) = row.strip_suffix('…') {
            cut += 1;
            assert!(head.ends_with(' '), "cut inside a word: {row}");
            assert!(
                wide.contains(head.trim_start()),
                "{head:?} is how the event begins"
            );
        }
    }
    assert!(cut > 0, "long events at 80 columns are cut, visibly:\n{s}");
}

#[test]
fn a_forced_state_is_spelled_cleanly_with_its_time() {
    let mut app = app_at(10);
    ch(&mut app, 'f');
    for (w, h) in [(80, 24), (120, 40)] {
        let s = text(&screen(&app, w, h));
        let row = s.lines().find(|l| l.contains("▸user")).unwrap();
        assert!(row.contains("⊘ FORCED_OPEN for "), "{row}");
        assert!(
            !s.contains("FORCED-OPEN") && !s.contains("OPENforced"),
            "{s}"
        );
    }
}

#[test]
fn attempt_timeouts_and_calls_timed_out_have_their_own_words() {
    let app = app_at(10);
    let s = text(&screen(&app, 120, 40));
    // The Timeout panel counts attempts cut off, per second, and totals with Σ.
    assert!(s.contains("⧖   0.0/s cut"), "{s}");
    assert!(s.contains("Σ fallbacks 0"), "{s}");
    assert!(
        !s.contains("⧗   0.0/s ▁"),
        "⧗ is for calls, in Throughput only"
    );
    // Throughput's rows are calls per second, by final outcome; on the
    // narrow panel the title keeps the service's name (issue 21) and each
    // row says its `/s`.
    assert!(s.contains("Throughput (user)"), "{s}");
    assert!(s.contains("timed out     0.0/s"), "{s}");
    let s = text(&screen(&app, 80, 24));
    assert!(s.contains("Throughput (user) · calls/s"), "{s}");
    assert!(s.contains("⧗ timed out"));
}
