//! Hedged requests against their theory and their contract: p99 and the
//! extra attempts follow from the latency mixture and the delay (the
//! `hedging` lesson's oracle); copies count in the downstream's attempts and
//! in `hedged`; each copy has its own timeout and its own draws; a breaker
//! outside sees one result per call; `hedged` is reported only where hedging
//! is in use.

mod common;
use breakwater::base::Outcome;
use breakwater::patterns::PatternKind;
use breakwater::report::{csv, json};
use breakwater::scenario::variants::Comparison;
use breakwater::sim::trace::{Step, TraceFrom, TraceRequest};
use breakwater::sim::Simulation;
use common::{run, scenario, service};

/// Search: a share `slow` of answers take `slow_ms`, the rest `fast_ms`;
/// ample workers, so attempts are independent (no queueing).
fn world(rate: u32, hedging: &str) -> String {
    format!(
        r#"name = "hedging oracle"
duration = "2m"
seed = 21

[load]
kind = "poisson"
rate = {rate}

[[services]]
name = "search"
workers = 2000
queue = 100
latency = {{ dist = "mixture", parts = [
  {{ weight = 0.98, dist = "constant", value = "10ms" }},
  {{ weight = 0.02, dist = "constant", value = "1s" }},
] }}
{hedging}
"#
    )
}

/// The mixture: (latency in ms, probability).
const MIXTURE: [(f64, f64); 2] = [(10.0, 0.98), (1000.0, 0.02)];

/// P(X > t) for one attempt's latency X.
fn tail(t: f64) -> f64 {
    MIXTURE.iter().filter(|(x, _)| *x > t).map(|(_, p)| p).sum()
}

/// The oracle, with independent attempts. Copy j (j = 1..=k) is sent at
/// j·d if nothing answered before, so the call's latency is
///   L = min_j (j·d + X_j)   and   P(L > t) = Π_{j=0..k} P(X_j > t − j·d)
/// (a copy not sent is one whose predecessors answered before j·d ≤ t, so the
/// product holds either way). p99 is the least t with P(L > t) ≤ 1 %, taken
/// among the values L can have. Copy j is sent iff L > j·d, so the extra
/// attempts per call are E[copies] = Σ_{j=1..k} P(L > j·d).
fn oracle(k: u32, d_ms: f64) -> (f64, f64) {
    let p_over = |t: f64| -> f64 { (0..=k).map(|j| tail(t - j as f64 * d_ms)).product() };
    let mut values: Vec<f64> = (0..=k)
        .flat_map(|j| MIXTURE.iter().map(move |(x, _)| j as f64 * d_ms + x))
        .collect();
    values.sort_by(f64::total_cmp);
    let p99 = values
        .into_iter()
        .find(|&t| p_over(t) <= 0.01)
        .expect("some value");
    let extra = (1..=k).map(|j| p_over(j as f64 * d_ms)).sum();
    (p99, extra)
}

fn hedging(k: u32, delay: &str) -> String {
    format!("[patterns.hedging]\nmax_hedged_attempts = {k}\ndelay = \"{delay}\"\n")
}

/// The run's p99 and its copies per call.
fn measured(text: &str) -> (f64, f64, u64) {
    let s = run(&scenario(text));
    let svc = service(&s, "search");
    let calls = svc.counts.calls as f64;
    (
        svc.latency.p99,
        svc.counts.counter("hedged") as f64 / calls,
        svc.counts.calls,
    )
}

#[test]
fn p99_and_extra_attempts_follow_from_the_mixture_and_the_delay() {
    // Without hedging p99 is the slow answer: 2 % of calls take 1 s.
    let (p99, _, _) = measured(&world(200, ""));
    assert!((p99 - 1000.0).abs() < 2.0, "no hedging: p99 {p99} ms");
    for (k, delay, d_ms) in [(1, "50ms", 50.0), (2, "50ms", 50.0), (1, "0s", 0.0)] {
        let (want_p99, want_extra) = oracle(k, d_ms);
        let (p99, extra, calls) = measured(&world(200, &hedging(k, delay)));
        // p99 to the histogram's 3 significant figures.
        assert!(
            (p99 - want_p99).abs() <= want_p99 * 1e-3 + 0.05,
            "k={k} delay={delay}: p99 {p99} ms, oracle {want_p99} ms"
        );
        // Copies per call: a sum of Bernoulli counts, within 4 standard
        // deviations of the oracle (exact when every call is copied).
        let sd = (want_extra * (1.0 - want_extra.min(1.0)) / calls as f64).sqrt();
        assert!(
            (extra - want_extra).abs() <= 4.0 * sd + 1e-9,
            "k={k} delay={delay}: {extra} copies per call, oracle {want_extra} (sd {sd})"
        );
    }
    // The order of magnitude the lesson promises, for 2 % more attempts;
    // and no delay doubles the attempts.
    assert_eq!(oracle(1, 50.0), (60.0, 0.02));
    assert_eq!(oracle(1, 0.0).1, 1.0);
}

