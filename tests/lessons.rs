//! Each built-in scenario teaches one thing; here its lesson is stated as
//! numbers on its headless run.

mod common;
#[path = "lessons/seed_lesson.rs"]
mod seed_lesson;
use breakwater::base::Outcome;
use breakwater::patterns::circuit_breaker::BreakerState;
use breakwater::scenario::builtin;
use breakwater::scenario::variants::{Comparison, Side};
use breakwater::scenario::Scenario;
use breakwater::sim::metrics::{Counts, Tick};
use breakwater::sim::notices::{Notice, NoticeKind};

struct Run {
    ticks: Vec<Tick>,
    notices: Vec<Notice>,
    names: Vec<String>,
}

fn run(name: &str) -> Run {
    run_scenario(&common::builtin(name))
}

/// A built-in run with `--set PATH=VALUE`s, as `breakwater run NAME --set …`.
fn run_with(name: &str, sets: &[&str]) -> Run {
    let mut s = common::builtin(name);
    let args: Vec<String> = sets.iter().map(|x| x.to_string()).collect();
    breakwater::scenario::overrides::apply_sets(&mut s, "--set", &args).expect("a valid --set");
    run_scenario(&s)
}

fn run_scenario(s: &Scenario) -> Run {
    let mut ticks = Vec::new();
    let sim = common::run_each(s, |t| ticks.push(t.clone()));
    let notices = sim.notices().iter().map(|(_, n)| n.clone()).collect();
    Run {
        ticks,
        notices,
        names: s.world.services.iter().map(|x| x.name.clone()).collect(),
    }
}

/// Both declared sides of a built-in comparison, run headless with the same
/// seed (so the same luck): (A, B).
fn sides(name: &str) -> (Run, Run) {
    let c = Comparison::of_variants(&common::builtin(name));
    (run_scenario(&c.a), run_scenario(&c.b))
}

const S: u64 = 1_000_000_000;

impl Run {
    fn idx(&self, service: &str) -> usize {
        self.names
            .iter()
            .position(|n| n == service)
            .expect("service")
    }
    /// Counts of `service` over the ticks ending in (from, to] seconds.
    fn window(&self, service: &str, from: u64, to: u64) -> Counts {
        let i = self.idx(service);
        let mut c = Counts::default();
        for t in self
            .ticks
            .iter()
            .filter(|t| t.t > from * S && t.t <= to * S)
        {
            c.add(&t.services[i].counts);
        }
        c
    }
    fn goodput(&self, service: &str, from: u64, to: u64) -> f64 {
        self.window(service, from, to).outcome(Outcome::Ok) as f64 / (to - from) as f64
    }
    fn max_p99(&self, service: &str, from: u64, to: u64) -> f64 {
        let i = self.idx(service);
        self.ticks
            .iter()
            .filter(|t| t.t > from * S && t.t <= to * S)
            .map(|t| t.services[i].latency.p99)
            .fold(0.0, f64::max)
    }
    /// The most slots of `service`'s bulkhead in use at a tick's end in (from, to] s.
    fn peak_in_use(&self, service: &str, from: u64, to: u64) -> u32 {
        let i = self.idx(service);
        self.ticks
            .iter()
            .filter(|t| t.t > from * S && t.t <= to * S)
            .map(|t| t.services[i].bulkhead_in_use)
            .max()
            .unwrap_or(0)
    }
    fn ok_fraction(&self, service: &str, from: u64, to: u64) -> f64 {
        let c = self.window(service, from, to);
        c.outcome(Outcome::Ok) as f64 / c.finished().max(1) as f64
    }
    /// The ticks of `service` (end time in ns, counts) whose end is in (from, to] ns.
    fn ticks_of(&self, service: &str, from: u64, to: u64) -> Vec<(u64, &Counts)> {
        let i = self.idx(service);
        self.ticks
            .iter()
            .filter(|t| t.t > from && t.t <= to)
            .map(|t| (t.t, &t.services[i].counts))
            .collect()
    }
    fn transitions(&self, service: &str) -> Vec<(u64, BreakerState, String)> {
        let i = self.idx(service);
        self.notices
            .iter()
            .filter_map(|n| match &n.kind {
                NoticeKind::Breaker { to, reason, .. } if n.service == Some(i) => {
                    Some((n.at, *to, reason.in_language("en")))
                }
                _ => None,
            })
            .collect()
    }
}

