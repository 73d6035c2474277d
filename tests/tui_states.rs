//! Every state that happened is visible (issue 9, item 5): a HALF_OPEN that
//! lasts a fraction of a second still marks the breaker band, with its own
//! symbol and colour; the state line says how long, and when OPEN, when the
//! next probe goes.

mod common;

use breakwater::base::time::NANOS_PER_SEC;
use breakwater::patterns::circuit_breaker::BreakerState;
use breakwater::sim::notices::NoticeKind;
use breakwater::tui::theme::Theme;
use common::app::{app_at, draw, screen, text};

/// The breaker panel's row of `service` (the first row naming it with a state).
fn breaker_row(s: &str, service: &str) -> String {
    s.lines()
        .find(|l| l.contains(service) && l.contains(['●', '○', '◐', '⊘']))
        .unwrap_or_else(|| panic!("no breaker row for {service}:\n{s}"))
        .to_string()
}

#[test]
fn a_brief_half_open_always_marks_the_band() {
    // As the issue sampled it: seed-lesson 1:56–3:14, about 300 looks.
    let mut app = app_at(116);
    let mut looks_after_probe = 0;
    let mut t = 116 * NANOS_PER_SEC;
    while t < 194 * NANOS_PER_SEC {
        t += NANOS_PER_SEC / 4;
        app.advance_to(t);
        let last_probe = app
            .sim()
            .notices()
            .iter()
            .filter_map(|(_, n)| match &n.kind {
                NoticeKind::Breaker {
                    to: BreakerState::HalfOpen,
                    ..
                } if n.service == Some(2) => Some(n.at),
                _ => None,
            })
            .next_back();
        let Some(at) = last_probe else { continue };
        // The band covers minutes; a probe in the last 30 s is on it.
        if app.now() - at > 30 * NANOS_PER_SEC || app.now() - at < NANOS_PER_SEC {
            continue;
        }
        looks_after_probe += 1;
        for (w, h) in [(80, 24), (120, 40)] {
            let row = breaker_row(&text(&screen(&app, w, h)), "payment");
            assert!(
                row.contains('◐'),
                "t={:.1}s {w}×{h}: a HALF_OPEN at {:.1}s is not on the band: {row}",
                app.now() as f64 / 1e9,
                at as f64 / 1e9
            );
        }
    }
    assert!(looks_after_probe > 20, "the lesson probes in this span");
}

#[test]
fn the_half_open_mark_has_its_own_colour() {
    let mut app = app_at(116);
    app.advance_to(194 * NANOS_PER_SEC);
    let theme = Theme::dark();
    let t = draw(&app, 120, 40, &theme);
    let buf = t.backend().buffer();
    let y = (0..40)
        .find(|&y| {
            let row: String = (0..60).map(|x| buf[(x, y)].symbol().to_string()).collect();
            // The breaker panel's row (the header may name payment too).
            row.contains("payment") && ["●", "○", "◐", "⊘"].iter().any(|m| row.contains(m))
        })
        .unwrap();
    let marks: Vec<_> = (0..50)
        .map(|x| &buf[(x, y)])
        .filter(|c| c.symbol() == "◐")
        .collect();
    let row: String = (0..120).map(|x| buf[(x, y)].symbol().to_string()).collect();
    assert!(!marks.is_empty(), "a probe in the band: {row}");
    for c in marks {
        assert_eq!(c.style().fg, theme.breaker(BreakerState::HalfOpen).fg);
        assert_ne!(c.style().fg, theme.breaker(BreakerState::Open).fg);
    }
}

#[test]
fn an_open_breaker_counts_down_to_its_probe() {
    let app = app_at(90);
    let row = breaker_row(&text(&screen(&app, 80, 24)), "payment");
    assert!(
        row.contains("○ OPEN") && row.contains("probe in 37.5s"),
        "{row}"
    );
    let row = breaker_row(&text(&screen(&app, 160, 40)), "payment");
    // Opened at 1:03.9, its 60 s counted from the last failure (1:07.5).
    assert!(row.contains("for 26.1s · probe in 37.5s"), "{row}");
}
