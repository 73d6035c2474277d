//! `--set PATH=VALUE`: a change at t = 0, before anything else, with the
//! change paths' meaning; refusals name the flag; a recording of a session
//! started with overrides replays the same.

mod common;

use breakwater::base::time::NANOS_PER_SEC;
use breakwater::report::Summary;
use breakwater::scenario::overrides::apply_sets;
use breakwater::scenario::parse_scenario;
use breakwater::tui::app::App;
use breakwater::tui::input::KeyCode;
use common::app::{lesson, press};
use common::*;

fn json_without_wall(text: &str) -> String {
    text.lines()
        .filter(|l| !l.contains("wall_seconds"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_set_equals_a_timeline_entry_at_zero_before_the_others() {
    let dir = temp_dir("set");
    let source = std::fs::read_to_string(root().join("scenarios/retry-storm.toml")).expect("read");
    // The same change written in the file, as the first entry at 0s.
    let with_entry = dir.join("with-entry.toml");
    let entry = "[[timeline]]\nat = \"0s\"\nset = { \"patterns.retry.max_attempts\" = 2 }\n";
    let first_timeline = source.find("[[timeline]]").expect("a timeline");
    let text = format!(
        "{}{entry}{}",
        &source[..first_timeline],
        &source[first_timeline..]
    );
    std::fs::write(&with_entry, text).expect("write");
    let set = bw_ok(&[
        "run",
        "retry-storm",
        "--json",
        "--set",
        "patterns.retry.max_attempts=2",
    ]);
    let file = bw_ok(&["run", with_entry.to_str().expect("utf-8"), "--json"]);
    let plain = bw_ok(&["run", "retry-storm", "--json"]);
    assert_eq!(json_without_wall(&set), json_without_wall(&file));
    assert_ne!(json_without_wall(&set), json_without_wall(&plain));
}

#[test]
fn durations_need_no_quotes_and_later_sets_apply_later() {
    let quoted = bw_ok(&[
        "run",
        "seed-lesson",
        "--json",
        "--set",
        "patterns.timeout.per_attempt=\"2s\"",
    ]);
    let bare = bw_ok(&[
        "run",
        "seed-lesson",
        "--json",
        "--set",
        "patterns.timeout.per_attempt=2s",
    ]);
    assert_eq!(json_without_wall(&quoted), json_without_wall(&bare));
    // A pattern-wide value, then one service's own: the service keeps its own.
    let mut s = lesson();
    apply_sets(
        &mut s,
        "--set",
        &[
            "patterns.retry.max_attempts=5".into(),
            "services.payment.retry.max_attempts=1".into(),
        ],
    )
    .expect("valid");
    let sim = finished(&s);
    let w = sim.world();
    assert_eq!(
        w.get("services.user.retry.max_attempts"),
        Some(toml::Value::Integer(5))
    );
    assert_eq!(
        w.get("services.payment.retry.max_attempts"),
        Some(toml::Value::Integer(1))
    );
}

#[test]
fn bad_overrides_name_the_flag_and_what_is_valid() {
    let (code, _, err) = bw(&[
        "run",
        "seed-lesson",
        "--set",
        "services.pago.failure_rate=0.2",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--set services.pago.failure_rate=0.2: unknown service `pago`")
            && err.contains("Valid: user, order, payment"),
        "{err}"
    );
    let (code, _, err) = bw(&[
        "check",
        "seed-lesson",
        "--set",
        "services.payment.failure_rate=1.5",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--set services.payment.failure_rate=1.5") && err.contains("from 0 to 1"),
        "{err}"
    );
    let (code, _, err) = bw(&["check", "seed-lesson", "--set", "load.rate"]);
    assert_eq!(code, 2);
    assert!(err.contains("expected PATH=VALUE"), "{err}");
    let (code, _, err) = bw(&[
        "check",
        "seed-lesson",
        "--set",
        "load.rate=1000000",
        "--set",
        "patterns.retry.max_attempts=100",
        "--set",
        "services.payment.down=true",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--set: with these values") && err.contains("attempts expected"),
        "{err}"
    );
}

#[test]
fn a_recording_of_a_session_with_overrides_replays_the_same() {
    let mut s = lesson();
    apply_sets(
        &mut s,
        "--set",
        &[
            "services.payment.failure_rate=0.3".into(),
            "patterns.timeout.per_attempt=1s".into(),
        ],
    )
    .expect("valid");
    let mut app = App::new(s.clone(), s.seed);
    app.advance_to(20 * NANOS_PER_SEC);
    press(&mut app, KeyCode::Char('o'));
    app.advance_to(40 * NANOS_PER_SEC);
    press(&mut app, KeyCode::Char('o'));
    app.advance_to(60 * NANOS_PER_SEC);
    let text = app.recording_text();
    assert!(
        text.contains("--set services.payment.failure_rate=0.3"),
        "{text}"
    );
    let replay = parse_scenario("recording.toml", text.as_bytes()).expect("the recording parses");
    let mut sim = breakwater::sim::Simulation::new(&replay);
    sim.advance_to(60 * NANOS_PER_SEC, &mut |_| {});
    let mut live = Summary::of(app.sim(), &s.name, 0.0);
    let mut again = Summary::of(&sim, &s.name, 0.0);
    (live.wall_seconds, again.wall_seconds) = (0.0, 0.0);
    assert_eq!(live, again);
}
