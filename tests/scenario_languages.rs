//! Scenario texts in both languages: every built-in says its name,
//! description, lesson and timeline notes in English and Spanish; a text in
//! one language falls back to it; machine outputs keep the English text
//! whatever the reader's language.

mod common;

use breakwater::base::localised::Localised;
use breakwater::scenario::builtin;
use common::{breakwater, builtin as load, scenario};

fn both(what: &str, t: &Localised) {
    let (en, es) = (t.in_language("en"), t.in_language("es"));
    assert!(
        !en.trim().is_empty() && !es.trim().is_empty(),
        "{what}: {t:?}"
    );
    assert_ne!(en, es, "{what}: the Spanish text is the English one");
    let codes: Vec<&str> = t.texts().iter().map(|(c, _)| c.as_str()).collect();
    assert!(
        codes.contains(&"en") && codes.contains(&"es"),
        "{what}: {codes:?}"
    );
}

#[test]
fn every_builtin_speaks_both_languages() {
    for name in builtin::names() {
        let s = load(name);
        both(&format!("{name} name"), &s.name);
        both(&format!("{name} description"), &s.description);
        both(&format!("{name} lesson"), &s.lesson);
        let notes: Vec<_> = s.timeline.iter().filter_map(|c| c.note.as_ref()).collect();
        assert!(!notes.is_empty(), "{name} has no notes");
        for n in notes {
            both(&format!("{name} note"), n);
        }
        // A comparison's declared sides are named in both languages too.
        if let Some(v) = &s.variants {
            for (side, variant) in [("a", &v.a), ("b", &v.b)] {
                let label = variant.label.as_ref().expect("a declared side has a label");
                both(&format!("{name} variant {side} label"), label);
            }
        }
    }
}

#[test]
fn a_text_in_one_language_is_read_in_every_language() {
    let s = scenario(
        r#"
name = "Plain"
lesson = { es = "Sólo en español" }
description = { en = "Only English", es = "" }
duration = "10s"
[load]
rate = 1
[[services]]
name = "a"
[[timeline]]
at = "1s"
note.es = "Nota"
"#,
    );
    for code in ["en", "es"] {
        assert_eq!(s.name.in_language(code), "Plain");
        assert_eq!(s.lesson.in_language(code), "Sólo en español");
        assert_eq!(s.description.in_language(code), "Only English");
        assert_eq!(
            s.timeline[0].note.as_ref().unwrap().in_language(code),
            "Nota"
        );
    }
}

#[test]
fn a_bad_text_is_refused_at_its_place_with_what_is_valid() {
    let bad = |text: &str| {
        breakwater::scenario::parse_scenario("t.toml", text.as_bytes())
            .unwrap_err()
            .say("en")
    };
    let base = "duration = \"10s\"\n[load]\nrate = 1\n[[services]]\nname = \"a\"\n";
    let e = bad(&format!("name = {{ en = \"x\", sp = \"y\" }}\n{base}"));
    assert!(e.starts_with("t.toml:1:8: "), "{e}");
    assert!(e.contains("`sp`") && e.contains("es"), "{e}");
    let e = bad(&format!("name = 5\n{base}"));
    assert!(e.starts_with("t.toml:1:8: ") && e.contains("en = "), "{e}");
    let e = bad(&format!("name = {{ en = \"\" }}\n{base}"));
    assert!(e.contains("1 to 80"), "{e}");
}

/// `run --json` and `check` of a built-in, with the language set by `LANG`.
fn out(lang: &str, args: &[&str]) -> String {
    let mut c = breakwater();
    for v in ["BREAKWATER_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"] {
        c.env_remove(v);
    }
    let o = c.env("LANG", lang).args(args).output().expect("runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn json_uses_the_english_text_in_every_language() {
    let args = ["run", "seed-lesson", "--json", "--duration", "20s"];
    let strip = |s: String| -> String {
        s.lines()
            .filter(|l| !l.contains("wall_seconds"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let es = strip(out("es_ES.UTF-8", &args));
    let en = strip(out("C", &args));
    assert!(es.contains("\"scenario\": \"Seed lesson\""), "{es}");
    assert_eq!(es, en, "JSON changed with the language");
    // Screens, by contrast, follow the reader.
    assert!(out("es_ES.UTF-8", &["check", "seed-lesson"]).contains("Lección semilla"));
    assert!(out("C", &["check", "seed-lesson"]).contains("Seed lesson"));
}

#[test]
fn scenario_text_is_printed_with_control_characters_escaped() {
    let dir = common::temp_dir("escape-text");
    let file = dir.join("esc.toml");
    std::fs::write(
        &file,
        "name = { en = \"x\\u001b]0;PWNED\\u0007\", es = \"y\\u001b[2J\" }\nduration = \"10s\"\n[load]\nrate = 1\n[[services]]\nname = \"a\"\n",
    )
    .unwrap();
    let f = file.to_string_lossy().into_owned();
    for lang in ["C", "es_ES.UTF-8"] {
        let o = out(lang, &["check", &f]);
        assert!(!o.contains('\u{1b}') && !o.contains('\u{7}'), "{o:?}");
        assert!(o.contains("\\e"), "{o:?}");
    }
}
