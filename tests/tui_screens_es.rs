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

/// One Spanish on screen (issue 21): every built-in alone and compared, at
/// several moments and both sizes, and every page of its help: no number a
/// person reads has a point between digits (the decimal mark is the comma,
/// thousands a space). A scenario's own prose (its lesson quotes commands
/// such as `0.5`) is text of the file, not a number we format: the help's
/// lesson pages are read for the keys and legends only.
#[test]
fn no_point_between_digits_on_spanish_screens() {
    use breakwater::scenario::variants::Comparison;
    use breakwater::tui::keys::Action;
    let _es = breakwater::i18n::Scope::enter("es");
    let point = |line: &str| {
        let c: Vec<char> = line.chars().collect();
        c.windows(3)
            .any(|w| w[0].is_ascii_digit() && w[1] == '.' && w[2].is_ascii_digit())
    };
    let mut wrong = Vec::new();
    let mut screens = 0;
    for name in breakwater::scenario::builtin::names() {
        let s = builtin(name);
        let seed = s.seed;
        // A scenario's own words, where a point may be the file's.
        let own: Vec<String> = [s.lesson.get(), s.description.get()]
            .iter()
            .flat_map(|t| t.split_whitespace().map(str::to_string))
            .filter(|w| point(w))
            .collect();
        let mut apps = vec![App::new(s.clone(), seed)];
        if s.variants.is_some() {
            apps.push(App::compare(Comparison::of_variants(&s)));
        }
        for mut app in apps {
            for secs in [5, 70, 150] {
                app.advance_to(secs * NANOS_PER_SEC);
                for (w, h) in [(80, 24), (120, 40)] {
                    let mut text = common::app::text(&screen(&app, w, h));
                    if secs == 70 {
                        app.perform(Action::ToggleHelp);
                        text.push_str(&common::app::help_pages(&mut app, w, h));
                        app.perform(Action::ToggleHelp);
                    }
                    screens += 1;
                    for line in text.lines().filter(|l| point(l)) {
                        if !own
                            .iter()
                            .any(|w| line.contains(w.trim_matches(|c: char| !c.is_ascii_digit())))
                        {
                            wrong.push(format!("{name} {w}×{h} t={secs}s: {line}"));
                        }
                    }
                }
            }
        }
    }
    assert!(screens > 50, "the screens were drawn ({screens})");
    wrong.dedup();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
