//! Every key binding does what the help says: a change to the world (read
//! back with `World::get`) or a change of the view state.

mod common;

use breakwater::base::time::NANOS_PER_SEC;
use breakwater::tui::app::PanelId;
use breakwater::tui::app::{App, Effect};
use breakwater::tui::input::{Key, KeyCode, Modifiers};
use breakwater::tui::keys::{self, Action, Context};
use common::app::{app_at, ch, press};

fn get(app: &App, path: &str) -> toml::Value {
    app.sim()
        .world()
        .get(path)
        .unwrap_or_else(|| panic!("{path} unreadable"))
}

fn live_changes(app: &App) -> Vec<(String, toml::Value)> {
    app.sim()
        .changes()
        .iter()
        .filter(|c| c.live)
        .map(|c| (c.path.clone(), c.value.clone()))
        .collect()
}

#[test]
fn space_pauses_and_resumes_and_dot_steps_one_tick_only_while_paused() {
    let mut a = app_at(5);
    assert!(!a.paused());
    ch(&mut a, ' ');
    assert!(a.paused());
    let t0 = a.sim().now();
    a.on_frame(std::time::Duration::from_secs(1));
    assert_eq!(a.sim().now(), t0, "paused: frames do not advance");
    ch(&mut a, '.');
    assert_eq!(a.sim().now(), t0 + a.scenario().tick.0, "one tick");
    ch(&mut a, ' ');
    assert!(!a.paused());
    let t1 = a.sim().now();
    ch(&mut a, '.');
    assert_eq!(a.sim().now(), t1, "`.` does nothing while running");
    a.on_frame(std::time::Duration::from_millis(500));
    assert_eq!(
        a.sim().now(),
        t1 + NANOS_PER_SEC / 2,
        "1× runs at wall speed"
    );
}

#[test]
fn plus_and_minus_step_the_speed_within_bounds() {
    let mut a = app_at(5);
    assert_eq!(a.speed(), 1.0);
    ch(&mut a, '+');
    assert_eq!(a.speed(), 2.0);
    ch(&mut a, '-');
    ch(&mut a, '-');
    assert_eq!(a.speed(), 0.5);
    for _ in 0..30 {
        ch(&mut a, '+');
    }
    assert_eq!(a.speed(), 1000.0);
    for _ in 0..30 {
        ch(&mut a, '-');
    }
    assert_eq!(a.speed(), 0.1);
    let t = a.sim().now();
    a.on_frame(std::time::Duration::from_secs(1));
    assert_eq!(a.sim().now(), t + NANOS_PER_SEC / 10, "0.1×");
}

#[test]
fn tab_and_shift_tab_select_services_and_arrows_select_fields() {
    let mut a = app_at(5);
    assert_eq!(a.selected_service_name(), "user");
    press(&mut a, KeyCode::Tab);
    assert_eq!(a.selected_service_name(), "order");
    press(&mut a, KeyCode::BackTab);
    press(&mut a, KeyCode::BackTab);
    assert_eq!(a.selected_service_name(), "payment");
    assert_eq!(a.selected_field(), 0);
    press(&mut a, KeyCode::Down);
    assert_eq!(a.fields()[a.selected_field()].label, "latency_factor");
    press(&mut a, KeyCode::Up);
    press(&mut a, KeyCode::Up);
    assert_eq!(
        a.selected_field(),
        a.fields().len() - 1,
        "wraps to the last"
    );
}

#[test]
fn left_and_right_change_the_selected_value_through_change_now() {
    let mut a = app_at(5);
    press(&mut a, KeyCode::Tab);
    press(&mut a, KeyCode::Tab); // payment
    assert_eq!(
        get(&a, "services.payment.failure_rate").as_float(),
        Some(0.005)
    );
    press(&mut a, KeyCode::Right);
    assert_eq!(
        get(&a, "services.payment.failure_rate").as_float(),
        Some(0.01)
    );
    press(&mut a, KeyCode::Left);
    press(&mut a, KeyCode::Left);
    assert_eq!(
        get(&a, "services.payment.failure_rate").as_float(),
        Some(0.001)
    );
    // workers: an integer field.
    while a.fields()[a.selected_field()].label != "workers" {
        press(&mut a, KeyCode::Down);
    }
    press(&mut a, KeyCode::Right);
    assert_eq!(get(&a, "services.payment.workers").as_integer(), Some(9));
    // a duration field.
    while a.fields()[a.selected_field()].label != "timeout.per_attempt" {
        press(&mut a, KeyCode::Down);
    }
    press(&mut a, KeyCode::Left);
    assert_eq!(
        get(&a, "services.payment.timeout.per_attempt").as_str(),
        Some("3s")
    );
    let live = live_changes(&a);
    assert_eq!(live.len(), 5, "every change is a live change: {live:?}");
}

