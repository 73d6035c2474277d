//! `breakwater sweep`: one independent deterministic run per cell of a grid
//! of `--set`s, read through one metric; the map of where a configuration
//! is safe (e.g. the load and retries for which a retry storm ends).
//!
//! A shell like `report`: `axis` reads `--vary`, `grid` makes and checks the
//! cells, `memory` says what one may take, `cell` runs one, `stats` gives
//! the interval over seeds, `csv` writes and reads rows (for `--resume` and
//! shards), `table` and `chart` are what a person reads, `text` holds every
//! sentence they read. The command (threads, progress bar, Ctrl-C, the
//! memory available) is `cli/sweep.rs` of the binary.

pub mod axis;
pub mod cell;
pub mod chart;
pub mod csv;
pub mod figure;
pub mod grid;
pub mod memory;
pub mod stats;
pub mod table;
pub mod text;

use crate::base::time::Dur;
use cell::Measure;
use grid::Grid;

/// What a sweep is, as the command line said it: enough to name each
/// cell's command and to recognise its rows in a CSV.
#[derive(Clone, Debug)]
pub struct Sweep {
    /// The scenario as given (a built-in name or a path).
    pub spec: String,
    /// The scenario's name (`name = …`).
    /// The scenario's name in its languages (JSON uses `.en()`).
    pub name: crate::base::localised::Localised,
    /// The side run, for a scenario that declares variants (`a` or `b`).
    pub variant: Option<&'static str>,
    /// The fixed `--set`s, in order.
    pub fixed: Vec<String>,
    pub grid: Grid,
    pub measure: Measure,
    /// `all` or the service's name.
    pub service: String,
    /// The first seed, and whether `--seed` gave it.
    pub seed: u64,
    pub seed_given: bool,
    pub seeds: u64,
    pub duration: Option<Dur>,
}

impl Sweep {
    /// The command that opens cell `index` in the dashboard.
    pub fn command(&self, index: usize) -> String {
        let mut words = vec!["breakwater".to_string(), shell_word(&self.spec)];
        if let Some(v) = self.variant {
            words.push(format!("--variant {v}"));
        }
        for set in self.fixed.iter().chain(&self.grid.sets(index)) {
            words.push(format!("--set {}", shell_word(set)));
        }
        if self.seed_given || self.seeds > 1 {
            words.push(format!("--seed {}", self.seed));
        }
        words.join(" ")
    }
}

/// `w` as one shell word: as it is when it is plain, else in single quotes.
pub fn shell_word(w: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_./:=,+-@%".contains(c);
    if !w.is_empty() && w.chars().all(plain) {
        w.to_string()
    } else {
        format!("'{}'", w.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_quoted_only_when_needed() {
        assert_eq!(shell_word("load.rate=20"), "load.rate=20");
        assert_eq!(shell_word("x=\"2s\""), "'x=\"2s\"'");
        assert_eq!(shell_word("it's"), r"'it'\''s'");
        assert_eq!(shell_word("my file.toml"), "'my file.toml'");
    }
}
