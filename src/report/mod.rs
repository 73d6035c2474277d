//! Headless outputs: the summary, as a table or JSON, the per-tick CSV and
//! the OpenMetrics file, the JSON-lines log and the OTLP/JSON spans.

pub mod compare;
pub mod csv;
pub mod json;
pub mod log;
pub mod metrics;
pub mod openmetrics;
pub mod otlp;
pub mod summary;
pub mod table;
pub mod trace;

pub use summary::Summary;