#[test]
fn digits_toggle_the_four_patterns_of_the_selected_service() {
    let mut a = app_at(5);
    for (key, pattern) in [
        ('1', "circuit_breaker"),
        ('2', "retry"),
        ('3', "bulkhead"),
        ('4', "timeout"),
    ] {
        let path = format!("services.user.{pattern}.enabled");
        assert_eq!(get(&a, &path).as_bool(), Some(true));
        ch(&mut a, key);
        assert_eq!(get(&a, &path).as_bool(), Some(false), "{key}");
        ch(&mut a, key);
        assert_eq!(get(&a, &path).as_bool(), Some(true), "{key} again");
    }
    assert_eq!(
        get(&a, "services.order.retry.enabled").as_bool(),
        Some(true)
    );
}

#[test]
fn outage_latency_spike_and_load_spike_toggle() {
    let mut a = app_at(5);
    press(&mut a, KeyCode::Tab);
    press(&mut a, KeyCode::Tab); // payment
    ch(&mut a, 'o');
    assert_eq!(get(&a, "services.payment.down").as_bool(), Some(true));
    ch(&mut a, 'o');
    assert_eq!(get(&a, "services.payment.down").as_bool(), Some(false));
    ch(&mut a, 's');
    assert_eq!(
        get(&a, "services.payment.latency_factor").as_float(),
        Some(10.0)
    );
    assert!(a.latency_spike_on(2));
    ch(&mut a, 's');
    assert_eq!(
        get(&a, "services.payment.latency_factor").as_float(),
        Some(1.0)
    );
    ch(&mut a, 'l');
    assert_eq!(get(&a, "load.rate").as_float(), Some(90.0));
    assert!(a.load_spike_on());
    ch(&mut a, 'l');
    assert_eq!(get(&a, "load.rate").as_float(), Some(30.0));
}

#[test]
fn f_cycles_the_breaker_force() {
    let mut a = app_at(5);
    let path = "services.user.circuit_breaker.force";
    assert_eq!(get(&a, path).as_str(), Some("none"));
    for want in ["forced_open", "disabled", "none"] {
        ch(&mut a, 'f');
        assert_eq!(get(&a, path).as_str(), Some(want));
    }
    ch(&mut a, 'f');
    assert_eq!(
        a.sim().breaker_state(0),
        breakwater::patterns::circuit_breaker::BreakerState::ForcedOpen
    );
}

#[test]
fn r_restarts_at_zero_with_the_same_seed() {
    let mut a = app_at(5);
    ch(&mut a, 'o');
    a.advance_to(20 * NANOS_PER_SEC);
    ch(&mut a, 'r');
    assert_eq!(a.sim().now(), 0);
    assert_eq!(a.sim().seed(), 7);
    assert!(live_changes(&a).is_empty());
    assert_eq!(get(&a, "services.user.down").as_bool(), Some(false));
    assert!(a.history().samples().is_empty());
}

#[test]
fn capital_r_records_and_writes_the_live_changes() {
    let mut a = app_at(5);
    assert!(a.recording().is_none());
    ch(&mut a, 'R');
    assert_eq!(a.recording(), Some("breakwater-recording-seed-lesson.toml"));
    ch(&mut a, 'o');
    match ch(&mut a, 'R') {
        Some(Effect::Save { path, text }) => {
            assert_eq!(path, "breakwater-recording-seed-lesson.toml");
            assert!(text.contains("services.user.down"), "{text}");
            assert!(text.contains("live = true"));
        }
        other => panic!("expected a save, got {other:?}"),
    }
    assert!(a.recording().is_none());
    // --record: written on quit.
    a.start_recording("x.toml".into());
    assert!(matches!(a.finish(), Some(Effect::Save { path, .. }) if path == "x.toml"));
}

