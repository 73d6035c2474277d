//! The fallback as a layer, where `patterns.order` places it: on the way out
//! it answers the outcomes it covers itself, so the layers outside it see a
//! success (`Outward::Answer`); the engine keeps the cause for the reports.

use crate::base::outcome::Outcome;
use crate::patterns::layer::{Cx, Engine, Inward, Layer, Note, NoteValue, Outward};

pub struct FallbackLayer;

impl Layer for FallbackLayer {
    #[inline]
    fn enter<E: Engine>(_cx: &mut Cx, _eng: &mut E) -> Inward {
        Inward::Pass
    }

    #[inline]
    fn exit<E: Engine>(cx: &mut Cx, eng: &mut E, outcome: Outcome) -> Outward {
        if !cx.patterns.fallback.answers(outcome) {
            return Outward::Pass;
        }
        if cx.traced {
            let note = Note::new("trace-fallback-answers", "fallback_answered")
                .with("outcome", NoteValue::Outcome(outcome));
            eng.note(note.into());
        }
        Outward::Answer(Outcome::Ok)
    }

    #[inline]
    fn abandon<E: Engine>(_cx: &mut Cx, _eng: &mut E) {}
}
