//! Writing a recording without ever overwriting one: the file is created
//! new; when the name is taken, `-2`, `-3`, … is added before the extension,
//! and the caller is told the name it went to.

use std::io::{self, Write};
use std::path::Path;

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
pub fn write_new(path: &str, text: &str) -> io::Result<String> {
    for n in 1..=9_999 {
        let name = candidate(path, n);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(Path::new(&name))
        {
            Ok(mut f) => {
                f.write_all(text.as_bytes())?;
                return Ok(name);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "9999 recordings of this name exist",
    ))
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
}
