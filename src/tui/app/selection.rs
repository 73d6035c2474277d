//! What the dashboard looks at, part of the `App` and pure like it: the
//! selected service and field, the focused panel, zoom, help and the time
//! window. It owns its fields; the `App` hands it the counts it cycles
//! through (services, fields), which come from the world.

use super::PanelId;
use crate::tui::history::Window;
use crate::tui::keys::Scroll;
use std::cell::Cell;

/// The selection and the navigation state.
#[derive(Clone, Debug, Default)]
pub(super) struct Selection {
    service: usize,
    field: usize,
    focus: usize,
    zoom: bool,
    help: bool,
    /// The help's first row on screen (its scroll).
    help_top: usize,
    /// What the last frame of the help could show: its largest first row
    /// and the rows of a page (the help's drawing says it, since only it
    /// knows the screen), so a scroll key stays within what is drawn.
    help_drawn: Cell<Option<(usize, usize)>>,
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

    /// Opens the help on its first page (the lesson), or closes it.
    pub(super) fn toggle_help(&mut self) {
        self.help = !self.help;
        self.help_top = 0;
    }

    /// The help's first row on screen, as asked (the drawing keeps it
    /// within the text).
    pub(super) fn help_top(&self) -> usize {
        self.help_top
    }

    /// What the help's drawing could show: its largest first row and a
    /// page's rows.
    pub(super) fn help_drawn(&self, max_top: usize, page: usize) {
        self.help_drawn.set(Some((max_top, page.max(1))));
    }

    /// Moves the help by a line, a page, or to an end.
    pub(super) fn scroll_help(&mut self, s: Scroll) {
        let (max, page) = self.help_drawn.get().unwrap_or((usize::MAX, 1));
        let top = self.help_top.min(max);
        self.help_top = match s {
            Scroll::LineUp => top.saturating_sub(1),
            Scroll::LineDown => top.saturating_add(1).min(max),
            Scroll::PageUp => top.saturating_sub(page),
            Scroll::PageDown => top.saturating_add(page).min(max),
            Scroll::Top => 0,
            Scroll::Bottom => max,
        };
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

    #[test]
    fn the_help_scrolls_within_what_was_drawn() {
        let mut s = Selection::default();
        s.toggle_help();
        s.help_drawn(25, 10);
        s.scroll_help(Scroll::LineUp);
        assert_eq!(s.help_top(), 0);
        s.scroll_help(Scroll::PageDown);
        s.scroll_help(Scroll::LineDown);
        assert_eq!(s.help_top(), 11);
        s.scroll_help(Scroll::PageDown);
        s.scroll_help(Scroll::PageDown);
        assert_eq!(s.help_top(), 25);
        s.scroll_help(Scroll::LineUp);
        assert_eq!(s.help_top(), 24);
        s.scroll_help(Scroll::Bottom);
        s.scroll_help(Scroll::PageUp);
        assert_eq!(s.help_top(), 15);
        s.scroll_help(Scroll::Top);
        assert_eq!(s.help_top(), 0);
        s.scroll_help(Scroll::Bottom);
        s.toggle_help();
        s.toggle_help();
        assert_eq!(s.help_top(), 0, "the help opens on its first page");
    }
}
