//! The future event list, ordered by (time, class, insertion sequence). The
//! sequence makes ties deterministic (first scheduled, first run); the class
//! lets changes made live run after everything else at their instant, exactly
//! as when they are replayed from a recording.
//!
//! The events are kept in a *radix heap* keyed on time alone, which the
//! virtual clock makes possible: no event is ever pushed before the last time
//! popped (`last`). Times are read in 6-bit digits: bucket (level, d) holds
//! the events whose time first differs from `last` in digit `level`, where
//! it is `d`; the events at `last` itself wait in `at_last`, a small
//! binary heap ordered by the whole key, so ties break by (class, sequence)
//! exactly as one heap over the whole key would. When `at_last` runs dry, the
//! lowest non-empty bucket's earliest time becomes `last` and that bucket's
//! events move to lower levels: an event moves at most 11 times, and in
//! practice two or three, so a pop costs the same at 10² and at 10⁶ pending events
//! where a binary heap's grows with the logarithm and, worse, with the cache
//! misses of a heap larger than the cache. (Today's key, (time, class,
//! sequence), is not monotone: a late-class event or a reserved timer place
//! can sort below the last popped key, so only the time is the radix key.)
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

/// The key packs (time, class, sequence) into one `u128` so that a heap
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

/// Pending events from which `next_hint` gives hints.
const HINT_FROM: usize = 4096;

/// A drained bucket keeps its memory up to this many events.
const KEEP: usize = 1024;

/// A time is read in digits of this many bits, from the top: an event's
/// bucket is the first digit in which its time differs from `last`, and that
/// digit's value. Wider digits mean fewer moves per event (each move goes
/// down at least a level): in a model of the scale benchmark's 90,000 in
/// flight, 2.4 moves per event with 6-bit digits against 5.8 with 1-bit ones
/// (2.0 against 3.9 for plain M/M/c), for more buckets to look through (a
/// 64-bit mask per level finds the first).
const DIGIT_BITS: u32 = 6;
/// Digit values per level.
const DIGITS: usize = 1 << DIGIT_BITS;
/// Levels (digits) in a 64-bit time.
const LEVELS: usize = 64_usize.div_ceil(DIGIT_BITS as usize);
/// One bucket per (level, digit value).
const BUCKETS: usize = LEVELS * DIGITS;

/// The heap proper: a radix heap over time, with one instant's events in a
/// binary heap by the whole key.
#[derive(Clone)]
struct Radix<E> {
    /// The events at time `last`, by (class, sequence).
    at_last: BinaryHeap<Entry<E>>,
    /// `buckets[level * DIGITS + d]`: events whose time first differs from
    /// `last` in digit `level` (counted from the lowest), where it is `d`
    /// (so later than `last`; earlier than those of a higher level or of a
    /// higher digit at the same level).
    buckets: [Vec<Entry<E>>; BUCKETS],
    /// The earliest time in each bucket (`u64::MAX` when empty).
    mins: [u64; BUCKETS],
    /// Where in its bucket an event at that time is (for `next_hint`).
    min_at: [u32; BUCKETS],
    /// Bit d of `digits[level]`: bucket (level, d) is not empty.
    digits: [u64; LEVELS],
    /// Bit l: some bucket of level l is not empty.
    levels: u16,
    /// The time of the events in `at_last`: the last popped, or about to be.
    last: u64,
    len: usize,
    /// An event was dropped for want of memory (see `starve`).
    starved: bool,
}

impl<E> Default for Radix<E> {
    fn default() -> Self {
        Radix {
            at_last: BinaryHeap::new(),
            buckets: std::array::from_fn(|_| Vec::new()),
            mins: [u64::MAX; BUCKETS],
            min_at: [0; BUCKETS],
            digits: [0; LEVELS],
            levels: 0,
            last: 0,
            len: 0,
            starved: false,
        }
    }
}

/// Doubles a full bucket's room fallibly (out of line: rare, and kept out
/// of the push's hot path).
#[cold]
#[inline(never)]
fn grow_vec<T>(v: &mut Vec<T>) -> bool {
    v.try_reserve(v.len().max(4)).is_ok()
}