#[test]
fn help_zoom_focus_and_quit() {
    let mut a = app_at(5);
    ch(&mut a, '?');
    assert!(a.help_open());
    assert_eq!(ch(&mut a, 'o'), None);
    assert_eq!(
        get(&a, "services.user.down").as_bool(),
        Some(false),
        "keys are inert under help"
    );
    assert_eq!(press(&mut a, KeyCode::Esc), None, "Esc closes the help");
    assert!(!a.help_open());
    ch(&mut a, 'z');
    assert!(a.zoomed());
    ch(&mut a, 'z');
    assert!(!a.zoomed());
    assert_eq!(a.focus(), PanelId::Breaker);
    ch(&mut a, 'p');
    assert_eq!(a.focus(), PanelId::Retries);
    ch(&mut a, 'P');
    ch(&mut a, 'P');
    assert_eq!(a.focus(), PanelId::Events);
    assert_eq!(ch(&mut a, 'q'), Some(Effect::Quit));
    assert_eq!(press(&mut a, KeyCode::Esc), Some(Effect::Quit));
    assert_eq!(
        a.handle_key(Key::new(KeyCode::Char('c'), Modifiers::CONTROL)),
        Some(Effect::Quit)
    );
    ch(&mut a, '?');
    assert_eq!(
        ch(&mut a, 'q'),
        Some(Effect::Quit),
        "q quits from the help too"
    );
}

#[test]
fn r_and_shift_r_are_different_keys() {
    let cx = Context::default();
    let r = Key::new(KeyCode::Char('r'), Modifiers::NONE);
    let big = Key::new(KeyCode::Char('R'), Modifiers::SHIFT);
    let kitty = Key::new(KeyCode::Char('r'), Modifiers::SHIFT);
    assert_eq!(keys::action_for(&r, cx), Some(Action::Restart));
    assert_eq!(keys::action_for(&big, cx), Some(Action::ToggleRecording));
    assert_eq!(keys::action_for(&kitty, cx), Some(Action::ToggleRecording));
}

#[test]
fn no_key_is_bound_twice_in_one_context() {
    for cx in [
        Context {
            paused: false,
            help: false,
            compare: false,
            ..Context::default()
        },
        Context {
            paused: true,
            help: false,
            compare: false,
            ..Context::default()
        },
        Context {
            paused: false,
            help: true,
            compare: false,
            ..Context::default()
        },
        Context {
            paused: false,
            help: false,
            compare: true,
            ..Context::default()
        },
        Context {
            paused: true,
            help: false,
            compare: true,
            ..Context::default()
        },
        Context {
            overlay: true,
            ..Context::default()
        },
        Context {
            overlay: true,
            paused: true,
            compare: true,
            ..Context::default()
        },
    ] {
        let mut seen = Vec::new();
        for b in keys::bindings().iter().filter(|b| b.when.applies(cx)) {
            for k in b.keys {
                assert!(!seen.contains(k), "{k:?} bound twice in {cx:?}");
                seen.push(*k);
            }
        }
    }
}

#[test]
fn a_value_stops_at_the_end_of_its_range_and_says_so() {
    let mut a = app_at(5);
    // Raise max_attempts to its top, then once more.
    while a.fields()[a.selected_field()].label != "retry.max_attempts" {
        press(&mut a, KeyCode::Down);
    }
    for _ in 0..20 {
        press(&mut a, KeyCode::Right);
    }
    assert_eq!(
        get(&a, "services.user.retry.max_attempts").as_integer(),
        Some(10)
    );
    assert!(a.status().is_some_and(|s| s.contains("limit")));
}

/// The dashboard's state and its key table know no terminal library, so
/// another front end (a browser) can drive them: only the terminal shell
/// (`tui/mod.rs`, `tui/terminal.rs`) names crossterm.
#[test]
fn the_app_and_its_keys_name_no_terminal_library() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let mut files = vec![
        root.join("app.rs"),
        root.join("keys.rs"),
        root.join("input.rs"),
    ];
    for dir in ["app", "panels"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            files.push(e.unwrap().path());
        }
    }
    assert!(files.len() > 10, "{files:?}");
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        assert!(
            !text.contains("crossterm"),
            "{} names crossterm",
            f.display()
        );
    }
}
