//! Each built-in scenario teaches one thing; here its lesson is stated as
//! numbers on its headless run.

mod common;
use breakwater::base::Outcome;
use breakwater::patterns::circuit_breaker::BreakerState;
use breakwater::scenario::builtin;
use breakwater::sim::metrics::{Counts, Tick};
use breakwater::sim::notices::{Notice, NoticeKind};

struct Run {
    ticks: Vec<Tick>,
    notices: Vec<Notice>,
    names: Vec<String>,
}

fn run(name: &str) -> Run {
    let s = common::builtin(name);
    let mut ticks = Vec::new();
    let sim = common::run_each(&s, |t| ticks.push(t.clone()));
    let notices = sim.notices().iter().map(|(_, n)| n.clone()).collect();
    Run {
        ticks,
        notices,
        names: s.world.services.iter().map(|x| x.name.clone()).collect(),
    }
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
    fn transitions(&self, service: &str) -> Vec<(u64, BreakerState, String)> {
        let i = self.idx(service);
        self.notices
            .iter()
            .filter_map(|n| match &n.kind {
                NoticeKind::Breaker { to, reason, .. } if n.service == Some(i) => {
                    Some((n.at, *to, reason.clone()))
                }
                _ => None,
            })
            .collect()
    }
    fn notes(&self) -> Vec<String> {
        self.notices
            .iter()
            .filter_map(|n| {
                if let NoticeKind::Note(s) = &n.kind {
                    Some(s.clone())
                } else {
                    None
                }
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
fn seed_lesson_breaker_opens_fast_probes_after_60s_and_isolates_payment() {
    let r = run("seed-lesson");
    let t = r.transitions("payment");
    let (opened_at, _, reason) = t
        .iter()
        .find(|x| x.1 == BreakerState::Open)
        .expect("payment breaker opens")
        .clone();
    assert!(
        (60 * S..62 * S).contains(&opened_at),
        "opens within ~a second of the failure at 1:00: {opened_at}"
    );
    assert_eq!(reason, "5 consecutive failures");
    let half = t
        .iter()
        .find(|x| x.1 == BreakerState::HalfOpen)
        .expect("probes");
    assert_eq!(
        half.0,
        opened_at + 60 * S,
        "the first probe comes exactly 60 s after opening"
    );
    let (closed_at, ..) = t
        .iter()
        .rev()
        .find(|x| x.1 == BreakerState::Closed)
        .expect("closes again")
        .clone();
    assert!(
        closed_at > 180 * S,
        "closes only after payment recovers at 3:00"
    );
    // While open, payment calls are short-circuited; user and order never notice.
    let open = r.window("payment", 62, 120);
    assert!(open.outcome(Outcome::ShortCircuited) as f64 > 0.95 * open.calls as f64);
    assert_eq!(open.downstream_attempts, 0);
    for svc in ["user", "order"] {
        let c = r.window(svc, 0, 300);
        assert!(
            c.outcome(Outcome::Ok) as f64 > 0.99 * c.finished() as f64,
            "{svc} stays healthy"
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
fn retry_storm_stays_collapsed_after_the_trigger_is_gone() {
    let r = run("retry-storm");
    let before = r.goodput("api", 0, 60);
    let after = r.goodput("api", 70, 130);
    assert!(before > 75.0, "healthy before: {before}/s");
    assert!(
        after < 0.3 * before,
        "the minute after the trigger: goodput {after:.1}/s vs {before:.1}/s before"
    );
    let late = r.goodput("api", 180, 240);
    assert!(
        late < 0.3 * before,
        "still collapsed minutes later: {late:.1}/s"
    );
    let c = r.window("api", 70, 130);
    assert!(
        c.attempts as f64 > 2.5 * c.calls as f64,
        "retries triple the load"
    );
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
}

#[test]
fn thundering_herd_without_jitter_is_refused_far_more_than_with_it() {
    let r = run("thundering-herd");
    let lockstep = r.window("api", 10, 40);
    let jittered = r.window("api", 100, 130);
    assert!(
        lockstep.downstream_refused > 2 * jittered.downstream_refused,
        "refused without jitter {} vs with {}",
        lockstep.downstream_refused,
        jittered.downstream_refused
    );
    assert!(
        lockstep.outcome(Outcome::Failed) > 50,
        "calls fail in lock-step: {}",
        lockstep.outcome(Outcome::Failed)
    );
    assert!(jittered.outcome(Outcome::Failed) * 10 < lockstep.outcome(Outcome::Failed));
}

#[test]
fn bulkheads_keep_user_and_order_healthy_when_payment_is_slow() {
    let r = run("bulkhead-isolation");
    for svc in ["user", "order"] {
        let starved = r.window(svc, 70, 150);
        let isolated = r.window(svc, 160, 240);
        let ok = |c: &Counts| c.outcome(Outcome::Ok) as f64 / c.finished() as f64;
        assert!(
            ok(&starved) < 0.8,
            "{svc} starves without bulkheads: {:.2} ok",
            ok(&starved)
        );
        assert!(
            ok(&isolated) > 0.99,
            "{svc} healthy with bulkheads: {:.2} ok",
            ok(&isolated)
        );
        let (starved, isolated) = (r.max_p99(svc, 70, 150), r.max_p99(svc, 160, 240));
        assert!(
            starved > 5.0 * isolated,
            "{svc} p99: {starved:.0} ms starved vs {isolated:.0} ms isolated"
        );
    }
    let p = r.window("payment", 160, 240);
    assert!(
        p.outcome(Outcome::BulkheadRejected) > 0,
        "payment beyond its 8 slots is rejected"
    );
}

#[test]
fn timeout_bounds_latency_and_fallback_answers() {
    let r = run("timeout-fallback");
    let svc = "recommendations";
    assert!(
        r.max_p99(svc, 90, 150) > 5_000.0,
        "without a timeout callers wait ~10 s"
    );
    // Calls that started before 2:30 had no timeout; from 2:55 all did. (Tick
    // percentiles come from a 2-significant-digit histogram: 1 % slack.)
    assert!(
        r.max_p99(svc, 175, 240) <= 505.0,
        "with it, latency is bounded at 500 ms"
    );
    let c = r.window(svc, 175, 240);
    assert!(
        c.fallbacks > 0 && c.fallbacks == c.outcome(Outcome::TimedOut),
        "timeouts are answered by the fallback"
    );
}

#[test]
fn brownout_slow_call_breaker_trips_before_errors_appear() {
    let r = run("brownout");
    let t = r.transitions("inventory");
    let (opened, _, reason) = t
        .iter()
        .find(|x| x.1 == BreakerState::Open)
        .expect("opens")
        .clone();
    assert!(reason.starts_with("slow-call rate"), "{reason}");
    let first_error = r
        .ticks
        .iter()
        .find(|tk| {
            let c = &tk.services[0].counts;
            c.attempt_outcomes[Outcome::TimedOut.index()]
                + c.attempt_outcomes[Outcome::Failed.index()]
                > 0
        })
        .map(|tk| tk.t)
        .unwrap_or(u64::MAX);
    assert!(
        opened + 10 * S < first_error,
        "breaker opened at {opened}, first error at {first_error}"
    );
}

#[test]
fn flapping_breaker_stops_flapping_once_reconfigured() {
    let r = run("half-open-flapping");
    let t = r.transitions("search");
    let opens = |from: u64, to: u64| {
        t.iter()
            .filter(|x| x.1 == BreakerState::Open && x.0 >= from * S && x.0 < to * S)
            .count()
    };
    assert!(
        opens(0, 120) >= 20,
        "flaps: {} opens in 2 minutes",
        opens(0, 120)
    );
    assert_eq!(opens(121, 240), 0, "stays closed at 20 % failures");
    // The breaker open at 2:00 finishes its (now 30 s) open period and its probes close it.
    let c = r.window("search", 160, 240);
    assert_eq!(c.outcome(Outcome::ShortCircuited), 0);
    assert!(r.notes().iter().any(|n| n.contains("reconfigured")));
}
