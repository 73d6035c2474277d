//! The fallback as a layer placed in `patterns.order`: where it sits decides
//! what the layers outside it see. Inside the retry nobody outside sees a
//! timeout (no retry, no breaker opening); outermost the retry retries
//! timeouts and the breaker counts them; unlisted it answers after
//! everything, the caller's pool included. Whatever its place, the call is
//! counted by its cause and as a fallback.

mod common;
use breakwater::base::Outcome;
use breakwater::report::Summary;
use breakwater::sim::trace::{Step, TraceFrom, TraceRequest};
use breakwater::sim::Simulation;
use common::*;

const INSIDE: &str = r#"order = ["circuit_breaker", "retry", "fallback", "timeout"]"#;
const OUTERMOST: &str = r#"order = ["fallback", "circuit_breaker", "retry", "timeout"]"#;

/// The repository's scenario of a service that only times out, with its
/// `order` line replaced by `order` (or removed when `None`).
fn only_times_out(order: Option<&str>) -> String {
    let text = std::fs::read_to_string(root().join("tests/scenarios/fallback-inside-retry.toml"))
        .expect("the scenario");
    assert!(text.contains(INSIDE), "the file places the fallback inside");
    text.replace(INSIDE, order.unwrap_or(""))
}

fn slow(order: Option<&str>) -> Summary {
    run(&scenario(&only_times_out(order)))
}

#[test]
fn inside_the_retry_nobody_outside_sees_the_timeout() {
    let s = slow(Some(INSIDE));
    let c = &service(&s, "slow").counts;
    let finished = c.finished();
    assert!(finished > 500, "{finished}");
    assert_eq!(c.retries, 0, "the retry saw successes");
    assert_eq!(
        service(&s, "slow").breaker_opened,
        0,
        "the breaker saw successes"
    );
    // Counted by the cause, and as a fallback: every call.
    assert_eq!(c.outcome(Outcome::TimedOut), finished);
    assert_eq!(c.fallbacks, finished);
    assert_eq!(c.outcome(Outcome::Ok), 0);
    // Each attempt too is counted by its cause: one cut attempt per call.
    assert_eq!(c.attempts, c.calls);
    assert_eq!(c.attempt_outcomes[Outcome::TimedOut.index()], finished);
}

#[test]
fn outermost_the_retry_retries_timeouts_and_the_breaker_counts_them() {
    let s = slow(Some(OUTERMOST));
    let svc = service(&s, "slow");
    let c = &svc.counts;
    assert!(c.retries > 0, "the retry retries timeouts");
    assert!(svc.breaker_opened > 0, "the breaker counts them");
    // The fallback answers the calls that come out timed out, no others
    // (`on` lists only timed_out; short-circuited calls stay so).
    assert!(c.outcome(Outcome::ShortCircuited) > 0);
    assert_eq!(c.fallbacks, c.outcome(Outcome::TimedOut));
    assert!(c.fallbacks > 0);
}

/// A fallback not listed answers after everything, as it always did: even a
/// call the caller's pool turns away. Listed, even outermost, it is a layer
/// inside the pool and never sees such a call.
#[test]
fn unlisted_it_answers_after_the_callers_pool_listed_it_does_not() {
    let pool = "[client]\nthreads = 2\nqueue = 0\n\n";
    let with = |order: Option<&str>| {
        let text = only_times_out(order)
            .replace("[[services]]", &format!("{pool}[[services]]"))
            .replace(
                "on = [\"timed_out\"]",
                "on = [\"timed_out\", \"client_rejected\"]",
            );
        run(&scenario(&text))
    };
    let unlisted = with(None);
    let c = &service(&unlisted, "slow").counts;
    let rejected = c.outcome(Outcome::ClientRejected);
    assert!(rejected > 0, "the pool of 2 turns calls away");
    assert_eq!(
        c.fallbacks,
        rejected + c.outcome(Outcome::TimedOut),
        "unlisted, it answers the pool's rejections too"
    );
    let listed = with(Some(OUTERMOST));
    let c = &service(&listed, "slow").counts;
    assert!(c.outcome(Outcome::ClientRejected) > 0);
    assert_eq!(
        c.fallbacks,
        c.outcome(Outcome::TimedOut),
        "listed, it is inside the pool"
    );
}

/// The lesson's breaker (`_on_success` closes it in any state) closes on a
/// fallback's answer when the fallback is inside it: after the failing
/// phase, the first call let through times out, the fallback answers, and
/// the breaker closes for good. With the fallback outside, each such timeout
/// is a failure and opens it again.
#[test]
fn the_lessons_breaker_closes_on_a_fallback_answer_inside_it() {
    let text = |order: &str, duration: &str| {
        format!(
            r#"name = "fails, then only slow"
seed = 3
duration = "{duration}"

[load]
kind = "constant"
rate = 4

[[services]]
name = "api"
workers = 100
queue = 0
failure_rate = 1.0
latency = "100ms"

[patterns]
order = {order}

[patterns.circuit_breaker]
kind = "consecutive"
semantics = "lesson"
failure_threshold = 5
open_for = "10s"

[patterns.timeout]
per_attempt = "1s"

[patterns.fallback]
on = ["timed_out"]

[[timeline]]
at = "20s"
set = {{ "services.api.failure_rate" = 0.0, "services.api.latency_factor" = 20.0 }}
"#
        )
    };
    let order = r#"["circuit_breaker", "fallback", "timeout"]"#;
    let failing = run(&scenario(&text(order, "20s")));
    let opened_failing = service(&failing, "api").breaker_opened;
    assert!(opened_failing >= 1);
    let inside = run(&scenario(&text(order, "2m")));
    let api = service(&inside, "api");
    assert_eq!(
        api.breaker_opened, opened_failing,
        "opened in the failing phase only"
    );
    assert_eq!(api.final_state, "closed");
    assert!(api.counts.fallbacks > 300, "{}", api.counts.fallbacks);
    let outside = run(&scenario(&text(
        r#"["fallback", "circuit_breaker", "timeout"]"#,
        "2m",
    )));
    let api = service(&outside, "api");
    assert!(
        api.breaker_opened > opened_failing + 3,
        "each timeout is a failure to it: {}",
        api.breaker_opened
    );
}

/// A traced call's story says it: the fallback answers the cut attempt,
/// the retry sees that answer and tries no more, and the call ends timed out
/// and answered by the fallback.
#[test]
fn the_story_shows_the_fallback_answering_inside_the_retry() {
    let s = scenario(&only_times_out(Some(INSIDE)));
    let mut sim = Simulation::new(&s);
    sim.trace(TraceRequest {
        service: 0,
        from: TraceFrom::Time(30 * breakwater::base::time::NANOS_PER_SEC),
        calls: 1,
    });
    let traces = run_trace(&mut sim);
    let t = &traces[0];
    let steps: Vec<&Step> = t.steps.iter().map(|s| &s.step).collect();
    let answered = steps
        .iter()
        .position(|s| matches!(s, Step::Note(n) if n.kind == "fallback_answered"))
        .expect("the fallback's step");
    let fired = steps
        .iter()
        .position(|s| matches!(s, Step::TimeoutFired { .. }))
        .expect("the timeout fired");
    assert!(fired < answered);
    assert!(!steps
        .iter()
        .any(|s| matches!(s, Step::Attempt { n } if *n > 1)));
    assert_eq!(t.outcome, Some(Outcome::TimedOut));
    assert!(t.fallback);
}
