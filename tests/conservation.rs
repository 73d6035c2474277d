//! Conservation: over random scenarios (1–3 services, every latency
//! distribution, open and closed load, a caller pool, every pattern on or off
//! with random parameters in a random order, random timeline changes), nothing
//! is lost or invented at any tick:
//!
//! - calls = final outcomes + in flight, per service and in total;
//! - attempts = attempt outcomes + attempts in progress (at most one per call
//!   in flight), and every finished call that got past the caller's pool made
//!   at least one attempt;
//! - gauges stay within their configured limits (bulkhead slots, downstream
//!   workers and queue, caller threads, closed-loop clients), taking the
//!   largest value the timeline ever sets;
//! - an outcome only appears when the pattern that produces it is ever on.

use breakwater::base::outcome::Outcome;
use breakwater::scenario::parse_scenario;
use breakwater::sim::metrics::Counts;
use breakwater::sim::Simulation;
use proptest::prelude::*;
use std::fmt::Write as _;

const SVC_NAMES: [&str; 3] = ["alpha", "beta", "gamma"];
const PATTERNS: [&str; 4] = ["retry", "circuit_breaker", "bulkhead", "timeout"];

#[derive(Clone, Debug)]
struct Service {
    share: f64,
    workers: u32,
    queue: u32,
    latency: String,
    failure_rate: f64,
    down: bool,
    cancel_on_timeout: bool,
    /// A per-service `[services.bulkhead]` override of max_concurrent.
    bulkhead: Option<u32>,
}

#[derive(Clone, Debug)]
enum Load {
    Open { kind: &'static str, rate: f64 },
    Closed { clients: u32, think: String },
}

#[derive(Clone, Debug)]
struct Patterns {
    breaker: Option<String>,
    retry: Option<String>,
    bulkhead: Option<(u32, String)>,
    timeout: Option<String>,
    fallback: Option<String>,
    order: Option<Vec<&'static str>>,
}

/// A timeline entry: at (ms), path, value, over (ms).
#[derive(Clone, Debug)]
struct Change {
    at_ms: u64,
    path: String,
    value: String,
    over_ms: Option<u64>,
}

#[derive(Clone, Debug)]
struct Case {
    seed: u64,
    duration_s: u64,
    tick_ms: u64,
    load: Load,
    client: Option<(u32, u32)>,
    services: Vec<Service>,
    patterns: Patterns,
    timeline: Vec<Change>,
}

fn ms(n: u32) -> String {
    format!("\"{n}ms\"")
}

fn dist() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u32..200).prop_map(ms),
        (0u32..100, 0u32..200).prop_map(|(a, b)| format!(
            "{{ dist = \"uniform\", min = {}, max = {} }}",
            ms(a),
            ms(a + b)
        )),
        (0u32..200).prop_map(|m| format!("{{ dist = \"exponential\", mean = {} }}", ms(m))),
        (0u32..200, 0u32..100).prop_map(|(m, sd)| format!(
            "{{ dist = \"normal\", mean = {}, sd = {} }}",
            ms(m),
            ms(sd)
        )),
        (1u32..100, 1u32..20).prop_map(|(p50, k)| format!(
            "{{ dist = \"lognormal\", p50 = {}, p99 = {} }}",
            ms(p50),
            ms(p50 * k)
        )),
        (1u32..50, 0.6f64..4.0).prop_map(|(scale, shape)| format!(
            "{{ dist = \"pareto\", scale = {}, shape = {shape:.3} }}",
            ms(scale)
        )),
    ]
}

/// Think times of at least 10 ms: a zero think with instant failures would
/// make each client call a million times a simulated second (the engine's
/// 1 µs floor), which is correct but slow to check.
fn think() -> impl Strategy<Value = String> {
    prop_oneof![
        (10u32..500).prop_map(ms),
        (10u32..200, 0u32..300).prop_map(|(a, b)| format!(
            "{{ dist = \"uniform\", min = {}, max = {} }}",
            ms(a),
            ms(a + b)
        )),
        (10u32..500).prop_map(|m| format!("{{ dist = \"exponential\", mean = {} }}", ms(m))),
    ]
}

