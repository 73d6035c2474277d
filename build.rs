//! Compiles the Fluent catalogues into the binary: every `locales/<lang>/*.ftl`
//! becomes one entry of a table, so a new catalogue (or a new language's
//! directory) needs no code.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut langs: Vec<_> = std::fs::read_dir(&root)
        .expect("the locales directory")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .collect();
    langs.sort_by_key(|e| e.file_name());
    let mut out = String::from(
        "/// (language, file, text) for every catalogue under `locales/`.\n\
         pub static FILES: &[(&str, &str, &str)] = &[\n",
    );
    for lang in langs {
        println!("cargo:rerun-if-changed={}", lang.path().display());
        let mut files: Vec<_> = std::fs::read_dir(lang.path())
            .expect("a language directory")
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        for f in files {
            println!("cargo:rerun-if-changed={}", f.display());
            writeln!(
                out,
                "    ({:?}, {:?}, include_str!({:?})),",
                lang.file_name().to_string_lossy(),
                f.file_name().unwrap().to_string_lossy(),
                f.display().to_string()
            )
            .unwrap();
        }
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("catalogue.rs");
    std::fs::write(dest, out).expect("writing the catalogue table");
}
