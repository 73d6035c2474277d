//! The shared vocabulary every layer may use: virtual time, how attempts and
//! calls end, the settable-path machinery, texts by language and a bounded
//! ring. It imports nothing from the rest of the crate but the catalogues
//! (`i18n`).

pub mod duration_or_table;
pub mod escape;
pub mod io_reason;
pub mod localised;
pub mod maths;
pub mod metric;
pub mod outcome;
pub mod range;
pub mod ring;
pub mod serde_message;
pub mod settable;
pub mod time;
pub mod units;
pub mod wrap;

pub use outcome::Outcome;
