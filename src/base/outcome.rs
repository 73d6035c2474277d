//! How an attempt or a call ends. Every attempt and every call ends in exactly
//! one of these; the counts of the run are sums over them.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Ok,
    Failed,
    TimedOut,
    ShortCircuited,
    BulkheadRejected,
    /// Only for calls: the caller's own thread pool had no thread and no room to wait.
    ClientRejected,
}

impl Outcome {
    pub const ALL: [Outcome; 6] = [
        Outcome::Ok,
        Outcome::Failed,
        Outcome::TimedOut,
        Outcome::ShortCircuited,
        Outcome::BulkheadRejected,
        Outcome::ClientRejected,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn is_ok(self) -> bool {
        self == Outcome::Ok
    }

    /// The name used in files, JSON and CSV.
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Ok => "ok",
            Outcome::Failed => "failed",
            Outcome::TimedOut => "timed_out",
            Outcome::ShortCircuited => "short_circuited",
            Outcome::BulkheadRejected => "bulkhead_rejected",
            Outcome::ClientRejected => "client_rejected",
        }
    }
}