#[test]
fn every_builtin_has_a_description_a_lesson_and_timeline_notes() {
    for name in builtin::names() {
        let s = common::builtin(name);
        assert!(!s.description.is_empty(), "{name}: description");
        assert!(s.lesson.len() > 80, "{name}: lesson says what to watch");
        assert!(
            s.timeline.iter().any(|c| c.note.is_some()),
            "{name}: a timeline note"
        );
    }
}

#[test]
fn breaker_opens_sheds_load_probes_and_closes() {
    let r = run("breaker-opens");
    let t = r.transitions("payment");
    assert!(
        t.iter().any(|x| x.1 == BreakerState::Open && x.0 < 61 * S),
        "opens within a second"
    );
    let probes = t
        .iter()
        .filter(|x| x.1 == BreakerState::HalfOpen && x.0 < 150 * S)
        .count();
    assert!(probes >= 3, "probes every 20 s during the outage: {probes}");
    let outage = r.window("payment", 61, 150);
    assert!(
        outage.downstream_attempts <= probes as u64 + 1,
        "sheds load: {} attempts reached payment",
        outage.downstream_attempts
    );
    let last = t.last().expect("transitions");
    assert_eq!(last.1, BreakerState::Closed);
    assert!(
        last.0 > 150 * S && last.0 <= 171 * S,
        "closes at the first probe after recovery: {}",
        last.0
    );
    assert!(r.goodput("payment", 180, 240) > 0.95 * r.goodput("payment", 0, 60));
}

#[test]
fn retry_budget_recovers_from_the_same_trigger() {
    let r = run("retry-budget");
    let before = r.goodput("api", 0, 60);
    let after = r.goodput("api", 90, 150);
    assert!(
        after > 0.9 * before,
        "back above 90 %: {after:.1}/s vs {before:.1}/s"
    );
    let c = r.window("api", 60, 90);
    assert!(
        (c.attempts as f64) < 1.1 * c.calls as f64,
        "the budget stops the retries: {} attempts for {} calls",
        c.attempts,
        c.calls
    );
    // The lesson names the budget, not the jitter, as the fix. The budget
    // alone (no jitter) recovers as well ...
    let budget_only = run_with("retry-budget", &["patterns.retry.jitter=none"]);
    let g = budget_only.goodput("api", 90, 150);
    assert!(
        g > 0.9 * before,
        "budget alone: back above 90 %: {g:.1}/s vs {before:.1}/s"
    );
    // ... and the jitter alone (no budget) stays collapsed.
    let text = std::fs::read_to_string(common::root().join("scenarios/retry-budget.toml"))
        .expect("the scenario file");
    assert!(text.contains("\nbudget = "), "the budget line");
    let no_budget: String = text
        .lines()
        .filter(|l| !l.starts_with("budget = "))
        .map(|l| format!("{l}\n"))
        .collect();
    let jitter_only = run_scenario(&common::scenario(&no_budget));
    for (from, to) in [(90, 150), (180, 240)] {
        let g = jitter_only.goodput("api", from, to);
        assert!(
            g < 0.5 * before,
            "jitter alone: still collapsed from {from} s: {g:.1}/s vs {before:.1}/s"
        );
    }
}

#[test]
fn every_comparison_declares_two_labelled_sides_that_differ() {
    let mut comparisons = Vec::new();
    for name in builtin::names() {
        let s = common::builtin(name);
        let Some(v) = &s.variants else { continue };
        comparisons.push(name);
        for (side, variant) in [(Side::A, &v.a), (Side::B, &v.b)] {
            let label = variant.label.as_deref().unwrap_or_default();
            assert!(
                !label.trim().is_empty() && label.chars().count() <= 40,
                "{name}: side {side:?} has a short label: {label:?}"
            );
        }
        let c = Comparison::of_variants(&s);
        assert_ne!(
            c.label_a, c.label_b,
            "{name}: the labels tell the sides apart"
        );
        assert_ne!(
            c.a.timeline, c.b.timeline,
            "{name}: side B changes something"
        );
        // The incident is on the shared timeline: both sides live through it.
        for change in &s.timeline {
            assert!(c.a.timeline.contains(change) && c.b.timeline.contains(change));
        }
    }
    assert_eq!(
        comparisons,
        [
            "retry-storm",
            "thundering-herd",
            "bulkhead-isolation",
            "timeout-fallback",
            "brownout",
            "half-open-flapping",
            "hedging"
        ]
    );
    assert!(common::builtin("seed-lesson").variants.is_none());
}

