//! Honest numbers on the screen (issue 20, item 6): the Retry panel's
//! attempts per call counts the calls that made an attempt, so it is never
//! below 1 when the caller pool turns calls away; the Latency panel shows
//! the calls that reached the service and says so, so payment failing
//! slowly never reads "0 ms".

mod common;

use breakwater::base::outcome::Outcome;
use breakwater::base::time::NANOS_PER_SEC;
use breakwater::tui::app::App;
use breakwater::tui::input::KeyCode;
use common::app::{app_at, ch, help_pages, press, screen, text};

/// The attempts per call on the screen's rows (before any of its units, in
/// both languages, longest first).
fn attempts_per_call_shown(screen: &str) -> Vec<f64> {
    const UNITS: [&str; 6] = [
        "attempts/call",
        "att/call",
        "att/c",
        "intentos/llamada",
        "int/llam",
        "int/ll",
    ];
    screen
        .lines()
        .filter_map(|l| {
            let (head, _) = UNITS.iter().find_map(|u| l.split_once(u))?;
            let n = head.split_whitespace().last()?;
            n.replace(',', ".").parse().ok()
        })
        .collect()
}

/// seed-lesson at 3:50 with payment's bulkhead off (Tab twice, `3`), run to
/// `secs`: payment's slow calls hold the caller's threads and the pool
/// turns calls away.
fn pool_rejecting(secs: u64) -> App {
    let mut app = app_at(230);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.selected_service_name(), "payment");
    ch(&mut app, '3');
    app.advance_to(secs * NANOS_PER_SEC);
    app
}

#[test]
fn attempts_per_call_is_never_below_1_while_the_pool_turns_calls_away() {
    for lang in ["en", "es"] {
        let _l = breakwater::i18n::Scope::enter(lang);
        let app = pool_rejecting(244);
        check_pool_rejecting(&app, lang);
    }
}

fn check_pool_rejecting(app: &App, lang: &str) {
    let recent: Vec<_> = app.history().samples().last_n(10).collect();
    let rejected: u64 = recent
        .iter()
        .flat_map(|s| &s.services)
        .map(|x| x.outcomes[Outcome::ClientRejected.index()])
        .sum();
    assert!(rejected > 0, "the caller pool turns calls away");
    // Attempts over arrivals, the old measure, is below 1 for some service.
    let below = (0..3).any(|i| {
        let (a, c) = recent.iter().fold((0, 0), |(a, c), s| {
            (a + s.services[i].attempts, c + s.services[i].calls)
        });
        (a as f64) < 0.95 * c as f64
    });
    assert!(below, "the old ratio would read below 1");
    for (w, h) in [(80, 24), (120, 40)] {
        let s = text(&screen(app, w, h));
        let shown = attempts_per_call_shown(&s);
        assert_eq!(shown.len(), 3, "{lang} {w}×{h}:\n{s}");
        assert!(
            shown.iter().all(|&x| x >= 1.0),
            "{lang} {w}×{h}: {shown:?}\n{s}"
        );
    }
}

#[test]
fn paymentss_latency_is_of_the_calls_that_reached_it_and_says_so() {
    // 2:00: payment's breaker is open; the calls that reached it failed
    // after taking time, and most answers are instant.
    for lang in ["en", "es"] {
        let _l = breakwater::i18n::Scope::enter(lang);
        let mut app = app_at(118);
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Tab);
        let words: &[&str] = if lang == "en" {
            &["calls that reached it", " reached "]
        } else {
            &["llamadas que llegaron", " llegadas "]
        };
        for (w, h) in [(80, 24), (120, 40), (160, 50)] {
            let s = text(&screen(&app, w, h));
            // Which calls, said in words (in the title, or at the bottom).
            assert!(words.iter().any(|x| s.contains(x)), "{lang} {w}×{h}:\n{s}");
            let title = s
                .lines()
                .find(|l| l.contains("p50 ") && l.contains("(payment)"))
                .unwrap_or_else(|| panic!("{lang} {w}×{h}:\n{s}"));
            let p50 = title.split("p50 ").nth(1).unwrap();
            let ms: f64 = p50
                .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
                .next()
                .unwrap()
                .replace(',', ".")
                .parse()
                .unwrap();
            assert!(ms > 0.0, "{lang} {w}×{h}: {title}");
        }
        // Its answers, most of them instant, have a median of 0 ms.
        let recent: Vec<_> = app.history().samples().last_n(10).collect();
        assert!(recent
            .iter()
            .any(|s| s.services[2].finished > 0 && s.services[2].p50 == 0.0));
    }
}

/// Whether `c` draws a frame or a chart (borders, braille dots, bars), not
/// a symbol that says something.
fn drawing(c: char) -> bool {
    matches!(c as u32, 0x2500..=0x259F | 0x2800..=0x28FF)
}

#[test]
fn every_symbol_and_abbreviation_on_screen_is_in_the_helps_legend() {
    for lang in ["en", "es"] {
        let _l = breakwater::i18n::Scope::enter(lang);
        let mut screens = String::new();
        for secs in [30, 100, 200] {
            let app = app_at(secs);
            for (w, h) in [(80, 24), (120, 40)] {
                screens.push_str(&text(&screen(&app, w, h)));
            }
        }
        let app = pool_rejecting(244);
        for (w, h) in [(80, 24), (120, 40)] {
            screens.push_str(&text(&screen(&app, w, h)));
        }
        let mut app = app_at(60);
        ch(&mut app, '?');
        let help = help_pages(&mut app, 80, 24);
        let mut missing: Vec<char> = screens
            .chars()
            .filter(|c| !c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace() && !drawing(*c))
            .filter(|c| !help.contains(*c))
            .collect();
        missing.sort();
        missing.dedup();
        assert!(missing.is_empty(), "{lang}: {missing:?} not in the legend");
        // The abbreviations, each explained where it is named.
        let words: &[&str] = if lang == "en" {
            &[
                "att/call",
                "att/c:",
                "tok:",
                "ref.:",
                "short-circ.",
                "p50",
                "p99",
                "/mark:",
                "caller:",
                "queue:",
                "FULL:",
                "REC:",
                "⧗ timed out:",
            ]
        } else {
            &[
                "int/llam",
                "int/ll:",
                "fich:",
                "rech.:",
                "cortocirc.",
                "p50",
                "p99",
                "/marca:",
                "llamador:",
                "cola:",
                "LLENO:",
                "GRAB:",
                "⧗ agotadas:",
            ]
        };
        for w in words {
            assert!(help.contains(w), "{lang}: {w} not in the legend");
        }
    }
}
