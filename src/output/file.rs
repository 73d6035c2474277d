//! Output files that never destroy a file this run did not create. Every
//! command writes its files through here (`--timeseries`, `--csv`,
//! `--record`, `-o`, default figure names, the dashboard's recordings and
//! figures):
//!
//! - an output path is never a file the command reads (same inode: the
//!   scenario, `compare`'s second file), however it is spelled;
//! - a symbolic link in the path's last component is refused, not
//!   followed (a link in `/dev` or `/proc`, as `/dev/stdout`, is followed:
//!   it names a stream, not a file someone keeps);
//! - a regular file is written to a temporary file beside it and renamed
//!   into place when complete, so a crash or a full disk never leaves half
//!   a file (the old one stays whole until the new one is);
//! - anything else (`/dev/null`, `/dev/stdout`, a FIFO) is written
//!   directly; `/dev/null` stays a sink and is never a name to number.
//!
//! The one exception is a sweep's `--csv`, appended in place row by row
//! (`open_in_place`): Ctrl-C keeps the finished cells.
//!
//! The temporary files being written are known (`LIVE`), so that a signal
//! that ends the program removes them too (`remove_temporaries`, called
//! by the commands' signal watcher) instead of leaving them hidden beside
//! the output.

use crate::base::io_reason::io_reason;
use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// The files this process reads: (device, inode, the path as given).
static INPUTS: Mutex<Vec<(u64, u64, String)>> = Mutex::new(Vec::new());

/// Tells the outputs that `path` is read by this command: no output may
/// then name the same file. Built-in scenario names (no such file) are
/// ignored.
pub fn note_input(path: &str) {
    if let Ok(m) = std::fs::metadata(path) {
        if m.is_file() {
            if let Ok(mut inputs) = INPUTS.lock() {
                inputs.push((m.dev(), m.ino(), path.to_string()));
            }
        }
    }
}

/// Forgets every input (a test's files are deleted, and their inodes
/// reused by the next test's).
#[cfg(test)]
fn forget_inputs() {
    if let Ok(mut inputs) = INPUTS.lock() {
        inputs.clear();
    }
}

/// The input (as given) that `m` is, if any.
fn input_of(m: &Metadata) -> Option<String> {
    let inputs = INPUTS.lock().ok()?;
    inputs
        .iter()
        .find(|(dev, ino, _)| *dev == m.dev() && *ino == m.ino())
        .map(|(_, _, p)| p.clone())
}

/// Why an output path was not written.
#[derive(Debug)]
pub enum Refused {
    /// It is this input file (as given on the command line).
    Input(String),
    /// Its last component is a symbolic link.
    Symlink,
    /// The file system said no.
    Io(io::Error),
}

impl From<io::Error> for Refused {
    fn from(e: io::Error) -> Self {
        Refused::Io(e)
    }
}

impl Refused {
    /// The reason, in the reader's language (without the path).
    pub fn reason(&self) -> String {
        match self {
            Refused::Input(p) => {
                crate::t!("output-is-input", input = crate::base::escape::escape(p))
            }
            Refused::Symlink => crate::t!("output-is-symlink"),
            Refused::Io(e) => io_reason(e).said(),
        }
    }

    /// As the commands' errors say it: a refusal in the reader's
    /// language, the file system's own error as the system says it (as
    /// these errors always said it).
    pub fn message(&self) -> String {
        match self {
            Refused::Io(e) => e.to_string(),
            _ => self.reason(),
        }
    }

    /// Exit status: a refused name is bad input (2), the file system's
    /// refusal an I/O error (1).
    pub fn code(&self) -> u8 {
        match self {
            Refused::Io(_) => 1,
            _ => 2,
        }
    }
}

/// What an output path names.
#[derive(Debug, PartialEq)]
enum Target {
    /// A regular file (`Some`, with its permissions) or nothing yet.
    Regular(Option<u32>),
    /// A device, FIFO or socket: written directly.
    Direct,
}

/// Whether a link at `path` may be followed: one in `/dev` or `/proc`
/// (`/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`) names a stream.
fn stream_link(path: &Path) -> bool {
    path.starts_with("/dev") || path.starts_with("/proc")
}

fn target(path: &Path) -> Result<Target, Refused> {
    let meta = match path.symlink_metadata() {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Target::Regular(None)),
        Err(e) => return Err(e.into()),
    };
    let meta = if meta.file_type().is_symlink() {
        if !stream_link(path) {
            return Err(Refused::Symlink);
        }
        std::fs::metadata(path)?
    } else {
        meta
    };
    if let Some(input) = input_of(&meta) {
        return Err(Refused::Input(input));
    }
    if meta.is_dir() {
        return Err(io::Error::from(io::ErrorKind::IsADirectory).into());
    }
    if meta.is_file() && !path.symlink_metadata()?.file_type().is_symlink() {
        Ok(Target::Regular(Some(meta.permissions().mode())))
    } else {
        Ok(Target::Direct)
    }
}

