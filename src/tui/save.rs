//! Writing a recording without ever overwriting one: the file is created
//! new; when the name is taken, `-2`, `-3`, … is added before the extension,
//! and the caller is told the name it went to. A comparison's two files
//! are reserved together under one number (`cmp-2-a.toml` with
//! `cmp-2-b.toml`), so `compare` never pairs an old A with a new B. Each
//! name is first created empty and exclusively (no link followed), then
//! written through a temporary file renamed over it (`output::file`).
//! `/dev/null` (any device or stream) is a sink, written as it is.

use crate::base::io_reason::io_reason;
use crate::output::file::{self, Refused};
use crate::t;
use std::io;

/// The most names `write_new` tries (`path`, then `-2` … `-9999`).
pub const MAX_NAMES: u32 = 9_999;

/// Why a recording was not written.
#[derive(Debug)]
pub enum SaveError {
    /// The file system said no.
    Io(io::Error),
    /// The name was refused (an input, a link).
    Refused(Refused),
    /// Every candidate name up to `MAX_NAMES` is taken.
    NamesTaken,
}

impl SaveError {
    /// The reason, in the reader's language (without the path).
    pub fn reason(&self) -> String {
        match self {
            SaveError::Io(e) => io_reason(e).said(),
            SaveError::Refused(r) => r.reason(),
            SaveError::NamesTaken => t!("save-names-taken", count = MAX_NAMES),
        }
    }
}

/// The `n`-th candidate name for `path`: `path` itself, then `stem-2.ext`, ….
pub fn candidate(path: &str, n: u32) -> String {
    if n <= 1 {
        return path.to_string();
    }
    let file_start = path.rfind('/').map(|i| i + 1).unwrap_or(0);
    match path[file_start..].rfind('.') {
        Some(dot) if dot > 0 => {
            let dot = file_start + dot;
            format!("{}-{n}{}", &path[..dot], &path[dot..])
        }
        _ => format!("{path}-{n}"),
    }
}

/// Writes `text` to a file that did not exist: `path`, or the first free
/// `candidate`. Returns the name written.
pub fn write_new(path: &str, text: &str) -> Result<String, SaveError> {
    let mut names = write_new_all(&[(path.to_string(), text.to_string())])?;
    Ok(names.remove(0))
}

/// The `n`-th candidate for a side's file `stem-x.ext` of a comparison:
/// the number goes before the side (`stem-n-x.ext`), so the sides of one
/// recording keep one name.
pub fn side_candidate(path: &str, n: u32) -> String {
    if n <= 1 {
        return path.to_string();
    }
    let file_start = path.rfind('/').map(|i| i + 1).unwrap_or(0);
    let file = &path[file_start..];
    let (name, ext) = match file.rfind('.') {
        Some(dot) if dot > 0 => file.split_at(dot),
        _ => (file, ""),
    };
    match name.rsplit_once('-') {
        Some((stem, side)) => format!("{}{stem}-{n}-{side}{ext}", &path[..file_start]),
        None => candidate(path, n),
    }
}

/// The sink a comparison's files were named from, if it is one
/// (`/dev/null` gives `/dev/null-a.toml`): the files then all go there.
fn sink_of(files: &[(String, String)]) -> Option<String> {
    let first = &files.first()?.0;
    if files.len() == 1 {
        return file::is_direct(first).then(|| first.clone());
    }
    let (named, ext) = first.rsplit_once('.').unwrap_or((first, ""));
    let base = named.rsplit_once('-')?.0;
    [base.to_string(), format!("{base}.{ext}")]
        .into_iter()
        .find(|b| file::is_direct(b))
}

/// Writes each `(path, text)` (one recording, or a comparison's one file
/// per side) under names that did not exist, all with the same number:
/// the first `n` for which every name is free. Returns the names written.
pub fn write_new_all(files: &[(String, String)]) -> Result<Vec<String>, SaveError> {
    if let Some(sink) = sink_of(files) {
        for (_, text) in files {
            file::write(&sink, text.as_bytes()).map_err(SaveError::Refused)?;
        }
        return Ok(vec![sink; files.len()]);
    }
    let name = |path: &str, n| {
        if files.len() > 1 {
            side_candidate(path, n)
        } else {
            candidate(path, n)
        }
    };
    for n in 1..=MAX_NAMES {
        let names: Vec<String> = files.iter().map(|(p, _)| name(p, n)).collect();
        if !file::reserve_all(&names).map_err(SaveError::Io)? {
            continue;
        }
        for (name, (_, text)) in names.iter().zip(files) {
            if let Err(e) = file::write(name, text.as_bytes()) {
                for n in &names {
                    let _ = std::fs::remove_file(n);
                }
                return Err(SaveError::Refused(e));
            }
        }
        return Ok(names);
    }
    Err(SaveError::NamesTaken)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_number_before_the_extension() {
        assert_eq!(candidate("r.toml", 1), "r.toml");
        assert_eq!(candidate("r.toml", 2), "r-2.toml");
        assert_eq!(candidate("dir.d/r", 3), "dir.d/r-3");
        assert_eq!(candidate(".hidden", 2), ".hidden-2");
    }

    #[test]
    fn a_side_is_numbered_before_its_letter() {
        assert_eq!(side_candidate("cmp-a.toml", 1), "cmp-a.toml");
        assert_eq!(side_candidate("cmp-a.toml", 2), "cmp-2-a.toml");
        assert_eq!(side_candidate("d.x/r-b", 3), "d.x/r-3-b");
    }

    #[test]
    fn the_names_taken_reason_is_in_both_catalogues() {
        let mut args = crate::i18n::FluentArgs::new();
        args.set("count", crate::i18n::arg(MAX_NAMES));
        let en = crate::i18n::tr_in("en", "save-names-taken", Some(&args));
        let es = crate::i18n::tr_in("es", "save-names-taken", Some(&args));
        // The count as the language writes numbers (9,999 in English).
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
        assert!(digits(&en) == "9999" && en.contains("recordings"), "{en}");
        assert!(digits(&es) == "9999" && es.contains("grabaciones"), "{es}");
    }

    #[test]
    fn a_file_system_refusal_is_said_through_the_catalogue() {
        let dir = std::env::temp_dir().join(format!("bw-save-{}", std::process::id()));
        let _ = std::fs::remove_file(&dir);
        std::fs::write(&dir, "a file, not a directory").unwrap();
        let path = dir.join("r.toml");
        let e = write_new(path.to_str().unwrap(), "x").unwrap_err();
        let _ = std::fs::remove_file(&dir);
        assert!(matches!(e, SaveError::Io(_)), "{e:?}");
        // Not the system's English ("Not a directory (os error 20)").
        assert!(!e.reason().contains("os error"), "{}", e.reason());
    }
}
