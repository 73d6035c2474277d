//! Predict mode in the dashboard: the question appears at its moment before
//! the run has simulated any of its window; typed letters go to the answer,
//! not to the key table; `Esc` skips and never quits; at the window's end the
//! dashboard pauses and shows the prediction beside the run's answer — the
//! same number the headless `report::answers` measures — right or wrong; the
//! summary at the end; the teacher's CSV.

mod common;

use breakwater::report::answers::answers;
use breakwater::scenario::Scenario;
use breakwater::tui::app::{read_number, App};
use breakwater::tui::input::KeyCode;
use common::app::*;
use common::*;
use std::time::Duration;

const WORLD: &str = r#"
name = "predict"
duration = "2m"
seed = 5
[load]
kind = "poisson"
rate = 20
[[services]]
name = "payment"
workers = 4
latency = { dist = "exponential", mean = "50ms" }
[patterns.circuit_breaker]
failure_threshold = 5
open_for = "10s"
[[timeline]]
at = "30s"
set = { "services.payment.failure_rate" = 1.0 }
note = "Payment fails every call"
[timeline.ask]
text.en = "Payment now fails every call. How many attempts reach payment in the next 20 s?"
text.es = "Payment falla ahora todas las llamadas. ¿Cuántos intentos llegan a payment en los próximos 20 s?"
answer = { metric = "downstream_attempts", service = "payment", over = "20s", tolerance = 0.5 }
explain.en = "The breaker opens after 5 failures and lets a probe through every 10 s."
explain.es = "El Circuit Breaker se abre tras 5 fallos y deja pasar una prueba cada 10 s."
[[timeline]]
at = "60s"
set = { "services.payment.failure_rate" = 0.0 }
[timeline.ask]
text.en = "Payment recovers. What does the breaker do?"
text.es = "Payment se recupera. ¿Qué hace el Circuit Breaker?"
choices.en = ["stays open", "closes at the next probe"]
choices.es = ["sigue abierto", "se cierra en la siguiente prueba"]
answer = { choice = "b", over = "15s" }
"#;

fn world() -> Scenario {
    scenario(WORLD)
}

/// Frames of 0.1 s at ×50 until the dashboard pauses (or `max` frames).
fn run_until_paused(app: &mut App, max: usize) {
    for _ in 0..max {
        if app.paused() {
            return;
        }
        app.on_frame(Duration::from_millis(100));
    }
}

/// `n` until the reveal: `n` also stops at every breaker change on the way.
fn n_until_reveal(app: &mut App) {
    for _ in 0..50 {
        ch(app, 'n');
        run_until_paused(app, 1000);
        if app.question_view().is_some_and(|v| v.outcome.is_some()) {
            return;
        }
    }
    panic!("no reveal");
}

fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        assert_eq!(ch(app, c), None, "{c} is the answer's, not a command");
    }
}

#[test]
fn the_question_comes_before_its_answer_and_the_reveal_has_the_runs_number() {
    let s = world();
    let headless = answers(&s);
    let mut app = App::new(s, 5);
    app.set_speed(50.0);
    app.set_predicting(true);
    run_until_paused(&mut app, 1000);
    // Stopped exactly at the question: nothing of its window simulated yet.
    assert_eq!(app.now(), 30_000_000_000);
    assert!(app.typing_answer());
    let screen80 = text(&screen(&app, 80, 24));
    assert!(screen80.contains("How many attempts reach"), "{screen80}");
    assert!(screen80.contains("00:30.0 · question 1 of 2"), "{screen80}");
    // `q` and `n` are letters of an answer here, never quit or run.
    typed(&mut app, "qn");
    assert!(app.typing_answer() && app.paused());
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    typed(&mut app, "1000");
    let v = app.question_view().unwrap();
    assert_eq!(v.typed.as_deref(), Some("1000"));
    press(&mut app, KeyCode::Enter);
    assert!(!app.typing_answer());
    // `n` runs on (stopping at the breaker's changes too); the reveal comes
    // at the window's end.
    n_until_reveal(&mut app);
    assert_eq!(app.now(), 50_000_000_000, "paused at the end of the window");
    let v = app.question_view().expect("the reveal");
    let (said, right) = v.outcome.clone().expect("an outcome");
    let answer = headless[0].unwrap();
    assert!(
        answer < 100.0,
        "the breaker keeps most attempts away: {answer}"
    );
    assert_eq!(right, Some(false), "1000 is far from {answer}");
    assert!(
        said.contains(&format!("run: {}", answer as u64)),
        "{said} (headless {answer})"
    );
    assert!(said.contains("✗ wrong"), "{said}");
    assert!(v.explain.contains("probe"), "{}", v.explain);
    let screen80 = text(&screen(&app, 80, 24));
    assert!(screen80.contains("class: 1,000"), "{screen80}");
    // Any key takes the reveal down; Esc does nothing more.
    assert_eq!(press(&mut app, KeyCode::Esc), None);
    assert!(app.question_view().is_none());
}

