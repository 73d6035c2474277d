//! What the dashboard looks at, part of the `App` and pure like it: the
//! selected service and field, the focused panel, zoom, help and the time
//! window. It owns its fields; the `App` hands it the counts it cycles
//! through (services, fields), which come from the world.

use super::PanelId;
use crate::tui::history::Window;

/// The selection and the navigation state.
#[derive(Clone, Debug, Default)]
pub(super) struct Selection {
    service: usize,
    field: usize,
    focus: usize,
    zoom: bool,
    help: bool,
    /// The window of time every time-series panel shows (`w`).
    window: Window,
}

/// `i` one step forward (or back) in a cycle of `n`.
fn step(i: usize, n: usize, forward: bool) -> usize {
    let n = n.max(1);
    if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    }
}

impl Selection {
    pub(super) fn service(&self) -> usize {
        self.service
    }

    /// The selected field among `count`, kept in range (the list follows
    /// the service).
    pub(super) fn field(&self, count: usize) -> usize {
        self.field.min(count.saturating_sub(1))
    }

    pub(super) fn focus(&self) -> PanelId {
        PanelId::ALL[self.focus % PanelId::ALL.len()]
    }

    pub(super) fn zoomed(&self) -> bool {
        self.zoom
    }

    pub(super) fn help_open(&self) -> bool {
        self.help
    }

    pub(super) fn window(&self) -> Window {
        self.window
    }

    /// The next (or previous) of `services` services.
    pub(super) fn step_service(&mut self, services: usize, forward: bool) {
        self.service = step(self.service, services, forward);
    }

    /// The next (or previous) of `fields` fields.
    pub(super) fn step_field(&mut self, fields: usize, forward: bool) {
        self.field = step(self.field(fields), fields, forward);
    }

    /// The next (or previous) panel in focus order.
    pub(super) fn step_focus(&mut self, forward: bool) {
        self.focus = step(self.focus, PanelId::ALL.len(), forward);
    }

    pub(super) fn toggle_zoom(&mut self) {
        self.zoom = !self.zoom;
    }

    pub(super) fn toggle_help(&mut self) {
        self.help = !self.help;
    }

    pub(super) fn close_help(&mut self) {
        self.help = false;
    }

    /// The next window; the one now shown.
    pub(super) fn cycle_window(&mut self) -> Window {
        self.window = self.window.next();
        self.window
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selections_cycle_both_ways() {
        let mut s = Selection::default();
        s.step_service(3, false);
        assert_eq!(s.service(), 2);
        s.step_service(3, true);
        assert_eq!(s.service(), 0);
        s.step_focus(false);
        assert_eq!(s.focus(), PanelId::Events);
        s.step_focus(true);
        assert_eq!(s.focus(), PanelId::Breaker);
    }

    #[test]
    fn a_field_past_a_shorter_list_is_its_last() {
        let mut s = Selection::default();
        for _ in 0..5 {
            s.step_field(9, true);
        }
        assert_eq!(s.field(9), 5);
        assert_eq!(s.field(3), 2);
        s.step_field(3, true);
        assert_eq!(s.field(3), 0);
    }
}