#[test]
fn retry_storm_naive_retries_stay_collapsed_a_budget_recovers() {
    let (a, b) = sides("retry-storm");
    let before = a.goodput("api", 0, 60);
    assert!(before > 75.0, "healthy before: {before}/s");
    assert_eq!(
        b.goodput("api", 0, 60),
        before,
        "the same luck before the trigger"
    );
    // A: the trigger is gone at 1:10, the collapse is not.
    let after = a.goodput("api", 70, 130);
    assert!(
        after < 0.1 * before,
        "A, the minute after the trigger: goodput {after:.1}/s vs {before:.1}/s before"
    );
    let late = a.goodput("api", 180, 240);
    assert!(
        late < 0.1 * before,
        "A, still collapsed minutes later: {late:.1}/s"
    );
    let c = a.window("api", 70, 130);
    assert!(
        c.attempts as f64 > 2.5 * c.calls as f64,
        "A: retries triple the load"
    );
    // B: the budget runs dry, the queue drains, goodput is back by 1:30.
    let c = b.window("api", 60, 130);
    assert!(
        (c.attempts as f64) < 1.1 * c.calls as f64,
        "B: the budget stops the retries: {} attempts for {} calls",
        c.attempts,
        c.calls
    );
    for (from, to) in [(90, 150), (180, 240)] {
        let g = b.goodput("api", from, to);
        assert!(
            g > 0.9 * before,
            "B back above 90 % from {from} s: {g:.1}/s vs {before:.1}/s"
        );
    }
}

#[test]
fn thundering_herd_lock_step_is_refused_far_more_than_full_jitter() {
    let (a, b) = sides("thundering-herd");
    let (lockstep, jittered) = (a.window("api", 10, 40), b.window("api", 10, 40));
    assert!(
        lockstep.downstream_refused > 2 * jittered.downstream_refused,
        "refused in lock-step {} vs with full jitter {}",
        lockstep.downstream_refused,
        jittered.downstream_refused
    );
    assert!(
        lockstep.outcome(Outcome::Failed) > 50,
        "calls fail in lock-step: {}",
        lockstep.outcome(Outcome::Failed)
    );
    assert!(jittered.outcome(Outcome::Failed) * 10 < lockstep.outcome(Outcome::Failed));
    assert!(
        jittered.outcome(Outcome::Ok) as f64 > 1.2 * lockstep.outcome(Outcome::Ok) as f64,
        "more calls get through with jitter: {} vs {}",
        jittered.outcome(Outcome::Ok),
        lockstep.outcome(Outcome::Ok)
    );
}

#[test]
fn bulkhead_isolation_shared_pool_starves_user_and_order_bulkheads_do_not() {
    let (a, b) = sides("bulkhead-isolation");
    let ok = |c: &Counts| c.outcome(Outcome::Ok) as f64 / c.finished() as f64;
    for svc in ["user", "order"] {
        let (shared, isolated) = (a.window(svc, 70, 180), b.window(svc, 70, 180));
        assert!(
            ok(&shared) < 0.8,
            "A: {svc} starves in the shared pool: {:.2} ok",
            ok(&shared)
        );
        assert!(
            ok(&isolated) > 0.99,
            "B: {svc} healthy with bulkheads: {:.2} ok",
            ok(&isolated)
        );
        let (shared, isolated) = (a.max_p99(svc, 70, 180), b.max_p99(svc, 70, 180));
        assert!(
            shared > 5.0 * isolated,
            "{svc} p99: {shared:.0} ms in the shared pool vs {isolated:.0} ms with bulkheads"
        );
        assert!(isolated < 500.0, "B: {svc} p99 {isolated:.0} ms");
    }
    let (pa, pb) = (a.window("payment", 70, 180), b.window("payment", 70, 180));
    assert_eq!(pa.outcome(Outcome::BulkheadRejected), 0);
    assert!(
        pb.outcome(Outcome::BulkheadRejected) > 0,
        "B: payment beyond its 8 slots is rejected"
    );
}

