//! What a scenario sets for a bulkhead, with its valid ranges.

use crate::base::settable::Settable;
use crate::base::time::Dur;
use crate::i18n::Msg;
use crate::settable;

#[derive(Clone, Debug, PartialEq)]
pub struct BulkheadConfig {
    pub enabled: bool,
    pub max_concurrent: u32,
    pub max_queue: u32,
    pub max_wait: Dur,
}

impl Default for BulkheadConfig {
    /// The lesson's user-service pool: 10 workers, no waiting room.
    fn default() -> Self {
        BulkheadConfig {
            enabled: true,
            max_concurrent: 10,
            max_queue: 0,
            max_wait: Dur(0),
        }
    }
}

settable!(BulkheadConfig {
    enabled,
    max_concurrent: Range::Whole(1, 1_000_000),
    max_queue: Range::Whole(0, 1_000_000),
    max_wait: Range::AtMost("1d"),
});

impl BulkheadConfig {
    pub fn validate(&self) -> Result<(), (&'static str, Msg)> {
        self.check_ranges()
    }
}
