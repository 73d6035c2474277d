//! Exercises graded by the simulator (issue 22, items 4 and 5): every
//! built-in's reference solution passes and its unchanged start fails, with
//! margin, for its scenario's seed and two others; a change the exercise
//! refuses is exit 2 naming why; the README's example grades as it says.

mod common;

use breakwater::report::grade::grade;
use breakwater::scenario::exercise::changes::Proposed;
use breakwater::scenario::exercise::{self, builtin, Exercise};
use common::{bw, temp_dir};

/// Each built-in exercise's reference solution (`--set` arguments).
const SOLUTIONS: &[(&str, &[&str])] = &[
    (
        "breaker-sheds-load",
        &["patterns.circuit_breaker.enabled=true"],
    ),
    (
        "retry-without-storm",
        &["patterns.retry.budget={ max_tokens = 10, token_ratio = 0.1 }"],
    ),
    (
        "bulkhead-isolates",
        &[
            "services.payment.bulkhead.enabled=true",
            "services.payment.bulkhead.max_concurrent=8",
        ],
    ),
    (
        "timeout-bounds-latency",
        &[
            "patterns.timeout.enabled=true",
            "patterns.fallback.enabled=true",
        ],
    ),
    (
        "keep-checkout-alive",
        &[
            "services.payment.bulkhead.enabled=true",
            "patterns.timeout.enabled=true",
        ],
    ),
];

fn load(name: &str) -> Exercise {
    exercise::load(name).unwrap_or_else(|e| panic!("{name}: {}", e.say("en")))
}

fn proposed(sets: &[&str]) -> Vec<Proposed> {
    sets.iter()
        .map(|a| {
            let (path, value) = breakwater::scenario::overrides::parse_set(a).unwrap();
            Proposed {
                path,
                value,
                source: format!("--set {a}"),
            }
        })
        .collect()
}

fn grade_args<'a>(name: &'a str, sets: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["--lang", "en", "grade", name];
    for s in sets {
        args.extend(["--set", s]);
    }
    args
}

#[test]
fn there_is_one_exercise_per_pattern_and_one_with_two_in_both_languages() {
    let names = builtin::names();
    assert!(names.len() >= 5, "{names:?}");
    assert_eq!(
        SOLUTIONS.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
        names,
        "every built-in has a reference solution here"
    );
    for name in names {
        let ex = load(name);
        for text in [&ex.name, &ex.task] {
            for lang in ["en", "es"] {
                assert!(
                    text.texts().iter().any(|(l, t)| l == lang && !t.is_empty()),
                    "{name}: no {lang} text"
                );
            }
            assert_ne!(text.in_language("en"), text.in_language("es"), "{name}");
        }
        assert!(!ex.start.is_empty(), "{name} starts from a broken world");
    }
    // The one with two patterns needs both of its changes: either alone fails.
    let ex = load("keep-checkout-alive");
    for one in SOLUTIONS[4].1 {
        let s = ex.with_changes(&proposed(&[one])).unwrap();
        assert!(!grade(&s, &ex.goals).passed(), "{one} alone passes");
    }
}

#[test]
fn every_reference_solution_passes_and_every_unchanged_start_fails() {
    for (name, sets) in SOLUTIONS {
        let (code, out, err) = bw(&grade_args(name, sets));
        assert_eq!(code, 0, "{name} with {sets:?}:\n{out}{err}");
        assert!(out.contains("✓ met") && !out.contains("✗"), "{out}");
        assert!(out.contains("Passed"), "{out}");
        let (code, out, err) = bw(&grade_args(name, &[]));
        assert_eq!(code, 3, "{name} unchanged:\n{out}{err}");
        assert!(out.contains("✗ missed"), "{out}");
        assert!(err.is_empty(), "{err}");
    }
}

/// How far a measured value is inside its goal (positive) or outside
/// (negative), relative to the bound.
fn margin(g: &breakwater::report::grade::Graded) -> f64 {
    let v = g.value;
    let rel = |b: f64| b.abs().max(1.0);
    match (g.goal.at_least, g.goal.at_most) {
        (Some(lo), None) => (v - lo) / rel(lo),
        (None, Some(hi)) => (hi - v) / rel(hi),
        (Some(lo), Some(hi)) => ((v - lo) / rel(lo)).min((hi - v) / rel(hi)),
        (None, None) => unreachable!(),
    }
}