#[test]
fn timeout_fallback_bounds_latency_on_b_only() {
    let (a, b) = sides("timeout-fallback");
    let svc = "recommendations";
    assert!(
        a.max_p99(svc, 90, 180) > 5_000.0,
        "A: without a timeout callers wait ~10 s: p99 {:.0} ms",
        a.max_p99(svc, 90, 180)
    );
    // Tick percentiles come from a 2-significant-digit histogram: 1 % slack.
    assert!(
        b.max_p99(svc, 0, 180) <= 505.0,
        "B: latency is bounded at 500 ms: p99 {:.0} ms",
        b.max_p99(svc, 0, 180)
    );
    let c = b.window(svc, 60, 180);
    assert!(
        c.fallbacks > 1000 && c.fallbacks == c.outcome(Outcome::TimedOut),
        "B: every timeout is answered by the fallback: {} fallbacks, {} timeouts",
        c.fallbacks,
        c.outcome(Outcome::TimedOut)
    );
    assert_eq!(a.window(svc, 0, 180).fallbacks, 0);
}

/// When the first attempt of the (only) service timed out or failed.
fn first_error(r: &Run) -> u64 {
    r.ticks
        .iter()
        .find(|tk| {
            let c = &tk.services[0].counts;
            c.attempt_outcomes[Outcome::TimedOut.index()]
                + c.attempt_outcomes[Outcome::Failed.index()]
                > 0
        })
        .map(|tk| tk.t)
        .unwrap_or(u64::MAX)
}

#[test]
fn brownout_slow_call_breaker_opens_long_before_errors_the_error_only_one_never() {
    let (a, b) = sides("brownout");
    let (opened, _, reason) = b
        .transitions("inventory")
        .into_iter()
        .find(|x| x.1 == BreakerState::Open)
        .expect("B's breaker opens");
    assert!(reason.starts_with("slow-call rate"), "{reason}");
    let first_error = first_error(&a);
    assert!(
        opened + 10 * S < first_error,
        "B's breaker opened at {opened}, A's first error at {first_error}"
    );
    assert!(
        a.transitions("inventory").is_empty(),
        "A's error-only breaker never opens: timeouts stay under half the calls"
    );
    let (ca, cb) = (
        a.window("inventory", 120, 240),
        b.window("inventory", 120, 240),
    );
    assert!(
        ca.outcome(Outcome::TimedOut) as f64 > 0.1 * ca.finished() as f64,
        "A: callers wait 2 s and time out: {} of {}",
        ca.outcome(Outcome::TimedOut),
        ca.finished()
    );
    assert!(
        (cb.outcome(Outcome::TimedOut) as f64) < 0.01 * cb.finished() as f64
            && cb.outcome(Outcome::ShortCircuited) as f64 > 0.9 * cb.finished() as f64,
        "B fails fast instead: {} timed out, {} short-circuited of {}",
        cb.outcome(Outcome::TimedOut),
        cb.outcome(Outcome::ShortCircuited),
        cb.finished()
    );
}

#[test]
fn half_open_flapping_misconfigured_breaker_flaps_the_fixed_one_does_not() {
    let (a, b) = sides("half-open-flapping");
    let opens = |r: &Run, from: u64, to: u64| {
        r.transitions("search")
            .iter()
            .filter(|x| x.1 == BreakerState::Open && x.0 >= from * S && x.0 < to * S)
            .count()
    };
    assert!(
        opens(&a, 0, 120) >= 20,
        "A flaps: {} opens in 2 minutes",
        opens(&a, 0, 120)
    );
    assert_eq!(opens(&b, 0, 180), 0, "B stays closed at 20 % failures");
    let (ca, cb) = (a.window("search", 0, 180), b.window("search", 0, 180));
    assert!(
        ca.outcome(Outcome::ShortCircuited) as f64 > 0.5 * ca.calls as f64,
        "A short-circuits good calls: {} of {}",
        ca.outcome(Outcome::ShortCircuited),
        ca.calls
    );
    assert_eq!(cb.outcome(Outcome::ShortCircuited), 0);
    assert!(
        cb.outcome(Outcome::Ok) as f64 > 0.75 * cb.calls as f64,
        "B: 4 calls in 5 succeed: {} of {}",
        cb.outcome(Outcome::Ok),
        cb.calls
    );
}
