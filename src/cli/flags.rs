//! The flags several commands share, each declared once and flattened
//! (`#[command(flatten)]`) where a command takes it, so its name, value,
//! parser and message are one. Their help is the catalogue's (`text.rs`),
//! found by the flag's id: `cli-<command>-<flag>`, else `cli-arg-<flag>`.
//! `--lang` is the program's, global, read before parsing (`text.rs`).

use super::values::{parse_dur_arg, parse_seed, parse_side};
use breakwater::base::time::Dur;
use breakwater::scenario::variants::Side;
use breakwater::scenario::Scenario;
use breakwater::sim::estimate::estimate;

/// `--set PATH=VALUE` (repeatable): changes at t = 0.
#[derive(clap::Args, Clone, Default, Debug)]
pub struct Sets {
    #[arg(long = "set", value_name = "PATH=VALUE")]
    pub set: Vec<String>,
}

/// `--set-a` / `--set-b` (repeatable): changes at t = 0 on one side of a
/// comparison.
#[derive(clap::Args, Clone, Default, Debug)]
pub struct SideSets {
    #[arg(long = "set-a", value_name = "PATH=VALUE")]
    pub set_a: Vec<String>,
    #[arg(long = "set-b", value_name = "PATH=VALUE")]
    pub set_b: Vec<String>,
}

/// `--variant a|b`: one side of a scenario that declares `[variants]`.
#[derive(clap::Args, Clone, Copy, Default, Debug)]
pub struct Variant {
    #[arg(long, value_name = "a|b", value_parser = parse_side)]
    pub variant: Option<Side>,
}

/// `--seed N`: this seed instead of the scenario's.
#[derive(clap::Args, Clone, Copy, Default, Debug)]
pub struct Seed {
    #[arg(long, value_parser = parse_seed)]
    pub seed: Option<u64>,
}

/// `--duration D`: simulate this long instead of the scenario's duration.
#[derive(clap::Args, Clone, Copy, Default, Debug)]
pub struct Duration {
    #[arg(long, value_parser = parse_dur_arg)]
    pub duration: Option<Dur>,
}

impl Duration {
    /// Gives `s` the asked duration, unless the run would exceed a limit
    /// (then the message, naming the flag).
    pub fn fit(&self, s: &mut Scenario) -> Result<(), String> {
        if let Some(d) = self.duration {
            if let Some(message) = estimate(&s.world, &s.timeline, d).excess() {
                return Err(format!("--duration {d}: {}", message.said()));
            }
            s.duration = d;
        }
        Ok(())
    }
}

/// `--quiet`: no progress, neither the bar nor the plain lines;
/// `--progress`: the plain lines, every 5 s, wherever stderr goes.
#[derive(clap::Args, Clone, Copy, Default, Debug)]
pub struct Quiet {
    #[arg(long)]
    pub quiet: bool,
    #[arg(long, conflicts_with = "quiet")]
    pub progress: bool,
}