/// As [`grow_vec`], for the heap of one instant.
#[cold]
#[inline(never)]
fn grow_heap<T: Ord>(h: &mut BinaryHeap<T>) -> bool {
    h.try_reserve(h.len().max(4)).is_ok()
}

impl<E> Radix<E> {
    /// The bucket of a time later than `last`.
    #[inline(always)]
    fn bucket_of(&self, time: u64) -> usize {
        let level = (63 - (time ^ self.last).leading_zeros()) / DIGIT_BITS;
        let digit = (time >> (level * DIGIT_BITS)) as usize & (DIGITS - 1);
        level as usize * DIGITS + digit
    }

    /// The bucket holding the earliest times (with some bucket not empty):
    /// the lowest level's lowest digit.
    #[inline(always)]
    fn first_bucket(&self) -> usize {
        let level = self.levels.trailing_zeros() as usize;
        level * DIGITS + self.digits[level].trailing_zeros() as usize
    }

    #[inline(always)]
    fn mark(&mut self, b: usize) {
        self.digits[b / DIGITS] |= 1 << (b % DIGITS);
        self.levels |= 1 << (b / DIGITS);
    }

    #[inline(always)]
    fn unmark(&mut self, b: usize) {
        let level = b / DIGITS;
        self.digits[level] &= !(1 << (b % DIGITS));
        if self.digits[level] == 0 {
            self.levels &= !(1 << level);
        }
    }

    #[inline]
    fn push(&mut self, entry: Entry<E>) {
        self.len += 1;
        self.place(entry);
    }

    #[inline(always)]
    fn place(&mut self, entry: Entry<E>) {
        let time = time_of(entry.key);
        debug_assert!(
            time >= self.last,
            "an event pushed at {time} ns, before the last popped time {} ns",
            self.last
        );
        if time == self.last {
            if self.at_last.len() == self.at_last.capacity() && !grow_heap(&mut self.at_last) {
                return self.starve();
            }
            self.at_last.push(entry);
        } else {
            let b = self.bucket_of(time);
            let bucket = &mut self.buckets[b];
            if bucket.len() == bucket.capacity() && !grow_vec(bucket) {
                return self.starve();
            }
            if time < self.mins[b] {
                self.mins[b] = time;
                self.min_at[b] = self.buckets[b].len() as u32;
            }
            self.buckets[b].push(entry);
            self.mark(b);
        }
    }

    /// The memory for one more event could not be had: the event is
    /// dropped and the set says so ([`EventQueue::starved`]), so the engine
    /// stops the run at a limit instead of the allocator aborting it.
    #[cold]
    fn starve(&mut self) {
        self.starved = true;
        self.len -= 1;
    }

    /// The earliest time held, if any.
    #[inline]
    fn first_time(&self) -> Option<u64> {
        if !self.at_last.is_empty() {
            Some(self.last)
        } else if self.levels != 0 {
            Some(self.mins[self.first_bucket()])
        } else {
            None
        }
    }

    /// Makes `time`, the earliest time held (with `at_last` empty), the new
    /// `last`: the lowest non-empty bucket's events move to `at_last` or to
    /// lower buckets. Only when `time` is the next time popped, since no
    /// event may be pushed before `last` afterwards.
    #[inline]
    fn advance(&mut self, time: u64) {
        debug_assert!(self.at_last.is_empty());
        let b = self.first_bucket();
        debug_assert_eq!(self.mins[b], time);
        self.last = time;
        self.unmark(b);
        self.mins[b] = u64::MAX;
        let mut moving = std::mem::take(&mut self.buckets[b]);
        for entry in moving.drain(..) {
            // Each lands at a lower level: it shares digit b's level and
            // those above with `time`. (The other buckets of b's level and
            // above still differ from `time` first where they differed from
            // the old `last`: they stay.)
            self.place(entry);
        }
        // A small bucket keeps its memory for the next time; a large one gives
        // it back, as its events now sit in the buckets below: kept, the
        // buckets' memory would add up to several times the events pending.
        if moving.capacity() <= KEEP {
            self.buckets[b] = moving;
        }
    }