fn service() -> impl Strategy<Value = Service> {
    (
        0.1f64..2.0,
        1u32..8,
        0u32..20,
        dist(),
        prop_oneof![Just(0.0), 0.0f64..1.0, Just(1.0)],
        prop::bool::weighted(0.1),
        any::<bool>(),
        prop::option::weighted(0.3, 1u32..6),
    )
        .prop_map(
            |(share, workers, queue, latency, failure_rate, down, cancel_on_timeout, bulkhead)| {
                Service {
                    share,
                    workers,
                    queue,
                    latency,
                    failure_rate,
                    down,
                    cancel_on_timeout,
                    bulkhead,
                }
            },
        )
}

fn load() -> impl Strategy<Value = Load> {
    prop_oneof![
        (
            prop_oneof![Just("poisson"), Just("constant")],
            0.5f64..300.0
        )
            .prop_map(|(kind, rate)| Load::Open { kind, rate }),
        (1u32..40, think()).prop_map(|(clients, think)| Load::Closed { clients, think }),
    ]
}

/// `half_open_calls` and `open_from`: resilience4j's (a number of probes,
/// from the opening) or the lesson's (`"all"`, from the last failure).
fn semantics(half: u32, last_failure: bool) -> String {
    let half = if half == 0 {
        "\"all\"".to_string()
    } else {
        half.to_string()
    };
    let from = if last_failure {
        "last_failure"
    } else {
        "opened"
    };
    format!("half_open_calls = {half}\nopen_from = \"{from}\"\n")
}

fn breaker() -> impl Strategy<Value = String> {
    let common = (
        1u32..3000,
        (0u32..5, any::<bool>()),
        prop::bool::weighted(0.85),
    );
    prop_oneof![
        (1u32..10, common.clone()).prop_map(|(t, (open, (half, lf), on))| format!(
            "kind = \"consecutive\"\nfailure_threshold = {t}\nopen_for = {}\n{}enabled = {on}\n",
            ms(open),
            semantics(half, lf)
        )),
        (1u32..50, 1u32..20, 0.05f64..1.0, prop::option::of(1u32..300), common.clone()).prop_map(
            |(size, min, rate, slow, (open, (half, lf), on))| {
                let slow = slow.map_or(String::new(), |s| {
                    format!("slow_call_duration = {}\nslow_call_rate = 0.5\n", ms(s))
                });
                format!(
                    "kind = \"rate\"\nwindow = \"count\"\nwindow_size = {size}\nmin_calls = {min}\nfailure_rate = {rate:.3}\n{slow}open_for = {}\n{}enabled = {on}\n",
                    ms(open),
                    semantics(half, lf)
                )
            }
        ),
        (100u32..5000, 1u32..20, 0.05f64..1.0, common).prop_map(
            |(window, min, rate, (open, (half, lf), on))| format!(
                "kind = \"rate\"\nwindow = \"time\"\nwindow_size = {}\nmin_calls = {min}\nfailure_rate = {rate:.3}\nopen_for = {}\n{}enabled = {on}\n",
                ms(window),
                ms(open),
                semantics(half, lf)
            )
        ),
    ]
}

fn retry() -> impl Strategy<Value = String> {
    let backoff = prop_oneof![
        (0u32..300).prop_map(ms),
        (0u32..100, 0u32..100).prop_map(|(i, s)| format!(
            "{{ kind = \"linear\", initial = {}, step = {}, max = {} }}",
            ms(i),
            ms(s),
            ms(i + 3 * s)
        )),
        (1u32..100, 0u32..50).prop_map(|(m, min)| format!(
            "{{ kind = \"exponential\", multiplier = {}, min = {}, max = \"1s\" }}",
            ms(m),
            ms(min)
        )),
    ];
    let jitter = prop_oneof![
        Just("none"),
        Just("full"),
        Just("equal"),
        Just("decorrelated")
    ];
    let retry_on = prop::sample::subsequence(
        vec![
            "\"failed\"",
            "\"timed_out\"",
            "\"short_circuited\"",
            "\"bulkhead_rejected\"",
        ],
        0..=4,
    );
    (
        1u32..5,
        backoff,
        jitter,
        prop::option::weighted(0.3, (2u32..20, 0.05f64..1.0)),
        prop::option::weighted(0.3, 50u32..2000),
        prop::option::weighted(0.3, retry_on),
        prop::bool::weighted(0.85),
    )
        .prop_map(|(max, backoff, jitter, budget, deadline, retry_on, on)| {
            let mut s = format!(
                "max_attempts = {max}\nbackoff = {backoff}\njitter = \"{jitter}\"\nenabled = {on}\n"
            );
            if let Some((tokens, ratio)) = budget {
                let _ = writeln!(
                    s,
                    "budget = {{ max_tokens = {tokens}, token_ratio = {ratio:.3} }}"
                );
            }
            if let Some(d) = deadline {
                let _ = writeln!(s, "deadline = {}", ms(d));
            }
            if let Some(on) = retry_on {
                let _ = writeln!(s, "retry_on = [{}]", on.join(", "));
            }
            s
        })
}

