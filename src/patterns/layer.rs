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
//!
//! A layer may also *fork* the call (`Engine::fork`): a copy of what it
//! wraps runs alongside from the next layer inward (a hedged attempt), with
//! its own draws, and its result comes back to the layer through
//! `Layer::joined` instead of going on outward. `Engine::abandon_forks`
//! abandons the copies still running, as a timeout abandons what it wraps.

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
    /// The layer let go of the call and answered it itself: the layers
    /// outside see this outcome instead (a fallback's answer is a success
    /// to them); the call keeps the first cause for its counts.
    Answer(Outcome),
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
    /// One of the counters a pattern declares (`registry::Counter`), by name.
    Named(&'static str),
}

/// A step of a traced call's story that a pattern tells in its own words:
/// the catalogue id of its sentence (whose variables are the values' names),
/// its kind in JSON, and up to three values. The engine and the shells
/// render it without knowing the pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Note {
    pub id: &'static str,
    pub kind: &'static str,
    pub values: [(&'static str, NoteValue); 3],
}

/// A value in a pattern's `Note`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteValue {
    /// No value (an unused place).
    None,
    Count(u64),
    /// A duration: `{name}_ms` in JSON.
    Dur(Dur),
    Outcome(Outcome),
}

impl Note {
    pub const fn new(id: &'static str, kind: &'static str) -> Note {
        Note {
            id,
            kind,
            values: [("", NoteValue::None); 3],
        }
    }

    /// With `value` called `name` in the next free place.
    pub const fn with(mut self, name: &'static str, value: NoteValue) -> Note {
        let mut i = 0;
        while i < self.values.len() {
            if matches!(self.values[i].1, NoteValue::None) {
                self.values[i] = (name, value);
                return self;
            }
            i += 1;
        }
        panic!("a note has at most three values");
    }

    /// The values in use.
    pub fn values(&self) -> impl Iterator<Item = (&'static str, NoteValue)> + '_ {
        self.values
            .iter()
            .copied()
            .filter(|(_, v)| !matches!(v, NoteValue::None))
    }
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
        + From<super::timeout::layer::Step>
        + From<Note>;
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
    /// After the hook, copy `n` (from 1) of what this layer wraps starts from
    /// the next layer inward, with its own draws; its result comes back
    /// through `Layer::joined`.
    fn fork(&mut self, n: u32);
    /// After the hook, the copies this layer forked for the call that are
    /// still running are abandoned (the downstream keeps their work unless
    /// `cancel_on_timeout`).
    fn abandon_forks(&mut self);
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
    /// Copy `copy` this layer forked (`Engine::fork`) ended with `outcome`.
    /// What the walk does next is as for a timer: `Abandon` also abandons
    /// what the call itself still has running inside the layer.
    fn joined<E: Engine>(_cx: &mut Cx, _eng: &mut E, _copy: u32, _outcome: Outcome) -> Fired {
        Fired::Nothing
    }
}

#[cfg(test)]
mod tests {
    //! A layer's hooks run against a stand-in engine: no simulation needed.
    use super::*;
    use crate::patterns::registry::{self, ServiceLayers};
    use crate::patterns::PatternKind;

    /// Draws that are all zero (the jitter's draws do not matter here).
    struct Zeros;
    impl rand::RngCore for Zeros {
        fn next_u32(&mut self) -> u32 {
            0
        }
        fn next_u64(&mut self) -> u64 {
            0
        }
        fn fill_bytes(&mut self, dest: &mut [u8]) {
            dest.fill(0);
        }
    }

    /// Records what the hooks asked of the engine.
    #[derive(Default)]
    struct Fake {
        armed: Vec<SimTime>,
        lazy: Vec<SimTime>,
        disarmed: u32,
        counts: Vec<Count>,
        woken: bool,
        forks: Vec<u32>,
        abandoned_forks: u32,
    }

    #[derive(Debug)]
    struct AnyStep;
    impl From<crate::patterns::retry::layer::Step> for AnyStep {
        fn from(_: crate::patterns::retry::layer::Step) -> Self {
            AnyStep
        }
    }
    impl From<crate::patterns::circuit_breaker::layer::Step> for AnyStep {
        fn from(_: crate::patterns::circuit_breaker::layer::Step) -> Self {
            AnyStep
        }
    }
    impl From<crate::patterns::bulkhead::layer::Step> for AnyStep {
        fn from(_: crate::patterns::bulkhead::layer::Step) -> Self {
            AnyStep
        }
    }
    impl From<crate::patterns::timeout::layer::Step> for AnyStep {
        fn from(_: crate::patterns::timeout::layer::Step) -> Self {
            AnyStep
        }
    }

    impl From<Note> for AnyStep {
        fn from(_: Note) -> Self {
            AnyStep
        }
    }

