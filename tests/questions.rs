//! Questions in scenario files: a numeric answer is the run's own metric over
//! a window, equal to what the run's ticks add up to over that window and to
//! the whole run's report over the whole run; bad questions are refused with
//! `file:line:column` and what is valid.

mod common;

use breakwater::base::metric::Metric;
use breakwater::base::outcome::Outcome;
use breakwater::report::answers::{answers, Snapshots};
use breakwater::report::Summary;
use breakwater::scenario::parse_scenario;
use breakwater::scenario::question::{Answer, Sided};
use common::*;

const WORLD: &str = r#"
name = "q"
duration = "2m"
seed = 3
[load]
kind = "poisson"
rate = 40
[[services]]
name = "payment"
workers = 4
failure_rate = 0.1
latency = { dist = "exponential", mean = "60ms" }
[[services]]
name = "user"
workers = 8
latency = { dist = "exponential", mean = "30ms" }
[patterns.retry]
max_attempts = 3
backoff = { kind = "constant", delay = "200ms" }
[patterns.circuit_breaker]
failure_threshold = 5
open_for = "10s"
"#;

fn with_ask(ask: &str) -> String {
    format!(
        "{WORLD}\n[[timeline]]\nat = \"30s\"\nset = {{ \"services.payment.failure_rate\" = 1.0 }}\n[timeline.ask]\ntext.en = \"How many?\"\ntext.es = \"¿Cuántos?\"\n{ask}\n"
    )
}

#[test]
fn a_windows_count_is_what_the_ticks_add_up_to_in_that_window() {
    let metrics = [
        Metric::Attempts,
        Metric::DownstreamAttempts,
        Metric::Retries,
        Metric::ShortCircuited,
        Metric::TimedOut,
        Metric::Fallbacks,
        Metric::BulkheadRejected,
    ];
    for m in metrics {
        let s = scenario(&with_ask(&format!(
            "answer = {{ metric = \"{}\", service = \"payment\", over = \"40s\" }}",
            m.name()
        )));
        let got = answers(&s)[0].expect("a numeric question");
        let (_, ticks) = run_ticks(&s);
        let summed: u64 = ticks
            .iter()
            .filter(|t| t.t > 30_000_000_000 && t.t <= 70_000_000_000)
            .map(|t| {
                let c = &t.services[0].counts;
                match m {
                    Metric::Attempts => c.attempts,
                    Metric::DownstreamAttempts => c.downstream_attempts,
                    Metric::Retries => c.retries,
                    Metric::ShortCircuited => c.outcome(Outcome::ShortCircuited),
                    Metric::TimedOut => c.outcome(Outcome::TimedOut),
                    Metric::Fallbacks => c.fallbacks,
                    Metric::BulkheadRejected => c.outcome(Outcome::BulkheadRejected),
                    _ => unreachable!(),
                }
            })
            .sum();
        assert_eq!(got, summed as f64, "{}", m.name());
    }
    // The breaker opens when payment fails every call: the window sees it.
    let s = scenario(&with_ask(
        "answer = { metric = \"short_circuited\", service = \"payment\", over = \"40s\" }",
    ));
    assert!(answers(&s)[0].unwrap() > 100.0);
}

#[test]
fn the_whole_run_as_a_window_is_the_report() {
    let s = scenario(WORLD);
    let end = s.duration.0;
    let snaps = Snapshots::of_run(&s, &[0, end]);
    let sim = finished(&s);
    let summary = Summary::of(&sim, &s.name, 0.0);
    for (i, svc) in summary.services.iter().enumerate() {
        let w = snaps.window(0, end, Some(i)).unwrap();
        for m in Metric::NAMED.into_iter().filter(|m| m.in_windows()) {
            let whole = m.value(&summary, Some(svc));
            let windowed = w.value(m);
            assert!(
                (whole - windowed).abs() <= 1e-9 * whole.abs().max(1.0),
                "{} of {}: report {whole}, window {windowed}",
                m.name(),
                svc.name
            );
        }
    }
    let all = snaps.window(0, end, None).unwrap();
    assert_eq!(all.value(Metric::Attempts), summary.totals.attempts as f64);
}