#[test]
fn the_solutions_pass_and_the_starts_fail_with_margin_for_other_seeds_too() {
    for (name, sets) in SOLUTIONS {
        let ex = load(name);
        let own = ex.scenario.seed;
        for seed in [own, own + 1, own + 2] {
            let mut solved = ex.with_changes(&proposed(sets)).unwrap();
            solved.seed = seed;
            for g in grade(&solved, &ex.goals).goals {
                // Every goal holds, not by a hair: at least 0.2 % inside
                // (a percentage point of 99 % is 1 %).
                assert!(
                    g.holds && margin(&g) > 0.002,
                    "{name} seed {seed}: {:?} measured {}",
                    g.goal,
                    g.value
                );
            }
            let mut start = ex.scenario.clone();
            start.seed = seed;
            let missed = grade(&start, &ex.goals);
            // The start fails clearly: some goal is missed by 1 % or more.
            assert!(
                missed.goals.iter().any(|g| !g.holds && margin(g) < -0.01),
                "{name} seed {seed}: the start fails only narrowly: {:?}",
                missed
                    .goals
                    .iter()
                    .map(|g| (g.goal.metric, g.value))
                    .collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn a_change_outside_may_change_is_exit_2_naming_the_path_and_what_is_allowed() {
    let (code, out, err) = bw(&grade_args("keep-checkout-alive", &["load.rate=5"]));
    assert_eq!(code, 2, "{out}{err}");
    assert!(out.is_empty(), "nothing graded: {out}");
    assert!(
        err.contains("--set load.rate=5")
            && err.contains("`load.rate` may not change")
            && err.contains("patterns.*.*"),
        "{err}"
    );
}

#[test]
fn too_many_changes_is_exit_2_naming_them_and_the_limit() {
    let (code, out, err) = bw(&grade_args(
        "timeout-bounds-latency",
        &[
            "patterns.timeout.enabled=true",
            "patterns.fallback.enabled=true",
            "patterns.timeout.per_attempt=1s",
        ],
    ));
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.contains("3 distinct paths changed")
            && err.contains("patterns.timeout.per_attempt")
            && err.contains("at most 2"),
        "{err}"
    );
    // The same path twice is one change.
    let (code, _, err) = bw(&grade_args(
        "timeout-bounds-latency",
        &[
            "patterns.timeout.enabled=false",
            "patterns.timeout.enabled=true",
            "patterns.fallback.enabled=true",
        ],
    ));
    assert_eq!(code, 0, "{err}");
}

#[test]
fn an_unknown_path_or_a_bad_value_is_exit_2_with_what_is_valid() {
    let (code, _, err) = bw(&grade_args(
        "keep-checkout-alive",
        &["patterns.retri.max_attempts=1"],
    ));
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `retry`"), "{err}");
    let (code, _, err) = bw(&grade_args(
        "keep-checkout-alive",
        &["patterns.retry.max_attempts=0"],
    ));
    assert_eq!(code, 2);
    assert!(err.contains("max_attempts"), "{err}");
    let (code, _, err) = bw(&["--lang", "en", "grade", "keep-checkout-aliv"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `keep-checkout-alive`"), "{err}");
}

#[test]
fn an_answer_file_applies_before_the_flags_and_a_refusal_points_into_it() {
    let dir = temp_dir("answer");
    let answer = dir.join("answer.toml");
    std::fs::write(
        &answer,
        "# my answer\nset = { \"services.payment.bulkhead.enabled\" = true }\n",
    )
    .unwrap();
    let a = answer.to_str().unwrap();
    let ok = ["--set", "patterns.timeout.enabled=true"];
    let mut args = vec!["--lang", "en", "grade", "keep-checkout-alive", a];
    args.extend(ok);
    let (code, out, err) = bw(&args);
    assert_eq!(code, 0, "{out}{err}");
    // The flag's change comes after the file's: it wins.
    let mut args = vec!["--lang", "en", "grade", "keep-checkout-alive", a];
    args.extend(["--set", "services.payment.bulkhead.enabled=false"]);
    args.extend(ok);
    assert_eq!(bw(&args).0, 3);

    std::fs::write(&answer, "set = { \"load.rate\" = 1 }\n").unwrap();
    let (code, _, err) = bw(&["--lang", "en", "grade", "keep-checkout-alive", a]);
    assert_eq!(code, 2);
    assert!(
        err.contains(&format!("{a}:1:9: `load.rate` may not change")),
        "{err}"
    );
}

#[test]
fn json_gives_an_autograder_every_goal_in_its_units_and_the_changes() {
    let (name, sets) = SOLUTIONS[4];
    let mut args = grade_args(name, sets);
    args.push("--json");
    let (code, out, err) = bw(&args);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["passed"], true);
    assert_eq!(v["exercise"], name);
    assert_eq!(v["scenario"], "seed-lesson");
    assert_eq!(v["seed"], 7);
    let goals = v["goals"].as_array().unwrap();
    assert_eq!(goals.len() as u64, v["goals_met"].as_u64().unwrap());
    let p99 = goals.iter().find(|g| g["metric"] == "p99").unwrap();
    assert_eq!(p99["unit"], "s");
    assert_eq!(p99["at_most"], 6.0);
    // The 5 s timeout bounds it: in seconds, not milliseconds.
    let measured = p99["value"].as_f64().unwrap();
    assert!((4.9..=5.5).contains(&measured), "{measured}");
    let ok = goals.iter().find(|g| g["metric"] == "ok_fraction").unwrap();
    assert_eq!(ok["unit"], "fraction");
    assert_eq!(ok["at_least"], 0.99);
    assert!(ok["value"].as_f64().unwrap() <= 1.0);
    let changes = v["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 2);
    assert_eq!(changes[0]["path"], "services.payment.bulkhead.enabled");
    assert_eq!(changes[0]["value"], true);
    // The same answer grades to the same bytes.
    assert_eq!(bw(&args).1, out);
}

/// The first ```toml block after `heading` in a README.
fn example(readme: &str, heading: &str) -> String {
    let text =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(readme))
            .unwrap();
    let from = text
        .find(heading)
        .unwrap_or_else(|| panic!("{readme}: {heading}"));
    let body = &text[from..];
    let start = body.find("```toml\n").unwrap() + "```toml\n".len();
    body[start..start + body[start..].find("```").unwrap()].to_string()
}

#[test]
fn an_exercise_written_from_the_readme_alone_grades_as_it_says() {
    for (readme, heading) in [
        ("README.md", "## Exercises"),
        ("README.es.md", "## Ejercicios"),
    ] {
        let dir = temp_dir("readme-exercise");
        let file = dir.join("mine.toml");
        std::fs::write(&file, example(readme, heading)).unwrap();
        let f = file.to_str().unwrap();
        let (code, out, err) = bw(&["--lang", "en", "exercise", f]);
        assert_eq!(code, 0, "{readme}: {err}");
        assert!(
            out.contains("Keep checkout alive") && out.contains("services.*.bulkhead.*"),
            "{out}"
        );
        // Its start fails: without payment's Bulkhead user loses calls.
        let (code, out, err) = bw(&["--lang", "en", "grade", f]);
        assert_eq!(code, 3, "{readme}: {out}{err}");
        let user = out.lines().find(|l| l.contains("user ·")).unwrap();
        assert!(user.contains("✗ missed"), "{out}");
        // Payment's Bulkhead back on: both goals hold.
        let fix = "services.payment.bulkhead.enabled=true";
        let (code, out, err) = bw(&["--lang", "en", "grade", f, "--set", fix]);
        assert_eq!(code, 0, "{readme}: {out}{err}");
        // The README's answer file says the same.
        let answer = dir.join("answer.toml");
        let marker = if readme == "README.md" {
            "A student's ANSWER.toml"
        } else {
            "El ANSWER.toml de un estudiante"
        };
        let text = example(readme, marker);
        std::fs::write(&answer, text).unwrap();
        let (code, _, err) = bw(&["grade", f, answer.to_str().unwrap()]);
        assert_eq!(code, 0, "{readme}: {err}");
    }
}

#[test]
fn a_bad_exercise_file_is_exit_2_at_its_line_and_column() {
    let dir = temp_dir("bad-exercise");
    let file = dir.join("bad.toml");
    let write = |text: &str| std::fs::write(&file, text).unwrap();
    let f = file.to_str().unwrap();
    let head = "name = \"x\"\nscenario = \"seed-lesson\"\ntask = \"t\"\nmay_change = [\"patterns.*.*\"]\nmax_changes = 1\n[[goals]]\nservice = \"user\"\nfrom = \"10s\"\nto = \"20s\"\n";
    let cases: &[(&str, &str, &str)] = &[
        (
            "metric = \"p99\"\nat_most = 0.5\n",
            ":11:11:",
            "is a duration in a goal",
        ),
        (
            "metric = \"ok_fraction\"\nat_least = 99\n",
            ":11:12:",
            "fraction from 0 to 1",
        ),
        (
            "metric = \"okfraction\"\nat_least = 0.9\n",
            ":10:10:",
            "did you mean `ok_fraction`",
        ),
        (
            "metric = \"p99\"\nat_most = \"1s\"\nbogus = 1\n",
            ":12:1:",
            "unknown key `bogus`",
        ),
        ("metric = \"p99\"\n", ":6:1:", "`at_least` or `at_most`"),
        (
            "at_most = \"1s\"\n",
            ":6:1:",
            "missing `metric`: each [[goals]] needs",
        ),
    ];
    for (tail, place, words) in cases {
        write(&format!("{head}{tail}"));
        let (code, _, err) = bw(&["--lang", "en", "exercise", f]);
        assert_eq!(code, 2, "{tail}: {err}");
        assert!(
            err.contains(&format!("{f}{place}")) && err.contains(words),
            "{tail}: {err}"
        );
    }
    write(
        &head
            .replace("seed-lesson", "nothere.toml")
            .replace("[[goals]]", "[[goals]]\nmetric = \"p99\"\nat_most = \"1s\""),
    );
    let (code, _, err) = bw(&["--lang", "en", "grade", f]);
    assert_eq!(code, 2);
    assert!(err.contains(":2:12: no scenario `nothere.toml`"), "{err}");
    let whole = format!("{head}metric = \"p99\"\nat_most = \"1s\"\n");
    // A bad value in `start` is pointed at, with what is valid.
    write(&whole.replace(
        "task = \"t\"\n",
        "task = \"t\"\nstart = { \"services.user.failure_rate\" = 2.0 }\n",
    ));
    let (code, _, err) = bw(&["--lang", "en", "exercise", f]);
    assert_eq!(code, 2);
    assert!(
        err.contains(":4:42:") && err.contains("from 0 to 1"),
        "{err}"
    );
    write(&whole.replace("patterns.*.*", "patterns.re*"));
    let (code, _, err) = bw(&["--lang", "en", "exercise", f]);
    assert_eq!(code, 2);
    assert!(
        err.contains(":4:15:") && err.contains("not a path pattern"),
        "{err}"
    );
}

#[test]
fn list_names_every_built_in_in_the_readers_language() {
    for (lang, word) in [
        ("en", "Keep checkout alive"),
        ("es", "Mantén vivo el checkout"),
    ] {
        let (code, out, err) = bw(&["--lang", lang, "exercise", "list"]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(out.lines().count(), builtin::names().len(), "{out}");
        for name in builtin::names() {
            assert!(out.lines().any(|l| l.starts_with(name)), "{out}");
        }
        assert!(out.contains(word), "{out}");
    }
    let (code, out, _) = bw(&["--lang", "es", "exercise", "bulkhead-isolates"]);
    assert_eq!(code, 0);
    for words in [
        "Tarea",
        "Objetivos",
        "al menos 99,00",
        "patterns.bulkhead.max_concurrent = 60",
    ] {
        assert!(out.contains(words), "{words}: {out}");
    }
    // Every exercise's text and grade fit a terminal of 80 columns, in both languages.
    for lang in ["en", "es"] {
        for (name, sets) in SOLUTIONS {
            let mut args = grade_args(name, sets);
            args[1] = lang;
            for out in [bw(&["--lang", lang, "exercise", name]).1, bw(&args).1] {
                assert!(!out.is_empty());
                assert!(out.lines().all(|l| l.chars().count() <= 80), "{out}");
            }
        }
    }
}

#[test]
fn both_readmes_describe_the_commands_and_every_built_in_exercise() {
    for readme in ["README.md", "README.es.md"] {
        let text =
            std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(readme))
                .unwrap();
        for words in [
            "breakwater exercise list",
            "breakwater grade NAME|FILE",
            "--json",
        ] {
            assert!(text.contains(words), "{readme}: {words}");
        }
        for name in builtin::names() {
            assert!(text.contains(&format!("| `{name}` |")), "{readme}: {name}");
        }
    }
}

#[test]
fn a_scenario_path_is_relative_to_the_exercise_file() {
    let dir = temp_dir("relative-scenario");
    std::fs::create_dir(dir.join("worlds")).unwrap();
    // 50 calls/s to one service that fails 1 call in 10: ok fraction ≈ 0.9.
    let world = common::small_scenario("mine", "", "failure_rate = 0.1\n");
    std::fs::write(dir.join("worlds/flaky.toml"), world).unwrap();
    let exercise = "name = \"Hide the failures\"\nscenario = \"worlds/flaky.toml\"\ntask = \"Retry.\"\n\
         may_change = [\"patterns.retry.*\"]\nmax_changes = 2\n[[goals]]\nmetric = \"ok_fraction\"\n\
         from = \"1s\"\nto = \"10s\"\nat_least = 0.98\n";
    std::fs::write(dir.join("ex.toml"), exercise).unwrap();
    let f = dir.join("ex.toml");
    let f = f.to_str().unwrap();
    // Run from elsewhere (the crate's folder): the path is the file's, not the shell's.
    let (code, out, err) = bw(&["--lang", "en", "grade", f]);
    assert_eq!(code, 3, "{out}{err}");
    // Three attempts: 1 in 1000 fails, well within the goal.
    let (code, out, err) = bw(&[
        "--lang",
        "en",
        "grade",
        f,
        "--set",
        "patterns.retry.enabled=true",
        "--set",
        "patterns.retry.max_attempts=3",
    ]);
    assert_eq!(code, 0, "{out}{err}");
}
