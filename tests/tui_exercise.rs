//! An exercise in the dashboard (issue 22, item 5): the task and goals on
//! the help's first page, `g` grading the live settings — every change made
//! live, counted against the exercise's `may_change` and `max_changes`.

mod common;

use breakwater::base::time::NANOS_PER_SEC;
use breakwater::scenario::exercise;
use breakwater::tui::app::App;
use breakwater::tui::input::KeyCode;
use common::app::{ch, help_pages, press, screen, text};

fn opened(name: &str) -> App {
    let ex = exercise::load(name).unwrap();
    let s = ex.scenario.clone();
    let seed = s.seed;
    let mut app = App::new(s, seed);
    app.open_exercise(ex);
    app
}

#[test]
fn the_task_and_goals_open_first_and_g_grades_the_live_changes() {
    let _en = breakwater::i18n::Scope::enter("en");
    let mut app = opened("keep-checkout-alive");
    assert!(app.help_open(), "the task is on screen at once");
    let s = text(&screen(&app, 80, 24));
    assert!(s.contains("Exercise: Keep checkout alive"), "{s}");
    assert!(s.contains("press g"), "{s}");
    // Its key is in the help's key table, and in the footer once the help is closed.
    let pages = help_pages(&mut app, 120, 40);
    assert!(
        pages.contains(&breakwater::i18n::tr("key-grade", None)),
        "{pages}"
    );

    // Nothing changed yet: the broken world misses every goal.
    press(&mut app, KeyCode::Esc);
    let footer = text(&screen(&app, 120, 40));
    assert!(
        footer.lines().last().unwrap().contains("g grade"),
        "{footer}"
    );
    assert_eq!(ch(&mut app, 'g'), None);
    assert!(app.help_open(), "the grade is shown where the goals are");
    let s = text(&screen(&app, 80, 24));
    assert_eq!(s.matches("✗ missed").count(), 3, "{s}");
    assert!(app.status().unwrap().contains("3 of 3 goals missed"));

    // Live: payment's Bulkhead and Timeout on (Tab to payment, 3, 4).
    press(&mut app, KeyCode::Esc);
    app.advance_to(5 * NANOS_PER_SEC);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    ch(&mut app, '3');
    ch(&mut app, '4');
    let paths: Vec<String> = app.live_changes().into_iter().map(|c| c.path).collect();
    assert_eq!(
        paths,
        [
            "services.payment.bulkhead.enabled",
            "services.payment.timeout.enabled"
        ]
    );
    ch(&mut app, 'g');
    let s = text(&screen(&app, 80, 24));
    assert_eq!(s.matches("✓ met").count(), 3, "{s}");
    assert!(app.status().unwrap().contains("all 3 goals hold"));
}

#[test]
fn a_live_change_outside_may_change_is_named_and_nothing_is_graded() {
    let _en = breakwater::i18n::Scope::enter("en");
    let mut app = opened("keep-checkout-alive");
    press(&mut app, KeyCode::Esc);
    app.advance_to(5 * NANOS_PER_SEC);
    ch(&mut app, 'l'); // a load spike: load.rate, not the exercise's to change
    ch(&mut app, 'g');
    let s = text(&screen(&app, 120, 40));
    assert!(s.contains("Not graded"), "{s}");
    assert!(
        s.contains("load.rate") && s.contains("may not change"),
        "{s}"
    );
    assert!(!s.contains("✓ met") && !s.contains("✗ missed"), "{s}");
}

#[test]
fn without_an_exercise_g_is_no_key_and_the_help_is_as_before() {
    let _en = breakwater::i18n::Scope::enter("en");
    let mut app = common::app::app_at(5);
    let footer = text(&screen(&app, 120, 40));
    assert!(!footer.contains("g grade"), "{footer}");
    ch(&mut app, '?');
    let pages = help_pages(&mut app, 120, 40);
    assert!(!pages.contains(&breakwater::i18n::tr("key-grade", None)));
    ch(&mut app, '?');
    assert_eq!(ch(&mut app, 'g'), None);
    assert!(!app.help_open());
    assert!(app.exercise().is_none());
}
