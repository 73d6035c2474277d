//! Reading a scenario from disk (the `native` feature): bounded, and
//! saying what a path is when it is not a file. Without `native` there is no
//! disk, and every spec names a built-in (`super::read_file`).

use super::ScenarioError;
use crate::i18n::Msg;
use crate::msg;

/// The bytes of the file at `spec`, or `None` when there is none (a name,
/// then, e.g. a built-in's).
///
/// Reads at most the size limit + 1 byte, so `/dev/zero` or a huge file costs
/// nothing; devices, sockets and directories are refused by kind, a FIFO
/// (`<(…)`) is read with the same bound, and a symbolic link loop or a
/// dangling link is called what it is.
pub fn read_file(spec: &str) -> Result<Option<Vec<u8>>, ScenarioError> {
    use std::io::Read;
    let fail = |message: Msg| ScenarioError {
        origin: spec.to_string(),
        line: 1,
        column: 1,
        message,
    };
    let path = std::path::Path::new(spec);
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(fail(msg!("load-symlink-loop")))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if path.symlink_metadata().is_ok() {
                return Err(fail(msg!("load-dangling-symlink")));
            }
            return Ok(None);
        }
        Err(e) => return Err(fail(cannot_read(&e))),
    };
    let kind = file_kind(&meta.file_type());
    if let Some(kind) = kind {
        return Err(fail(msg!("load-not-a-file", kind = kind)));
    }
    let max = limits::MAX_FILE_BYTES;
    if meta.len() > max as u64 {
        return Err(fail(too_big(meta.len())));
    }
    let file = std::fs::File::open(path).map_err(|e| fail(cannot_read(&e)))?;
    let mut bytes = Vec::new();
    file.take(max as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(cannot_read(&e)))?;
    if bytes.len() > max {
        return Err(fail(too_big(bytes.len() as u64)));
    }
    Ok(Some(bytes))
}

use crate::sim::limits;

fn too_big(len: u64) -> Msg {
    let max = limits::MAX_FILE_BYTES.to_string();
    if len > limits::MAX_FILE_BYTES as u64 + 1 {
        msg!("load-too-big", len = len.to_string(), max = max)
    } else {
        msg!("load-over", max = max)
    }
}

fn cannot_read(e: &std::io::Error) -> Msg {
    msg!(
        "load-cannot-read",
        reason = crate::base::io_reason::io_reason(e)
    )
}

/// What a path is when it is not a regular file or a FIFO, in words.
fn file_kind(t: &std::fs::FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    if t.is_dir() {
        Some("directory")
    } else if t.is_char_device() {
        Some("character-device")
    } else if t.is_block_device() {
        Some("block-device")
    } else if t.is_socket() {
        Some("socket")
    } else {
        None
    }
}
