//! `breakwater lesson NAME`: a scenario's whole lesson and its phases, in
//! the reader's language, wrapped by words; `--json` as one object.

mod common;

use breakwater::scenario::lesson;
use common::{builtin, bw, bw_ok};

/// The last sentence of `text` (after the last ". ").
fn last_sentence(text: &str) -> &str {
    let text = text.trim();
    text.rsplit(". ").next().unwrap_or(text)
}

/// `out` with every run of blanks and line breaks as one space: a wrapped
/// text read as the sentence it is.
fn flat(out: &str) -> String {
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_whole_lesson_and_its_phases_in_both_languages() {
    let s = builtin("seed-lesson");
    let phases = lesson::phases(&s);
    assert!(phases.len() >= 4, "seed-lesson has phases");
    for lang in ["en", "es"] {
        let out = bw_ok(&["lesson", "seed-lesson", "--lang", lang]);
        let whole = flat(&out);
        let story = s.lesson.in_language(lang);
        assert!(
            whole.contains(last_sentence(story)),
            "{lang}: the lesson's last sentence:\n{out}"
        );
        assert!(whole.contains(&flat(story)), "{lang}: all of it:\n{out}");
        assert!(out.starts_with(s.name.in_language(lang)), "{out}");
        // The phases in time order, each with its note.
        let mut from = 0;
        for p in &phases {
            let note = flat(p.note.in_language(lang));
            let at = whole[from..]
                .find(&format!("{} {note}", p.clock()))
                .unwrap_or_else(|| panic!("{lang}: {} {note} after {from}:\n{out}", p.clock()));
            from += at + 1;
        }
        for line in out.lines() {
            assert!(line.chars().count() <= 78, "{lang}: too long: {line:?}");
        }
    }
    let es = bw_ok(&["lesson", "seed-lesson", "--lang", "es"]);
    assert!(
        es.contains("\nLección\n") && es.contains("\nFases\n"),
        "{es}"
    );
}

#[test]
fn lines_break_between_words() {
    let out = bw_ok(&["lesson", "seed-lesson", "--lang", "es"]);
    let s = builtin("seed-lesson");
    let words: Vec<&str> = s.lesson.in_language("es").split_whitespace().collect();
    // Every piece of a line is a word of the text (none cut in two).
    let lesson_lines = out
        .lines()
        .skip_while(|l| *l != "Lección")
        .skip(1)
        .take_while(|l| !l.is_empty());
    for line in lesson_lines {
        for piece in line.split_whitespace() {
            assert!(
                words.contains(&piece),
                "{piece:?} is not a whole word: {line:?}"
            );
        }
    }
}

#[test]
fn json_is_one_object_in_the_chosen_language() {
    let out = bw_ok(&["lesson", "seed-lesson", "--json", "--lang", "es"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let s = builtin("seed-lesson");
    assert_eq!(v["name"], s.name.in_language("es"));
    assert_eq!(v["lesson"], s.lesson.in_language("es"));
    assert_eq!(v["description"], s.description.in_language("es"));
    let phases = v["phases"].as_array().expect("phases");
    let want = lesson::phases(&s);
    assert_eq!(phases.len(), want.len());
    for (got, p) in phases.iter().zip(&want) {
        assert_eq!(got["at_s"].as_f64(), Some(p.at.0 as f64 / 1e9));
        assert_eq!(got["note"], p.note.in_language("es"));
    }
    assert!(v.get("sides").is_none(), "no variants, no sides");
    // A comparison says its two sides.
    let out = bw_ok(&["lesson", "bulkhead-isolation", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["sides"]["a"], "shared pool (no bulkheads)");
    assert_eq!(v["sides"]["b"], "bulkheads of 8 slots");
}

#[test]
fn scenario_text_is_escaped_and_a_missing_scenario_is_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil.toml");
    let mut text =
        std::fs::read_to_string(common::root().join("scenarios/seed-lesson.toml")).unwrap();
    text = text.replacen("lesson.en = \"", "lesson.en = \"\\u001b]0;PWNED\\u0007 ", 1);
    text.push_str("\n[[timeline]]\nat = \"1s\"\nnote = \"\\u001b[?1049l\"\n");
    std::fs::write(&path, text).unwrap();
    let out = bw_ok(&["lesson", path.to_str().unwrap(), "--lang", "en"]);
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    assert!(
        out.contains("\\e]0;PWNED\\x07") && out.contains("\\e[?1049l"),
        "{out}"
    );
    let (code, _, err) = bw(&["lesson", "no-such-scenario"]);
    assert_eq!(code, 2, "{err}");
}