#[test]
fn a_window_ends_where_the_question_says() {
    // Twice the window holds about twice the attempts of a steady service.
    let one = scenario(&with_ask(
        "answer = { metric = \"attempts\", service = \"user\", over = \"20s\" }",
    ));
    let two = scenario(&with_ask(
        "answer = { metric = \"attempts\", service = \"user\", over = \"40s\" }",
    ));
    let (a, b) = (answers(&one)[0].unwrap(), answers(&two)[0].unwrap());
    // user gets half of 40 calls/s: ~400 in 20 s, ~800 in 40 s.
    assert!((300.0..500.0).contains(&a), "{a}");
    assert!((b / a - 2.0).abs() < 0.2, "{a} then {b}");
}

#[test]
fn within_the_tolerance_or_one_for_counts() {
    let s = scenario(&with_ask(
        "answer = { metric = \"attempts\", service = \"payment\", over = \"40s\", tolerance = 0.1 }",
    ));
    let q = &s.questions[0];
    assert!(q.within(105.0, 100.0));
    assert!(q.within(90.0, 100.0));
    assert!(!q.within(111.0, 100.0));
    assert!(q.within(1.0, 0.0), "a count is allowed ±1");
    assert!(!q.within(2.0, 0.0));
    assert!(!q.within(f64::NAN, 0.0));
    let p = scenario(&with_ask(
        "answer = { metric = \"p99\", service = \"payment\", over = \"40s\", tolerance = 0.1 }",
    ));
    assert!(
        !p.questions[0].within(1.0, 0.0),
        "no floor of 1 but for counts"
    );
}

#[test]
fn a_choice_is_an_index_or_a_letter_in_every_language() {
    let s = scenario(&with_ask(
        "choices.en = [\"opens\", \"stays closed\"]\nchoices.es = [\"se abre\", \"sigue cerrado\"]\nanswer = { choice = \"a\" }\nexplain.en = \"Five failures in a row.\"",
    ));
    let q = &s.questions[0];
    let Answer::Choice { choices, correct } = &q.answer else {
        panic!("a choice question")
    };
    assert_eq!(*correct, 0);
    assert_eq!(choices[1].in_language("es"), "sigue cerrado");
    // With no window, it is answered at the next entry or the end.
    assert_eq!(q.until, s.duration);
    assert_eq!(answers(&s), vec![None]);
    let s = scenario(&with_ask(
        "choices = [\"x\", \"y\", \"z\"]\nanswer = { choice = 2, over = \"10s\" }",
    ));
    assert!(matches!(
        s.questions[0].answer,
        Answer::Choice { correct: 2, .. }
    ));
    assert_eq!(s.questions[0].over().0, 10_000_000_000);
}

#[test]
fn a_comparisons_question_says_whose_number() {
    let text = format!(
        "{WORLD}\n[variants.b]\nset = {{ \"services.payment.retry.enabled\" = false }}\n[[timeline]]\nat = \"30s\"\nset = {{ \"services.payment.failure_rate\" = 1.0 }}\n[timeline.ask]\ntext = \"How many more?\"\nanswer = {{ metric = \"attempts\", service = \"payment\", over = \"20s\", side = \"b-a\" }}\n"
    );
    let s = scenario(&text);
    assert!(matches!(
        s.questions[0].answer,
        Answer::Number {
            side: Some(Sided::BLessA),
            ..
        }
    ));
    let mut a = s.clone();
    let mut b = s.clone();
    for (x, side) in [(&mut a, "a"), (&mut b, "b")] {
        let Answer::Number {
            side: ref mut sd, ..
        } = x.questions[0].answer
        else {
            unreachable!()
        };
        *sd = Some(if side == "a" { Sided::A } else { Sided::B });
    }
    let (va, vb, d) = (
        answers(&a)[0].unwrap(),
        answers(&b)[0].unwrap(),
        answers(&s)[0].unwrap(),
    );
    assert_eq!(d, vb - va);
    assert!(va > vb, "retries make more attempts: A {va}, B {vb}");
}

