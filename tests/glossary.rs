//! One term per concept (issue 21): `locales/glossary.toml` names each
//! concept's English and Spanish term and the Spanish words that must not
//! stand for it; this test holds the Spanish catalogue, the figures' texts
//! (they are in the catalogue) and README.es.md to it.

use serde::Deserialize;
use std::fs;
use std::path::Path;

#[derive(Deserialize)]
struct Glossary {
    term: Vec<Term>,
}

#[derive(Deserialize)]
struct Term {
    concept: String,
    en: String,
    es: String,
    es_match: String,
    es_avoid: Vec<String>,
}

fn read_dir_ftl(lang: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(lang);
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| fs::read_to_string(p).unwrap())
        // What a reader reads: no comments (for translators), no message
        // ids, no placeables (`{ $token }`).
        .flat_map(|t| {
            t.lines()
                .filter(|l| !l.trim_start().starts_with('#'))
                .map(|l| prose(l.split_once(" = ").map_or(l, |(_, v)| v)))
                .collect::<Vec<_>>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `line` without its `{ … }` placeables.
fn prose(line: &str) -> String {
    let mut depth = 0usize;
    line.chars()
        .filter(|&c| {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth = depth.saturating_sub(1);
                    return false;
                }
                _ => {}
            }
            depth == 0
        })
        .collect()
}

fn glossary() -> Glossary {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/glossary.toml");
    toml::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

/// Whether `word` occurs in `text` as a whole word (letters, digits and `_`
/// around it do not count as a boundary), any case. Backticked code
/// (`max_tokens`) and paths are not prose: they are skipped.
fn has_word(text: &str, word: &str) -> bool {
    let text = text.to_lowercase();
    let word = word.to_lowercase();
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '.' || c == '-';
    let mut code = false;
    let chars: Vec<char> = text.chars().collect();
    let w: Vec<char> = word.chars().collect();
    for i in 0..chars.len() {
        if chars[i] == '`' {
            code = !code;
            continue;
        }
        if code || chars[i..].len() < w.len() || chars[i..i + w.len()] != w[..] {
            continue;
        }
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + w.len()).copied();
        if !before.is_some_and(is_word) && !after.is_some_and(is_word) {
            return true;
        }
    }
    false
}

#[test]
fn the_spanish_texts_use_one_term_per_concept() {
    let es = read_dir_ftl("es");
    let readme =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.es.md")).unwrap();
    let mut wrong = Vec::new();
    for t in glossary().term {
        for avoid in &t.es_avoid {
            for (what, text) in [("locales/es", &es), ("README.es.md", &readme)] {
                if has_word(text, avoid) {
                    wrong.push(format!(
                        "{what}: `{avoid}` for {} (say `{}`)",
                        t.concept, t.es
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_concept_the_english_names_the_spanish_names_with_its_term() {
    let en = read_dir_ftl("en").to_lowercase();
    let es = read_dir_ftl("es").to_lowercase();
    let mut missing = Vec::new();
    for t in glossary().term {
        if en.contains(&t.en.to_lowercase()) && !es.contains(&t.es_match.to_lowercase()) {
            missing.push(format!("{}: `{}` → `{}`", t.concept, t.en, t.es));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn the_word_test_sees_words_and_not_code() {
    assert!(has_word("las plazas del Bulkhead", "plazas"));
    assert!(!has_word("las plazasX del Bulkhead", "plazas"));
    assert!(!has_word("`max_tokens` y max_tokens", "tokens"));
    assert!(has_word("Tokens: 3", "tokens"));
    assert_eq!(prose("ok { $token } y {\"{\"}"), "ok  y ");
}
