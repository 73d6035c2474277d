//! Keys `t` and `T`, part of the `App`: the story of the selected service's
//! next call (`t`), or of the next call of a kind the lesson talks about, or
//! call #N (`T`'s menu), computed at once on a copy of each side's world run
//! ahead, so the dashboard itself does not move. In a comparison the same
//! call (the same index among the service's calls, so the same luck) on both
//! sides: the side edits go to finds it, the other follows it.

use super::*;
use crate::sim::trace::{CallTrace, TraceFrom, TraceRequest, Where, LOOK_AHEAD};

/// Events a copy may run to finish the traced call: a fraction of a second.
const TRACE_EVENTS: u64 = 2_000_000;

/// Events a copy may run looking for a call of a kind: a few seconds at
/// most, so that the dashboard answers; where it stops is said.
const SEARCH_EVENTS: u64 = 30_000_000;

/// The trace menu's items: every kind, then call #N.
pub const MENU_ITEMS: usize = Where::ALL.len() + 1;

/// The most digits a call number takes.
const MAX_DIGITS: usize = 12;

/// What the trace menu (`T`) traces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TraceChoice {
    /// The next call of this kind from now on.
    Kind(Where),
    /// Call #N of the service.
    Call(u64),
}

/// The trace menu while open: the item chosen and the call number typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TraceMenu {
    pub selected: usize,
    pub digits: String,
}

impl TraceMenu {
    /// What item `i` traces (`None`: call #N with no number typed yet).
    pub fn choice(&self, i: usize) -> Option<TraceChoice> {
        match Where::ALL.get(i) {
            Some(kind) => Some(TraceChoice::Kind(*kind)),
            None => self.digits.parse().ok().map(TraceChoice::Call),
        }
    }
}

/// Why a side shows no call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    /// The scenario ended first.
    End,
    /// None in the look-ahead (ten minutes from `from`).
    LookAhead { from: SimTime },
    /// The search stopped at the copy's time (its budget of events).
    Budget,
    /// Call #N had already arrived; the next one is `next`.
    Passed { next: u64 },
}

/// One side's traced call.
#[derive(Clone, Debug)]
pub struct SideTrace {
    /// `None` when no call was found (`missing` says why).
    pub trace: Option<CallTrace>,
    /// Where the copy's clock stopped (the end, when the call is unfinished).
    pub reached: SimTime,
    pub missing: Missing,
}

/// The trace overlay's content.
#[derive(Clone, Debug)]
pub struct TraceView {
    pub service: usize,
    /// The dashboard's time when `t` (or the menu's choice) was pressed.
    pub at: SimTime,
    /// What the menu asked for (`None`: `t`, the next call).
    pub choice: Option<TraceChoice>,
    /// One per side.
    pub sides: Vec<SideTrace>,
}

impl App {
    pub fn trace_view(&self) -> Option<&TraceView> {
        self.trace.as_ref()
    }

    pub fn trace_menu(&self) -> Option<&TraceMenu> {
        self.menu.as_ref()
    }

    /// Traces the next call of the selected service on a copy of each side.
    pub(super) fn open_trace(&mut self) {
        self.trace_on_copies(None);
    }

    /// `T`: opens the menu (over the trace overlay, which it replaces).
    pub(super) fn open_trace_menu(&mut self) {
        self.trace = None;
        self.menu = Some(TraceMenu::default());
    }

    pub(super) fn menu_step(&mut self, down: bool) {
        if let Some(m) = self.menu.as_mut() {
            m.selected = if down {
                (m.selected + 1) % MENU_ITEMS
            } else {
                (m.selected + MENU_ITEMS - 1) % MENU_ITEMS
            };
        }
    }

    /// A digit typed: it goes to the call number, which it selects.
    pub(super) fn menu_digit(&mut self, key: &Key) {
        let (Some(m), crate::tui::input::KeyCode::Char(c)) = (self.menu.as_mut(), key.code) else {
            return;
        };
        if c.is_ascii_digit() && m.digits.len() < MAX_DIGITS {
            m.digits.push(c);
            m.selected = MENU_ITEMS - 1;
        }
    }

    pub(super) fn menu_erase(&mut self) {
        if let Some(m) = self.menu.as_mut() {
            m.digits.pop();
        }
    }

    /// Enter: traces what the selected item says and closes the menu (call
    /// #N with no number yet keeps it open).
    pub(super) fn menu_choose(&mut self) {
        let Some(m) = &self.menu else {
            return;
        };
        if let Some(choice) = m.choice(m.selected) {
            self.menu = None;
            self.trace_on_copies(Some(choice));
        }
    }

