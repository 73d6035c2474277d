//! Headless outputs: the summary, as a table or JSON, the per-tick CSV and
//! the OpenMetrics file and the JSON-lines log.

pub mod compare;
pub mod csv;
pub mod json;
pub mod log;
pub mod metrics;
pub mod openmetrics;
pub mod summary;
pub mod table;
pub mod trace;

pub use summary::Summary;
