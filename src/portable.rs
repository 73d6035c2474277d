//! The core alone gives the terminal's numbers and screens (issue 24). CI
//! runs these with `cargo test --lib --no-default-features`, the library
//! without its native shell, as a browser edition will have it, and with
//! the default features as every other test: a run's summary equals the
//! command's golden JSON (`tests/golden/small.json`, from `breakwater run
//! --json`), and the dashboard drawn by the pure `App` and panels equals a
//! screen the terminal's tests pinned (`tests/snapshots/`).

use crate::base::time::NANOS_PER_SEC;
use crate::report::{json, Summary};
use crate::scenario::{load, parse_scenario};
use crate::sim::Simulation;
use crate::tui::{app::App, panels, theme::Theme};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

/// `breakwater run FILE --json` as the command prints it, without its one
/// wall-clock line (which the golden file leaves out).
fn run_json(origin: &str, toml: &str) -> String {
    let s = parse_scenario(origin, toml.as_bytes()).expect("a valid scenario");
    let mut sim = Simulation::with_seed(&s, s.seed);
    sim.measure_ticks(false);
    sim.run(&mut |_| {});
    let summary = Summary::of(&sim, &s.name, 0.0);
    let text = serde_json::to_string_pretty(&json::to_json(&summary)).expect("JSON");
    let text = crate::base::escape::json_safe(&text);
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("\"wall_seconds\""))
        .collect();
    kept.join("\n") + "\n"
}

#[test]
fn a_run_gives_the_command_s_golden_numbers() {
    let got = run_json(
        "tests/golden/small.toml",
        include_str!("../tests/golden/small.toml"),
    );
    assert_eq!(got, include_str!("../tests/golden/small.json"));
}

/// The body of an insta snapshot: what follows its header.
fn snapshot(file: &str) -> &str {
    let body = file.splitn(3, "---\n").nth(2).expect("an insta snapshot");
    body.trim_end()
}

#[test]
fn the_dashboard_draws_the_terminal_s_screen() {
    let s = load("retry-storm").expect("a built-in");
    let seed = s.seed;
    let mut app = App::new(s, seed);
    app.advance_to(75 * NANOS_PER_SEC);
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
    t.draw(|f| panels::draw(f, &app, &Theme::dark()))
        .expect("draw");
    let expected = include_str!("../tests/snapshots/tui_screens__retry_storm_75s_80x24.snap");
    assert_eq!(t.backend().to_string().trim_end(), snapshot(expected));
}
