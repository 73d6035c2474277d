//! Saying what a key did, part of the `App`: a refused change in the
//! footer, and while a zoomed panel hides the Parameters panel, each change
//! or new selection too, since nothing else on screen shows it.

use super::*;

impl App {
    /// Whether the panels that show the selection and the parameters are
    /// hidden (a zoomed panel other than Parameters).
    pub(super) fn parameters_hidden(&self) -> bool {
        self.zoomed() && self.focus() != PanelId::Parameters
    }

    /// While a zoom hides the Parameters panel, a change made with a key is
    /// said in the footer, since nothing else on screen shows it.
    pub(super) fn note_change(&mut self, path: &str, value: &toml::Value) {
        if self.status.is_none() && self.parameters_hidden() {
            self.status = Some(t!(
                "status-zoomed-change",
                path = crate::tui::fields::short_path(path),
                value = crate::tui::fields::show_value(value)
            ));
        }
    }

    /// As `note_change`, with the value `path` has now (an incident key
    /// changes it through the side).
    pub(super) fn note_path(&mut self, path: &str) {
        if let Some(v) = self.sim().world().get(path) {
            self.note_change(path, &v);
        }
    }

    /// While a zoom hides the Parameters panel, a new selection is said.
    pub(super) fn note_selection(&mut self) {
        if !self.parameters_hidden() {
            return;
        }
        let field = self
            .fields()
            .get(self.selected_field())
            .map(|f| f.label.clone())
            .unwrap_or_default();
        self.status = Some(t!(
            "status-zoomed-selection",
            service = self.selected_service_name().to_string(),
            field = field
        ));
    }

    pub(super) fn report(&mut self, r: Result<(), String>) {
        match r {
            Ok(()) => self.status = None,
            Err(e) => self.status = Some(t!("status-refused", reason = e.to_string())),
        }
    }
}
