//! Recording a session, part of the `App`: what a recording writes (one
//! file, or one per side of a comparison) and where by default.

use super::*;

impl App {
    /// The text of a recording of this run so far: the scenario plus every
    /// live change since t = 0 (a replay starts at t = 0, so a recording
    /// started late still needs the earlier changes to be exact).
    pub fn recording_text(&self) -> String {
        self.sides[0].recording_text(self.seed)
    }

    /// What a recording to `path` writes: alone, the file itself; in a
    /// comparison one file per side (`rec-a.toml`, `rec-b.toml`), each an
    /// ordinary scenario with that side's overrides and live changes, so
    /// `breakwater compare rec-a.toml rec-b.toml` replays both sides exactly.
    pub fn recording_files(&self, path: &str) -> Vec<(String, String)> {
        if !self.comparing() {
            return vec![(path.to_string(), self.recording_text())];
        }
        let (stem, ext) = match path.rsplit_once('.') {
            Some((stem, ext)) if !stem.is_empty() && !ext.contains('/') => (stem, ext),
            _ => (path, "toml"),
        };
        self.sides
            .iter()
            .map(|s| {
                let letter = s.letter().to_ascii_lowercase();
                (
                    format!("{stem}-{letter}.{ext}"),
                    s.recording_text(self.seed),
                )
            })
            .collect()
    }

    /// The effect that writes a recording to `path`.
    pub(super) fn save(&self, path: String) -> Effect {
        if self.comparing() {
            Effect::SaveAll(self.recording_files(&path))
        } else {
            Effect::Save {
                text: self.recording_text(),
                path,
            }
        }
    }

    /// `breakwater-recording-<scenario>.toml`, in the current directory.
    pub fn default_recording_path(&self) -> String {
        format!(
            "breakwater-recording-{}.toml",
            self.sides[0].scenario.slug()
        )
    }
}
