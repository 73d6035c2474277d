//! The whole interface in Spanish (issue 12): every screen of the dashboard
//! at 80×24 and 120×40, the help overlay, a comparison, a trace, the
//! summary, `check` and `--help`, with no text left from the English
//! catalogue and nothing cut. Each test speaks Spanish on its own thread
//! (the language is the renderer's, never the process's), so English tests
//! can run beside them; one renders both languages at once on two threads.

mod common;

use breakwater::i18n::{self, FluentArgs};
use breakwater::tui::input::KeyCode;
use common::app::{app_at, ch, compare_at, help_pages, press, screen, text};
use insta::assert_snapshot;
use std::process::Command;

/// Words the lesson keeps in English on Spanish slides, and names that are
/// the same in both languages.
const KEPT: &[&str] = &[
    "Circuit Breaker",
    "Retry",
    "Bulkhead",
    "Timeout",
    "Fallback",
    "CLOSED",
    "OPEN",
    "HALF_OPEN",
    "FORCED_OPEN",
    "Breakwater",
];

/// The literal pieces of every English message that Spanish says otherwise:
/// each message formatted with a marker in place of its variables and cut
/// at the markers. Short pieces (units, symbols) are left out: they are not
/// words a reader would notice as English.
fn english_pieces() -> Vec<String> {
    pieces_of("en", "es")
}

/// The same for any language `lang` against `other`: the pieces of `lang`'s
/// messages that `other` says otherwise.
fn pieces_of(lang: &str, other: &str) -> Vec<String> {
    let mut pieces = vec![];
    for (id, vars) in i18n::inventory(lang) {
        if id.starts_with("locale-") || id.starts_with("cli-") {
            continue;
        }
        let mut args = FluentArgs::new();
        for v in &vars {
            args.set(v.as_str(), "\u{1}");
        }
        let en = i18n::tr_in(lang, &id, Some(&args));
        let es = i18n::tr_in(other, &id, Some(&args));
        if en == es {
            continue;
        }
        for piece in en.split('\u{1}') {
            let p = piece.trim_matches(|c: char| !c.is_alphanumeric());
            // Whole words of some length, not shared with the Spanish text.
            if p.chars().filter(|c| c.is_alphabetic()).count() >= 6
                && p.contains(' ')
                && !es.contains(p)
                && !KEPT.contains(&p)
            {
                pieces.push(p.to_string());
            }
        }
    }
    pieces.sort();
    pieces.dedup();
    pieces
}

fn assert_spanish(what: &str, screen: &str) {
    for p in english_pieces() {
        assert!(
            !screen.contains(&p),
            "{what}: English text {p:?} on a Spanish screen:\n{screen}"
        );
    }
}

/// Spanish on this test's thread, until the scope is dropped.
fn es() -> i18n::Scope {
    assert_eq!(i18n::known("es"), Some("es"));
    i18n::Scope::enter("es")
}

#[test]
fn the_english_pieces_are_found_where_they_are() {
    let _es = es();
    // The check itself can fail: an English screen has plenty of them.
    let pieces = english_pieces();
    let english = i18n::scoped("en", || text(&screen(&app_at(90), 120, 40)));
    assert!(pieces.len() > 50, "{} pieces", pieces.len());
    assert!(
        pieces.iter().any(|p| english.contains(p)),
        "no English piece found on an English screen"
    );
}

/// Two readers in one process: the dashboard drawn in Spanish on one thread
/// and in English on another, at the same time, many times, without a lock.
/// Each screen is wholly in its own language (no piece of the other one),
/// and says at least one piece of its own (so the check could fail).
#[test]
fn spanish_and_english_render_side_by_side_on_two_threads() {
    let english = pieces_of("en", "es");
    let spanish = pieces_of("es", "en");
    assert!(english.len() > 50 && spanish.len() > 50);
    let draw_many = |lang: &'static str, own: &[String], foreign: &[String]| {
        let mut app = i18n::scoped(lang, || app_at(5));
        for round in 0..40u64 {
            app.advance_to((6 + round * 4) * breakwater::base::time::NANOS_PER_SEC);
            if round % 10 == 9 {
                // `L` twice: round the languages and back to this one.
                ch(&mut app, 'L');
                ch(&mut app, 'L');
            }
            let (w, h) = if round % 2 == 0 { (120, 40) } else { (80, 24) };
            let s = text(&screen(&app, w, h));
            for p in foreign {
                assert!(
                    !s.contains(p.as_str()),
                    "{lang} round {round}: {p:?} of the other language:\n{s}"
                );
            }
            assert!(
                own.iter().any(|p| s.contains(p.as_str())),
                "{lang} round {round}: nothing of its own language:\n{s}"
            );
        }
    };
    std::thread::scope(|scope| {
        let es = scope.spawn(|| draw_many("es", &spanish, &english));
        let en = scope.spawn(|| draw_many("en", &english, &spanish));
        es.join().expect("the Spanish thread");
        en.join().expect("the English thread");
    });
}

