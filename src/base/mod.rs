//! The shared vocabulary every layer may use: virtual time, how attempts and
//! calls end, the settable-path machinery and a bounded ring. It imports
//! nothing from the rest of the crate.

pub mod duration_or_table;
pub mod escape;
pub mod outcome;
pub mod ring;
pub mod settable;
pub mod time;
pub mod units;

pub use outcome::Outcome;
