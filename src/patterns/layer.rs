//! What a layer's hooks see of the engine, and what they tell its walk.
//!
//! The engine (`sim::engine::trip`) walks the enabled layers of a call by
//! depth and, at each, calls one hook through the registry (`registry::enter`,
//! `exit`, `timer`, `abandon`): it never names a pattern. A hook gets the
//! call's and the service's pattern state (`Cx`) and the engine's services
//! for this call at this layer (`Engine`: timers, counts, draws, trace), does
//! what its pattern does, and answers what the walk does next (`Inward`,
//! `Outward`, `Fired`). `patterns` may not name `sim`, so the engine is a
//! trait here that `sim` implements.

use super::bulkhead::Waiter;
use super::circuit_breaker::Transition;
use super::registry::{CallLayers, ServiceLayers};
use super::PatternSet;
use crate::base::outcome::Outcome;
use crate::base::time::{Dur, SimTime};

/// One call at one layer, as a hook sees it.
pub struct Cx<'a> {
    /// The service's patterns (configuration).
    pub patterns: &'a PatternSet,
    /// The call's per-layer state.
    pub call: &'a mut CallLayers,
    /// The service's per-layer runtime.
    pub service: &'a mut ServiceLayers,
    pub now: SimTime,
    /// The call's story is being recorded: `Engine::note` is worth calling.
    pub traced: bool,
}

/// What the walk does after a layer saw the request going inward.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inward {
    /// Entered: on to the next layer inward.
    Pass,
    /// Entered, and waiting on this layer's timer (armed by the hook).
    Park,
    /// Not entered: the result travels outward from here.
    Stop(Outcome),
}

/// What the walk does after a layer saw the result going outward.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outward {
    /// The layer let go of the call: on outward.
    Pass,
    /// The layer keeps the call, waiting on its timer (armed by the hook),
    /// and will send it inward again when it fires.
    Park,
}

/// What the walk does when a layer's timer fired.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fired {
    /// Nothing (the layer let the timer pass).
    Nothing,
    /// Inward again, from the next layer.
    Reenter,
    /// The layer lets go of the call with this outcome, outward.
    Exit(Outcome),
    /// Everything inside the layer is abandoned, then as `Exit`.
    Abandon(Outcome),
}

/// A count the engine keeps for the service.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    /// An attempt started.
    Attempt,
    /// An attempt after the first started.
    Retry,
    /// An attempt ended so.
    AttemptOutcome(Outcome),
}

/// The times a traced call's later steps are measured from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Its current attempt started.
    Attempt,
    /// It last started waiting in a queue.
    Queued,
    /// A timeout last started its clock.
    TimeoutArmed,
    /// The attempt last reached the downstream.
    Sent,
}

/// The engine, as one hook sees it: everything here is about the call and
/// the layer the hook runs for.
pub trait Engine {
    /// The engine's trace step, made from any layer's own steps.
    type Step: From<super::retry::layer::Step>
        + From<super::circuit_breaker::layer::Step>
        + From<super::bulkhead::layer::Step>
        + From<super::timeout::layer::Step>;
    /// The draws of one attempt.
    type Rng: rand::RngCore;

    /// The call's handle (for a queue of waiters).
    fn call(&self) -> u32;
    /// The ticket the layer's next timer will have.
    fn next_ticket(&self) -> u32;
    /// Arms this layer's timer.
    fn arm(&mut self, at: SimTime);
    /// Arms this layer's timer, kept out of the heap while the call waits on
    /// nothing known to end after it (most timeouts never fire).
    fn arm_lazily(&mut self, at: SimTime);
    /// Forgets this layer's timer.
    fn disarm(&mut self);
    fn count(&mut self, count: Count);
    /// The draws of the call's attempt `attempt` for its jitter.
    fn jitter(&self, attempt: u32) -> Self::Rng;
    /// Records a step of a traced call's story.
    fn note(&mut self, step: Self::Step);
    /// How long since a traced call's mark.
    fn since(&mut self, mark: Mark) -> Dur;
    /// The breaker changed state: the engine reports it (after the hook).
    fn transition(&mut self, transition: Option<Transition>);
    /// After the hook, the layer's waiters may go on (`Layer::wake`).
    fn wake(&mut self);
    /// After the hook, the layer's queue of waiters may be swept (`Layer::tidy`).
    fn tidy(&mut self);
}

/// The calls parked on one layer's timer, as a service-wide hook sees them.
pub trait Parked {
    /// The call's layers, if it still waits on this very timer.
    fn parked(&self, waiter: Waiter) -> Option<&CallLayers>;
}

/// A pattern's hooks. Those it does not need do nothing.
pub trait Layer {
    /// The request goes inward through this layer.
    fn enter<E: Engine>(cx: &mut Cx, eng: &mut E) -> Inward;
    /// The result of what the layer wraps goes outward through it.
    fn exit<E: Engine>(cx: &mut Cx, eng: &mut E, outcome: Outcome) -> Outward;
    /// The layer's timer fired.
    fn timer<E: Engine>(_cx: &mut Cx, _eng: &mut E) -> Fired {
        Fired::Nothing
    }
    /// A timeout outside abandons what the layer holds for the call.
    fn abandon<E: Engine>(cx: &mut Cx, eng: &mut E);
    /// A call parked on this layer was let go on by `wake` (its timer is
    /// disarmed; the walk sends it inward from the next layer).
    fn resumed<E: Engine>(_cx: &mut Cx, _eng: &mut E) {}
    /// Lets parked calls go on (into `out`): after a hook asked to, and
    /// after a change to the service's patterns.
    fn wake(
        _patterns: &PatternSet,
        _service: &mut ServiceLayers,
        _calls: &impl Parked,
        _out: &mut Vec<Waiter>,
    ) {
    }
    /// Sweeps waiters that gave up, after a hook asked to.
    fn tidy(_service: &mut ServiceLayers, _calls: &impl Parked) {}
}
