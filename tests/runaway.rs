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
