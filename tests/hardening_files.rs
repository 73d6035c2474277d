//! Issue 26, files and bytes: each reproduction (seen 1, 2, 7 and the
//! smaller ones) as a test. No output replaces an input or follows a link,
//! `--resume` reads strictly, a comparison's recording keeps its pair, and
//! no raw control character reaches stdout or stderr from a flag's value.

mod common;

use common::{breakwater, bw, small_scenario, temp_dir};
use std::path::Path;

const SCENARIO: &str = "name = \"s\"\nduration = \"5s\"\n[load]\nkind = \"constant\"\nrate = 20\n[[services]]\nname = \"api\"\n";

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

/// Runs the binary in `dir` with `args`: (exit code, stdout, stderr).
fn bw_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = breakwater()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn an_output_never_replaces_the_scenario_it_read() {
    let dir = temp_dir("out-input");
    let s = write(&dir, "s.toml", SCENARIO);
    let hard = dir.join("hard.svg");
    std::fs::hard_link(&s, &hard).unwrap();
    let hard = hard.to_str().unwrap();
    for args in [
        vec!["run", &s, "--timeseries", &s],
        vec!["run", &s, "--timeseries", hard],
        vec!["sweep", &s, "--vary", "load.rate=10,20", "--csv", &s],
        vec!["sweep", &s, "--vary", "load.rate=10,20", "--resume", &s],
        vec!["plot", &s, "-o", hard],
        vec!["compare", &s, &s, "--no-tui", "--json"],
    ] {
        let (code, _, err) = bw(&args);
        if args[0] == "compare" {
            assert_eq!(code, 0, "reading a file twice is fine: {err}");
            continue;
        }
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains("which this command reads"), "{args:?}: {err}");
        assert_eq!(std::fs::read_to_string(&s).unwrap(), SCENARIO, "{args:?}");
    }
}

