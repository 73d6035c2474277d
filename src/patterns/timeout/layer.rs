//! The timeout as a layer: its clock starts on the way in (lazily: most
//! attempts answer first), stops on the way out, and when it fires
//! everything inside it is abandoned.

use crate::base::outcome::Outcome;
use crate::base::time::Dur;
use crate::patterns::layer::{Cx, Engine, Fired, Inward, Layer, Mark, Outward};

/// The timeout's steps in a traced call's story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// It starts its clock.
    Armed { after: Dur },
    /// It fired after `after`: everything inside it is abandoned.
    Fired { after: Dur },
}

pub struct Timeout;

impl Layer for Timeout {
    #[inline]
    fn enter<E: Engine>(cx: &mut Cx, eng: &mut E) -> Inward {
        let at = cx.patterns.timeout.deadline(cx.now);
        if cx.traced {
            let after = Dur(at - cx.now);
            eng.note(Step::Armed { after }.into());
        }
        eng.arm_lazily(at);
        Inward::Pass
    }

    #[inline]
    fn exit<E: Engine>(_cx: &mut Cx, eng: &mut E, _outcome: Outcome) -> Outward {
        eng.disarm();
        Outward::Pass
    }

    #[inline]
    fn timer<E: Engine>(cx: &mut Cx, eng: &mut E) -> Fired {
        // Turned off while armed, it lets the call run on.
        if !cx.patterns.timeout.enabled {
            return Fired::Nothing;
        }
        if cx.traced {
            let after = eng.since(Mark::TimeoutArmed);
            eng.note(Step::Fired { after }.into());
        }
        Fired::Abandon(Outcome::TimedOut)
    }

    #[inline]
    fn abandon<E: Engine>(_cx: &mut Cx, eng: &mut E) {
        eng.disarm();
    }
}
