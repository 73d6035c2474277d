//! Issue 15, the shell's side: each reproduction from the issue, as a test.
//! Closed pipes, files that never end, symlink loops, control characters in
//! scenario text, out-of-range seeds, oversized time series and unwritable
//! output paths.

mod common;

use common::{breakwater, bw, small_scenario, temp_dir};
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

/// Runs the binary with stdout (and optionally stderr) a pipe whose read end
/// is already closed, so every write fails with EPIPE.
fn with_closed_pipes(args: &[&str], close_stderr: bool) -> Output {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let mut cmd = breakwater();
    cmd.args(args).stdin(Stdio::null());
    if close_stderr {
        let (r2, w2) = std::io::pipe().expect("pipe");
        drop(r2);
        cmd.stderr(Stdio::from(w2));
        cmd.stdout(Stdio::from(writer));
        let status = cmd.status().expect("runs");
        Output {
            status,
            stdout: Vec::new(),
            stderr: Vec::new(),
        }
    } else {
        cmd.stdout(Stdio::from(writer)).stderr(Stdio::piped());
        cmd.output().expect("runs")
    }
}

#[test]
fn a_closed_stdout_ends_quietly_on_every_command() {
    for args in [
        &["list"][..],
        &["check", "seed-lesson"],
        &["run", "seed-lesson", "--duration", "2s"],
        &["run", "seed-lesson", "--duration", "2s", "--json"],
        &["--help"],
        &["--version"],
    ] {
        let out = with_closed_pipes(args, false);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?} should end quietly: {err}");
    }
}

#[test]
fn error_paths_with_closed_stdout_and_stderr_do_not_panic() {
    // Panics exit 101; the error paths must keep their own status.
    for (args, code) in [
        (&["check", "no-such-scenario"][..], 2),
        (&["run", "seed-lesson", "--seed", "x"], 2),
        (&["--no-such-flag"], 2),
        (&["list"], 0),
    ] {
        let out = with_closed_pipes(args, true);
        assert_eq!(out.status.code(), Some(code), "{args:?}");
    }
}

