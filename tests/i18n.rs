//! The catalogues: every language says the same things, every message the
//! code names exists, and numbers read as each language writes them.

use breakwater::i18n;
use std::path::Path;

#[test]
fn every_catalogue_parses_whole() {
    assert_eq!(i18n::parse_errors(), Vec::<String>::new());
}

#[test]
fn every_language_has_the_same_ids_and_variables() {
    let en = i18n::inventory("en");
    assert!(en.len() > 3, "the English catalogue is nearly empty");
    for code in i18n::languages() {
        let other = i18n::inventory(code);
        let ids =
            |v: &Vec<(String, Vec<String>)>| v.iter().map(|m| m.0.clone()).collect::<Vec<_>>();
        let missing: Vec<_> = ids(&en)
            .into_iter()
            .filter(|id| !ids(&other).contains(id))
            .collect();
        let extra: Vec<_> = ids(&other)
            .into_iter()
            .filter(|id| !ids(&en).contains(id))
            .collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{code}: missing {missing:?}, extra {extra:?}"
        );
        for ((id, a), (_, b)) in en.iter().zip(&other) {
            assert_eq!(a, b, "{code}: message {id} takes other variables");
        }
    }
}

/// The ids named in the source: a text said at once (`t!("…"`) and a
/// message made as data, said later (`msg!("…"`).
fn ids_in_source() -> Vec<(String, String)> {
    let mut out = vec![];
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The core, and the browser edition's shell around it.
    let mut stack = vec![root.join("src"), root.join("web/src")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap();
            // The page's words, named as data (`"web-…"`) in the web shell.
            for (i, _) in text.match_indices("\"web-") {
                let id: String = text[i + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                out.push((p.display().to_string(), id));
            }
            for marker in ["t!(\"", "t!(\n", "msg!(\"", "msg!(\n"] {
                let mut from = 0;
                while let Some(k) = text[from..].find(marker) {
                    let i = from + k;
                    // `t!(` or `msg!(`, not `print!(` or `format!(`, and not
                    // in a comment.
                    let line = &text[text[..i].rfind('\n').map_or(0, |n| n + 1)..i];
                    let whole = text[..i]
                        .chars()
                        .last()
                        .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_'))
                        && !line.trim_start().starts_with("//");
                    from = i + marker.len();
                    let rest = &text[from..];
                    if !whole {
                        continue;
                    }
                    let body = rest.trim_start().trim_start_matches('"');
                    let id: String = body
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                        .collect();
                    if !id.is_empty() {
                        out.push((p.display().to_string(), id));
                    }
                }
            }
        }
    }
    out
}

#[test]
fn every_id_the_code_names_exists_in_every_language() {
    let ids = ids_in_source();
    assert!(!ids.is_empty());
    // Messages made as data (`msg!`) are found too.
    assert!(
        ids.iter().any(|(_, id)| id == "limit-in-flight"),
        "no msg! id"
    );
    for code in i18n::languages() {
        for (file, id) in &ids {
            assert!(
                i18n::has(code, id),
                "{file}: `{id}` is not in the {code} catalogue"
            );
        }
    }
}

#[test]
fn spanish_numbers_and_plurals() {
    assert!(i18n::languages().contains(&"es"));
    assert_eq!(i18n::tr_in("es", "language-name", None), "Español");
    let mut args = i18n::FluentArgs::new();
    args.set("n", i18n::arg(12345u64));
    assert_eq!(
        i18n::tr_in("es", "count-calls", Some(&args)),
        "12\u{a0}345 llamadas"
    );
    assert_eq!(
        i18n::tr_in("en", "count-calls", Some(&args)),
        "12,345 calls"
    );
    let mut args = i18n::FluentArgs::new();
    args.set("n", i18n::arg(1u64));
    assert_eq!(i18n::tr_in("es", "count-calls", Some(&args)), "1 llamada");
    assert_eq!(i18n::tr_in("en", "count-calls", Some(&args)), "1 call");
    let mut args = i18n::FluentArgs::new();
    args.set("n", i18n::arg(1204u64));
    assert_eq!(
        i18n::tr_in("es", "count-calls", Some(&args)),
        "1204 llamadas"
    );
}

#[test]
fn no_invisible_isolation_marks() {
    let mut args = i18n::FluentArgs::new();
    args.set("n", i18n::arg(3u64));
    let s = i18n::tr_in("es", "count-calls", Some(&args));
    assert!(!s.contains('\u{2068}') && !s.contains('\u{2069}'), "{s:?}");
}
