//! The figure of the session (`e`), part of the `App`: what to draw, as a
//! `plot` spec. The screen keeps a bounded history; the figure does not use
//! it: each side is re-run from t = 0 with its scenario, the session's seed
//! and every live change at the moment it was made, up to now, which gives
//! the same run (the simulation is deterministic) at full resolution.

use super::*;
use crate::base::time::{Dur, NANOS_PER_SEC};
use crate::plot::figure::{SideSpec, Spec};
use crate::plot::text;

impl App {
    /// The figure of the session so far; `None` before the first tick ends.
    pub fn figure_spec(&self) -> Option<Spec> {
        let now = self.now();
        if now < self.sides[0].scenario.tick.0.max(1) {
            return None;
        }
        let sides = self
            .sides
            .iter()
            .map(|s| {
                let mut sc = s.scenario.clone();
                sc.seed = self.seed;
                sc.duration = Dur(now);
                let live = s
                    .sim
                    .changes()
                    .iter()
                    .filter(|c| c.live && !c.path.is_empty());
                sc.timeline.extend(live.cloned());
                // Stable: a live change comes after the entries of its instant,
                // as it did on screen (and as a recording replays it).
                sc.timeline.sort_by_key(|c| c.at);
                SideSpec {
                    side: s.side,
                    label: crate::base::escape::escape(&s.label).into_owned(),
                    scenario: sc,
                }
            })
            .collect();
        let name =
            |k: usize| crate::base::escape::escape(&self.sides[k].scenario.name).into_owned();
        let title = if self.comparing() {
            text::comparison_title(&name(0), &name(1))
        } else {
            name(0)
        };
        Some(Spec {
            title: text::session_title(&title, now),
            sides,
        })
    }

    /// `breakwater-<scenario>-<seconds>s`: the start of the figure's file
    /// names (the shell adds `-2`, `-3`… if taken, and the extensions).
    pub fn figure_stem(&self) -> String {
        format!(
            "breakwater-{}-{}s",
            self.sides[0].scenario.slug(),
            self.now() / NANOS_PER_SEC
        )
    }

    /// `e`: the effect that draws the figure, or a word on why not yet.
    pub(super) fn export(&mut self) -> Option<Effect> {
        match self.figure_spec() {
            Some(spec) => {
                self.status = Some(text::exporting());
                Some(Effect::Export {
                    spec: Box::new(spec),
                    stem: self.figure_stem(),
                })
            }
            None => {
                self.status = Some(text::nothing_yet());
                None
            }
        }
    }
}
