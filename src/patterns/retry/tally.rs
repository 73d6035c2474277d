//! What a service's retry layer has answered since the run began, as
//! resilience4j's `resilience4j.retry.calls{kind=…}` counts it: read by the
//! shells that export metrics, never by the retry's decisions.

/// The calls the retry layer gave back, by how they ended.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RetryTally {
    /// Succeeded at the first attempt.
    pub successful_without_retry: u64,
    /// Succeeded after one retry or more.
    pub successful_with_retry: u64,
    /// Failed after one retry or more (attempts or budget exhausted, the
    /// deadline passed).
    pub failed_with_retry: u64,
    /// Failed at the first attempt and was not retried (`retry_on` did not
    /// list the outcome, no budget, a single attempt allowed).
    pub failed_without_retry: u64,
}

impl RetryTally {
    /// A call leaves the retry layer after `attempts` attempts.
    #[inline]
    pub fn gave_back(&mut self, ok: bool, attempts: u32) {
        let n = match (ok, attempts > 1) {
            (true, false) => &mut self.successful_without_retry,
            (true, true) => &mut self.successful_with_retry,
            (false, true) => &mut self.failed_with_retry,
            (false, false) => &mut self.failed_without_retry,
        };
        *n += 1;
    }
}
