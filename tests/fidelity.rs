//! Fidelity: with every pattern off, the downstream is a plain queue, and its
//! simulated numbers must match queueing theory (M/M/1, Erlang C, M/M/c/K,
//! Erlang B, the closed M/M/1//N loop, Little's law) within a few percent.
//!
//! The formulas are written out here, independently of the engine. Run lengths
//! are chosen so that each tolerance is at least four standard errors wide.
//! For M/M/1 at load ρ the relative variance of the time-average number in
//! system over a run of n calls is about 2(1+ρ) / (n (1−ρ)²) (Whitt 1989):
//! a relative standard error of 0.35 % at ρ = 0.5 and 0.95 % at ρ = 0.8 with a
//! million calls. Measured over ten seeds, the worst relative SDs of the
//! checked numbers at the run lengths below are about 1 % (M/M/1 ρ = 0.8 mean
//! wait), 1.4 % (M/M/5 mean wait), 1.1 % (M/M/20 mean wait, six million calls),
//! 0.8 % (M/M/c/K blocking), 0.6 % (Erlang B c = 30, four million calls) and
//! 0.5 % (closed loop), against tolerances of 3–5 %.
//!
//! The dev profile optimises a little (see Cargo.toml), so the whole file
//! simulates about 20 million calls in a few seconds.

mod common;

use breakwater::report::{json::to_json, Summary};
use serde_json::Value;

/// A run of a scenario: the JSON summary and the in-flight gauge at every tick.
struct Run {
    json: Value,
    summary: Summary,
    in_flight: Vec<u64>,
}

fn run(toml: &str) -> Run {
    let scenario = common::scenario(toml);
    assert!(
        scenario.world.services.iter().all(|s| {
            let p = &s.patterns;
            !(p.retry.enabled
                || p.circuit_breaker.enabled
                || p.bulkhead.enabled
                || p.timeout.enabled
                || p.fallback.enabled)
        }),
        "fidelity scenarios must have every pattern off"
    );
    let mut in_flight = Vec::new();
    let sim = common::run_each(&scenario, |tick| in_flight.push(tick.services[0].in_flight));
    let summary = Summary::of(&sim, &scenario.name, 0.0);
    Run {
        json: to_json(&summary),
        summary,
        in_flight,
    }
}

fn num(v: &Value, path: &str) -> f64 {
    let mut cur = v;
    for part in path.split('.') {
        cur = cur
            .get(part)
            .unwrap_or_else(|| panic!("JSON has no `{path}`: {v}"));
    }
    cur.as_f64()
        .unwrap_or_else(|| panic!("`{path}` is not a number: {cur}"))
}

/// Asserts |measured − expected| ≤ tol × expected, and prints the deviation.
fn close(what: &str, measured: f64, expected: f64, tol: f64) {
    let dev = (measured - expected) / expected;
    eprintln!(
        "{what:<48} measured {measured:>12.6} theory {expected:>12.6} deviation {:>+7.3} %",
        dev * 100.0
    );
    assert!(
        dev.abs() <= tol,
        "{what}: measured {measured}, theory {expected}, deviation {:.3} % > {:.1} %",
        dev * 100.0,
        tol * 100.0
    );
}

/// An open-loop scenario: Poisson arrivals at `rate`, `workers` exponential
/// servers with mean `mean_ms`, `queue` waiting places, no patterns.
fn open(rate: f64, workers: u32, queue: u32, mean_ms: f64, secs: u64, seed: u64) -> String {
    format!(
        r#"
name = "fidelity"
seed = {seed}
duration = "{secs}s"

[load]
kind = "poisson"
rate = {rate}

[[services]]
name = "svc"
workers = {workers}
queue = {queue}
latency = {{ dist = "exponential", mean = "{mean_ms}ms" }}
"#
    )
}

/// Duration (s) for about `calls` arrivals at `rate`.
fn secs_for(calls: f64, rate: f64) -> u64 {
    (calls / rate).ceil() as u64
}

// ---- the formulas ------------------------------------------------------------

