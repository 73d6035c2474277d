//! Snapshots of the moments issue 9 found lies in, at 80×24 and 120×40,
//! checked by a person: every number whole with its unit, the window on
//! every chart, HALF_OPEN on the band, forced states spelled cleanly.

mod common;

use breakwater::base::time::NANOS_PER_SEC;
use breakwater::tui::app::App;
use common::app::{ch, screen, text};
use common::builtin;

fn at(name: &str, secs: u64) -> App {
    let s = builtin(name);
    let seed = s.seed;
    let mut app = App::new(s, seed);
    app.advance_to(secs * NANOS_PER_SEC);
    app
}

#[test]
fn retry_storm_at_1_15() {
    let app = at("retry-storm", 75);
    let t = screen(&app, 80, 24);
    // The queue behind the downstream is whole (it read `busy, 30` for 300).
    assert!(text(&t).contains(" queued"), "{}", text(&t));
    insta::assert_snapshot!("retry_storm_75s_80x24", t.backend());
    insta::assert_snapshot!("retry_storm_75s_120x40", screen(&app, 120, 40).backend());
}

#[test]
fn timeout_fallback_in_the_slowdown() {
    let app = at("timeout-fallback", 90);
    insta::assert_snapshot!("timeout_fallback_90s_80x24", screen(&app, 80, 24).backend());
    let app = at("brownout", 100);
    insta::assert_snapshot!("brownout_100s_80x24", screen(&app, 80, 24).backend());
}

#[test]
fn the_lesson_probing_and_forced() {
    let mut app = at("seed-lesson", 150);
    let t = screen(&app, 120, 40);
    assert!(text(&t).contains('◐'), "a probe is on the band");
    insta::assert_snapshot!("lesson_150s_120x40", t.backend());
    ch(&mut app, 'f');
    insta::assert_snapshot!("lesson_forced_80x24", screen(&app, 80, 24).backend());
    ch(&mut app, 'w');
    ch(&mut app, 'w');
    insta::assert_snapshot!("lesson_whole_run_120x40", screen(&app, 120, 40).backend());
}
