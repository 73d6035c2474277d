//! `check` over the broken-file corpus (`tests/bad/`) in each language: every
//! message keeps its `file:line:column`, and says nothing in the other
//! language. "Nothing in the other language" is measured against the
//! catalogues themselves: a stretch of words that only one language's
//! catalogue has (text between its variables) must not appear in a message of
//! the other.

mod common;

use common::{breakwater, root};
use std::collections::BTreeSet;

/// `check FILE` with the language chosen as a class would: `LANG` for
/// `es`, or `--lang` given on the command line (which wins over `LANG`).
fn check(file: &str, lang_env: &str, flag: Option<&str>) -> (i32, String) {
    let mut c = breakwater();
    for v in ["BREAKWATER_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"] {
        c.env_remove(v);
    }
    c.env("LANG", lang_env).current_dir(root());
    if let Some(code) = flag {
        c.args(["--lang", code]);
    }
    let out = c.args(["check", file]).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The stretches of literal text in `lang`'s catalogues: each message's
/// text split at its placeables and select expressions, trimmed, kept when it
/// has at least two words of letters.
fn fragments(lang: &str) -> BTreeSet<String> {
    let dir = root().join("locales").join(lang);
    let mut out = BTreeSet::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let text = std::fs::read_to_string(e.path()).unwrap();
        for line in text.lines() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            // `id = text`, `[variant] text` or `*[variant] text`.
            let body = match line.split_once(" = ") {
                Some((id, rest)) if !id.starts_with(' ') => rest,
                _ => match line.trim_start().trim_start_matches('*').split_once("] ") {
                    Some((_, rest))
                        if line.trim_start().trim_start_matches('*').starts_with('[') =>
                    {
                        rest
                    }
                    _ => continue,
                },
            };
            let mut depth = 0;
            let mut cur = String::new();
            for c in body.chars() {
                match c {
                    '{' => {
                        depth += 1;
                        out.insert(std::mem::take(&mut cur));
                    }
                    '}' => depth -= 1,
                    _ if depth == 0 => cur.push(c),
                    _ => {}
                }
            }
            out.insert(cur);
        }
    }
    out.into_iter()
        .map(|f| {
            f.trim()
                .trim_matches(|c: char| c.is_ascii_punctuation())
                .trim()
                .to_string()
        })
        .filter(|f| {
            f.split_whitespace()
                .filter(|w| w.chars().all(|c| c.is_alphabetic()) && w.chars().count() > 1)
                .count()
                >= 2
        })
        .collect()
}

/// Fragments of `lang`'s catalogue found in no catalogue of `other`.
fn only_in(lang: &str, other: &str) -> Vec<String> {
    let theirs: String = std::fs::read_dir(root().join("locales").join(other))
        .unwrap()
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    fragments(lang)
        .into_iter()
        .filter(|f| !theirs.contains(f.as_str()))
        .collect()
}

