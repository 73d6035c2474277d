//! Writing a recording without ever overwriting one: the file is created
//! new; when the name is taken, `-2`, `-3`, … is added before the extension,
//! and the caller is told the name it went to.

use crate::base::io_reason::io_reason;
use crate::t;
use std::io::{self, Write};
use std::path::Path;

/// The most names `write_new` tries (`path`, then `-2` … `-9999`).
pub const MAX_NAMES: u32 = 9_999;

/// Why a recording was not written.
#[derive(Debug)]
pub enum SaveError {
    /// The file system said no.
    Io(io::Error),
    /// Every candidate name up to `MAX_NAMES` is taken.
    NamesTaken,
}

impl SaveError {
    /// The reason, in the reader's language (without the path).
    pub fn reason(&self) -> String {
        match self {
            SaveError::Io(e) => io_reason(e).said(),
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
    for n in 1..=MAX_NAMES {
        let name = candidate(path, n);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(Path::new(&name))
        {
            Ok(mut f) => {
                f.write_all(text.as_bytes()).map_err(SaveError::Io)?;
                return Ok(name);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(SaveError::Io(e)),
        }
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
