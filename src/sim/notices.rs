//! What happened, in words: breaker transitions with their reasons, timeline
//! notes, changes. Kept in a bounded ring so memory does not grow with time.

use crate::base::localised::Localised;
use crate::base::ring::Ring;
use crate::base::time::SimTime;
use crate::patterns::circuit_breaker::reason::Reason;
use crate::patterns::circuit_breaker::BreakerState;

#[derive(Clone, Debug, PartialEq)]
pub enum NoticeKind {
    Breaker {
        from: BreakerState,
        to: BreakerState,
        reason: Reason,
    },
    /// A timeline note, in the reader's language when shown.
    Note(Localised),
    Change {
        path: String,
        /// The value before the change, as text, when it could be read
        /// (so a held ←/→ can be told as one change: `0.001 → 0.05`).
        from: Option<String>,
        value: String,
        live: bool,
    },
    /// A limit was reached or a change was refused: said when shown, so it
    /// re-translates with the reader's language.
    Limit(crate::i18n::Msg),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub at: SimTime,
    pub service: Option<usize>,
    pub kind: NoticeKind,
}

const KEEP: usize = 500;

#[derive(Clone)]
pub struct Notices {
    ring: Ring<Notice>,
    total: u64,
}

impl Default for Notices {
    fn default() -> Self {
        Notices {
            ring: Ring::new(KEEP),
            total: 0,
        }
    }
}

impl Notices {
    pub fn push(&mut self, n: Notice) {
        self.ring.push(n);
        self.total += 1;
    }
    /// How many were ever pushed (the sequence number of the next one).
    pub fn total(&self) -> u64 {
        self.total
    }
    /// The kept notices, oldest first, with their sequence numbers.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (u64, &Notice)> {
        let first = self.total - self.ring.len() as u64;
        self.ring
            .iter()
            .enumerate()
            .map(move |(i, n)| (first + i as u64, n))
    }
}
