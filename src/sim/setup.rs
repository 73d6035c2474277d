//! What a run starts from, as the simulation sees it: the world at t = 0, its
//! timeline, how long it runs, how finely it is measured and its seed. A
//! trait, so that the simulation need not know the file format that
//! `scenario::Scenario` reads (it implements this).

use crate::base::time::Dur;
use crate::sim::world::{Change, World};

pub trait Setup {
    fn world(&self) -> &World;
    /// Changes to make during the run, sorted by time.
    fn timeline(&self) -> &[Change];
    fn duration(&self) -> Dur;
    /// The length of one measurement tick.
    fn tick(&self) -> Dur;
    fn seed(&self) -> u64;
}
