//! The same screens in Spanish, at 80×24 and 120×40 (the dashboard made on
//! a Spanish thread speaks Spanish).

mod common;

use breakwater::base::time::NANOS_PER_SEC;
use breakwater::tui::app::App;
use common::app::screen;
use common::builtin;

#[test]
fn the_lesson_in_spanish() {
    let _es = breakwater::i18n::Scope::enter("es");
    let s = builtin("seed-lesson");
    let seed = s.seed;
    let mut app = App::new(s, seed);
    app.advance_to(150 * NANOS_PER_SEC);
    insta::assert_snapshot!("lesson_es_150s_80x24", screen(&app, 80, 24).backend());
    insta::assert_snapshot!("lesson_es_150s_120x40", screen(&app, 120, 40).backend());
}
