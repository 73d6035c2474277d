//! What a scenario sets for a bulkhead, with its valid ranges.

use crate::base::time::Dur;
use crate::patterns::whole;
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
    max_concurrent,
    max_queue,
    max_wait
});

impl BulkheadConfig {
    pub fn validate(&self) -> Result<(), (&'static str, String)> {
        if !(1..=1_000_000).contains(&self.max_concurrent) {
            return Err(("max_concurrent", whole(1, 1_000_000)));
        }
        if self.max_queue > 1_000_000 {
            return Err(("max_queue", whole(0, 1_000_000)));
        }
        if self.max_wait > Dur::from_secs(86_400) {
            return Err(("max_wait", crate::t!("must-be-at-most", max = "1d")));
        }
        Ok(())
    }
}