    impl Engine for Fake {
        type Step = AnyStep;
        type Rng = Zeros;
        fn call(&self) -> u32 {
            0
        }
        fn next_ticket(&self) -> u32 {
            1
        }
        fn arm(&mut self, at: SimTime) {
            self.armed.push(at);
        }
        fn arm_lazily(&mut self, at: SimTime) {
            self.lazy.push(at);
        }
        fn disarm(&mut self) {
            self.disarmed += 1;
        }
        fn count(&mut self, count: Count) {
            self.counts.push(count);
        }
        fn jitter(&self, _attempt: u32) -> Zeros {
            Zeros
        }
        fn note(&mut self, _step: AnyStep) {}
        fn since(&mut self, _mark: Mark) -> Dur {
            Dur(0)
        }
        fn transition(&mut self, _transition: Option<Transition>) {}
        fn wake(&mut self) {
            self.woken = true;
        }
        fn tidy(&mut self) {}
        fn fork(&mut self, n: u32) {
            self.forks.push(n);
        }
        fn abandon_forks(&mut self) {
            self.abandoned_forks += 1;
        }
    }

    fn run<R>(
        patterns: &PatternSet,
        call: &mut CallLayers,
        service: &mut ServiceLayers,
        now: SimTime,
        eng: &mut Fake,
        f: impl FnOnce(&mut Cx, &mut Fake) -> R,
    ) -> R {
        let mut cx = Cx {
            patterns,
            call,
            service,
            now,
            traced: false,
        };
        f(&mut cx, eng)
    }

    #[test]
    fn a_timeout_arms_lazily_and_disarms_on_the_way_out() {
        let mut patterns = PatternSet::default();
        patterns.timeout.enabled = true;
        let (mut call, mut service) = (CallLayers::default(), ServiceLayers::new(&patterns));
        let mut eng = Fake::default();
        let kind = PatternKind::Timeout;
        let (p, c, s) = (&patterns, &mut call, &mut service);
        let step = run(p, c, s, 7, &mut eng, |cx, e| registry::enter(kind, cx, e));
        assert_eq!(step, Inward::Pass);
        assert_eq!(eng.lazy, vec![7 + patterns.timeout.per_attempt.0]);
        let out = run(p, c, s, 9, &mut eng, |cx, e| {
            registry::exit(kind, cx, e, Outcome::Ok)
        });
        assert_eq!((out, eng.disarmed), (Outward::Pass, 1));
        let fired = run(p, c, s, 9, &mut eng, |cx, e| registry::timer(kind, cx, e));
        assert_eq!(fired, Fired::Abandon(Outcome::TimedOut));
    }

    #[test]
    fn a_retry_parks_on_a_failure_and_goes_in_again_when_its_timer_fires() {
        let mut patterns = PatternSet::default();
        patterns.retry.enabled = true;
        let (mut call, mut service) = (CallLayers::default(), ServiceLayers::new(&patterns));
        let mut eng = Fake::default();
        let kind = PatternKind::Retry;
        let (p, c, s) = (&patterns, &mut call, &mut service);
        assert!(!c.counted_attempts());
        run(p, c, s, 0, &mut eng, |cx, e| registry::enter(kind, cx, e));
        assert!(c.counted_attempts());
        let out = run(p, c, s, 5, &mut eng, |cx, e| {
            registry::exit(kind, cx, e, Outcome::Failed)
        });
        assert_eq!(out, Outward::Park);
        assert_eq!(eng.armed.len(), 1);
        assert!(eng.armed[0] > 5);
        let fired = run(p, c, s, eng.armed[0], &mut eng, |cx, e| {
            registry::timer(kind, cx, e)
        });
        assert_eq!(fired, Fired::Reenter);
        assert_eq!(c.attempt(), 2);
        let out = run(p, c, s, 6, &mut eng, |cx, e| {
            registry::exit(kind, cx, e, Outcome::Ok)
        });
        assert_eq!(out, Outward::Pass);
        assert!(eng.counts.contains(&Count::Retry));
    }

    #[test]
    fn a_full_bulkhead_parks_the_call_and_a_release_wakes_the_waiters() {
        let mut patterns = PatternSet::default();
        patterns.bulkhead.enabled = true;
        patterns.bulkhead.max_concurrent = 1;
        patterns.bulkhead.max_queue = 1;
        patterns.bulkhead.max_wait = Dur::from_secs(1);
        let mut service = ServiceLayers::new(&patterns);
        let (mut first, mut second) = (CallLayers::default(), CallLayers::default());
        let mut eng = Fake::default();
        let kind = PatternKind::Bulkhead;
        let p = &patterns;
        let a = run(p, &mut first, &mut service, 0, &mut eng, |cx, e| {
            registry::enter(kind, cx, e)
        });
        let b = run(p, &mut second, &mut service, 0, &mut eng, |cx, e| {
            registry::enter(kind, cx, e)
        });
        assert_eq!((a, b), (Inward::Pass, Inward::Park));
        assert_eq!(eng.armed, vec![p.bulkhead.max_wait.0]);
        run(p, &mut first, &mut service, 1, &mut eng, |cx, e| {
            registry::exit(kind, cx, e, Outcome::Ok)
        });
        assert!(eng.woken);
    }
}
