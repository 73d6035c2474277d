//! Headless outputs: the summary, as a table or JSON, and the per-tick CSV.

pub mod compare;
pub mod csv;
pub mod json;
pub mod metrics;
pub mod summary;
pub mod table;
pub mod trace;

pub use summary::Summary;
