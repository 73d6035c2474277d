//! Where a lesson says "watch X", X is on the screen: each built-in's
//! pointer, drawn at the moment the lesson talks about, at 120×40 and 80×24.

mod common;

use breakwater::base::time::NANOS_PER_SEC;
use breakwater::scenario::variants::Comparison;
use breakwater::tui::app::App;
use common::app::{screen, text};

/// The built-in comparison `name` in the split dashboard at `secs`.
fn compare_at(name: &str, secs: u64) -> App {
    let mut app = App::compare(Comparison::of_variants(&common::builtin(name)));
    app.advance_to(secs * NANOS_PER_SEC);
    app
}

/// The rows of panel `title` (from its top border to the next border).
fn panel<'a>(screen: &'a str, title: &str) -> Vec<&'a str> {
    screen
        .lines()
        .skip_while(|l| !l.contains(title))
        .skip(1)
        .take_while(|l| !l.contains('└') && !l.contains('┗'))
        .collect()
}

#[test]
fn thundering_herd_shows_refused_attempts_on_both_sides() {
    let app = compare_at("thundering-herd", 20);
    let lesson = &app.scenario().lesson;
    assert!(lesson.contains("refused"), "{lesson}");
    for (w, h) in [(120, 40), (80, 24)] {
        let s = text(&screen(&app, w, h));
        let rows = panel(&s, "Retry");
        let refused = rows.iter().filter(|l| l.contains("ref")).count();
        assert_eq!(
            refused, 2,
            "A and B each show refused attempts at {w}×{h}:\n{s}"
        );
    }
}

#[test]
fn timeout_fallback_shows_the_downstreams_utilisation_on_both_sides() {
    let app = compare_at("timeout-fallback", 90);
    let lesson = &app.scenario().lesson;
    assert!(lesson.contains("Bulkhead panel: busy"), "{lesson}");
    for (w, h) in [(120, 40), (80, 24)] {
        let s = text(&screen(&app, w, h));
        let busy = s.lines().filter(|l| l.contains("/400")).count();
        assert!(
            busy >= 2,
            "A and B show the downstream's 400 workers busy at {w}×{h}:\n{s}"
        );
    }
}
