//! Key `T`: the trace menu. What could fail: the menu not being modal (a
//! key reaching the dashboard behind it, Esc quitting), a chosen kind
//! tracing a call not of that kind, or one before now, the clock moving,
//! call #N tracing another call, and the "none" cases not said.

mod common;
use breakwater::base::time::NANOS_PER_SEC;
use breakwater::sim::trace::Where;
use breakwater::tui::app::{App, Effect, Missing, TraceChoice, MENU_ITEMS};
use breakwater::tui::input::KeyCode;
use breakwater::tui::keys::{self, Context};
use common::app::*;
use common::*;

const S: u64 = NANOS_PER_SEC;

/// `seed-lesson` at `secs`, paused, payment selected.
fn payment_at(secs: u64) -> App {
    let mut app = app_at(secs);
    ch(&mut app, ' ');
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.selected_service_name(), "payment");
    app
}

/// Opens the menu and chooses item `i` with ↓ and Enter.
fn choose(app: &mut App, i: usize) {
    ch(app, 'T');
    assert!(app.trace_menu().is_some(), "T opens the menu");
    for _ in 0..i {
        press(app, KeyCode::Down);
    }
    assert_eq!(press(app, KeyCode::Enter), None);
    assert!(app.trace_menu().is_none(), "choosing closes the menu");
}

fn item_of(kind: Where) -> usize {
    Where::ALL.iter().position(|k| *k == kind).unwrap()
}

#[test]
fn the_menu_is_modal_and_esc_closes_it_without_quitting() {
    let mut app = payment_at(20);
    let retry_on = |app: &App| app.sim().world().get("services.payment.retry.enabled");
    let before = retry_on(&app);
    ch(&mut app, 'T');
    assert!(app.context().menu);
    // Keys of the dashboard do nothing behind it: `q` does not quit, `1`
    // types a digit instead of toggling the retry, ↓ moves in the menu.
    assert_eq!(ch(&mut app, 'q'), None);
    ch(&mut app, '1');
    assert_eq!(retry_on(&app), before, "a digit toggled a pattern");
    let m = app.trace_menu().unwrap();
    assert_eq!(m.digits, "1");
    assert_eq!(m.selected, MENU_ITEMS - 1, "typing selects call #N");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.trace_menu().unwrap().digits, "");
    press(&mut app, KeyCode::Down);
    assert_eq!(app.trace_menu().unwrap().selected, 0, "↓ wraps around");
    press(&mut app, KeyCode::Up);
    assert_eq!(app.trace_menu().unwrap().selected, MENU_ITEMS - 1);
    // Enter on call #N with no number keeps the menu open.
    press(&mut app, KeyCode::Enter);
    assert!(app.trace_menu().is_some());
    assert_eq!(press(&mut app, KeyCode::Esc), None, "Esc never quits here");
    ch(&mut app, 'T');
    let ctrl_c = breakwater::tui::input::Key::new(
        KeyCode::Char('c'),
        breakwater::tui::input::Modifiers::CONTROL,
    );
    assert_eq!(app.handle_key(ctrl_c), Some(Effect::Quit), "Ctrl-C quits");
    press(&mut app, KeyCode::Esc);
    assert!(app.trace_menu().is_none());
    assert!(app.trace_view().is_none());
    assert_eq!(press(&mut app, KeyCode::Esc), Some(Effect::Quit));
}

/// Each kind the lesson shows, at a moment of seed-lesson where it occurs:
/// the call traced is of the kind, arrives at or after now, and the
/// dashboard's clock does not move.
#[test]
fn each_kind_traces_the_next_call_of_that_kind() {
    use breakwater::base::Outcome::*;
    for (kind, secs) in [
        (Where::Retried, 20),
        (Where::Cut, 200),
        (Where::Ended(TimedOut), 200),
        (Where::Fallback, 200),
        (Where::Ended(ShortCircuited), 62),
        (Where::Ended(BulkheadRejected), 1),
        (Where::Ended(Failed), 20),
        (Where::Ended(Ok), 20),
    ] {
        let mut app = payment_at(secs);
        choose(&mut app, item_of(kind));
        let view = app.trace_view().expect("the trace overlay is open");
        assert_eq!(view.choice, Some(TraceChoice::Kind(kind)));
        let tr = view.sides[0].trace.as_ref().unwrap_or_else(|| {
            panic!("{}: none found from {secs}s", kind.name());
        });
        assert!(kind.matches(tr), "{}: call #{}", kind.name(), tr.index);
        assert!(tr.arrived >= secs * S);
        assert_eq!(app.now(), secs * S, "tracing moves no clock");
        let s = text(&screen(&app, 80, 24));
        assert!(s.contains(&format!("call #{}", tr.index)), "{s}");
        let words = breakwater::report::trace::where_words(kind);
        let title = format!("Trace · payment: {words} · Esc closes");
        assert!(s.contains(&title), "the whole title at 80×24: {s}");
        // The first of its kind: the unfiltered trace of every call from
        // now to it finds no earlier one.
        let mut copy = app.sim().clone();
        copy.trace(breakwater::sim::trace::TraceRequest {
            service: 2,
            from: breakwater::sim::trace::TraceFrom::Time(secs * S),
            calls: u32::MAX,
        });
        while !copy.is_finished() && copy.now() < tr.finished.unwrap() + 60 * S {
            copy.advance_within(copy.end(), 10_000, &mut |_| {});
        }
        let first = copy
            .take_traces(true)
            .into_iter()
            .find(|t| kind.matches(t))
            .map(|t| t.index);
        assert_eq!(first, Some(tr.index), "{}", kind.name());
    }
}

