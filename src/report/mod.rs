//! Headless outputs: the summary, as a table or JSON, the per-tick CSV and
//! the OpenMetrics file, the JSON-lines log and the OTLP/JSON spans.

pub mod answers;
pub mod compare;
pub mod csv;
pub mod grade;
pub mod json;
pub mod log;
pub mod metrics;
pub mod openmetrics;
pub mod otlp;
pub mod summary;
pub mod table;
pub mod trace;
pub mod window;

pub use summary::Summary;