/// Erlang B blocking probability for offered load `a` (Erlangs) on `c`
/// servers, by the stable recursion B(0) = 1, B(k) = a B(k−1) / (k + a B(k−1)).
fn erlang_b(c: u32, a: f64) -> f64 {
    let mut b = 1.0;
    for k in 1..=c {
        b = a * b / (k as f64 + a * b);
    }
    b
}

/// Erlang C: the probability that an arrival waits in an M/M/c queue,
/// C = c B / (c − a (1 − B)).
fn erlang_c(c: u32, a: f64) -> f64 {
    let b = erlang_b(c, a);
    c as f64 * b / (c as f64 - a * (1.0 - b))
}

/// M/M/c/K (K = c + queue places in total): the stationary distribution
/// p_n ∝ a^n / n! for n ≤ c and a^c / c! · (a/c)^(n−c) above, normalised.
fn mmck_distribution(c: u32, k: u32, a: f64) -> Vec<f64> {
    let mut p = Vec::with_capacity(k as usize + 1);
    let mut term = 1.0;
    p.push(term);
    for n in 1..=k {
        term *= a / (n.min(c) as f64);
        p.push(term);
    }
    let total: f64 = p.iter().sum();
    p.iter().map(|x| x / total).collect()
}

/// The closed M/M/1//N loop (machine repairman): N clients think for an
/// exponential time of mean `z`, one exponential server of mean `s`.
/// p_n ∝ N! / (N−n)! · (s/z)^n; throughput X = (1 − p_0) / s; R = N/X − Z.
fn machine_repairman(n: u32, z: f64, s: f64) -> (f64, f64) {
    let r = s / z;
    let mut p = vec![1.0];
    let mut term = 1.0;
    for k in 1..=n {
        term *= (n - k + 1) as f64 * r;
        p.push(term);
    }
    let total: f64 = p.iter().sum();
    let p0 = p[0] / total;
    let x = (1.0 - p0) / s;
    (x, n as f64 / x - z)
}

#[test]
fn formulas_agree_with_known_values() {
    // Textbook values: B(2, 1) = 0.2; C(2, 1) = 1/3; M/M/1 with a = 0.5 has p_0 = 0.5.
    assert!((erlang_b(2, 1.0) - 0.2).abs() < 1e-12);
    assert!((erlang_c(2, 1.0) - 1.0 / 3.0).abs() < 1e-12);
    assert!((erlang_c(1, 0.7) - 0.7).abs() < 1e-12);
    let p = mmck_distribution(1, 50, 0.5);
    assert!((p[0] - 0.5).abs() < 1e-9);
    // M/M/c/c blocking is Erlang B.
    let p = mmck_distribution(5, 5, 3.0);
    assert!((p[5] - erlang_b(5, 3.0)).abs() < 1e-12);
    // One client never waits: R = s.
    let (_, r) = machine_repairman(1, 1.0, 0.1);
    assert!((r - 0.1).abs() < 1e-12);
}

// ---- M/M/1 ---------------------------------------------------------------------

#[test]
fn mm1_response_time_and_wait() {
    // (λ per s, mean service ms): ρ = 0.5, 0.7, 0.8; a million calls each.
    for (i, (rate, mean_ms)) in [(50.0, 10.0), (70.0, 10.0), (160.0, 5.0)]
        .into_iter()
        .enumerate()
    {
        let mu = 1000.0 / mean_ms;
        let rho: f64 = rate / mu;
        let r = run(&open(
            rate,
            1,
            1_000_000,
            mean_ms,
            secs_for(1e6, rate),
            11 + i as u64,
        ));
        let svc = &r.json["services"]["svc"];
        let w = 1000.0 / (mu - rate);
        let wq = rho * w;
        close(
            &format!("M/M/1 ρ={rho:.2} mean response ms"),
            num(svc, "latency_ms.mean"),
            w,
            0.04,
        );
        close(
            &format!("M/M/1 ρ={rho:.2} mean queue wait ms"),
            num(svc, "downstream.mean_queue_wait_ms"),
            wq,
            0.05,
        );
        close(
            &format!("M/M/1 ρ={rho:.2} P(wait) = ρ"),
            num(svc, "downstream.waited_fraction"),
            rho,
            0.02,
        );
        close(
            &format!("M/M/1 ρ={rho:.2} utilization"),
            num(svc, "downstream.utilization"),
            rho,
            0.02,
        );
        assert_eq!(num(svc, "downstream.refused"), 0.0);
    }
}