fn corpus() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root().join("tests/bad"))
        .unwrap()
        .flatten()
        .map(|e| format!("tests/bad/{}", e.file_name().to_string_lossy()))
        .filter(|f| f.ends_with(".toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 40, "the corpus shrank: {}", files.len());
    files
}

/// Every message of the corpus in `lang` (by `LANG`, or `--lang`), checked:
/// exit 2, one line, `file:line:column: ` first, nothing of `other`'s.
fn corpus_speaks(lang_env: &str, flag: Option<&str>, lang: &str, other: &str) {
    let (problems, distinct) = judge(lang_env, flag, lang, other);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Distinct files, distinct mistakes: the messages are not one fallback.
    assert!(distinct > 35, "{distinct} distinct messages");
}

/// The problems found in the corpus's messages, and how many distinct
/// messages there were.
fn judge(lang_env: &str, flag: Option<&str>, lang: &str, other: &str) -> (Vec<String>, usize) {
    let foreign = only_in(other, lang);
    assert!(
        foreign.len() > 50,
        "too few {other}-only fragments to judge by: {}",
        foreign.len()
    );
    let mut problems = vec![];
    let mut messages = BTreeSet::new();
    for file in corpus() {
        let (code, err) = check(&file, lang_env, flag);
        let line = err.trim_end();
        let place_ok = line.strip_prefix(&format!("{file}:")).and_then(|rest| {
            let mut parts = rest.splitn(3, ':');
            let l = parts.next()?.parse::<usize>().ok()?;
            let c = parts.next()?.parse::<usize>().ok()?;
            let msg = parts.next()?.strip_prefix(' ')?;
            (l >= 1 && c >= 1 && !msg.is_empty()).then_some(msg)
        });
        let Some(msg) = place_ok else {
            problems.push(format!("{file}: not `file:line:column: message`: {err:?}"));
            continue;
        };
        if code != 2 || line.lines().count() != 1 {
            problems.push(format!(
                "{file}: exit {code}, {} lines",
                line.lines().count()
            ));
        }
        for f in &foreign {
            if msg.contains(f.as_str()) {
                problems.push(format!("{file}: {other} text `{f}` in: {msg}"));
            }
        }
        messages.insert(msg.to_string());
    }
    (problems, messages.len())
}

#[test]
fn the_judge_tells_the_languages_apart() {
    // English messages judged as if they had to be Spanish: nearly every
    // file is caught, so a pass above means something.
    let (problems, _) = judge("C", None, "es", "en");
    let files: BTreeSet<&str> = problems
        .iter()
        .filter_map(|p| p.split(':').next())
        .collect();
    assert!(
        files.len() > 35,
        "only {} caught: {problems:?}",
        files.len()
    );
    let (problems, _) = judge("es_ES.UTF-8", None, "en", "es");
    let files: BTreeSet<&str> = problems
        .iter()
        .filter_map(|p| p.split(':').next())
        .collect();
    assert!(
        files.len() > 35,
        "only {} caught: {problems:?}",
        files.len()
    );
}

#[test]
fn in_spanish_every_message_is_spanish_with_its_place() {
    corpus_speaks("es_ES.UTF-8", None, "es", "en");
}

#[test]
fn with_lang_en_every_message_is_english_with_its_place() {
    corpus_speaks("es_ES.UTF-8", Some("en"), "en", "es");
}

#[test]
fn a_spanish_message_is_the_english_one_translated_at_the_same_place() {
    for file in ["tests/bad/wrong_type.toml", "tests/bad/syntax_error.toml"] {
        let (_, es) = check(file, "es_ES.UTF-8", None);
        let (_, en) = check(file, "C", None);
        let place = |s: &str| s.splitn(4, ':').take(3).collect::<Vec<_>>().join(":");
        assert_eq!(place(&es), place(&en));
        assert_ne!(es, en);
    }
}

#[test]
fn a_decimal_comma_gets_a_hint_in_the_readers_language() {
    let dir = common::temp_dir("comma");
    let file = dir.join("comma.toml");
    std::fs::write(
        &file,
        "name = \"x\"\nduration = \"1m\"\n[load]\nkind = \"poisson\"\nrate = 0,5\n[[services]]\nname = \"a\"\n",
    )
    .unwrap();
    let f = file.to_string_lossy().into_owned();
    let (code, es) = check(&f, "es_ES.UTF-8", None);
    assert_eq!(code, 2);
    assert!(es.starts_with(&format!("{f}:5:9: ")), "{es}");
    assert!(es.contains("TOML usa punto decimal: escribe 0.5"), "{es}");
    let (_, en) = check(&f, "es_ES.UTF-8", Some("en"));
    assert!(en.contains("TOML uses a decimal point: write 0.5"), "{en}");
    // The same slip in quotes, where a number is wanted.
    std::fs::write(
        &file,
        "name = \"x\"\nduration = \"1m\"\n[load]\nkind = \"poisson\"\nrate = \"0,5\"\n[[services]]\nname = \"a\"\n",
    )
    .unwrap();
    let (code, es) = check(&f, "es_ES.UTF-8", None);
    assert_eq!(code, 2);
    assert!(es.contains(":5:8: "), "{es}");
    assert!(es.contains("TOML usa punto decimal: escribe 0.5"), "{es}");
}