    /// An event at the earliest time held (not necessarily the first of
    /// its instant).
    #[inline]
    fn first_hint(&self) -> Option<&E> {
        if let Some(e) = self.at_last.peek() {
            return Some(&e.event);
        }
        if self.levels == 0 {
            return None;
        }
        let b = self.first_bucket();
        let bucket = self.buckets.get(b)?;
        bucket.get(self.min_at[b] as usize).map(|e| &e.event)
    }

    #[inline]
    fn peek_key(&self) -> Option<u128> {
        self.at_last.peek().map(|e| e.key)
    }

    #[inline]
    fn pop(&mut self) -> Option<Entry<E>> {
        let e = self.at_last.pop();
        self.len -= e.is_some() as usize;
        e
    }

    fn retain(&mut self, mut keep: impl FnMut(&E) -> bool) {
        self.at_last.retain(|e| keep(&e.event));
        self.len = self.at_last.len();
        for b in 0..BUCKETS {
            let bucket = &mut self.buckets[b];
            bucket.retain(|e| keep(&e.event));
            self.len += bucket.len();
            self.mins[b] = bucket
                .iter()
                .map(|e| time_of(e.key))
                .min()
                .unwrap_or(u64::MAX);
            if bucket.is_empty() {
                self.unmark(b);
            }
        }
    }
}

#[derive(Clone)]
pub struct EventQueue<E> {
    heap: Radix<E>,
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
            heap: Radix::default(),
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

