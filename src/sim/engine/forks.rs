//! Copies of a call that a layer forks (`patterns::layer::Engine::fork`):
//! a hedged attempt runs from the layer inward as a call of its own in the
//! arena, with its own draws (`StreamKey::fork`), and its result goes back to
//! the layer (`Layer::joined`) instead of outward. It is not a call of the
//! service: it starts no call count, holds no caller thread and records no
//! latency; its attempts reach the downstream like any other.

use super::*;
use crate::patterns::layer::Fired;

/// The copies running: by the slot of the call they answer to, and what
/// each answers to by its own slot.
#[derive(Clone, Default)]
pub(super) struct Forks {
    pub(super) children: std::collections::HashMap<u32, Vec<u32>>,
    pub(super) parents: std::collections::HashMap<u32, Fork>,
}

impl Simulation {
    /// Starts copy `n` of call `id` from the layer below `depth` (deferred,
    /// after the walk that asked for it).
    pub(super) fn fork(&mut self, id: u32, depth: usize, n: u32) {
        if !self.arena.has_room() {
            self.out_of_memory();
            return;
        }
        let parent = self.arena[id];
        let child = Call {
            live: true,
            client: NO_CLIENT,
            holds_thread: false,
            entered: 0,
            job: None,
            timers: Timers {
                next_ticket: 1,
                ..Timers::default()
            },
            fork: n.clamp(1, u8::MAX as u32) as u8,
            answered: None,
            ..parent
        };
        let slot = self.arena.place(child);
        self.forks.children.entry(id).or_default().push(slot);
        let fork = Fork {
            parent: id,
            parent_gen: parent.gen,
            depth: depth as u8,
            n: n.clamp(1, u8::MAX as u32) as u8,
        };
        self.forks.parents.insert(slot, fork);
        if parent.traced {
            self.trace_fork(slot, id, n);
        }
        let gen = self.arena[slot].gen;
        self.deferred.agenda.push_back(Step::Enter {
            call: slot,
            gen,
            depth: depth as u8 + 1,
        });
    }

    /// Abandons the copies of call `id` still running: everything inside the
    /// layer that forked them, then the copies themselves.
    pub(super) fn abandon_forks(&mut self, id: u32) {
        let Some(children) = self.forks.children.remove(&id) else {
            return;
        };
        for child in children {
            let Some(f) = self.forks.parents.get(&child).copied() else {
                continue;
            };
            if !self.arena[child].live || f.parent != id {
                continue;
            }
            self.abandon_inside(child, f.depth as usize);
            self.free_fork(child);
        }
    }

    /// A copy's result reached the layer that forked it.
    pub(super) fn join(&mut self, child: u32, outcome: Outcome) {
        let Some(f) = self.forks.parents.get(&child).copied() else {
            return;
        };
        let (id, depth, copy) = (f.parent, f.depth as usize, f.n as u32);
        let answered = self.arena[child].answered;
        if let Some(list) = self.forks.children.get_mut(&id) {
            list.retain(|&x| x != child);
            if list.is_empty() {
                self.forks.children.remove(&id);
            }
        }
        self.free_fork(child);
        let p = &self.arena[id];
        if !p.live || p.gen != f.parent_gen || p.entered & (1 << depth) == 0 {
            return;
        }
        let s = p.service as usize;
        let kind = self.order[depth];
        let (fired, f) = self.hook(id, depth, |cx, e| {
            registry::joined(kind, cx, e, copy, outcome)
        });
        // The copy's answer is the call's: so is what it stood in for.
        if let Fired::Exit(Outcome::Ok) | Fired::Abandon(Outcome::Ok) = fired {
            let p = &mut self.arena[id];
            p.answered = p.answered.or(answered);
        }
        self.follow_up(id, s, depth, f);
        self.fired(id, depth, fired);
    }

    /// Frees a copy's slot (its story, if traced, ends with it).
    fn free_fork(&mut self, child: u32) {
        self.forks.parents.remove(&child);
        if self.arena[child].traced {
            self.untrace_fork(child);
        }
        self.arena[child].job = None;
        self.arena.release(child);
    }
}