#[test]
fn hands_per_choice_the_summary_at_the_end_and_the_csv() {
    let s = world();
    let mut app = App::new(s, 5);
    app.set_speed(100.0);
    app.set_predicting(true);
    app.set_predictions_file(Some("p.csv".into()));
    run_until_paused(&mut app, 2000);
    // No prediction for the first: Esc skips, never quits.
    assert_eq!(press(&mut app, KeyCode::Esc), None);
    assert!(!app.typing_answer());
    ch(&mut app, ' ');
    run_until_paused(&mut app, 2000);
    // The first window ends (reveal), then the second question.
    assert_eq!(app.now(), 50_000_000_000);
    let (said, right) = app.question_view().unwrap().outcome.unwrap();
    assert!(said.contains("no prediction") && right.is_none(), "{said}");
    ch(&mut app, 'x'); // takes the reveal down
    ch(&mut app, ' ');
    run_until_paused(&mut app, 2000);
    assert_eq!(app.now(), 60_000_000_000);
    let v = app.question_view().unwrap();
    assert_eq!(v.choices.len(), 2);
    assert!(v.choices[1].starts_with("b) closes"));
    typed(&mut app, "a 3 b 17");
    press(&mut app, KeyCode::Enter);
    ch(&mut app, ' ');
    run_until_paused(&mut app, 2000);
    assert_eq!(app.now(), 75_000_000_000);
    let (said, right) = app.question_view().unwrap().outcome.unwrap();
    assert_eq!(right, Some(true), "most hands on b: {said}");
    assert!(said.contains("a 3 · b 17 (20 hands)"), "{said}");
    ch(&mut app, 'x');
    ch(&mut app, ' ');
    run_until_paused(&mut app, 5000);
    assert!(app.sim().is_finished());
    let summary = app.predict_summary().expect("the summary at the end");
    assert_eq!(summary.len(), 2);
    assert!(
        summary[0]
            .0
            .starts_with("· 1. 00:30.0 — class: no prediction · run: "),
        "{:?}",
        summary
    );
    assert!(
        summary[1]
            .0
            .starts_with("✓ 2. 01:00.0 — class: a 3 · b 17 (20 hands) · run: b) closes"),
        "{:?}",
        summary
    );
    let (path, csv) = app.predictions_file().unwrap();
    assert_eq!(path, "p.csv");
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows[0], "time,question,prediction,answer,right");
    let headless = answers(&world())[0].unwrap();
    assert!(
        rows[1].starts_with(&format!(
            "00:30.0,Payment now fails every call. How many attempts reach payment in the next 20 s?,,{headless:.0},"
        )),
        "{}",
        rows[1]
    );
    assert_eq!(
        rows[2],
        "01:00.0,Payment recovers. What does the breaker do?,a 3 b 17,b,yes"
    );
}

#[test]
fn a_bad_answer_is_said_and_kept_for_correction() {
    let mut app = App::new(world(), 5);
    app.set_speed(50.0);
    app.set_predicting(true);
    run_until_paused(&mut app, 1000);
    typed(&mut app, "abc");
    press(&mut app, KeyCode::Enter);
    assert!(app.typing_answer());
    let v = app.question_view().unwrap();
    assert!(v.error.unwrap().contains("not a number"));
    assert_eq!(v.typed.as_deref(), Some("abc"));
}