#[test]
fn dashboard_in_spanish_at_both_sizes() {
    let _es = es();
    let app = app_at(90);
    for (w, h) in [(80, 24), (120, 40)] {
        let t = screen(&app, w, h);
        let s = text(&t);
        assert_spanish(&format!("dashboard {w}×{h}"), &s);
        assert!(s.contains("EN MARCHA") || s.contains("EN PAUSA"), "{s}");
        assert!(s.contains("? ayuda"), "help is always offered:\n{s}");
        assert_snapshot!(format!("es_dashboard_{w}x{h}"), t.backend());
    }
}

#[test]
fn help_overlay_in_spanish() {
    let _es = es();
    let mut app = app_at(10);
    ch(&mut app, '?');
    for (w, h) in [(80, 24), (120, 40)] {
        let t = screen(&app, w, h);
        let s = text(&t);
        assert_spanish(&format!("help {w}×{h}"), &s);
        // The legend is on the help's next pages (the first is the lesson).
        let s = help_pages(&mut app, w, h);
        assert_spanish(&format!("help {w}×{h}, every page"), &s);
        if h >= 40 {
            // The lesson's glosses of the states, in the legend.
            assert!(
                s.contains("Normal") && s.contains("Fallando") && s.contains("Probando"),
                "{s}"
            );
        }
        assert_snapshot!(format!("es_help_{w}x{h}"), t.backend());
    }
}

#[test]
fn comparison_and_trace_in_spanish() {
    let _es = es();
    let mut app = compare_at(62);
    let s = text(&screen(&app, 120, 40));
    assert_spanish("comparison", &s);
    ch(&mut app, 't');
    for (w, h) in [(80, 24), (120, 40)] {
        let s = text(&screen(&app, w, h));
        assert_spanish(&format!("trace {w}×{h}"), &s);
        assert!(s.contains("Traza"), "{s}");
    }
    press(&mut app, KeyCode::Esc);
    assert!(app.trace_view().is_none());
}

fn bw(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_breakwater"))
        .args(args)
        .env_remove("LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "es_ES.UTF-8")
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_commands_speak_spanish_from_lang() {
    let _es = es();
    let (code, out, _) = bw(&["run", "seed-lesson"]);
    assert_eq!(code, 0);
    assert_spanish("run", &out);
    assert!(out.contains("llamadas"), "{out}");
    let (code, out, _) = bw(&["check", "seed-lesson"]);
    assert_eq!(code, 0);
    assert!(out.contains("correcto"), "{out}");
    let (code, out, _) = bw(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("Uso:") && out.contains("Órdenes"), "{out}");
    let (code, _, err) = bw(&["run", "seed-lesson", "--jsn"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("argumento inesperado") && err.contains("--json"),
        "{err}"
    );
    // And --lang wins over the environment.
    let (_, out, _) = bw(&["--lang", "en", "check", "seed-lesson"]);
    assert!(out.contains(": ok"), "{out}");
}

#[test]
fn json_never_changes_with_the_language() {
    let _es = es();
    let (_, es_json, _) = bw(&["run", "seed-lesson", "--json"]);
    let (_, en_json, _) = bw(&["--lang", "en", "run", "seed-lesson", "--json"]);
    let strip = |s: &str| {
        s.lines()
            .filter(|l| !l.contains("wall"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(strip(&es_json), strip(&en_json));
}