#[test]
fn check_dev_zero_ends_at_once_with_status_2() {
    let t = Instant::now();
    let (code, _, err) = bw(&["check", "/dev/zero"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("character device"), "{err}");
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
    let (code, _, err) = bw(&["check", "/dev/urandom"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn a_fifo_is_read_only_up_to_the_limit() {
    let dir = temp_dir("fifo");
    let fifo = dir.join("endless.toml");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let path = fifo.clone();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        if let Ok(mut f) = std::fs::OpenOptions::new().write(true).open(&path) {
            let chunk = vec![b'#'; 64 * 1024];
            // Endless, like /dev/zero through a pipe: ends when the reader goes.
            while f.write_all(&chunk).is_ok() {}
        }
    });
    let t = Instant::now();
    let (code, _, err) = bw(&["check", fifo.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("at most 1048576 bytes"), "{err}");
    assert!(t.elapsed() < Duration::from_secs(10));
    writer.join().unwrap();
}

#[test]
fn symlink_loops_and_dangling_links_are_named() {
    let dir = temp_dir("links");
    let a = dir.join("a.toml");
    let b = dir.join("b.toml");
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let (code, _, err) = bw(&["check", a.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("loop of symbolic links"), "{err}");
    assert!(!err.contains("no such file"), "{err}");

    let dangling = dir.join("gone.toml");
    std::os::unix::fs::symlink(dir.join("nothing-here.toml"), &dangling).unwrap();
    let (code, _, err) = bw(&["check", dangling.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("symbolic link to a file that does not exist"),
        "{err}"
    );

    let (code, _, err) = bw(&["check", dir.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("a directory"), "{err}");
}

const PWNED: &str = "\\u001b]0;PWNED\\u0007\\u001b[2J";

#[test]
fn check_and_run_escape_the_scenario_name() {
    let dir = temp_dir("inject");
    let file = dir.join("inject.toml");
    let text = small_scenario(
        PWNED,
        "lesson = \"\\u001b[?1049l\"",
        "[[timeline]]\nat = \"1s\"\nnote = \"\\u001b[?1049l\"\nset = {}\n",
    );
    std::fs::write(&file, text).unwrap();
    let f = file.to_str().unwrap();
    for args in [vec!["check", f], vec!["run", f]] {
        let (code, out, err) = bw(&args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
        assert!(out.contains("\\e]0;PWNED\\x07\\e[2J"), "{out:?}");
    }
}

#[test]
fn error_messages_escape_unknown_key_names() {
    let dir = temp_dir("inject-key");
    let file = dir.join("key.toml");
    let text = small_scenario("ok", &format!("\"{PWNED}\" = 1"), "");
    std::fs::write(&file, text).unwrap();
    let (code, _, err) = bw(&["check", file.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("unknown key"), "{err}");
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(err.contains("\\e]0;PWNED"), "{err:?}");
}

#[test]
fn the_dashboard_draws_no_control_characters() {
    use breakwater::tui::{app::App, panels, sanitize, theme::Theme};
    use ratatui::{backend::TestBackend, Terminal};
    let text = small_scenario(
        PWNED,
        "lesson = \"\\u001b[?1049l\"",
        "[[timeline]]\nat = \"1s\"\nnote = \"\\u001b[?1049l\\u009b2J\"\nset = {}\n",
    );
    let s = common::scenario(&text);
    let mut app = App::new(s, 1);
    app.on_frame(Duration::from_secs(2));
    let theme = Theme::choose(true, false);
    for help in [false, true] {
        if help {
            app.perform(breakwater::tui::keys::Action::ToggleHelp);
        }
        let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
        t.draw(|f| {
            panels::draw(f, &app, &theme);
            sanitize(f.buffer_mut());
        })
        .unwrap();
        let buf = t.backend().buffer();
        let all: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert!(
            !all.chars().any(breakwater::base::escape::is_unsafe),
            "{all:?}"
        );
        if !help {
            assert!(
                all.contains("\\e]0;PWNED"),
                "the header shows the name escaped"
            );
            assert!(
                all.contains("\\e[?1049l"),
                "the events panel shows the note escaped"
            );
        }
    }
}

#[test]
fn seeds_above_2_pow_63_are_refused_naming_the_flag() {
    let (code, _, err) = bw(&["run", "seed-lesson", "--seed", "18446744073709551615"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--seed"), "{err}");
    assert!(err.contains("9223372036854775807"), "{err}");
    let (code, _, err) = bw(&["check", "seed-lesson"]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = bw(&[
        "run",
        "seed-lesson",
        "--seed",
        "9223372036854775807",
        "--duration",
        "1s",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("9223372036854775807"), "{out}");
}

#[test]
fn a_recording_with_the_largest_seed_loads() {
    use breakwater::tui::app::App;
    let app = App::new(common::app::lesson(), i64::MAX as u64);
    let rec = app.recording_text();
    let back = breakwater::scenario::parse_scenario("rec.toml", rec.as_bytes())
        .unwrap_or_else(|e| panic!("{}", e.say("en")));
    assert_eq!(back.seed, i64::MAX as u64);
}

#[test]
fn a_timeseries_too_big_is_refused_before_running() {
    let dir = temp_dir("ts");
    let csv = dir.join("big.csv");
    let t = Instant::now();
    let (code, _, err) = bw(&[
        "run",
        "seed-lesson",
        "--duration",
        "7d",
        "--timeseries",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--timeseries-max"), "{err}");
    assert!(
        t.elapsed() < Duration::from_secs(5),
        "refused before running"
    );
    assert!(!csv.exists(), "nothing written");

    let (code, _, err) = bw(&[
        "run",
        "seed-lesson",
        "--duration",
        "10s",
        "--timeseries",
        csv.to_str().unwrap(),
        "--timeseries-max",
        "1KB",
    ]);
    assert_eq!(code, 2, "{err}");

    let (code, _, err) = bw(&[
        "run",
        "seed-lesson",
        "--duration",
        "10s",
        "--timeseries",
        csv.to_str().unwrap(),
        "--timeseries-max",
        "10MiB",
    ]);
    assert_eq!(code, 0, "{err}");
    let written = std::fs::metadata(&csv).unwrap().len();
    // 100 ticks × 3 services, each row at least the estimate's 80 bytes + name.
    assert!(written >= 300 * 84, "{written}");

    let (code, _, err) = bw(&["run", "seed-lesson", "--timeseries-max", "lots"]);
    assert_eq!(code, 2);
    assert!(err.contains("--timeseries-max"), "{err}");
}

#[test]
fn a_bad_record_path_is_refused_before_starting() {
    let dir = temp_dir("rec");
    let bad = dir.join("no-such-dir").join("r.toml");
    let out = breakwater()
        .args(["seed-lesson", "--record", bad.to_str().unwrap()])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("--record") && err.contains("no-such-dir"),
        "{err}"
    );
    assert!(err.contains("No such file or directory"), "{err}");
    // A writable path passes the check and leaves no file behind.
    let good = dir.join("r.toml");
    let out = breakwater()
        .args(["seed-lesson", "--record", good.to_str().unwrap()])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "not a terminal");
    assert!(!good.exists());
}

#[test]
fn a_wrong_type_for_workers_gives_the_real_range() {
    let dir = temp_dir("workers");
    let file = dir.join("w.toml");
    let text = small_scenario("w", "", "").replace("workers = 8", "workers = \"8\"");
    std::fs::write(&file, text).unwrap();
    let (code, _, err) = bw(&["check", file.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("from 1 to 100000"), "{err}");
    assert!(!err.contains("4294967295"), "{err}");
}

#[test]
fn a_stray_carriage_return_gets_a_message() {
    let dir = temp_dir("cr");
    let file = dir.join("cr.toml");
    for stray in ["rate = 50\n\rqueue = 1\n", "rate = 50\r\n"] {
        let text = small_scenario("cr", "", "").replace("rate = 50\n", stray);
        std::fs::write(&file, &text).unwrap();
        let (code, _, err) = bw(&["check", file.to_str().unwrap()]);
        if !stray.contains("\n\r") {
            // Windows line endings are fine.
            assert_eq!(code, 0, "{err}");
            continue;
        }
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("carriage return"), "a real message: {err:?}");
        assert!(!err.contains('\r'), "{err:?}");
    }
}

fn summary_json(app: &breakwater::tui::app::App) -> String {
    let s = breakwater::report::Summary::of(app.sim(), "x", 0.0);
    serde_json::to_string(&breakwater::report::json::to_json(&s)).unwrap()
}

#[test]
fn sliced_frames_give_the_same_numbers_as_whole_frames() {
    use breakwater::tui::app::App;
    let s = common::builtin("retry-storm");
    let mut whole = App::new(s.clone(), 3);
    let mut sliced = App::new(s, 3);
    whole.set_speed(50.0);
    sliced.set_speed(50.0);
    let mut slices = 0;
    for _ in 0..90 {
        let wall = Duration::from_micros(33_400);
        whole.on_frame(wall);
        sliced.begin_frame(wall);
        while !sliced.advance_slice(7) {
            slices += 1;
        }
        sliced.end_frame();
    }
    assert!(slices > 90, "the frames were really sliced ({slices})");
    assert_eq!(whole.sim().now(), sliced.sim().now());
    assert_eq!(summary_json(&whole), summary_json(&sliced));
    assert_eq!(sliced.actual_speed(), None, "it kept up");
}

#[test]
fn a_frame_cut_short_drops_its_backlog_and_says_how_fast_it_went() {
    use breakwater::tui::app::App;
    let mut app = App::new(common::app::lesson(), 7);
    app.set_speed(1000.0);
    assert_eq!(app.actual_speed(), None);
    // 100 ms of wall time at ×1000 is 100 s of virtual time; 50 events is
    // far less.
    app.begin_frame(Duration::from_millis(100));
    assert!(!app.advance_slice(50));
    app.end_frame();
    let reached = app.sim().now();
    assert!(reached < 100_000_000_000, "{reached}");
    let actual = app.actual_speed().expect("the header says it is behind");
    assert!(actual < 950.0, "{actual}");
    // The next frame starts from where the last one got, not from its target.
    app.begin_frame(Duration::from_millis(1));
    while !app.advance_slice(u64::MAX) {}
    app.end_frame();
    assert_eq!(app.sim().now(), reached + 1_000_000_000);
}

#[test]
fn ctrl_z_asks_the_shell_to_suspend_in_every_context() {
    use breakwater::tui::app::{App, Effect};
    use breakwater::tui::input::{Key, KeyCode, Modifiers};
    let mut app = App::new(common::app::lesson(), 7);
    let ctrl_z = Key::new(KeyCode::Char('z'), Modifiers::CONTROL);
    assert_eq!(app.handle_key(ctrl_z), Some(Effect::Suspend));
    app.perform(breakwater::tui::keys::Action::ToggleHelp);
    assert_eq!(app.handle_key(ctrl_z), Some(Effect::Suspend));
    // Plain z is still zoom.
    app.perform(breakwater::tui::keys::Action::CloseHelp);
    let z = Key::new(KeyCode::Char('z'), Modifiers::NONE);
    assert_eq!(app.handle_key(z), None);
    assert!(app.zoomed());
}

#[test]
fn the_header_shows_the_actual_speed_and_never_cuts_the_seed() {
    use breakwater::tui::{app::App, theme::Theme};
    let mut app = App::new(common::builtin("bulkhead-isolation"), 1_234_567_890);
    app.set_speed(1000.0);
    app.begin_frame(Duration::from_millis(100));
    assert!(!app.advance_slice(50));
    app.end_frame();
    for width in [80u16, 120] {
        let t = common::app::draw(&app, width, 24, &Theme::choose(true, false));
        let first = common::app::row(t.backend().buffer(), 0);
        assert!(first.contains("×1000 (actual ×"), "{first}");
        assert!(
            first.contains("seed 1234567890") || !first.contains("seed"),
            "{width}: {first}"
        );
    }
}
