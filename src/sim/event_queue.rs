//! The future event list: a binary heap ordered by (time, class, insertion
//! sequence). The sequence makes ties deterministic (first scheduled, first
//! run); the class lets changes made live run after everything else at their
//! instant, exactly as when they are replayed from a recording.
//!
//! Beside the heap are *lanes*, each holding at most one event (a service's
//! next arrival). Setting a lane replaces its event, so a redrawn arrival
//! leaves nothing stale behind, and the heap holds only what is in flight.
//! Lane events sort with heap events by the same key.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Runs before `LATE` at the same instant.
pub const NORMAL: u8 = 0;
/// For live changes: after every other event at the same instant.
pub const LATE: u8 = 1;

/// The key packs (time, class, sequence) into one `u128` so that the heap
/// compares once: time in the high 64 bits, class in bit 63, sequence below.
#[derive(Clone)]
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

#[derive(Clone)]
pub struct EventQueue<E> {
    heap: BinaryHeap<Entry<E>>,
    seq: u64,
    lanes: Vec<Option<Entry<E>>>,
    /// The key of the earliest lane event (`NONE` when every lane is empty)
    /// and its lane: kept up to date so a pop compares two keys.
    first_key: u128,
    first_lane: usize,
}

const NONE: u128 = u128::MAX;

impl<E> Default for EventQueue<E> {
    fn default() -> Self {
        EventQueue {
            heap: BinaryHeap::new(),
            seq: 0,
            lanes: Vec::new(),
            first_key: NONE,
            first_lane: 0,
        }
    }
}

#[inline]
fn key_of(time: u64, class: u8, seq: u64) -> u128 {
    ((time as u128) << 64) | ((class as u128) << 63) | seq as u128
}

#[inline]
fn time_of(key: u128) -> u64 {
    (key >> 64) as u64
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
        let key = key_of(time, class, seq);
        self.heap.push(Entry { key, event });
    }

    /// Sets lane `lane` (created on first use) to hold `event` at `time`,
    /// replacing whatever it held.
    #[inline]
    pub fn set_lane(&mut self, lane: usize, time: u64, event: E) {
        if lane >= self.lanes.len() {
            self.lanes.resize_with(lane + 1, || None);
        }
        let key = key_of(time, NORMAL, self.reserve());
        let replaced_first = self.first_key != NONE && lane == self.first_lane;
        self.lanes[lane] = Some(Entry { key, event });
        if key < self.first_key {
            self.first_key = key;
            self.first_lane = lane;
        } else if replaced_first {
            self.find_first_lane();
        }
    }

    /// Empties lane `lane`.
    pub fn clear_lane(&mut self, lane: usize) {
        if let Some(slot) = self.lanes.get_mut(lane) {
            if slot.take().is_some() && lane == self.first_lane {
                self.find_first_lane();
            }
        }
    }

    /// When lane `lane`'s event comes, if it holds one.
    pub fn lane_time(&self, lane: usize) -> Option<u64> {
        self.lanes.get(lane)?.as_ref().map(|e| time_of(e.key))
    }

    fn find_first_lane(&mut self) {
        self.first_key = NONE;
        for (i, e) in self.lanes.iter().enumerate() {
            if let Some(e) = e {
                if e.key < self.first_key {
                    self.first_key = e.key;
                    self.first_lane = i;
                }
            }
        }
    }

    /// The key of the next event, heap or lane.
    #[inline]
    fn next_key(&self) -> u128 {
        match self.heap.peek() {
            Some(h) if h.key < self.first_key => h.key,
            _ => self.first_key,
        }
    }

    #[inline]
    pub fn peek_time(&self) -> Option<u64> {
        let key = self.next_key();
        (key != NONE).then(|| time_of(key))
    }

    #[inline]
    pub fn pop(&mut self) -> Option<(u64, E)> {
        self.pop_due(u64::MAX)
    }

    /// Pops the next event if it comes at or before `until`.
    #[inline]
    pub fn pop_due(&mut self, until: u64) -> Option<(u64, E)> {
        let lane_key = self.first_key;
        let entry = match self.heap.peek() {
            Some(h) if h.key < lane_key => {
                if time_of(h.key) > until {
                    return None;
                }
                self.heap.pop()
            }
            _ => {
                if lane_key == NONE || time_of(lane_key) > until {
                    return None;
                }
                let e = self.lanes[self.first_lane].take();
                self.find_first_lane();
                e
            }
        };
        entry.map(|e| (time_of(e.key), e.event))
    }

    /// Keeps only the events for which `keep` holds (order is unaffected:
    /// the keys are kept with their events).
    pub fn retain(&mut self, mut keep: impl FnMut(&E) -> bool) {
        self.heap.retain(|e| keep(&e.event));
    }

    /// Events waiting, in the heap and the lanes.
    pub fn len(&self) -> usize {
        self.heap.len() + self.lanes.iter().filter(|e| e.is_some()).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
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
    fn lanes_sort_with_the_heap_and_replace_their_event() {
        let mut q = EventQueue::default();
        q.push(5, "heap 5");
        q.set_lane(0, 5, "lane 0 at 5, replaced");
        q.set_lane(1, 3, "lane 1 at 3");
        q.set_lane(0, 7, "lane 0 at 7");
        q.push(7, "heap 7");
        assert_eq!(q.len(), 4);
        assert_eq!(q.lane_time(0), Some(7));
        let order: Vec<_> = std::iter::from_fn(|| q.pop().map(|(_, e)| e)).collect();
        assert_eq!(
            order,
            vec!["lane 1 at 3", "heap 5", "lane 0 at 7", "heap 7"]
        );
        q.set_lane(1, 9, "cleared");
        q.clear_lane(1);
        assert!(q.is_empty() && q.pop().is_none());
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
