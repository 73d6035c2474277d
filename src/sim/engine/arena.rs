//! The calls in flight, in slots reused as calls finish: a call is named by
//! its slot (`u32`) everywhere in the engine, and the slot's generation tells
//! a finished call's late events from the new call's.

use super::Call;
use std::ops::{Index, IndexMut};

/// The arena of calls (and forked copies) and how many calls are in flight.
#[derive(Clone, Default)]
pub(super) struct Arena {
    calls: Vec<Call>,
    free: Vec<u32>,
    /// Calls started and not finished (copies not included).
    in_flight: usize,
}

impl Arena {
    /// Puts a new call (or copy) in a free slot, or a new one. Generations
    /// and tickets keep counting across a slot's calls: a bulkhead waiter
    /// left behind by the previous call in this slot must not match a timer
    /// of the new one.
    #[inline]
    pub(super) fn place(&mut self, call: Call) -> u32 {
        match self.free.pop() {
            Some(i) => {
                let old = &self.calls[i as usize];
                let (gen, next_ticket) = (old.gen.wrapping_add(1), old.timers.next_ticket);
                self.calls[i as usize] = Call {
                    gen,
                    timers: super::Timers {
                        next_ticket,
                        ..Default::default()
                    },
                    ..call
                };
                i
            }
            None => {
                self.calls.push(Call { gen: 0, ..call });
                self.calls.len() as u32 - 1
            }
        }
    }

    /// Whether there is room for one more call: a free slot, or the table
    /// grown — fallibly, so a table that cannot grow stops the run (a
    /// limit) instead of aborting the program. The free list keeps room
    /// for every slot, so releasing never allocates.
    #[inline]
    pub(super) fn has_room(&mut self) -> bool {
        if !self.free.is_empty() || self.calls.len() < self.calls.capacity() {
            return true;
        }
        self.grow(1).is_ok()
    }

    /// Reserves room for `calls` calls in flight at once, or says it
    /// cannot.
    pub(super) fn reserve(
        &mut self,
        calls: usize,
    ) -> Result<(), std::collections::TryReserveError> {
        self.grow(calls.saturating_sub(self.calls.len()))
    }

    fn grow(&mut self, more: usize) -> Result<(), std::collections::TryReserveError> {
        self.calls.try_reserve(more)?;
        let slots = self.calls.capacity();
        self.free.try_reserve(slots.saturating_sub(self.free.len()))
    }

    /// Frees slot `id`: its events turn stale (the generation moves on).
    #[inline]
    pub(super) fn release(&mut self, id: u32) {
        let call = &mut self.calls[id as usize];
        call.live = false;
        call.gen = call.gen.wrapping_add(1);
        self.free.push(id);
    }

    /// Brings slot `id` into the cache ahead of its use (a hint only).
    #[inline(always)]
    pub(super) fn prefetch(&self, id: u32) {
        if let Some(call) = self.calls.get(id as usize) {
            crate::sim::prefetch::prefetch(call);
        }
    }

    /// Every slot, for the layers that look up their parked calls.
    pub(super) fn slots(&self) -> &[Call] {
        &self.calls
    }

    /// Calls started and not finished.
    pub(super) fn in_flight(&self) -> usize {
        self.in_flight
    }

    pub(super) fn started(&mut self) {
        self.in_flight += 1;
    }

    pub(super) fn finished(&mut self) {
        self.in_flight -= 1;
    }
}

impl Index<u32> for Arena {
    type Output = Call;
    #[inline(always)]
    fn index(&self, id: u32) -> &Call {
        &self.calls[id as usize]
    }
}

impl IndexMut<u32> for Arena {
    #[inline(always)]
    fn index_mut(&mut self, id: u32) -> &mut Call {
        &mut self.calls[id as usize]
    }
}