#[test]
fn copies_reach_the_downstream_and_are_counted_as_hedged() {
    let s = run(&scenario(&world(200, &hedging(2, "50ms"))));
    let svc = service(&s, "search");
    let c = &svc.counts;
    assert!(c.counter("hedged") > 0);
    // Every call sends its own attempt once (no retry), plus its copies.
    assert_eq!(c.downstream_attempts, c.calls + c.counter("hedged"));
    // A call is one attempt for the retry's count; its copies are `hedged`.
    assert_eq!(c.attempts, c.finished());
    assert_eq!(c.outcome(Outcome::Ok), c.finished());
}

#[test]
fn unlisted_hedging_sits_just_outside_the_timeout_and_each_copy_has_its_own() {
    let order = "[patterns]\norder = [\"retry\", \"circuit_breaker\", \"bulkhead\", \"timeout\"]\n";
    let text = world(
        200,
        &format!(
            "{order}{}[patterns.timeout]\nper_attempt = \"100ms\"\n",
            hedging(1, "50ms")
        ),
    );
    let s = scenario(&text);
    let t = s
        .world
        .order
        .iter()
        .position(|k| *k == PatternKind::Timeout);
    let h = s
        .world
        .order
        .iter()
        .position(|k| *k == PatternKind::Hedging);
    assert_eq!(h.map(|h| h + 1), t, "order {:?}", s.world.order);
    // Both slow (0.02² of calls): the call's own attempt times out at
    // 100 ms, its copy (sent at 50 ms) at 150 ms: the answer comes then.
    let r = run(&s);
    let svc = service(&r, "search");
    assert!(svc.counts.outcome(Outcome::TimedOut) > 0);
    assert!(
        (svc.latency.max - 150.0).abs() < 0.5,
        "slowest answer {} ms",
        svc.latency.max
    );
}

/// The first `n` calls' stories from 1 s.
fn stories(text: &str, n: u32) -> Vec<breakwater::sim::trace::CallTrace> {
    let s = scenario(text);
    let mut sim = Simulation::new(&s);
    sim.trace(TraceRequest {
        service: 0,
        from: TraceFrom::Index(200),
        calls: n,
    });
    sim.advance_to(10_000_000_000, &mut |_| {});
    sim.take_traces(false)
}

fn own_replies(t: &breakwater::sim::trace::CallTrace) -> Vec<u64> {
    t.steps
        .iter()
        .filter_map(|s| match s.step {
            Step::Replied { took, .. } => Some(took.0),
            _ => None,
        })
        .collect()
}

#[test]
fn a_call_s_own_attempt_draws_what_it_would_without_hedging() {
    let plain = stories(&world(200, ""), 300);
    let hedged = stories(&world(200, &hedging(1, "50ms")), 300);
    let mut copied = 0;
    for t in &hedged {
        let p = plain
            .iter()
            .find(|p| p.index == t.index)
            .expect("same call");
        let own: Vec<u64> = own_replies(t);
        let forked = t.steps.iter().any(|s| matches!(s.step, Step::Fork { .. }));
        copied += forked as u32;
        // Where the call's own attempt answered (a copy may have won first),
        // it took what it took without hedging.
        if let Some(took) = own.first() {
            assert_eq!(Some(took), own_replies(p).first(), "call #{}", t.index);
        }
        if !forked {
            assert_eq!(t.outcome, p.outcome);
            assert_eq!(t.finished, p.finished, "call #{}", t.index);
        }
    }
    assert!(copied > 0, "some calls were copied");
}

#[test]
fn a_breaker_outside_hedging_sees_one_result_per_call() {
    let text = world(
        200,
        &format!(
            "{}[patterns.circuit_breaker]\nfailure_threshold = 1000\n",
            hedging(2, "0s")
        ),
    );
    for t in stories(&text, 50) {
        let recorded = t
            .steps
            .iter()
            .filter(|s| matches!(s.step, Step::BreakerRecorded { .. }))
            .count();
        let copies = t
            .steps
            .iter()
            .filter(|s| matches!(&s.step, Step::Fork { step, .. } if matches!(**step, Step::Sent { .. })))
            .count();
        assert_eq!(copies, 2, "call #{}: both copies sent at once", t.index);
        assert_eq!(recorded, 1, "call #{}", t.index);
    }
}

