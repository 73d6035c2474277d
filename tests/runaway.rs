//! No input runs away (issue 15, reproductions 1–5): estimates before a run
//! see retries and the timeline, and limits are enforced while running, in
//! the headless run and in the dashboard, with what drives them in words.

mod common;
use breakwater::sim::limits::{MAX_CALLS_PER_SIM_SECOND, MAX_RAMP_STEPS};
use breakwater::sim::Simulation;
use breakwater::tui::app::App;
use common::app::{screen, text};
use common::*;
use std::time::{Duration, Instant};

fn file(name: &str) -> String {
    root()
        .join("tests/runaway")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// Runs `breakwater run FILE`; the generous wall-time bound is a guard
/// against a hang, not a measure of speed.
fn run_file(name: &str) -> (i32, String) {
    let started = Instant::now();
    let (code, _, err) = bw(&["run", &file(name), "--json"]);
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{name} ran for {:?}",
        started.elapsed()
    );
    (code, err)
}

#[test]
fn a_closed_loop_failing_fast_stops_and_says_why() {
    let (code, err) = run_file("closed-fail-fast.toml");
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("stopped at 00:0"), "{err}");
    assert!(err.contains(&format!("over the limit of {MAX_CALLS_PER_SIM_SECOND}")));
    assert!(err.contains("closed loop of 100 clients"), "{err}");
    assert!(err.contains("give `think` a minimum"), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn a_heavy_tailed_think_time_neither_hides_from_the_estimate_nor_runs_away() {
    let text = std::fs::read_to_string(file("pareto-think.toml")).expect("file");
    let s = scenario(&text.replace("duration = \"1h\"", "duration = \"1s\""));
    let per_second = s.world.calls_per_second();
    assert!(per_second.is_finite() && per_second > 1e6, "{per_second}");
    let (code, _, err) = bw(&["check", &file("pareto-think.toml")]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("calls expected"), "{err}");
}

#[test]
fn a_timeline_that_raises_the_load_is_refused_by_check_at_its_entry() {
    let (code, _, err) = bw(&["check", &file("timeline-rate.toml")]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("timeline-rate.toml:8:1:"), "{err}");
    assert!(err.contains("calls expected"), "{err}");
}

#[test]
fn retries_count_in_the_estimate() {
    let (code, _, err) = bw(&["check", &file("retries.toml")]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("attempts expected with retries"), "{err}");
    assert!(err.contains("lower max_attempts"), "{err}");
}

#[test]
fn many_ramps_at_a_fine_tick_end_within_seconds() {
    let (code, err) = run_file("ramps-1ms.toml");
    assert!(
        code == 0 || (code == 2 && err.contains("ramps")),
        "{code}: {err}"
    );
}

#[test]
fn a_long_ramp_moves_in_a_bounded_number_of_steps() {
    let s = scenario(
        r#"
name = "a day-long ramp"
duration = "1d"
[load]
rate = 0
[[services]]
name = "api"
[[timeline]]
at = "0s"
over = "1d"
set = { "services.api.latency_factor" = 100.0 }
"#,
    );
    let mut values = Vec::new();
    let mut last = None;
    // Tick by tick, counting the distinct values the ramp takes.
    let mut sim = Simulation::new(&s);
    let tick = s.tick.0;
    let mut t = 0;
    while !sim.is_finished() {
        t += tick;
        sim.advance_to(t, &mut |_| {});
        let v = sim.world().get("services.api.latency_factor");
        if v != last {
            values.push(v.clone());
            last = v;
        }
    }
    assert!(
        values.len() as u64 <= MAX_RAMP_STEPS + 2,
        "{} steps",
        values.len()
    );
    assert!(
        values.len() > 1000,
        "it still moves: {} steps",
        values.len()
    );
    assert_eq!(last.and_then(|v| v.as_float()), Some(100.0));
}

#[test]
fn a_live_change_that_would_cross_a_limit_is_refused_and_changes_nothing() {
    let s = scenario(
        r#"
name = "closed"
duration = "60s"
[load]
kind = "closed"
clients = 10
think = "1ms"
[[services]]
name = "api"
"#,
    );
    let mut sim = Simulation::new(&s);
    let err = sim
        .change_now("load.clients", toml::Value::Integer(1_000_000))
        .expect_err("refused")
        .say("en");
    assert!(err.contains("calls per simulated second"), "{err}");
    assert_eq!(
        sim.world().get("load.clients"),
        Some(toml::Value::Integer(10))
    );
}

#[test]
fn the_dashboard_pauses_at_a_limit_with_the_reason_instead_of_quitting() {
    let s = breakwater::scenario::load(&file("closed-fail-fast.toml")).expect("valid");
    let mut app = App::new(s, 0);
    app.set_speed(100.0);
    for _ in 0..50 {
        app.on_frame(Duration::from_millis(100));
        if app.paused() {
            break;
        }
    }
    assert!(app.paused(), "paused at the limit");
    let status = app.status().unwrap_or_default().to_string();
    assert!(
        status.contains("stopped at") && status.contains("closed loop"),
        "{status}"
    );
    assert!(text(&screen(&app, 120, 40)).contains("LIMIT"));
}

/// A limit notice is data: the events panel says it in the dashboard's
/// language of the moment, so `L` re-translates it like a breaker's reason.
#[test]
fn a_limit_notice_re_translates_when_the_language_switches() {
    use breakwater::sim::notices::NoticeKind;
    let s = breakwater::scenario::load(&file("closed-fail-fast.toml")).expect("valid");
    let mut app = breakwater::i18n::scoped("es", || App::new(s, 0));
    app.set_speed(100.0);
    for _ in 0..50 {
        app.on_frame(Duration::from_millis(100));
        if app.paused() {
            break;
        }
    }
    let limit = app
        .sim()
        .notices()
        .iter()
        .find_map(|(_, n)| match &n.kind {
            NoticeKind::Limit(m) => Some(m.clone()),
            _ => None,
        })
        .expect("a limit notice");
    // The first words of the notice, as the events panel starts it.
    let start = |lang: &str| limit.say(lang).chars().take(24).collect::<String>();
    assert_ne!(start("es"), start("en"));
    let es = text(&screen(&app, 160, 50));
    assert!(es.contains(&start("es")), "{}\n{es}", start("es"));
    app.perform(breakwater::tui::keys::Action::SwitchLanguage);
    assert_eq!(app.lang(), "en");
    let en = text(&screen(&app, 160, 50));
    assert!(en.contains(&start("en")), "{}\n{en}", start("en"));
    assert!(!en.contains(&start("es")), "{en}");
}

/// Issue 26, seen 3: attempts cut by a timeout and retried are in the
/// estimate, so the week of 1.8e11 attempts is refused before it runs, at
/// `duration`, with the attempts named; the same file over a minute is
/// accepted and `check` says its work.
#[test]
fn retried_timeouts_count_in_the_estimate() {
    let (code, _, err) = bw(&["check", &file("timeouts-retried.toml")]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("timeouts-retried.toml:6:12:"), "{err}");
    // 3,000/s × 7 days × 100 attempts.
    assert!(
        err.contains("about 181,440,000,000 attempts expected"),
        "{err}"
    );
    let (code, _, err) = bw(&["run", &file("timeouts-retried.toml"), "--json"]);
    assert_eq!(code, 2, "{err}");
    let text = std::fs::read_to_string(file("timeouts-retried.toml")).expect("file");
    let dir = temp_dir("timeouts-retried");
    let minute = dir.join("minute.toml");
    std::fs::write(
        &minute,
        text.replace("duration = \"7d\"", "duration = \"1m\""),
    )
    .unwrap();
    let (code, out, err) = bw(&["check", minute.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    // Each call: its arrival, 100 attempts, 99 waits, 100 timers.
    assert!(
        out.contains("about 180,000 calls, 18,000,000 attempts, 54,000,000 events"),
        "{out}"
    );
}

/// Issue 26, seen 3: a closed loop cycles in its think time plus the
/// shorter of latency and timeout, so 190,000 clients whose day-long calls
/// are cut at 1 ns are 1.9 M calls per simulated second, refused for a week.
#[test]
fn a_closed_loop_cut_by_a_timeout_cycles_in_its_think_time() {
    let text = std::fs::read_to_string(file("closed-timeout.toml")).expect("file");
    let s = scenario(&text.replace("duration = \"7d\"", "duration = \"1s\""));
    let per_second = s.world.calls_per_second();
    assert!((per_second - 1.9e6).abs() < 1.0, "{per_second}");
    let (code, _, err) = bw(&["check", &file("closed-timeout.toml")]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("calls expected"), "{err}");
}

/// What the estimate says of timeouts, against the theory: an exponential
/// latency of mean 100 ms outlives a 250 ms timeout with probability
/// e^-2.5, so 2 attempts at most make 1 + e^-2.5 per call; a timeout
/// outside the retry (one per call) or not in `retry_on` is never retried.
#[test]
fn the_share_of_attempts_a_timeout_cuts_is_the_latency_s_tail() {
    let world = |order: &str, retry_on: &str| {
        scenario(&format!(
            r#"
name = "t"
duration = "1s"
[load]
rate = 10
[[services]]
name = "api"
latency = {{ dist = "exponential", mean = "100ms" }}
[patterns]
order = {order}
[patterns.retry]
max_attempts = 2
retry_on = {retry_on}
[patterns.timeout]
per_attempt = "250ms"
"#
        ))
        .world
    };
    let inside = r#"["retry", "timeout"]"#;
    let outside = r#"["timeout", "retry"]"#;
    let p = (-2.5f64).exp();
    let a = world(inside, r#"["timed_out"]"#).attempts_per_call();
    assert!((a - (1.0 + p)).abs() < 1e-12, "{a}");
    assert_eq!(world(outside, r#"["timed_out"]"#).attempts_per_call(), 1.0);
    assert_eq!(world(inside, r#"["failed"]"#).attempts_per_call(), 1.0);
    // Events: arrival, 1 + p attempts, p waits, (1 + p)·p timers.
    let e = world(inside, r#"["timed_out"]"#).events_per_call();
    assert!(
        (e - (1.0 + (1.0 + p) + p + (1.0 + p) * p)).abs() < 1e-12,
        "{e}"
    );
}

/// The limits per run hold while running: a run whose earlier seconds
/// already made the most attempts or work allowed stops within the next
/// look at the counts, naming the limit (counts preloaded, so the test
/// takes a second instead of the ten minutes the limits stand for).
#[test]
fn a_run_stops_at_its_limits_of_attempts_and_work_per_run() {
    use breakwater::sim::limits::{MAX_ATTEMPTS_PER_RUN, MAX_EVENTS_PER_RUN};
    use breakwater::sim::work_meter::Limit;
    let s = builtin("seed-lesson");
    for (attempts, work, limit, words) in [
        (
            MAX_ATTEMPTS_PER_RUN,
            0,
            Limit::AttemptsPerRun,
            "attempts by",
        ),
        (0, MAX_EVENTS_PER_RUN, Limit::WorkPerRun, "units of work"),
    ] {
        let mut sim = Simulation::new(&s);
        sim.count_as_done(attempts, work);
        sim.run(&mut |_| {});
        let crossed = sim.limit_crossed().expect("stopped at a limit");
        assert_eq!(crossed.limit, limit);
        assert!(crossed.at < s.duration.0, "stopped before the end");
        let said = crossed.message.say("en");
        assert!(said.contains(words) && said.contains("per run"), "{said}");
    }
    // Short of them, the run goes to its end.
    let mut sim = Simulation::new(&s);
    sim.count_as_done(MAX_ATTEMPTS_PER_RUN - 20_000, MAX_EVENTS_PER_RUN - 40_000);
    sim.run(&mut |_| {});
    assert!(sim.limit_crossed().is_none());
}

/// `check` says the work a run would be and a rough wall time, in the
/// reader's language (seed-lesson: 30 calls/s for 5 minutes).
#[test]
fn check_says_the_estimated_work_in_both_languages() {
    let (code, out, err) = bw(&["--lang", "en", "check", "seed-lesson"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("estimated: about 9,000 calls, "), "{out}");
    assert!(out.contains("of work on one core"), "{out}");
    let (code, out, err) = bw(&["--lang", "es", "check", "seed-lesson"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("estimación: unas 9000 llamadas, "), "{out}");
    assert!(out.contains("de trabajo en un núcleo"), "{out}");
}