#[test]
fn an_output_does_not_follow_a_link_in_its_last_component() {
    let dir = temp_dir("out-link");
    write(&dir, "s.toml", SCENARIO);
    let victim = write(&dir, "victim.txt", "keep me");
    // The default figure name of `plot s.toml`, a link to someone's file.
    std::os::unix::fs::symlink(&victim, dir.join("breakwater-s.svg")).unwrap();
    let (code, out, err) = bw_in(&dir, &["plot", "s.toml"]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("symbolic link"), "{err}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    // `--record` to a dangling link: refused before anything, nothing created.
    std::os::unix::fs::symlink(dir.join("nowhere.toml"), dir.join("rec.toml")).unwrap();
    let (code, _, err) = bw_in(&dir, &["s.toml", "--record", "rec.toml"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("symbolic link"), "{err}");
    assert!(
        !dir.join("nowhere.toml").exists(),
        "the link's target was created"
    );
    assert!(!dir.join("rec-2.toml").exists());
    // `--timeseries` and a sweep's `--csv` to a link to someone's file.
    std::os::unix::fs::symlink(&victim, dir.join("t.csv")).unwrap();
    let (code, _, err) = bw_in(&dir, &["run", "s.toml", "--timeseries", "t.csv"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = bw_in(
        &dir,
        &[
            "sweep",
            "s.toml",
            "--vary",
            "load.rate=1,2",
            "--csv",
            "t.csv",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
}

#[test]
fn a_file_is_replaced_whole_and_streams_are_written_directly() {
    let dir = temp_dir("out-whole");
    write(&dir, "s.toml", SCENARIO);
    write(&dir, "t.csv", "old");
    let (code, _, err) = bw_in(&dir, &["run", "s.toml", "--timeseries", "t.csv"]);
    assert_eq!(code, 0, "{err}");
    let t = std::fs::read_to_string(dir.join("t.csv")).unwrap();
    assert!(
        t.starts_with("t_s,service,") && t.lines().count() == 51,
        "{t}"
    );
    let left: Vec<_> = std::fs::read_dir(&*dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.contains("tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
    // `/dev/stdout` (a link in /dev) and `/dev/null` are streams.
    let (code, out, err) = bw_in(&dir, &["run", "s.toml", "--timeseries", "/dev/stdout"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("t_s,service,"), "{out}");
    let (code, _, err) = bw_in(&dir, &["run", "s.toml", "--timeseries", "/dev/null"]);
    assert_eq!(code, 0, "{err}");
    assert!(Path::new("/dev/null")
        .metadata()
        .unwrap()
        .file_type()
        .is_char_device_like());
}

/// `is_char_device` without naming the unix trait at each use.
trait CharDevice {
    fn is_char_device_like(&self) -> bool;
}
impl CharDevice for std::fs::FileType {
    fn is_char_device_like(&self) -> bool {
        use std::os::unix::fs::FileTypeExt;
        self.is_char_device()
    }
}

const VARY: [&str; 6] = [
    "--vary",
    "load.rate=10,20,30",
    "--jobs",
    "1",
    "--duration",
    "5s",
];

fn sweep_in(dir: &Path, file_flag: &str, file: &str) -> (i32, String, String) {
    let mut a = vec!["sweep", "s.toml"];
    a.extend(VARY);
    a.extend([file_flag, file, "--json"]);
    bw_in(dir, &a)
}

#[test]
fn resume_reads_strictly_and_appends_only_after_validating() {
    let dir = temp_dir("resume-strict");
    write(&dir, "s.toml", SCENARIO);
    let (code, _, err) = sweep_in(&dir, "--csv", "full.csv");
    assert_eq!(code, 0, "{err}");
    let full = std::fs::read(dir.join("full.csv")).unwrap();
    let lines: Vec<&[u8]> = full.split(|&b| b == b'\n').collect();
    let join = |ls: &[&[u8]]| ls.join(&b'\n');

    // Seen 1: an accepted row holding invalid UTF-8, and a cut last row.
    let mut bad = join(&lines[..3]);
    bad.extend_from_slice(b"\n");
    bad.extend_from_slice(&lines[3][..15]);
    let at = bad.iter().position(|&b| b == b',').unwrap();
    let mut invalid = bad.clone();
    invalid.splice(at..at, [0xff, 0xfe]);
    std::fs::write(dir.join("bad.csv"), &invalid).unwrap();
    let (code, _, err) = sweep_in(&dir, "--resume", "bad.csv");
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("bad.csv:1:") && err.contains("UTF-8"), "{err}");
    assert_eq!(
        std::fs::read(dir.join("bad.csv")).unwrap(),
        invalid,
        "unchanged"
    );

    // A cut last row: said, dropped, its cell run again; no NUL padding, and
    // the file resumes again as complete.
    std::fs::write(dir.join("cut.csv"), &bad).unwrap();
    let (code, out, err) = sweep_in(&dir, "--resume", "cut.csv");
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("cut.csv:4:") && err.contains("cut short"),
        "{err}"
    );
    let after = std::fs::read(dir.join("cut.csv")).unwrap();
    assert!(!after.contains(&0), "NUL bytes in the file");
    assert_eq!(
        after
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .count(),
        4
    );
    let cells: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(cells["cells"].as_array().unwrap().len(), 3);
    let (code, _, err) = sweep_in(&dir, "--resume", "cut.csv");
    assert_eq!(
        (code, err.as_str()),
        (0, ""),
        "a second resume reads it whole"
    );

    // A cut row in the middle (a shard killed mid-row, then `cat` with the
    // next shard): said and dropped.
    let mut joined = join(&lines[..2]);
    joined.extend_from_slice(b"\n");
    joined.extend_from_slice(&lines[2][..10]);
    joined.extend_from_slice(&full);
    std::fs::write(dir.join("cat.csv"), &joined).unwrap();
    let (code, _, err) = sweep_in(&dir, "--resume", "cat.csv");
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("cat.csv:3:") && err.contains("cut short"),
        "{err}"
    );

    // A file holding only a newline gets the header before its rows.
    std::fs::write(dir.join("nl.csv"), "\n").unwrap();
    let (code, _, err) = sweep_in(&dir, "--resume", "nl.csv");
    assert_eq!(code, 0, "{err}");
    let nl = std::fs::read_to_string(dir.join("nl.csv")).unwrap();
    assert!(nl.starts_with("index,load.rate,value"), "{nl}");

    // A stream is not a file to resume from (a pipe read back would wait
    // for ever).
    let (code, _, err) = sweep_in(&dir, "--resume", "/dev/null");
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not a regular file"), "{err}");

    // NaN and inf are refused, naming the line (not shown as `NaN–inf`).
    let text = String::from_utf8(full.clone()).unwrap();
    let row = text.lines().nth(1).unwrap();
    let value = row.split(',').nth(2).unwrap();
    for bad in ["NaN", "inf", "-inf"] {
        let changed = text.replacen(&format!(",{value},"), &format!(",{bad},"), 1);
        std::fs::write(dir.join("nan.csv"), &changed).unwrap();
        let (code, _, err) = sweep_in(&dir, "--resume", "nan.csv");
        assert_eq!(code, 2, "{bad}: {err}");
        assert!(
            err.contains("nan.csv:2:") && err.contains("finite"),
            "{err}"
        );
        assert_eq!(
            std::fs::read_to_string(dir.join("nan.csv")).unwrap(),
            changed
        );
    }
}

#[test]
fn a_comparison_recording_reserves_both_names_together() {
    use breakwater::tui::save::{write_new, write_new_all};
    let dir = temp_dir("rec-pair");
    let name = |n: &str| dir.join(n).to_str().unwrap().to_string();
    std::fs::write(name("cmp-a.toml"), "old A").unwrap();
    let files = vec![
        (name("cmp-a.toml"), "new A".to_string()),
        (name("cmp-b.toml"), "new B".to_string()),
    ];
    let written = write_new_all(&files).unwrap();
    assert_eq!(written, vec![name("cmp-2-a.toml"), name("cmp-2-b.toml")]);
    assert!(
        !Path::new(&name("cmp-b.toml")).exists(),
        "B alone would pair with old A"
    );
    assert_eq!(
        std::fs::read_to_string(name("cmp-a.toml")).unwrap(),
        "old A"
    );
    assert_eq!(
        std::fs::read_to_string(name("cmp-2-a.toml")).unwrap(),
        "new A"
    );
    assert_eq!(
        std::fs::read_to_string(name("cmp-2-b.toml")).unwrap(),
        "new B"
    );
    // Only B taken this time: the pair moves on together again.
    std::fs::write(name("cmp-3-b.toml"), "old B").unwrap();
    let written = write_new_all(&files).unwrap();
    assert_eq!(written, vec![name("cmp-4-a.toml"), name("cmp-4-b.toml")]);
    assert!(
        !Path::new(&name("cmp-3-a.toml")).exists(),
        "no half pair left"
    );
    // `/dev/null` is a sink, alone or as a comparison.
    assert_eq!(write_new("/dev/null", "x").unwrap(), "/dev/null");
    let pair = vec![
        ("/dev/null-a.toml".to_string(), "a".to_string()),
        ("/dev/null-b.toml".to_string(), "b".to_string()),
    ];
    assert_eq!(
        write_new_all(&pair).unwrap(),
        vec!["/dev/null", "/dev/null"]
    );
    assert!(!Path::new("/dev/null-2").exists() && !Path::new("/dev/null-a.toml").exists());
}

/// Whether `s` holds a character a terminal would obey or a reader not see.
fn has_raw_control(s: &str) -> bool {
    s.chars().any(|c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

#[test]
fn flag_values_are_echoed_escaped() {
    let evil = "\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{9b}31m\u{202e}x";
    let set = format!("a.b={evil}");
    let vary = format!("load.rate={evil}");
    let in_no_dir = format!("/nonexistent-dir/{evil}.csv");
    for args in [
        vec!["run", "seed-lesson", "--seed", evil],
        vec!["run", "seed-lesson", "--duration", evil],
        vec!["trace", "seed-lesson", "--at", evil],
        vec!["plot", "seed-lesson", "--size", evil],
        vec!["--lang", evil, "list"],
        vec!["run", "seed-lesson", "--set", evil],
        vec!["run", "seed-lesson", "--set", &set],
        vec!["sweep", "seed-lesson", "--vary", evil],
        vec!["sweep", "seed-lesson", "--vary", &vary],
        vec![
            "sweep",
            "seed-lesson",
            "--vary",
            "load.rate=1,2",
            "--metric",
            evil,
        ],
        vec!["run", evil],
        vec![evil],
        vec![
            "run",
            "seed-lesson",
            "--timeseries",
            &in_no_dir,
            "--duration",
            "1s",
        ],
    ] {
        let (code, out, err) = bw(&args);
        assert_ne!(code, 0, "{args:?}");
        assert!(!has_raw_control(&err), "{args:?} echoed raw: {err:?}");
        assert!(!has_raw_control(&out), "{args:?} printed raw: {out:?}");
        assert!(
            err.contains("PWNED"),
            "{args:?} does not say the value: {err:?}"
        );
    }
}

#[test]
fn json_escapes_c1_controls_and_bidi_overrides() {
    let dir = temp_dir("json-c1");
    let name = "a\u{9b}31mRED\u{202e}gnp.exe\u{200b}";
    let s = write(&dir, "c1.toml", &small_scenario(name, "", ""));
    let (code, out, err) = bw(&["run", &s, "--json"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        !has_raw_control(&out) && !out.contains('\u{200b}'),
        "{out:?}"
    );
    assert!(out.contains("\\u009b") && out.contains("\\u202e"), "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["scenario"], name, "the same value, escaped");
}

#[test]
fn the_smaller_ones() {
    // --speed nan / inf: refused, not taken as ×1.
    for v in ["nan", "inf", "-inf", "NaN", "0"] {
        let (code, _, err) = bw(&[&format!("--speed={v}")]);
        assert_eq!(code, 2, "--speed {v}: {err}");
        assert!(err.contains("0.1"), "{err}");
    }
    // --help and --version to a full disk: exit 1, said.
    for flag in ["--help", "--version"] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = breakwater().arg(flag).stdout(full).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{flag}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("stdout"));
    }
}

#[test]
fn compare_says_that_b_runs_for_a_duration() {
    let dir = temp_dir("cmp-duration");
    let a = write(&dir, "a.toml", SCENARIO);
    let b = write(&dir, "b.toml", &SCENARIO.replace("\"5s\"", "\"8s\""));
    let (code, _, err) = bw(&["compare", &a, &b, "--json"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("8s") && err.contains("5s") && err.contains("A's"),
        "{err}"
    );
    // B light for its own hour, too heavy for A's 7 days: said as that.
    let long = write(
        &dir,
        "long.toml",
        &SCENARIO
            .replace("\"5s\"", "\"7d\"")
            .replace("rate = 20", "rate = 1"),
    );
    let hot = write(
        &dir,
        "hot.toml",
        &SCENARIO
            .replace("\"5s\"", "\"10s\"")
            .replace("rate = 20", "rate = 20000"),
    );
    assert_eq!(bw(&["check", &hot]).0, 0);
    let (code, _, err) = bw(&["compare", &long, &hot, "--json"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("hot.toml lasts 10s") && !err.contains("--set"),
        "{err}"
    );
}
