//! Key `t`, part of the `App`: the story of the selected service's next
//! call, computed at once on a copy of each side's world run ahead, so the
//! dashboard itself does not move. In a comparison the same call (the same
//! index among the service's calls, so the same luck) on both sides.

use super::*;
use crate::sim::trace::{CallTrace, TraceFrom, TraceRequest};

/// Events a copy may run to finish the traced call: a fraction of a second.
const TRACE_EVENTS: u64 = 2_000_000;

/// One side's traced call.
#[derive(Clone, Debug)]
pub struct SideTrace {
    /// `None` when no call of the service arrived before the end.
    pub trace: Option<CallTrace>,
    /// Where the copy's clock stopped (the end, when the call is unfinished).
    pub reached: SimTime,
}

/// The trace overlay's content.
#[derive(Clone, Debug)]
pub struct TraceView {
    pub service: usize,
    /// The dashboard's time when `t` was pressed.
    pub at: SimTime,
    /// One per side.
    pub sides: Vec<SideTrace>,
}

impl App {
    pub fn trace_view(&self) -> Option<&TraceView> {
        self.trace.as_ref()
    }

    /// Traces the next call of the selected service on a copy of each side.
    pub(super) fn open_trace(&mut self) {
        let (service, at) = (self.selected_service(), self.now());
        let mut index = None;
        let mut sides = Vec::new();
        for s in &self.sides {
            let mut copy = s.sim.clone();
            copy.measure_ticks(false);
            copy.trace(TraceRequest {
                service,
                from: index.map_or(TraceFrom::Time(at), TraceFrom::Index),
                calls: 1,
            });
            let mut budget = TRACE_EVENTS;
            while !copy.traces_complete() && !copy.is_finished() && budget > 0 {
                copy.advance_within(copy.end(), 20_000, &mut |_| {});
                budget = budget.saturating_sub(20_000);
            }
            let trace = copy.take_traces(true).into_iter().next();
            index = index.or(trace.as_ref().map(|t| t.index));
            sides.push(SideTrace {
                trace,
                reached: copy.now(),
            });
        }
        self.trace = Some(TraceView { service, at, sides });
    }
}