fn patterns() -> impl Strategy<Value = Patterns> {
    let bulkhead = (1u32..8, 0u32..10, 0u32..500, prop::bool::weighted(0.85)).prop_map(
        |(max, queue, wait, on)| {
            (
                max,
                format!(
                    "max_concurrent = {max}\nmax_queue = {queue}\nmax_wait = {}\nenabled = {on}\n",
                    ms(wait)
                ),
            )
        },
    );
    let timeout = (1u32..1000, prop::bool::weighted(0.85))
        .prop_map(|(t, on)| format!("per_attempt = {}\nenabled = {on}\n", ms(t)));
    let fallback = prop::sample::subsequence(
        vec![
            "\"failed\"",
            "\"timed_out\"",
            "\"short_circuited\"",
            "\"bulkhead_rejected\"",
            "\"client_rejected\"",
        ],
        0..=5,
    )
    .prop_map(|on| format!("on = [{}]\n", on.join(", ")));
    let order = (Just(PATTERNS.to_vec()).prop_shuffle(), 0usize..=4).prop_map(|(mut o, n)| {
        o.truncate(n);
        o
    });
    (
        prop::option::of(breaker()),
        prop::option::of(retry()),
        prop::option::of(bulkhead),
        prop::option::of(timeout),
        prop::option::of(fallback),
        prop::option::of(order),
    )
        .prop_map(
            |(breaker, retry, bulkhead, timeout, fallback, order)| Patterns {
                breaker,
                retry,
                bulkhead,
                timeout,
                fallback,
                order,
            },
        )
}

/// A random change that is valid for any scenario with `n` services.
fn change(n: usize, duration_ms: u64) -> impl Strategy<Value = Change> {
    let svc = (0..n).prop_map(|i| SVC_NAMES[i]);
    let target = prop_oneof![
        (svc.clone(), 0.0f64..=1.0)
            .prop_map(|(s, v)| (format!("services.{s}.failure_rate"), format!("{v:.3}"))),
        (svc.clone(), 0.1f64..5.0)
            .prop_map(|(s, v)| (format!("services.{s}.latency_factor"), format!("{v:.3}"))),
        (svc.clone(), any::<bool>())
            .prop_map(|(s, v)| (format!("services.{s}.down"), v.to_string())),
        (svc.clone(), 1u32..8).prop_map(|(s, v)| (format!("services.{s}.workers"), v.to_string())),
        (svc.clone(), 0u32..20).prop_map(|(s, v)| (format!("services.{s}.queue"), v.to_string())),
        (svc.clone(), 0.1f64..2.0)
            .prop_map(|(s, v)| (format!("services.{s}.share"), format!("{v:.3}"))),
        (svc.clone(), 1u32..8).prop_map(|(s, v)| (
            format!("services.{s}.bulkhead.max_concurrent"),
            v.to_string()
        )),
        (svc, any::<bool>())
            .prop_map(|(s, v)| (format!("services.{s}.retry.enabled"), v.to_string())),
        (
            prop_oneof![
                Just("retry"),
                Just("circuit_breaker"),
                Just("bulkhead"),
                Just("timeout"),
                Just("fallback")
            ],
            any::<bool>()
        )
            .prop_map(|(p, v)| (format!("patterns.{p}.enabled"), v.to_string())),
        (1u32..5).prop_map(|v| ("patterns.retry.max_attempts".to_string(), v.to_string())),
        (1u32..8).prop_map(|v| (
            "patterns.bulkhead.max_concurrent".to_string(),
            v.to_string()
        )),
        (1u32..1000).prop_map(|v| ("patterns.timeout.per_attempt".to_string(), ms(v))),
        prop_oneof![Just("none"), Just("forced_open"), Just("disabled")].prop_map(|v| (
            "patterns.circuit_breaker.force".to_string(),
            format!("\"{v}\"")
        )),
        (0.5f64..300.0).prop_map(|v| ("load.rate".to_string(), format!("{v:.3}"))),
        (1u32..40).prop_map(|v| ("load.clients".to_string(), v.to_string())),
        (1u32..40).prop_map(|v| ("client.threads".to_string(), v.to_string())),
    ];
    (
        0..=duration_ms,
        target,
        prop::option::weighted(0.2, 1u64..5000),
    )
        .prop_map(move |(at_ms, (path, value), over)| {
            // Ramps move numbers only.
            let numeric = value.parse::<f64>().is_ok();
            Change {
                at_ms,
                path,
                value,
                over_ms: over.filter(|o| numeric && at_ms + o <= duration_ms),
            }
        })
}