// ---- M/M/c (Erlang C) ------------------------------------------------------------

#[test]
fn mmc_erlang_c() {
    // (servers, λ per s, mean service ms, calls): ρ = 0.7, 0.8, 0.85. With
    // many servers the mean wait is a small, noisy number (relative SD 2.8 %
    // at a million calls for c = 20), hence six million calls there.
    for (i, (c, rate, mean_ms, calls)) in [
        (2, 140.0, 10.0, 1e6),
        (5, 400.0, 10.0, 1e6),
        (20, 1700.0, 10.0, 6e6),
    ]
    .into_iter()
    .enumerate()
    {
        let mu = 1000.0 / mean_ms;
        let a = rate / mu;
        let pw = erlang_c(c, a);
        let wq = pw / (c as f64 * mu - rate) * 1000.0;
        let r = run(&open(
            rate,
            c,
            1_000_000,
            mean_ms,
            secs_for(calls, rate),
            21 + i as u64,
        ));
        let svc = &r.json["services"]["svc"];
        let tag = format!("M/M/{c} a={a:.1}");
        close(
            &format!("{tag} P(wait) = Erlang C"),
            num(svc, "downstream.waited_fraction"),
            pw,
            0.03,
        );
        close(
            &format!("{tag} mean queue wait ms"),
            num(svc, "downstream.mean_queue_wait_ms"),
            wq,
            0.05,
        );
        close(
            &format!("{tag} mean response ms"),
            num(svc, "latency_ms.mean"),
            wq + mean_ms,
            0.03,
        );
        close(
            &format!("{tag} utilization"),
            num(svc, "downstream.utilization"),
            a / c as f64,
            0.02,
        );
    }
}

// ---- M/M/c/K ------------------------------------------------------------------------

#[test]
fn mmck_blocking() {
    // (servers, waiting places, λ per s, mean service ms): light, at and over capacity.
    for (i, (c, queue, rate, mean_ms)) in [
        (1, 4, 90.0, 10.0),
        (3, 3, 300.0, 10.0),
        (10, 5, 1200.0, 10.0),
    ]
    .into_iter()
    .enumerate()
    {
        let mu = 1000.0 / mean_ms;
        let a = rate / mu;
        let k = c + queue;
        let p = mmck_distribution(c, k, a);
        let blocking = p[k as usize];
        // Little's law on the queue: Wq = Lq / λ_accepted.
        let lq: f64 = (c..=k).map(|n| (n - c) as f64 * p[n as usize]).sum();
        let wq = lq / (rate * (1.0 - blocking)) * 1000.0;
        let r = run(&open(
            rate,
            c,
            queue,
            mean_ms,
            secs_for(5e5, rate),
            31 + i as u64,
        ));
        let svc = &r.json["services"]["svc"];
        let tag = format!("M/M/{c}/{k} a={a:.1}");
        close(
            &format!("{tag} blocking = refused/attempts"),
            num(svc, "downstream.refused") / num(svc, "downstream.attempts"),
            blocking,
            0.04,
        );
        close(
            &format!("{tag} mean queue wait ms"),
            num(svc, "downstream.mean_queue_wait_ms"),
            wq,
            0.04,
        );
        // A refused attempt is a failed call with patterns off.
        assert_eq!(num(svc, "failed"), num(svc, "downstream.refused"));
    }
}

// ---- Erlang B ---------------------------------------------------------------------------

#[test]
fn erlang_b_loss_system() {
    // (servers, λ per s, mean service ms, calls): a = 0.5, 3, 25 Erlangs, no
    // waiting room. Losses come in bursts when many servers are busy (relative
    // SD 1.7 % at half a million calls for c = 30), hence four million there.
    for (i, (c, rate, mean_ms, calls)) in [
        (1, 50.0, 10.0, 5e5),
        (5, 300.0, 10.0, 5e5),
        (30, 2500.0, 10.0, 4e6),
    ]
    .into_iter()
    .enumerate()
    {
        let mu = 1000.0 / mean_ms;
        let a = rate / mu;
        let b = erlang_b(c, a);
        let r = run(&open(
            rate,
            c,
            0,
            mean_ms,
            secs_for(calls, rate),
            41 + i as u64,
        ));
        let svc = &r.json["services"]["svc"];
        let tag = format!("Erlang B c={c} a={a:.1}");
        close(
            &format!("{tag} blocking"),
            num(svc, "downstream.refused") / num(svc, "downstream.attempts"),
            b,
            0.04,
        );
        // Carried load = a (1 − B) busy servers.
        close(
            &format!("{tag} utilization"),
            num(svc, "downstream.utilization"),
            a * (1.0 - b) / c as f64,
            0.02,
        );
        assert_eq!(num(svc, "downstream.waited_fraction"), 0.0);
    }
}

