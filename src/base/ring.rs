//! A fixed-capacity ring: the dashboard's history and the simulation's notices
//! both keep only their newest items, so memory does not grow with time.

use std::collections::VecDeque;

/// A fixed-capacity ring: pushing onto a full ring drops the oldest.
#[derive(Clone, Debug)]
pub struct Ring<T> {
    buf: VecDeque<T>,
    cap: usize,
}

impl<T> Ring<T> {
    pub fn new(cap: usize) -> Ring<T> {
        Ring {
            buf: VecDeque::with_capacity(cap.min(4096)),
            cap: cap.max(1),
        }
    }
    pub fn push(&mut self, x: T) {
        if self.buf.len() == self.cap {
            self.buf.pop_front();
        }
        self.buf.push_back(x);
    }
    pub fn len(&self) -> usize {
        self.buf.len()
    }
    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }
    pub fn capacity(&self) -> usize {
        self.cap
    }
    pub fn last(&self) -> Option<&T> {
        self.buf.back()
    }
    pub fn clear(&mut self) {
        self.buf.clear();
    }
    /// Oldest first.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> + ExactSizeIterator {
        self.buf.iter()
    }
    /// The newest `n` (or fewer), oldest first.
    pub fn last_n(&self, n: usize) -> impl Iterator<Item = &T> {
        self.buf.iter().skip(self.buf.len().saturating_sub(n))
    }
}
