//! What the dashboard draws, checked on a test backend: snapshots of whole
//! screens (wide, narrow, help, too small) and cell-level checks that breaker
//! states differ by symbol and by style, not by colour alone.

mod common;

use breakwater::base::time::NANOS_PER_SEC;
use breakwater::patterns::circuit_breaker::BreakerState;
use breakwater::tui::app::App;
use breakwater::tui::app::PanelId;
use breakwater::tui::panels;
use breakwater::tui::theme::Theme;
use common::app::{app_at, ch, help_pages, row, screen, text};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const TITLES: &[&str] = &[
    "Circuit Breaker",
    "Retry",
    "Bulkhead",
    "Timeout · Fallback",
    "Latency",
    "Throughput",
    "Events",
    "Parameters",
];

#[test]
fn dashboard_120x40_with_payment_open() {
    let app = app_at(90);
    assert_eq!(app.sim().breaker_state(2), BreakerState::Open);
    let t = screen(&app, 120, 40);
    let s = text(&t);
    for title in TITLES {
        assert!(s.contains(title), "panel title {title:?} missing:\n{s}");
    }
    assert!(s.contains("○ OPEN"), "payment's breaker should show OPEN");
    assert!(s.contains("t=01:30.0"), "the virtual clock");
    assert!(s.contains("next 02:30.0"), "the next timeline change");
    insta::assert_snapshot!("dashboard_120x40", t.backend());
}

#[test]
fn dashboard_80x24_with_payment_open() {
    let app = app_at(90);
    let t = screen(&app, 80, 24);
    let s = text(&t);
    for title in TITLES {
        assert!(
            s.contains(title),
            "panel title {title:?} missing at 80×24:\n{s}"
        );
    }
    assert!(s.contains("payment ○ OPEN"));
    insta::assert_snapshot!("dashboard_80x24", t.backend());
}

#[test]
fn help_overlay_lists_the_lesson_and_the_keys() {
    let mut app = app_at(10);
    ch(&mut app, '?');
    assert!(app.help_open());
    let t = screen(&app, 120, 40);
    let s = text(&t);
    assert!(s.contains("Help"));
    assert!(
        s.contains("Payment is the troubled service"),
        "the lesson text"
    );
    // The keys follow the lesson, on the help's next pages.
    let first = t;
    let s = help_pages(&mut app, 120, 40);
    for b in breakwater::tui::keys::bindings() {
        // Keys of the split dashboard are listed only in a comparison.
        if b.when != breakwater::tui::keys::When::Help
            && b.when != breakwater::tui::keys::When::Compare
        {
            let words = breakwater::i18n::tr(b.help, None);
            assert!(s.contains(&words), "help lacks {words:?}");
        }
    }
    insta::assert_snapshot!("help_120x40", first.backend());
}

#[test]
fn too_small_says_so_and_recovers() {
    let app = app_at(5);
    let t = screen(&app, 60, 15);
    let s = text(&t);
    assert!(s.contains("enlarge to 80×24"), "{s}");
    assert!(!s.contains("Circuit Breaker"));
    insta::assert_snapshot!("too_small_60x15", t.backend());
    // Growing the same app's screen draws the dashboard again.
    let t = screen(&app, 80, 24);
    assert!(text(&t).contains("Circuit Breaker"));
}

#[test]
fn zoom_fills_the_screen_with_the_focused_panel() {
    let mut app = app_at(90);
    ch(&mut app, 'z');
    let s = text(&screen(&app, 120, 40));
    assert!(s.contains("Circuit Breaker"));
    assert!(!s.contains("Retry "), "only the zoomed panel is drawn");
}

/// Three services whose breakers are, at one moment, CLOSED, OPEN and HALF-OPEN.
const STATES: &str = r#"
name = "Three states"
seed = 3
duration = "60s"

[load]
kind = "constant"
rate = 30

[[services]]
name = "steady"
share = 1
failure_rate = 0.0
latency = "10ms"

[[services]]
name = "broken"
share = 1
failure_rate = 1.0
latency = "10ms"
[services.circuit_breaker]
open_for = "1h"

[[services]]
name = "probing"
share = 1
down = true
latency = "30s"
workers = 50
[services.circuit_breaker]
open_for = "2s"

[patterns.circuit_breaker]
kind = "consecutive"
failure_threshold = 1
open_for = "2s"

[[timeline]]
at = "1s"
set = { "services.probing.down" = false }
"#;

/// The style and symbol of the state mark on service row `row` of the
/// breaker panel (the cell after the name column).
fn state_cell(buf: &Buffer, row: u16) -> (String, ratatui::style::Style) {
    let y = 1 + 2 * row;
    let x = (0..buf.area.width)
        .find(|&x| ["●", "○", "◐"].contains(&buf[(x, y)].symbol()))
        .unwrap_or_else(|| panic!("no state symbol on row {row}"));
    let c = &buf[(x, y)];
    (c.symbol().to_string(), c.style())
}

#[test]
fn closed_open_and_half_open_differ_in_symbol_and_style() {
    let s = common::scenario(STATES);
    let mut app = App::new(s, 3);
    let want = [
        BreakerState::Closed,
        BreakerState::Open,
        BreakerState::HalfOpen,
    ];
    let mut found = false;
    for k in 1..=300 {
        app.advance_to(k * NANOS_PER_SEC / 10);
        let now: Vec<_> = (0..3).map(|i| app.sim().breaker_state(i)).collect();
        if now == want {
            found = true;
            break;
        }
    }
    assert!(
        found,
        "the scenario never showed CLOSED, OPEN and HALF-OPEN at once"
    );
    for theme in [Theme::dark(), Theme::light(), Theme::plain()] {
        let area = Rect::new(0, 0, 70, 8);
        let mut buf = Buffer::empty(area);
        panels::render_panel(PanelId::Breaker, &app, &theme, area, &mut buf, false);
        let cells: Vec<_> = (0..3).map(|r| state_cell(&buf, r)).collect();
        assert_eq!(cells[0].0, "●");
        assert_eq!(cells[1].0, "○");
        assert_eq!(cells[2].0, "◐");
        for a in 0..3 {
            for b in a + 1..3 {
                assert_ne!(
                    cells[a].1, cells[b].1,
                    "{} theme: rows {a} and {b} have the same style",
                    theme.name
                );
            }
        }
        assert!(row(&buf, 1).contains("● CLOSED"));
        assert!(row(&buf, 3).contains("○ OPEN"));
        assert!(row(&buf, 5).contains("◐ HALF_OPEN"));
    }
}

#[test]
fn help_overlay_fits_80x24() {
    let mut app = app_at(10);
    ch(&mut app, '?');
    let t = screen(&app, 80, 24);
    // The first page is the lesson; the bindings are on the next pages.
    let s = help_pages(&mut app, 80, 24);
    assert!(
        s.contains("quit, print the summary"),
        "the last binding is visible:\n{s}"
    );
    insta::assert_snapshot!("help_80x24", t.backend());
}