// ---- closed loop ---------------------------------------------------------------------------

fn closed(clients: u32, think_ms: f64, mean_ms: f64, secs: u64, seed: u64) -> String {
    format!(
        r#"
name = "fidelity closed"
seed = {seed}
duration = "{secs}s"

[load]
kind = "closed"
clients = {clients}
think = {{ dist = "exponential", mean = "{think_ms}ms" }}

[[services]]
name = "svc"
workers = 1
queue = 1000000
latency = {{ dist = "exponential", mean = "{mean_ms}ms" }}
"#
    )
}

#[test]
fn closed_loop_response_time_law_and_machine_repairman() {
    // (clients N, think Z ms, service S ms): below, near and above the
    // saturation point N* = (Z + S) / S = 11.
    for (i, (n, z_ms, s_ms)) in [(5, 100.0, 10.0), (10, 100.0, 10.0), (20, 50.0, 5.0)]
        .into_iter()
        .enumerate()
    {
        let (x_theory, r_theory) = machine_repairman(n, z_ms / 1000.0, s_ms / 1000.0);
        let secs = secs_for(5e5, x_theory);
        let r = run(&closed(n, z_ms, s_ms, secs, 51 + i as u64));
        let svc = &r.json["services"]["svc"];
        let sim_secs = num(&r.json, "sim_seconds");
        let finished = num(svc, "ok");
        let x = finished / sim_secs;
        let r_ms = num(svc, "latency_ms.mean");
        let tag = format!("closed N={n} Z={z_ms}ms S={s_ms}ms");
        // Response-time law: X = N / (R + Z), with R as measured.
        close(
            &format!("{tag} X vs N/(R+Z)"),
            x,
            n as f64 / ((r_ms + z_ms) / 1000.0),
            0.01,
        );
        close(&format!("{tag} throughput /s"), x, x_theory, 0.03);
        close(
            &format!("{tag} mean response ms (M/M/1//N)"),
            r_ms,
            r_theory * 1000.0,
            0.04,
        );
        // Every client is always either thinking or in the system.
        assert!(r.summary.totals_in_flight <= n as u64);
        assert!(r.in_flight.iter().all(|&f| f <= n as u64));
    }
}

// ---- Little's law -----------------------------------------------------------------------------

#[test]
fn littles_law() {
    // M/M/3 at ρ = 0.8, sampled every 10 ms.
    let (c, rate, mean_ms) = (3, 240.0, 10.0);
    let text = open(rate, c, 1_000_000, mean_ms, secs_for(1e6, rate), 61)
        .replace("duration =", "tick = \"10ms\"\nduration =");
    let r = run(&text);
    let svc = &r.json["services"]["svc"];
    let sim_secs = num(&r.json, "sim_seconds");
    let lambda = num(svc, "calls") / sim_secs;
    let w = num(svc, "latency_ms.mean") / 1000.0;
    let samples = r.in_flight.len() as f64;
    assert!(samples >= 0.99 * sim_secs * 100.0, "one sample per tick");
    let l_time_avg = r.in_flight.iter().sum::<u64>() as f64 / samples;
    close(
        "Little: mean in flight vs λ·W (measured)",
        l_time_avg,
        lambda * w,
        0.03,
    );
    // And both against theory: L = λ (Wq + S).
    let a = rate * mean_ms / 1000.0;
    let l_theory = erlang_c(c, a) * a / (c as f64 - a) + a;
    close(
        "Little: λ·W (measured) vs theory",
        lambda * w,
        l_theory,
        0.04,
    );
}