fn case() -> impl Strategy<Value = Case> {
    (
        // TOML integers are i64.
        0..=i64::MAX as u64,
        1u64..30,
        prop_oneof![Just(10u64), Just(100), Just(250), Just(1000)],
        load(),
        prop::option::of((1u32..40, 0u32..50)),
        prop::collection::vec(service(), 1..=3),
        patterns(),
    )
        .prop_flat_map(
            |(seed, duration_s, tick_ms, load, client, services, patterns)| {
                let n = services.len();
                prop::collection::vec(change(n, duration_s * 1000), 0..5).prop_map(
                    move |timeline| Case {
                        seed,
                        duration_s,
                        tick_ms,
                        load: load.clone(),
                        client,
                        services: services.clone(),
                        patterns: patterns.clone(),
                        timeline,
                    },
                )
            },
        )
        // Paths that need a [client] section or a closed loop only where they exist.
        .prop_map(|mut c| {
            let closed = matches!(c.load, Load::Closed { .. });
            let has_client = c.client.is_some();
            c.timeline.retain(|ch| match ch.path.as_str() {
                "load.clients" => closed,
                "load.rate" => !closed,
                "client.threads" => has_client,
                _ => true,
            });
            c
        })
}

impl Case {
    fn toml(&self) -> String {
        let mut s = format!(
            "name = \"random\"\nseed = {}\nduration = \"{}s\"\ntick = \"{}ms\"\n\n[load]\n",
            self.seed, self.duration_s, self.tick_ms
        );
        match &self.load {
            Load::Open { kind, rate } => {
                let _ = writeln!(s, "kind = \"{kind}\"\nrate = {rate:.3}");
            }
            Load::Closed { clients, think } => {
                let _ = writeln!(s, "kind = \"closed\"\nclients = {clients}\nthink = {think}");
            }
        }
        if let Some((threads, queue)) = self.client {
            let _ = writeln!(s, "\n[client]\nthreads = {threads}\nqueue = {queue}");
        }
        for (i, v) in self.services.iter().enumerate() {
            let _ = writeln!(
                s,
                "\n[[services]]\nname = \"{}\"\nshare = {:.3}\nworkers = {}\nqueue = {}\nlatency = {}\nfailure_rate = {:.3}\ndown = {}\ncancel_on_timeout = {}",
                SVC_NAMES[i],
                v.share,
                v.workers,
                v.queue,
                v.latency,
                v.failure_rate,
                v.down,
                v.cancel_on_timeout
            );
            if let Some(b) = v.bulkhead {
                let _ = writeln!(s, "[services.bulkhead]\nmax_concurrent = {b}");
            }
        }
        let p = &self.patterns;
        s.push_str("\n[patterns]\n");
        if let Some(order) = &p.order {
            let quoted: Vec<String> = order.iter().map(|o| format!("\"{o}\"")).collect();
            let _ = writeln!(s, "order = [{}]", quoted.join(", "));
        }
        for (name, body) in [
            ("circuit_breaker", p.breaker.clone()),
            ("retry", p.retry.clone()),
            ("bulkhead", p.bulkhead.as_ref().map(|b| b.1.clone())),
            ("timeout", p.timeout.clone()),
            ("fallback", p.fallback.clone()),
        ] {
            if let Some(body) = body {
                let _ = write!(s, "[patterns.{name}]\n{body}");
            }
        }
        for c in &self.timeline {
            let _ = write!(
                s,
                "\n[[timeline]]\nat = \"{}ms\"\nset = {{ \"{}\" = {} }}\n",
                c.at_ms, c.path, c.value
            );
            if let Some(o) = c.over_ms {
                let _ = writeln!(s, "over = \"{o}ms\"");
            }
        }
        s
    }

    /// The largest value a numeric field ever has: its initial value or any
    /// value the timeline sets (a ramp moves between the two).
    fn max_of(&self, initial: u32, paths: &[String]) -> u32 {
        self.timeline
            .iter()
            .filter(|c| paths.contains(&c.path))
            .map(|c| c.value.parse::<u32>().expect("integer change"))
            .fold(initial, u32::max)
    }