#[test]
fn hedged_is_reported_only_where_hedging_is_in_use() {
    let plain = run(&scenario(&world(50, "")));
    let j = json::to_json(&plain).to_string();
    assert!(!j.contains("hedged"), "{j}");
    let mut head = Vec::new();
    csv::write_header(&mut head, &plain.counters).unwrap();
    let head = String::from_utf8(head).unwrap();
    assert!(head.trim_end().ends_with(",breaker_states,attempted_calls,attempted_attempts,reached_calls,reached_p50_ms,reached_p90_ms,reached_p99_ms,reached_max_ms"), "{head}");

    let s = scenario(&world(50, &hedging(1, "50ms")));
    let sim_counters = Simulation::new(&s).counters_in_use();
    let hedged = run(&s);
    let j = json::to_json(&hedged);
    let n = j["services"]["search"]["hedged"]
        .as_u64()
        .expect("hedged in JSON");
    assert_eq!(n, service(&hedged, "search").counts.counter("hedged"));
    assert_eq!(j["totals"]["hedged"].as_u64(), Some(n));
    let mut head = Vec::new();
    csv::write_header(&mut head, &sim_counters).unwrap();
    let head = String::from_utf8(head).unwrap();
    assert!(
        head.trim_end().ends_with(",breaker_states,attempted_calls,attempted_attempts,reached_calls,reached_p50_ms,reached_p90_ms,reached_p99_ms,reached_max_ms,hedged"),
        "{head}"
    );
    // Turned on by the timeline only: reported too (as of the start).
    let later = format!(
        "{}[patterns.hedging]\nenabled = false\n\n[[timeline]]\nat = \"10s\"\nset = {{ \"patterns.hedging.enabled\" = true }}\n",
        world(50, "")
    );
    assert!(!Simulation::new(&scenario(&later))
        .counters_in_use()
        .is_empty());
}

#[test]
fn out_of_range_copies_are_refused_with_the_range() {
    let bad = world(50, &hedging(11, "50ms"));
    let e = breakwater::scenario::parse_scenario("h.toml", bad.as_bytes()).unwrap_err();
    let said = e.say("en");
    assert!(said.contains("max_hedged_attempts"), "{said}");
    assert!(said.contains("10"), "{said}");
}

#[test]
fn the_hedging_lesson_holds() {
    let c = Comparison::of_variants(&common::builtin("hedging"));
    let ticks = |s: &breakwater::scenario::Scenario| common::run_ticks(s).1;
    let (a, b) = (ticks(&c.a), ticks(&c.b));
    // Before 2:00: A's p99 is the slow answer, B's the copy's; B sends a
    // copy for about 2 % of calls.
    let before = |ts: &[breakwater::sim::metrics::Tick]| {
        let mut n = breakwater::sim::metrics::Counts::default();
        for t in ts.iter().filter(|t| t.t <= 120_000_000_000) {
            n.add(&t.services[0].counts);
        }
        (n, ())
    };
    let (na, _) = before(&a);
    let (nb, _) = before(&b);
    let p99_before = |s: &breakwater::scenario::Scenario| {
        let mut sim = Simulation::new(s);
        sim.advance_to(120_000_000_000, &mut |_| {});
        let sum = breakwater::report::Summary::of(&sim, &s.name, 0.0);
        service(&sum, "search").latency.p99
    };
    let (pa, pb) = (p99_before(&c.a), p99_before(&c.b));
    assert!((pa - 1000.0).abs() < 2.0, "A's p99 before 2:00: {pa} ms");
    assert!((pb - 60.0).abs() < 0.5, "B's p99 before 2:00: {pb} ms");
    let share = nb.counter("hedged") as f64 / nb.calls as f64;
    assert!(
        (0.01..0.03).contains(&share),
        "copies per call before 2:00: {share}"
    );
    assert_eq!(na.counter("hedged"), 0);
    // After 2:00 every call is copied at once: the downstream's attempts double.
    let after: u64 = b
        .iter()
        .filter(|t| t.t > 125_000_000_000)
        .map(|t| t.services[0].counts.downstream_attempts)
        .sum();
    let calls: u64 = b
        .iter()
        .filter(|t| t.t > 125_000_000_000)
        .map(|t| t.services[0].counts.calls)
        .sum();
    let ratio = after as f64 / calls as f64;
    assert!(
        (1.95..2.05).contains(&ratio),
        "attempts per call after 2:00: {ratio}"
    );
}