    /// Whether an event was dropped because memory ran out: the run must
    /// stop (its results past that moment would be missing an event).
    pub fn starved(&self) -> bool {
        self.heap.starved
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

    #[inline]
    pub fn peek_time(&self) -> Option<u64> {
        let lane = (self.first_key != NONE).then(|| time_of(self.first_key));
        match (self.heap.first_time(), lane) {
            (Some(h), Some(l)) => Some(h.min(l)),
            (h, l) => h.or(l),
        }
    }

    /// Whether `next_hint` can give a hint: `HINT_FROM` events or more are
    /// pending.
    #[inline(always)]
    pub fn gives_hints(&self) -> bool {
        self.heap.len >= HINT_FROM
    }

    /// The heap's event most likely to come next (after the lanes' events
    /// due before it): a hint to fetch what it will touch into the cache
    /// early, while the events before it are handled. Never decides
    /// anything. None while fewer than `HINT_FROM` events are pending: what
    /// they touch is in the cache already, and asking would only cost.
    #[inline]
    pub fn next_hint(&self) -> Option<&E> {
        if !self.gives_hints() {
            return None;
        }
        self.heap.first_hint()
    }

    #[inline]
    pub fn pop(&mut self) -> Option<(u64, E)> {
        self.pop_due(u64::MAX)
    }

    /// Pops the next event if it comes at or before `until`.
    #[inline]
    pub fn pop_due(&mut self, until: u64) -> Option<(u64, E)> {
        let lane_key = self.first_key;
        if self.heap.at_last.is_empty() {
            // The radix heap's clock moves only to a time popped next: the
            // heap's earliest, if it is due and no lane event comes before it.
            match self.heap.first_time() {
                Some(t) if t <= until && key_of(t, NORMAL, 0) <= lane_key => self.heap.advance(t),
                _ => {}
            }
        }
        let entry = match self.heap.peek_key() {
            Some(h) if h < lane_key => {
                if time_of(h) > until {
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
        self.heap.retain(&mut keep);
    }

    /// Events waiting, in the heap and the lanes.
    pub fn len(&self) -> usize {
        self.heap.len + self.lanes.iter().filter(|e| e.is_some()).count()
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

#[cfg(test)]
mod against_one_heap {
    //! The radix heap against the plain binary heap over the whole key it
    //! replaced: random pushes (many at the same instant, late-class ones,
    //! reserved places used late), lanes set and cleared, pops up to random
    //! horizons and compactions must give the same events in the same order.
    use super::*;

    /// The old event list: one binary heap over (time, class, sequence).
    #[derive(Default)]
    struct OneHeap {
        heap: BinaryHeap<Entry<u32>>,
        lanes: Vec<Option<u128>>,
        lane_ids: Vec<u32>,
    }

    impl OneHeap {
        fn pop_due(&mut self, until: u64) -> Option<(u64, u32)> {
            let lane = (0..self.lanes.len())
                .filter_map(|i| self.lanes[i].map(|k| (k, i)))
                .min();
            let heap = self.heap.peek().map(|e| e.key);
            match (heap, lane) {
                (Some(h), l) if l.is_none_or(|(k, _)| h < k) => {
                    (time_of(h) <= until).then(|| self.heap.pop().unwrap().event)
                }
                (_, Some((k, i))) => (time_of(k) <= until).then(|| {
                    self.lanes[i] = None;
                    self.lane_ids[i]
                }),
                _ => None,
            }
            .map(|e| (0, e))
        }
    }

    fn rng(seed: u64) -> impl FnMut(u64) -> u64 {
        let mut s = seed;
        move |n| {
            s = s.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = s;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            (z ^ (z >> 31)) % n
        }
    }

    #[test]
    fn pops_what_one_heap_over_the_whole_key_pops() {
        for seed in 0..200 {
            let mut r = rng(seed);
            let mut q = EventQueue::default();
            let mut old = OneHeap {
                lanes: vec![None; 3],
                lane_ids: vec![0; 3],
                ..OneHeap::default()
            };
            let (mut now, mut id, mut popped) = (0u64, 0u32, 0usize);
            // Spreads from ties to times far apart (bits high in the word).
            let spread = [1, 3, 1000, 1 << 20, 1 << 40][r(5) as usize];
            let mut reserved: Vec<u64> = Vec::new();
            for _ in 0..2000 {
                id += 1;
                let at = now + r(spread);
                match r(10) {
                    0..=3 => {
                        let class = if r(8) == 0 { LATE } else { NORMAL };
                        let seq = q.reserve();
                        q.push_reserved(at, class, seq, id);
                        old.heap.push(Entry {
                            key: key_of(at, class, seq),
                            event: id,
                        });
                    }
                    4 => reserved.push(q.reserve()),
                    5 if !reserved.is_empty() => {
                        let seq = reserved.swap_remove(r(reserved.len() as u64) as usize);
                        q.push_reserved(at, NORMAL, seq, id);
                        old.heap.push(Entry {
                            key: key_of(at, NORMAL, seq),
                            event: id,
                        });
                    }
                    6 => {
                        let lane = r(3) as usize;
                        if r(4) == 0 {
                            q.clear_lane(lane);
                            old.lanes[lane] = None;
                        } else {
                            q.set_lane(lane, at, id);
                            // The lane took the sequence just reserved.
                            old.lanes[lane] = Some(key_of(at, NORMAL, q.seq));
                            old.lane_ids[lane] = id;
                        }
                    }
                    7 if r(20) == 0 => {
                        let m = r(3) as u32 + 2;
                        q.retain(|e| e % m != 0);
                        old.heap.retain(|e| e.event % m != 0);
                    }
                    _ => {
                        let until = now + r(spread * 2);
                        for _ in 0..r(4) + 1 {
                            assert_eq!(q.peek_time().is_some(), !q.is_empty());
                            let got = q.pop_due(until);
                            assert_eq!(got.map(|(_, e)| e), old.pop_due(until).map(|(_, e)| e));
                            match got {
                                Some((t, _)) => {
                                    assert!(t >= now && t <= until);
                                    now = t;
                                    popped += 1;
                                }
                                None => {
                                    assert!(q.peek_time().is_none_or(|t| t > until));
                                    // The clock reaches the horizon, as `advance_to` does.
                                    now = until;
                                }
                            }
                        }
                    }
                }
            }
            while let Some((_, e)) = q.pop() {
                assert_eq!(Some(e), old.pop_due(u64::MAX).map(|(_, e)| e));
                popped += 1;
            }
            assert!(old.pop_due(u64::MAX).is_none() && q.is_empty());
            assert!(popped > 500, "seed {seed}: only {popped} popped");
        }
    }
}