#[test]
fn off_by_default_and_a_toggles_it() {
    let mut app = App::new(world(), 5);
    app.set_speed(100.0);
    for _ in 0..300 {
        app.on_frame(Duration::from_millis(100));
    }
    assert!(app.now() > 30_000_000_000 && !app.typing_answer());
    ch(&mut app, 'a');
    assert!(app.predicting());
    assert!(
        app.status().unwrap().contains("1 questions ahead")
            || app.status().unwrap().contains("questions ahead")
    );
    ch(&mut app, 'r'); // restart: every question ahead again
    run_until_paused(&mut app, 1000);
    assert_eq!(app.now(), 30_000_000_000);
    assert!(app.typing_answer());
}

#[test]
fn a_comparison_asks_once_and_answers_for_the_side_asked() {
    let text = WORLD.replace(
        "answer = { metric = \"downstream_attempts\", service = \"payment\", over = \"20s\", tolerance = 0.5 }",
        "answer = { metric = \"downstream_attempts\", service = \"payment\", over = \"20s\", tolerance = 0.5, side = \"b-a\" }",
    ) + "\n[variants.b]\nset = { \"services.payment.circuit_breaker.enabled\" = false }\n";
    let s = scenario(&text);
    let headless = answers(&s)[0].unwrap();
    assert!(
        headless > 200.0,
        "without a breaker B sends every call: {headless}"
    );
    let cmp = breakwater::scenario::variants::Comparison::of_variants(&s);
    let mut app = App::compare(cmp);
    app.set_speed(50.0);
    app.set_predicting(true);
    run_until_paused(&mut app, 1000);
    assert_eq!(app.now(), 30_000_000_000);
    typed(&mut app, "350");
    press(&mut app, KeyCode::Enter);
    n_until_reveal(&mut app);
    assert_eq!(app.now(), 50_000_000_000);
    let (said, _) = app.question_view().unwrap().outcome.unwrap();
    assert!(
        said.contains(&format!("run: {}", common_number(headless))),
        "{said}"
    );
}

fn common_number(x: f64) -> String {
    breakwater::i18n::scoped("en", || breakwater::i18n::number(x, 0))
}

#[test]
fn numbers_as_a_class_types_them() {
    assert_eq!(read_number("1200", "en"), Some(1200.0));
    assert_eq!(read_number("1 200", "en"), Some(1200.0));
    assert_eq!(read_number("1,200", "en"), Some(1200.0));
    assert_eq!(read_number("12.5", "en"), Some(12.5));
    assert_eq!(read_number("12,5", "es"), Some(12.5));
    assert_eq!(read_number("1.200", "es"), Some(1200.0));
    assert_eq!(
        read_number("0.5", "es"),
        Some(0.5),
        "a point is a decimal mark to a class too"
    );
    assert_eq!(read_number("1.234,5", "es"), Some(1234.5));
    assert_eq!(read_number("-40", "en"), Some(-40.0));
    assert_eq!(read_number("abc", "en"), None);
    assert_eq!(read_number("", "en"), None);
}

#[test]
fn the_spanish_dashboard_asks_in_spanish_and_reads_a_decimal_comma() {
    let mut app = breakwater::i18n::scoped("es", || App::new(world(), 5));
    app.set_speed(50.0);
    app.set_predicting(true);
    run_until_paused(&mut app, 1000);
    let s = text(&screen(&app, 80, 24));
    assert!(s.contains("¿Cuántos intentos llegan a payment"), "{s}");
    assert!(s.contains("00:30,0 · pregunta 1 de 2"), "{s}");
    typed(&mut app, "12,5");
    press(&mut app, KeyCode::Enter);
    assert!(!app.typing_answer());
}

#[test]
fn a_question_at_the_start_is_asked_at_once() {
    let text = WORLD.replace("at = \"30s\"", "at = \"0s\"");
    let mut app = App::new(scenario(&text), 5);
    app.set_predicting(true);
    assert!(app.typing_answer() && app.paused());
    assert_eq!(app.now(), 0);
}