    /// Whether a pattern is ever on: configured and enabled, or turned on by
    /// the timeline (for all services or for this one).
    fn ever_on(&self, pattern: &str, svc: &str, configured_on: bool) -> bool {
        configured_on
            || self.timeline.iter().any(|c| {
                c.value == "true"
                    && (c.path == format!("patterns.{pattern}.enabled")
                        || c.path == format!("services.{svc}.{pattern}.enabled"))
            })
    }
}

fn outcomes_sum(c: &Counts) -> u64 {
    c.outcomes.iter().sum()
}

fn check(case: &Case) -> Result<(), TestCaseError> {
    let text = case.toml();
    let scenario = parse_scenario("random.toml", text.as_bytes()).map_err(|e| {
        TestCaseError::fail(format!(
            "generated scenario refused: {}\n{text}",
            e.say("en")
        ))
    })?;
    let n = case.services.len();
    let mut sim = Simulation::new(&scenario);

    // Limits per service.
    let mut workers_max = Vec::new();
    let mut queue_max = Vec::new();
    let mut bulkhead_max = Vec::new();
    for (i, s) in case.services.iter().enumerate() {
        let name = SVC_NAMES[i];
        workers_max.push(case.max_of(s.workers, &[format!("services.{name}.workers")]));
        queue_max.push(case.max_of(s.queue, &[format!("services.{name}.queue")]));
        let default = case.patterns.bulkhead.as_ref().map_or(10, |b| b.0);
        // A ramp of `patterns.bulkhead.max_concurrent` starts from the
        // default and sets every service, overrides included.
        let ramps_default = case
            .timeline
            .iter()
            .any(|c| c.path == "patterns.bulkhead.max_concurrent" && c.over_ms.is_some());
        let initial = match s.bulkhead {
            Some(own) if ramps_default => own.max(default),
            Some(own) => own,
            None => default,
        };
        bulkhead_max.push(case.max_of(
            initial,
            &[
                format!("services.{name}.bulkhead.max_concurrent"),
                "patterns.bulkhead.max_concurrent".to_string(),
            ],
        ));
    }
    let threads_max = case
        .client
        .map(|(t, _)| case.max_of(t, &["client.threads".to_string()]));
    let clients_max = match &case.load {
        Load::Closed { clients, .. } => Some(case.max_of(*clients, &["load.clients".to_string()])),
        Load::Open { .. } => None,
    };

    let mut totals = vec![Counts::default(); n];
    let mut failures: Vec<String> = Vec::new();
    let mut last_t = 0;
    let mut ticks = 0u64;
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        sim.run(&mut |tick| {
        ticks += 1;
        if failures.len() > 5 {
            return;
        }
        let t = tick.t as f64 / 1e9;
        if tick.t <= last_t && ticks > 1 || tick.len == 0 {
            failures.push(format!("t={t}: tick not after the previous one"));
        }
        last_t = tick.t;
        let mut in_flight_all = 0;
        let mut all = Counts::default();
        for (i, ts) in tick.services.iter().enumerate() {
            let name = SVC_NAMES[i];
            let c = &mut totals[i];
            c.add(&ts.counts);
            all.add(c);
            in_flight_all += ts.in_flight;
            let finished = outcomes_sum(c);
            if c.calls != finished + ts.in_flight {
                failures.push(format!(
                    "t={t} {name}: calls {} ≠ finished {finished} + in flight {}",
                    c.calls, ts.in_flight
                ));
            }
            let attempt_outcomes: u64 = c.attempt_outcomes.iter().sum();
            if !(attempt_outcomes <= c.attempts && c.attempts <= attempt_outcomes + ts.in_flight) {
                failures.push(format!(
                    "t={t} {name}: attempts {} vs attempt outcomes {attempt_outcomes} + in flight {}",
                    c.attempts, ts.in_flight
                ));
            }
            if c.attempt_outcomes[Outcome::ClientRejected.index()] != 0 {
                failures.push(format!("t={t} {name}: an attempt was client_rejected"));
            }
            let rejected = c.outcome(Outcome::ClientRejected);
            if c.attempts < finished - rejected {
                failures.push(format!(
                    "t={t} {name}: {} attempts for {} finished calls past the caller pool",
                    c.attempts,
                    finished - rejected
                ));
            }
            if c.retries > c.attempts || c.fallbacks > finished {
                failures.push(format!("t={t} {name}: retries or fallbacks exceed"));
            }
            if c.downstream_refused > c.downstream_attempts
                || c.downstream_attempts > c.attempts + ts.in_flight
            {
                failures.push(format!(
                    "t={t} {name}: downstream attempts {} refused {} attempts {}",
                    c.downstream_attempts, c.downstream_refused, c.attempts
                ));
            }
            if ts.bulkhead_in_use > bulkhead_max[i] {
                failures.push(format!(
                    "t={t} {name}: bulkhead in use {} > max_concurrent {}",
                    ts.bulkhead_in_use, bulkhead_max[i]
                ));
            }
            if ts.downstream_busy > workers_max[i] || ts.downstream_queued > queue_max[i] {
                failures.push(format!(
                    "t={t} {name}: downstream busy {} / queued {} > workers {} / queue {}",
                    ts.downstream_busy, ts.downstream_queued, workers_max[i], queue_max[i]
                ));
            }
        }
        if all.calls != outcomes_sum(&all) + in_flight_all {
            failures.push(format!("t={t}: total calls not conserved"));
        }
        match threads_max {
            Some(max) if tick.client_busy > max => failures.push(format!(
                "t={t}: {} caller threads busy > {max}",
                tick.client_busy
            )),
            None if tick.client_busy + tick.client_waiting > 0 => {
                failures.push(format!("t={t}: caller pool in use without [client]"))
            }
            _ => {}
        }
        if let Some((_, queue)) = case.client {
            if tick.client_waiting > queue {
                failures.push(format!(
                    "t={t}: {} callers waiting > queue {queue}",
                    tick.client_waiting
                ));
            }
        }
        if let Some(max) = clients_max {
            if in_flight_all > max as u64 {
                failures.push(format!(
                    "t={t}: {in_flight_all} calls in flight > {max} clients"
                ));
            }
        }
    })
    }));
    if let Err(panic) = run {
        let msg = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        return Err(TestCaseError::fail(format!(
            "the simulation panicked: {msg}\n{text}"
        )));
    }
    prop_assert!(failures.is_empty(), "{}\n{text}", failures.join("\n"));
    // One tick per tick length, the last one cut short at the end.
    prop_assert_eq!(ticks, (case.duration_s * 1000).div_ceil(case.tick_ms));
    prop_assert_eq!(last_t, case.duration_s * 1_000_000_000);

    // Outcomes only from patterns that were ever on.
    let p = &case.patterns;
    let on = |body: &Option<String>| body.as_ref().is_some_and(|b| b.contains("enabled = true"));
    for (i, c) in totals.iter().enumerate() {
        let name = SVC_NAMES[i];
        let breaker = case.ever_on("circuit_breaker", name, on(&p.breaker));
        let timeout = case.ever_on("timeout", name, on(&p.timeout));
        let retry = case.ever_on("retry", name, on(&p.retry));
        let bulkhead = case.ever_on(
            "bulkhead",
            name,
            p.bulkhead
                .as_ref()
                .is_some_and(|b| b.1.contains("enabled = true"))
                || case.services[i].bulkhead.is_some(),
        );
        let fallback = case.ever_on("fallback", name, p.fallback.is_some());
        if !breaker {
            prop_assert_eq!(
                c.outcome(Outcome::ShortCircuited),
                0,
                "{} breaker never on\n{}",
                name,
                text
            );
        }
        if !timeout {
            prop_assert_eq!(
                c.outcome(Outcome::TimedOut),
                0,
                "{} timeout never on\n{}",
                name,
                text
            );
        }
        if !retry {
            prop_assert_eq!(c.retries, 0, "{} retry never on\n{}", name, text);
        }
        if !bulkhead {
            prop_assert_eq!(
                c.outcome(Outcome::BulkheadRejected),
                0,
                "{} bulkhead never on\n{}",
                name,
                text
            );
        }
        if !fallback {
            prop_assert_eq!(c.fallbacks, 0, "{} fallback never on\n{}", name, text);
        }
        if case.client.is_none() {
            prop_assert_eq!(c.outcome(Outcome::ClientRejected), 0);
        }
        // The run's totals agree with the sum of its ticks.
        prop_assert_eq!(c, &sim.service_metrics(i).totals_now());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 4000,
        max_shrink_iters: 2000,
        ..ProptestConfig::default()
    })]

    #[test]
    fn nothing_is_lost(case in case()) {
        check(&case)?;
    }
}
