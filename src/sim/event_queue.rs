//! The future event list: a binary heap ordered by (time, class, insertion
//! sequence). The sequence makes ties deterministic (first scheduled, first
//! run); the class lets changes made live run after everything else at their
//! instant, exactly as when they are replayed from a recording.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Runs before `LATE` at the same instant.
pub const NORMAL: u8 = 0;
/// For live changes: after every other event at the same instant.
pub const LATE: u8 = 1;

/// The key packs (time, class, sequence) into one `u128` so that the heap
/// compares once: time in the high 64 bits, class in bit 63, sequence below.
struct Entry<E> {
    key: u128,
    event: E,
}

impl<E> PartialEq for Entry<E> {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}
impl<E> Eq for Entry<E> {}
impl<E> PartialOrd for Entry<E> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl<E> Ord for Entry<E> {
    fn cmp(&self, other: &Self) -> Ordering {
        other.key.cmp(&self.key) // min-heap
    }
}

pub struct EventQueue<E> {
    heap: BinaryHeap<Entry<E>>,
    seq: u64,
}

impl<E> Default for EventQueue<E> {
    fn default() -> Self {
        EventQueue {
            heap: BinaryHeap::new(),
            seq: 0,
        }
    }
}

impl<E> EventQueue<E> {
    #[inline]
    pub fn push(&mut self, time: u64, event: E) {
        self.push_class(time, NORMAL, event);
    }

    #[inline]
    pub fn push_class(&mut self, time: u64, class: u8, event: E) {
        let seq = self.reserve();
        self.push_reserved(time, class, seq, event);
    }

    /// Takes the next insertion number without pushing anything: an event
    /// pushed later with it (`push_reserved`) sorts exactly as if it had been
    /// pushed now. Lazy timers use this to stay out of the heap until needed.
    #[inline]
    pub fn reserve(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    #[inline]
    pub fn push_reserved(&mut self, time: u64, class: u8, seq: u64, event: E) {
        let key = ((time as u128) << 64) | ((class as u128) << 63) | seq as u128;
        self.heap.push(Entry { key, event });
    }

    #[inline]
    pub fn peek_time(&self) -> Option<u64> {
        self.heap.peek().map(|e| (e.key >> 64) as u64)
    }

    #[inline]
    pub fn pop(&mut self) -> Option<(u64, E)> {
        self.heap.pop().map(|e| ((e.key >> 64) as u64, e.event))
    }

    /// Keeps only the events for which `keep` holds (order is unaffected:
    /// the keys are kept with their events).
    pub fn retain(&mut self, mut keep: impl FnMut(&E) -> bool) {
        self.heap.retain(|e| keep(&e.event));
    }

    pub fn len(&self) -> usize {
        self.heap.len()
    }

    pub fn is_empty(&self) -> bool {
        self.heap.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_by_time_then_class_then_insertion() {
        let mut q = EventQueue::default();
        q.push(5, "b");
        q.push_class(5, LATE, "late");
        q.push(5, "c");
        q.push(1, "a");
        q.push(9, "d");
        let order: Vec<_> = std::iter::from_fn(|| q.pop().map(|(_, e)| e)).collect();
        assert_eq!(order, vec!["a", "b", "c", "late", "d"]);
    }

    #[test]
    fn a_reserved_event_sorts_where_it_was_reserved() {
        let mut q = EventQueue::default();
        let early = q.reserve();
        q.push(5, "pushed first");
        q.push_reserved(5, NORMAL, early, "reserved first");
        let order: Vec<_> = std::iter::from_fn(|| q.pop().map(|(_, e)| e)).collect();
        assert_eq!(order, vec!["reserved first", "pushed first"]);
    }
}