    /// The trace, on a copy of each side: the side edits go to first (it
    /// finds the call), then the others follow the same call by its index.
    fn trace_on_copies(&mut self, choice: Option<TraceChoice>) {
        let (service, at) = (self.selected_service(), self.now());
        let mut order: Vec<usize> = (0..self.sides.len()).collect();
        if choice.is_some() {
            order.sort_by_key(|&k| k != self.selected);
        }
        let mut found: Option<(u64, Missing)> = None;
        let mut sides: Vec<(usize, SideTrace)> = Vec::new();
        for k in order {
            let mut copy = self.sides[k].sim.clone();
            copy.measure_ticks(false);
            let side = match found {
                None => search(&mut copy, service, at, choice),
                Some((index, _)) if choice.is_none() => follow_next(&mut copy, service, at, index),
                Some((index, missing)) => match follow(&mut copy, service, index) {
                    side if side.trace.is_some() => side,
                    side => SideTrace { missing, ..side },
                },
            };
            if found.is_none() {
                let index = side.trace.as_ref().map_or(u64::MAX, |t| t.index);
                found = Some((index, side.missing));
            }
            sides.push((k, side));
        }
        sides.sort_by_key(|(k, _)| *k);
        self.trace = Some(TraceView {
            service,
            at,
            choice,
            sides: sides.into_iter().map(|(_, s)| s).collect(),
        });
    }
}

/// Runs `copy` until the trace is complete, the end, or `budget` events.
fn run(copy: &mut Simulation, budget: u64, mut more: impl FnMut(&Simulation) -> bool) {
    let mut budget = budget;
    while !copy.traces_complete() && !copy.is_finished() && budget > 0 && more(copy) {
        copy.advance_within(copy.end(), 20_000, &mut |_| {});
        budget = budget.saturating_sub(20_000);
    }
}

/// The first side: finds the call the choice asks for.
fn search(
    copy: &mut Simulation,
    service: usize,
    at: SimTime,
    choice: Option<TraceChoice>,
) -> SideTrace {
    let request = |from, calls| TraceRequest {
        service,
        from,
        calls,
    };
    let missing = match choice {
        None => {
            copy.trace(request(TraceFrom::Time(at), 1));
            run(copy, TRACE_EVENTS, |_| true);
            Missing::End
        }
        Some(TraceChoice::Kind(kind)) => {
            copy.trace_where(request(TraceFrom::Time(at), 1), kind, LOOK_AHEAD);
            run(copy, SEARCH_EVENTS, |_| true);
            if copy.trace_window_closed() {
                Missing::LookAhead { from: at }
            } else if copy.is_finished() {
                Missing::End
            } else {
                Missing::Budget
            }
        }
        Some(TraceChoice::Call(n)) => {
            // Call #N may be far off: look for it ten minutes, as for a kind.
            let until = at.saturating_add(LOOK_AHEAD.0);
            copy.trace(request(TraceFrom::Index(n), 1));
            run(copy, SEARCH_EVENTS, |c| {
                c.now() <= until || c.traces_in_flight() > 0
            });
            if copy.is_finished() {
                Missing::End
            } else if copy.now() > until {
                Missing::LookAhead { from: at }
            } else {
                Missing::Budget
            }
        }
    };
    let trace = copy.take_traces(true).into_iter().next();
    match (trace, choice) {
        // Call #N had arrived before now: the copy found a later one.
        (Some(t), Some(TraceChoice::Call(n))) if t.index != n => SideTrace {
            trace: None,
            reached: copy.now(),
            missing: Missing::Passed { next: t.index },
        },
        (trace, _) => SideTrace {
            trace,
            reached: copy.now(),
            missing,
        },
    }
}

/// `t` on another side: the same call by its index, or (none found on
/// the first side) the next call from the same time.
fn follow_next(copy: &mut Simulation, service: usize, at: SimTime, index: u64) -> SideTrace {
    let from = if index == u64::MAX {
        TraceFrom::Time(at)
    } else {
        TraceFrom::Index(index)
    };
    copy.trace(TraceRequest {
        service,
        from,
        calls: 1,
    });
    run(copy, TRACE_EVENTS, |_| true);
    SideTrace {
        trace: copy.take_traces(true).into_iter().next(),
        reached: copy.now(),
        missing: Missing::End,
    }
}

/// Another side: the same call, by its index.
fn follow(copy: &mut Simulation, service: usize, index: u64) -> SideTrace {
    if index != u64::MAX {
        copy.trace(TraceRequest {
            service,
            from: TraceFrom::Index(index),
            calls: 1,
        });
        run(copy, SEARCH_EVENTS, |_| true);
    }
    let trace = copy
        .take_traces(true)
        .into_iter()
        .next()
        .filter(|t| t.index == index);
    SideTrace {
        trace,
        reached: copy.now(),
        missing: Missing::End,
    }
}