#[test]
fn call_n_traces_call_n_or_says_it_has_passed() {
    let mut app = payment_at(10);
    ch(&mut app, 'T');
    for c in "126".chars() {
        ch(&mut app, c);
    }
    press(&mut app, KeyCode::Enter);
    let view = app.trace_view().unwrap();
    assert_eq!(view.choice, Some(TraceChoice::Call(126)));
    let tr = view.sides[0].trace.as_ref().expect("call #126");
    assert_eq!(tr.index, 126);
    assert_eq!(
        tr.backoffs(),
        [
            breakwater::base::time::Dur::from_secs(1),
            breakwater::base::time::Dur::from_secs(2)
        ]
    );
    let s = text(&screen(&app, 80, 24));
    assert!(s.contains("call #126 of payment"), "{s}");
    // At 1:00 call #126 has passed: said, no other call shown instead.
    let mut app = payment_at(60);
    ch(&mut app, 'T');
    for c in "126".chars() {
        ch(&mut app, c);
    }
    press(&mut app, KeyCode::Enter);
    let side = &app.trace_view().unwrap().sides[0];
    assert!(side.trace.is_none());
    assert!(matches!(side.missing, Missing::Passed { next } if next > 126));
    let s = text(&screen(&app, 120, 40));
    assert!(s.contains("arrived before now"), "{s}");
}

/// None of the kind in the next ten minutes (or before the end): said on
/// the overlay, in both languages.
#[test]
fn none_in_the_next_ten_minutes_is_said() {
    let calm = scenario(
        r#"
name = "calm"
seed = 3
duration = "30m"
[load]
kind = "poisson"
rate = 5
[[services]]
name = "api"
workers = 8
queue = 100
latency = "20ms"
"#,
    );
    let mut app = App::new(calm, 3);
    app.advance_to(60 * S);
    ch(&mut app, ' ');
    choose(
        &mut app,
        item_of(Where::Ended(breakwater::base::Outcome::Failed)),
    );
    let side = &app.trace_view().unwrap().sides[0];
    assert!(side.trace.is_none());
    assert_eq!(side.missing, Missing::LookAhead { from: 60 * S });
    assert_eq!(app.now(), 60 * S);
    let s = text(&screen(&app, 80, 24));
    assert!(s.contains("none in the next 10 min"), "{s}");
    ch(&mut app, 'L');
    assert_eq!(app.lang(), "es");
    let s = text(&screen(&app, 80, 24));
    assert!(s.contains("ninguna en los próximos 10 min"), "{s}");
    // Before the end: seed-lesson never turns a payment call away at the
    // caller's pool.
    let mut app = payment_at(250);
    choose(
        &mut app,
        item_of(Where::Ended(breakwater::base::Outcome::ClientRejected)),
    );
    let side = &app.trace_view().unwrap().sides[0];
    assert!(side.trace.is_none());
    assert_eq!(side.missing, Missing::End);
    let s = text(&screen(&app, 80, 24));
    assert!(s.contains("before the end"), "{s}");
}

/// The menu on screen at 80×24 and 120×40, in both languages: every kind
/// and call #N, with what Enter and Esc do.
#[test]
fn the_menu_is_drawn_whole() {
    for lang in ["en", "es"] {
        let _l = breakwater::i18n::Scope::enter(lang);
        let mut app = payment_at(20);
        ch(&mut app, 'T');
        for (w, h) in [(80, 24), (120, 40)] {
            let s = text(&screen(&app, w, h));
            for kind in Where::ALL {
                let words = breakwater::report::trace::where_words(kind);
                assert!(s.contains(&words), "{lang} {w}×{h}: {words}\n{s}");
            }
            let call = breakwater::i18n::tr("trace-menu-call-empty", None);
            assert!(s.contains(&call), "{lang} {w}×{h}\n{s}");
            assert!(s.contains("Esc"), "{lang} {w}×{h}\n{s}");
        }
    }
}

#[test]
fn no_key_is_bound_twice_in_the_menu() {
    for cx in [
        Context {
            menu: true,
            ..Context::default()
        },
        Context {
            menu: true,
            paused: true,
            compare: true,
            overlay: true,
            ..Context::default()
        },
    ] {
        let mut seen = Vec::new();
        let all = || keys::bindings().iter().chain(keys::menu_bindings());
        for b in all().filter(|b| b.when.applies(cx)) {
            for k in b.keys {
                assert!(!seen.contains(k), "{k:?} bound twice in {cx:?}");
                seen.push(*k);
            }
        }
        let actions: Vec<_> = all()
            .filter(|b| b.when.applies(cx))
            .map(|b| b.action)
            .collect();
        // Only Ctrl-C quits from the menu (`q` and Esc do not).
        let quits: Vec<_> = all()
            .filter(|b| b.when.applies(cx) && b.action == keys::Action::Quit)
            .flat_map(|b| b.keys.iter())
            .collect();
        assert_eq!(quits.len(), 1);
        assert!(quits[0].ctrl);
        assert!(actions.contains(&keys::Action::CloseMenu));
    }
}

/// In a comparison the side edits go to finds the call; the other side
/// shows the same call (same index, same arrival).
#[test]
fn in_a_comparison_both_sides_show_the_same_call() {
    let mut app = compare_at(30);
    ch(&mut app, ' ');
    choose(&mut app, item_of(Where::Retried));
    let view = app.trace_view().unwrap();
    let a = view.sides[0].trace.as_ref().expect("A");
    assert!(Where::Retried.matches(a));
    if let Some(b) = view.sides[1].trace.as_ref() {
        assert_eq!((a.index, a.arrived), (b.index, b.arrived));
    }
}
