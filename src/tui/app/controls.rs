//! The incident keys and the comparison's copy, part of the `App`: changes
//! that act on several paths or several sides at once.

use super::*;

impl App {
    /// Latency ×10 on the selected service, on every side: on unless the
    /// selected side has it on.
    pub(super) fn latency_spike(&mut self) {
        let i = self.selected_service();
        let on = !self.latency_spike_on(i);
        let mut result = Ok(());
        for s in &mut self.sides {
            result = result.and(s.set_latency_spike(i, on));
        }
        self.report(result);
        self.note_path(&format!(
            "services.{}.latency_factor",
            self.selected_service_name()
        ));
    }

    /// Load ×3 on every side: on unless the selected side has it on.
    pub(super) fn load_spike(&mut self) {
        let on = !self.load_spike_on();
        let mut result = Ok(());
        for s in &mut self.sides {
            result = result.and(s.set_load_spike(on));
        }
        self.report(result);
        self.note_path("load.rate");
        self.note_path("load.clients");
    }

    /// `c`: the selected parameter's value on the selected side, set on the
    /// other side too.
    pub(super) fn copy_to_other(&mut self) {
        if !self.comparing() {
            return;
        }
        let fields = self.fields();
        let Some(field) = fields.get(self.selected_field()) else {
            return;
        };
        let Some(value) = self.sim().world().get(&field.path) else {
            self.set_status(t!("status-cannot-read", path = field.path.clone()));
            return;
        };
        let other = (self.selected + 1) % self.sides.len();
        let r = self.sides[other].change(&field.path, value.clone());
        self.report(r);
        if self.status.is_none() {
            self.status = Some(t!(
                "status-copied",
                field = field.label.clone(),
                value = crate::tui::fields::show_value(&value),
                side = self.sides[other].letter()
            ));
        }
    }
}