/// Opens a direct target (device, FIFO, a stream link) for writing.
fn open_direct(path: &Path) -> io::Result<File> {
    OpenOptions::new().append(true).open(path)
}

/// The directory a path's file is in (`.` for a bare name).
fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// The temporary files that exist now (created, not yet renamed or
/// removed).
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn live() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    LIVE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The temporary `tmp` exists no more (renamed into place or removed).
fn forget(tmp: &Path) {
    live().retain(|p| p != tmp);
}

/// Removes every temporary file being written, for a signal that ends the
/// program. The guard returned keeps any other from being created (a
/// temporary is created while holding it): hold it until the end.
pub fn remove_temporaries() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    let mut live = live();
    for tmp in live.drain(..) {
        let _ = std::fs::remove_file(tmp);
    }
    live
}

/// A new temporary file beside `path`, hidden, created exclusively, and
/// known until it is renamed or removed (`forget`).
fn temporary(path: &Path, mode: Option<u32>) -> io::Result<(File, PathBuf)> {
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Created and noted under the lock: a signal's removal sees it, or
    // comes before it is created and keeps it from being created.
    let mut live = live();
    loop {
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let tmp = parent(path).join(format!(".{name}.{}.{n}.tmp", std::process::id()));
        let mut o = OpenOptions::new();
        o.write(true)
            .create_new(true)
            .mode(mode.unwrap_or(0o666) & 0o777);
        match o.open(&tmp) {
            Ok(f) => {
                live.push(tmp.clone());
                return Ok((f, tmp));
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Checks, before any work, that `path` can be written as an output:
/// not an input, not a link, writable (an existing file, and its
/// directory for the temporary file). Leaves nothing behind.
pub fn check(path: &str) -> Result<(), Refused> {
    let p = Path::new(path);
    match target(p)? {
        // Not opened: a FIFO's reader would see the end of its input when
        // the check closed it (and an open waits for a reader).
        Target::Direct => {}
        Target::Regular(existing) => {
            if existing.is_some() {
                // Without truncating: only that we may write it.
                OpenOptions::new()
                    .write(true)
                    .custom_flags(libc::O_NOFOLLOW)
                    .open(p)?;
            }
            let (_, tmp) = temporary(p, existing)?;
            let _ = std::fs::remove_file(&tmp);
            forget(&tmp);
        }
    }
    Ok(())
}

/// An output file being written: to a temporary file renamed into place
/// by `commit` (removed if dropped before), or directly to a stream.
#[derive(Debug)]
pub struct OutFile {
    file: File,
    /// (temporary, final) for a regular file.
    rename: Option<(PathBuf, PathBuf)>,
}

impl OutFile {
    /// Starts writing `path` (see the module's rules).
    pub fn create(path: &str) -> Result<OutFile, Refused> {
        let p = Path::new(path);
        match target(p)? {
            Target::Direct => Ok(OutFile {
                file: open_direct(p)?,
                rename: None,
            }),
            Target::Regular(mode) => {
                let (file, tmp) = temporary(p, mode)?;
                Ok(OutFile {
                    file,
                    rename: Some((tmp, p.to_path_buf())),
                })
            }
        }
    }

    /// The file being written, for a copy the kernel makes from another
    /// file (`std::io::copy` between two files uses `copy_file_range`).
    pub fn file_mut(&mut self) -> &mut File {
        &mut self.file
    }

    /// Finishes the file: flushed, synced and renamed into place.
    pub fn commit(mut self) -> io::Result<()> {
        self.file.flush()?;
        if let Some((tmp, path)) = self.rename.take() {
            let done = self
                .file
                .sync_all()
                .and_then(|()| std::fs::rename(&tmp, &path));
            if done.is_err() {
                let _ = std::fs::remove_file(&tmp);
            }
            forget(&tmp);
            done?;
        }
        Ok(())
    }
}

impl Write for OutFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Drop for OutFile {
    fn drop(&mut self) {
        if let Some((tmp, _)) = self.rename.take() {
            let _ = std::fs::remove_file(&tmp);
            forget(&tmp);
        }
    }
}

/// Writes `bytes` to `path` whole (see `OutFile`).
pub fn write(path: &str, bytes: &[u8]) -> Result<(), Refused> {
    let mut f = OutFile::create(path)?;
    f.write_all(bytes)?;
    f.commit()?;
    Ok(())
}

/// Opens `path` to be written in place (a sweep's CSV, appended row by
/// row): not an input, not a link; truncated unless `keep`.
pub fn open_in_place(path: &str, keep: bool) -> Result<File, Refused> {
    let p = Path::new(path);
    if target(p)? == Target::Direct {
        return Ok(open_direct(p)?);
    }
    Ok(OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(!keep)
        .custom_flags(libc::O_NOFOLLOW)
        .open(p)?)
}

/// Whether `path` is a stream or device (`/dev/null`, a FIFO): written to
/// as it is, never a name to number.
pub fn is_direct(path: &str) -> bool {
    matches!(target(Path::new(path)), Ok(Target::Direct))
}

/// Reserves each of `names` together by creating them empty and
/// exclusively (no link followed, nothing replaced): true if all were
/// free; if one was taken, those created are removed and false returned.
pub fn reserve_all(names: &[String]) -> io::Result<bool> {
    let mut made: Vec<&String> = Vec::new();
    let undo = |made: &[&String]| {
        for n in made {
            let _ = std::fs::remove_file(n);
        }
    };
    for name in names {
        match OpenOptions::new().write(true).create_new(true).open(name) {
            Ok(_) => made.push(name),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                undo(&made);
                return Ok(false);
            }
            Err(e) => {
                undo(&made);
                return Err(e);
            }
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("bw-out-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn a_temporary_is_known_while_it_exists_and_forgotten_after() {
        let d = dir("live");
        let out = d.join("series.csv");
        let known = |f: &OutFile| {
            let tmp = f.rename.as_ref().map(|(t, _)| t.clone()).unwrap();
            (live().contains(&tmp), tmp)
        };
        // Committed: renamed into place, no longer a temporary.
        let mut f = OutFile::create(out.to_str().unwrap()).unwrap();
        let (was, tmp) = known(&f);
        assert!(was && tmp.exists());
        f.write_all(b"a,b\n").unwrap();
        f.commit().unwrap();
        assert!(!live().contains(&tmp) && !tmp.exists());
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "a,b\n");
        // Dropped: removed, and forgotten.
        let f = OutFile::create(out.to_str().unwrap()).unwrap();
        let (was, tmp) = known(&f);
        assert!(was);
        drop(f);
        assert!(!live().contains(&tmp) && !tmp.exists());
        // A check leaves none behind, known or on disk.
        check(out.to_str().unwrap()).unwrap();
        assert!(!live().iter().any(|p| p.starts_with(&d)));
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn a_link_is_refused_and_its_target_untouched() {
        let d = dir("link");
        let victim = d.join("victim.txt");
        std::fs::write(&victim, "keep me").unwrap();
        let link = d.join("out.svg");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        let e = write(link.to_str().unwrap(), b"new").unwrap_err();
        assert!(matches!(e, Refused::Symlink), "{e:?}");
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
        assert!(check(link.to_str().unwrap()).is_err());
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn an_input_is_refused_by_any_name() {
        let d = dir("input");
        let input = d.join("s.toml");
        std::fs::write(&input, "name = \"x\"").unwrap();
        let other = d.join("hard.csv");
        std::fs::hard_link(&input, &other).unwrap();
        note_input(input.to_str().unwrap());
        for path in [&input, &other] {
            let e = check(path.to_str().unwrap()).unwrap_err();
            assert!(matches!(e, Refused::Input(_)), "{e:?}");
            assert!(write(path.to_str().unwrap(), b"x").is_err());
            assert!(open_in_place(path.to_str().unwrap(), false).is_err());
        }
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "name = \"x\"");
        forget_inputs();
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn a_file_is_whole_or_untouched_and_no_temporary_stays() {
        let d = dir("whole");
        let path = d.join("out.csv");
        std::fs::write(&path, "old").unwrap();
        {
            let mut f = OutFile::create(path.to_str().unwrap()).unwrap();
            f.write_all(b"half").unwrap();
            // Dropped without commit: the old file stays.
        }
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        write(path.to_str().unwrap(), b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(&d).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn dev_null_is_a_sink() {
        assert!(is_direct("/dev/null"));
        write("/dev/null", b"gone").unwrap();
        check("/dev/null").unwrap();
    }

    #[test]
    fn a_group_is_reserved_together_or_not_at_all() {
        let d = dir("group");
        let a = d.join("c-a.toml").to_str().unwrap().to_string();
        let b = d.join("c-b.toml").to_str().unwrap().to_string();
        std::fs::write(&b, "old b").unwrap();
        assert!(!reserve_all(&[a.clone(), b.clone()]).unwrap());
        assert!(!Path::new(&a).exists(), "A is released when B is taken");
        std::fs::remove_file(&b).unwrap();
        assert!(reserve_all(&[a.clone(), b.clone()]).unwrap());
        assert!(Path::new(&a).exists() && Path::new(&b).exists());
        std::fs::remove_dir_all(&d).unwrap();
    }
}