fn error_of(text: &str) -> String {
    parse_scenario("q.toml", text.as_bytes())
        .map(|_| "accepted".to_string())
        .unwrap_or_else(|e| e.say("en"))
}

#[test]
fn bad_questions_are_refused_where_they_are_with_what_is_valid() {
    let line_of = |text: &str, needle: &str| {
        1 + text[..text.find(needle).expect(needle)]
            .matches('\n')
            .count()
    };
    for (ask, needle, says) in [
        (
            "answer = { metric = \"attemps\", service = \"payment\", over = \"10s\" }",
            "attemps",
            "did you mean `attempts`",
        ),
        (
            "answer = { metric = \"recovered\", service = \"payment\", over = \"10s\" }",
            "recovered",
            "unknown metric",
        ),
        (
            "answer = { metric = \"attempts\", service = \"paymnt\", over = \"10s\" }",
            "paymnt",
            "`payment`",
        ),
        (
            "answer = { metric = \"attempts\", service = \"payment\", over = \"5m\" }",
            "5m",
            "90s are left",
        ),
        (
            "answer = { metric = \"attempts\", service = \"payment\" }",
            "answer",
            "over = \"60s\"",
        ),
        (
            "answer = { metric = \"attempts\", over = \"10s\", side = \"b\" }",
            "\"b\"",
            "no `[variants]`",
        ),
        (
            "answer = { metric = \"attempts\", over = \"10s\", tolerance = -1 }",
            "-1",
            "from 0 to 10",
        ),
        (
            "choices = [\"x\"]\nanswer = { choice = 0 }",
            "[\"x\"]",
            "2 to 8",
        ),
        (
            "choices = [\"x\", \"y\"]\nanswer = { choice = 2 }",
            "choice = 2",
            "\"a\" to \"b\"",
        ),
        (
            "choices.en = [\"x\", \"y\"]\nchoices.es = [\"x\", \"y\", \"z\"]\nanswer = { choice = 0 }",
            "choices.es",
            "same number",
        ),
        ("answer = { choice = 0 }", "[timeline.ask]", "needs `choices"),
        ("answer = { metric = \"attempts\", over = \"10s\", colour = 1 }", "colour", "unknown"),
    ] {
        let text = with_ask(ask);
        let e = error_of(&text);
        assert!(e.contains(says), "{ask}\n→ {e}");
        let line = line_of(&text, needle);
        assert!(
            e.starts_with(&format!("q.toml:{line}:")),
            "{ask}\n→ {e} (expected line {line})"
        );
    }
    // And in Spanish.
    let text = with_ask("answer = { metric = \"attempts\", service = \"payment\" }");
    let e = parse_scenario("q.toml", text.as_bytes())
        .unwrap_err()
        .say("es");
    assert!(e.contains("necesita su ventana"), "{e}");
}

#[test]
fn the_readmes_question_reads_and_its_answer_is_what_it_explains() {
    for readme in ["README.md", "README.es.md"] {
        let text = std::fs::read_to_string(root().join(readme)).unwrap();
        let start = text.find("[[timeline]]\nat = \"60s\"").expect(readme);
        let block = &text[start..start + text[start..].find("```").unwrap()];
        assert!(block.contains("[timeline.ask]"), "{block}");
        let mut s = builtin("seed-lesson");
        let source = format!("{}\n{block}", s.source);
        s = parse_scenario("README", source.as_bytes())
            .unwrap_or_else(|e| panic!("{readme}: {}", e.say("en")));
        // seed-lesson asks its own; the README's is the one over 60 s at 1:00.
        let k = s
            .questions
            .iter()
            .position(|q| {
                q.text
                    .en()
                    .starts_with("Payment now fails every call. How many attempts")
            })
            .expect("the README's question");
        let answer = answers(&s)[k].unwrap();
        // The breaker opens after 5 failed calls (3 attempts each) and stays
        // open 60 s from the last failure: a few tens of attempts, not the
        // 6 calls/s × 60 s × 3 attempts = 1080 of a world without one.
        assert!((5.0..60.0).contains(&answer), "{answer}");
        assert!(!s.questions[k].within(1080.0, answer));
        assert!(!s.questions[k].within(360.0, answer));
    }
}
