//! The help's first page is the lesson (issue 20): at 80×24 in Spanish the
//! whole lesson can be brought on screen with the keys, the phase the clock
//! is in is marked, and while the help is open the keys scroll it and
//! change nothing else; `Esc` closes it and never quits.

mod common;

use breakwater::i18n;
use breakwater::scenario::lesson;
use breakwater::tui::app::App;
use breakwater::tui::input::KeyCode;
use common::app::{app_at, ch, press, screen, text};

/// What the help overlay shows: the rows between its borders, their
/// border characters taken off, blanks collapsed (a wrapped text read as
/// the sentences it is).
fn overlay(app: &App, w: u16, h: u16) -> (String, String) {
    let s = text(&screen(app, w, h));
    let rows: Vec<String> = s
        .lines()
        .filter_map(|l| {
            let l = l.trim_matches('"');
            let a = l.find('║')?;
            let b = l.rfind('║')?;
            (b > a).then(|| l[a + '║'.len_utf8()..b].to_string())
        })
        .collect();
    let flat = rows
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (flat, s)
}

fn last_sentence(text: &str) -> &str {
    let text = text.trim();
    text.rsplit(". ").next().unwrap_or(text)
}

#[test]
fn the_last_sentence_of_the_lesson_comes_on_screen_at_80x24_in_spanish() {
    let _es = i18n::Scope::enter("es");
    let mut app = app_at(10);
    ch(&mut app, '?');
    let story = app.scenario().lesson.in_language("es").to_string();
    let last = last_sentence(&story);
    let (first, s) = overlay(&app, 80, 24);
    assert!(
        first.contains("Payment es el servicio con problemas"),
        "{s}"
    );
    assert!(s.contains("página 1/"), "where the reader is:\n{s}");
    assert!(s.contains("▼"), "more below, and it says so:\n{s}");
    let mut seen = first.contains(last);
    for _ in 0..40 {
        if seen {
            break;
        }
        press(&mut app, KeyCode::Down);
        let (now, s) = overlay(&app, 80, 24);
        assert!(s.contains("▲"), "more above, and it says so:\n{s}");
        seen = now.contains(last);
    }
    assert!(seen, "the lesson's last sentence never came on screen");
    // PgDn, page by page, also shows all of it: every sentence whole on some page.
    let mut app = app_at(10);
    ch(&mut app, '?');
    let mut pages = String::new();
    for _ in 0..3 {
        pages.push_str(&overlay(&app, 80, 24).0);
        pages.push(' ');
        press(&mut app, KeyCode::PageDown);
    }
    for sentence in story.split(". ") {
        assert!(
            pages.contains(sentence.trim()),
            "{sentence:?} not whole on a page"
        );
    }
}

#[test]
fn the_phase_the_clock_is_in_is_marked() {
    let s = common::app::lesson();
    let phases = lesson::phases(&s);
    for (secs, want) in [(10, None), (70, Some(1)), (200, Some(2)), (290, Some(4))] {
        let mut app = app_at(secs);
        ch(&mut app, '?');
        let mut all = String::new();
        for _ in 0..4 {
            all.push_str(&text(&screen(&app, 120, 40)));
            press(&mut app, KeyCode::PageDown);
        }
        // The overlay's rows (the header says ▶ RUNNING).
        let marked: Vec<&str> = all
            .lines()
            .filter(|l| l.contains('║') && l.contains('▶'))
            .collect();
        match want {
            None => assert!(
                !marked.iter().any(|l| l.contains(":")),
                "{secs}s: before the first phase none is marked:\n{all}"
            ),
            Some(k) => {
                let p = &phases[k];
                assert!(
                    marked
                        .iter()
                        .any(|l| l.contains(&format!("▶ {}", p.clock()))),
                    "{secs}s: phase {} marked:\n{all}",
                    p.clock()
                );
            }
        }
    }
}

#[test]
fn keys_scroll_the_help_and_change_nothing_else() {
    let mut app = app_at(5);
    let field = app.selected_field();
    let service = app.selected_service();
    let values: Vec<_> = app
        .fields()
        .iter()
        .map(|f| app.sim().world().get(&f.path))
        .collect();
    let changes = app.sim().changes().len();
    ch(&mut app, '?');
    assert!(app.help_open());
    let (first, _) = overlay(&app, 80, 24);
    for code in [
        KeyCode::Down,
        KeyCode::Down,
        KeyCode::Up,
        KeyCode::Char('j'),
        KeyCode::Char('k'),
        KeyCode::PageDown,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::Home,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Tab,
    ] {
        assert_eq!(press(&mut app, code), None, "{code:?}");
        overlay(&app, 80, 24);
    }
    assert_eq!(app.selected_field(), field, "arrows move no parameter");
    assert_eq!(app.selected_service(), service);
    let after: Vec<_> = app
        .fields()
        .iter()
        .map(|f| app.sim().world().get(&f.path))
        .collect();
    assert_eq!(after, values, "no value changed");
    assert_eq!(app.sim().changes().len(), changes, "no change made");
    // The scroll moved the help, and Home brought it back.
    press(&mut app, KeyCode::Down);
    let (moved, _) = overlay(&app, 80, 24);
    assert_ne!(moved, first, "↓ scrolls");
    press(&mut app, KeyCode::Home);
    assert_eq!(overlay(&app, 80, 24).0, first, "Home: the first page");
    // End: the last page, with the last key of the table.
    press(&mut app, KeyCode::End);
    let (end, s) = overlay(&app, 80, 24);
    assert!(end.contains("▲") || s.contains("▲"), "{s}");
    assert!(!s.contains("▼"), "nothing below the end:\n{s}");
    // Esc closes and does not quit; ? closes too.
    assert_eq!(press(&mut app, KeyCode::Esc), None, "Esc never quits");
    assert!(!app.help_open());
    ch(&mut app, '?');
    assert!(app.help_open());
    assert_eq!(ch(&mut app, '?'), None);
    assert!(!app.help_open());
    // Closed, the arrows are the parameters' again.
    press(&mut app, KeyCode::Down);
    assert_ne!(app.selected_field(), field);
}

#[test]
fn the_footer_names_the_scroll_keys_while_the_help_is_open() {
    for (lang, words) in [("en", ["scroll", "page"]), ("es", ["desplazar", "página"])] {
        let _l = i18n::Scope::enter(lang);
        let mut app = app_at(5);
        ch(&mut app, '?');
        let s = text(&screen(&app, 80, 24));
        let footer = s.lines().last().unwrap_or("");
        assert!(
            footer.contains("↑↓") && footer.contains("PgUp/PgDn"),
            "{footer}"
        );
        for w in words {
            assert!(footer.contains(w), "{lang}: {w} in {footer}");
        }
    }
}

#[test]
fn a_comparison_s_lesson_page_names_its_two_sides() {
    let mut app = common::app::compare_at(5);
    ch(&mut app, '?');
    let (page, s) = overlay(&app, 120, 40);
    assert!(
        page.contains("side A: retries ×3 · side B: no retries"),
        "{s}"
    );
}
