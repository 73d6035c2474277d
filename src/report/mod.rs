//! Headless outputs: the summary, as a table or JSON, and the per-tick CSV.

pub mod answers;
pub mod compare;
pub mod csv;
pub mod grade;
pub mod json;
pub mod metrics;
pub mod summary;
pub mod table;
pub mod trace;
pub mod window;

pub use summary::Summary;
