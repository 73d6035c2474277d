//! Why a file could not be read or written, as a message the shell says in
//! its reader's language. The system's own text (`Permission denied (os
//! error 13)`) is English; the usual kinds are said through the catalogue,
//! the rest as the system says.

/// The reason of an I/O error, without the path.
pub fn io_reason(e: &std::io::Error) -> crate::i18n::Msg {
    use std::io::ErrorKind as K;
    let kind = match e.kind() {
        K::NotFound => "not-found",
        K::PermissionDenied => "permission-denied",
        K::IsADirectory => "is-a-directory",
        K::NotADirectory => "not-a-directory",
        K::AlreadyExists => "already-exists",
        K::StorageFull => "storage-full",
        K::ReadOnlyFilesystem => "read-only",
        K::InvalidData => "invalid-data",
        K::Interrupted => "interrupted",
        _ => return crate::i18n::Msg::verbatim(e.to_string()),
    };
    crate::msg!("io-reason", kind = kind)
}
