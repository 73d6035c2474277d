//! One spill file per metric family (and side), joined at the end: the
//! OpenMetrics text format forbids interleaving one family's samples with
//! another's, while a run produces every family's samples at each step.
//!
//! A spill is a file created beside the output and unlinked at once: it
//! holds the samples while the run goes on and disappears with the process
//! whatever ends it (a signal, a crash), so nothing is ever left behind.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// A family's samples so far, in a file no name points to (or, for a
/// live scrape's few lines, in memory).
pub struct Spill {
    w: Store,
    /// Bytes written to it.
    pub bytes: u64,
}

enum Store {
    File(BufWriter<File>),
    Memory(Vec<u8>),
}

impl Store {
    #[inline]
    fn write_all(&mut self, b: &[u8]) -> io::Result<()> {
        match self {
            Store::File(w) => w.write_all(b),
            Store::Memory(v) => {
                v.extend_from_slice(b);
                Ok(())
            }
        }
    }
}

impl Spill {
    /// A new, already unlinked file in `dir`.
    pub fn new(dir: &Path) -> io::Result<Spill> {
        static COUNT: AtomicU64 = AtomicU64::new(0);
        loop {
            let n = COUNT.fetch_add(1, Ordering::Relaxed);
            let path: PathBuf =
                dir.join(format!(".breakwater-om.{}.{n}.spill", std::process::id()));
            match OpenOptions::new()
                .read(true)
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(f) => {
                    std::fs::remove_file(&path)?;
                    return Ok(Spill {
                        w: Store::File(BufWriter::with_capacity(64 * 1024, f)),
                        bytes: 0,
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
    }

    /// A spill in memory (a live scrape's one sample).
    pub fn memory() -> Spill {
        Spill {
            w: Store::Memory(Vec::new()),
            bytes: 0,
        }
    }

    #[inline]
    pub fn write_parts(&mut self, parts: &[&[u8]]) -> io::Result<()> {
        for p in parts {
            self.w.write_all(p)?;
            self.bytes += p.len() as u64;
        }
        Ok(())
    }

    /// Copies everything written so far to `out` (file to file in the
    /// kernel where it can: `io::copy` uses `copy_file_range` between
    /// two files).
    pub fn copy_to(&mut self, out: &mut impl Write) -> io::Result<()> {
        match &mut self.w {
            Store::File(w) => {
                w.flush()?;
                let f = w.get_mut();
                f.seek(SeekFrom::Start(0))?;
                io::copy(f, out)?;
            }
            Store::Memory(v) => out.write_all(v)?,
        }
        Ok(())
    }
}

impl Write for Spill {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.w.write_all(buf)?;
        self.bytes += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        match &mut self.w {
            Store::File(w) => w.flush(),
            Store::Memory(_) => Ok(()),
        }
    }
}

/// Where the spills of an output at `path` go: its directory (the same file
/// system as the output), or the temporary directory for a stream
/// (`/dev/stdout`, a FIFO).
pub fn spill_dir(path: &str, direct: bool) -> PathBuf {
    if direct {
        return std::env::temp_dir();
    }
    match Path::new(path).parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spill_leaves_no_name_and_gives_back_what_it_took() {
        let dir = std::env::temp_dir().join(format!("bw-spill-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let mut s = Spill::new(&dir).unwrap();
        s.write_parts(&[b"a 1", b"\n"]).unwrap();
        s.write_parts(&[b"a 2\n"]).unwrap();
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            0,
            "unlinked at once"
        );
        let mut out = Vec::new();
        s.copy_to(&mut out).unwrap();
        assert_eq!(out, b"a 1\na 2\n");
        assert_eq!(s.bytes, 8);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
