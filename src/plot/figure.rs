//! What a figure shows, before any drawing: one side or two (a comparison),
//! each run from t = 0 with its series, and the timeline's notes. Both
//! `breakwater plot` and the dashboard's `e` build a `Spec` and run it here,
//! so the two draw the same figure.

use super::series::{Recorder, Series};
use super::text;
use crate::base::escape::escape;
use crate::base::time::{SimTime, NANOS_PER_SEC};
use crate::scenario::variants::Side;
use crate::scenario::Scenario;
use crate::sim::metrics::Tick;
use crate::sim::world::Change;
use crate::sim::Simulation;

/// One side to run: its label and its scenario (seed, duration and every
/// change included).
#[derive(Clone, Debug)]
pub struct SideSpec {
    /// `A` / `B` in a comparison, `None` alone.
    pub side: Option<Side>,
    pub label: String,
    pub scenario: Scenario,
}

/// What to draw: a title and one or two sides.
#[derive(Clone, Debug)]
pub struct Spec {
    pub title: String,
    pub sides: Vec<SideSpec>,
}

/// Two specs ask for the same figure when they have the same title and their
/// sides the same origin, seed, duration and timeline (overrides and live
/// changes included): the world is the origin's, changed by the timeline.
impl PartialEq for Spec {
    fn eq(&self, o: &Spec) -> bool {
        let same = |a: &SideSpec, b: &SideSpec| {
            let (x, y) = (&a.scenario, &b.scenario);
            a.side == b.side
                && a.label == b.label
                && x.origin == y.origin
                && x.seed == y.seed
                && x.duration == y.duration
                && x.timeline == y.timeline
        };
        self.title == o.title
            && self.sides.len() == o.sides.len()
            && self.sides.iter().zip(&o.sides).all(|(a, b)| same(a, b))
    }
}

/// A vertical line in the figure: a timeline entry (its note, or what it
/// sets), or a change made live in the dashboard.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub at: SimTime,
    /// A ramp's length: the figure shades it.
    pub over: Option<SimTime>,
    pub text: String,
    pub live: bool,
    /// The side it belongs to in a comparison; `None` when both have it.
    pub side: Option<Side>,
}

/// A side after its run.
#[derive(Clone, Debug)]
pub struct SideData {
    pub side: Option<Side>,
    pub label: String,
    pub series: Series,
    /// Where and why the run stopped early (a limit crossed).
    pub stopped: Option<(SimTime, String)>,
}

/// Everything a figure draws.
#[derive(Clone, Debug)]
pub struct Figure {
    pub title: String,
    /// Seed, simulated time, tick.
    pub subtitle: String,
    pub sides: Vec<SideData>,
    pub notes: Vec<Note>,
}

impl Figure {
    pub fn comparing(&self) -> bool {
        self.sides.len() > 1
    }
    /// The simulated time the figure spans (the longest side).
    pub fn end(&self) -> SimTime {
        self.sides.iter().map(|s| s.series.end).max().unwrap_or(0)
    }
}

/// Runs one side from t = 0 to its end, folding every tick into its series.
pub fn run_side(spec: &SideSpec) -> SideData {
    run_side_watched(spec, &|_| {})
}

/// As `run_side`, telling `watch` each stretch of simulated time done (a
/// shell's progress).
pub fn run_side_watched(spec: &SideSpec, watch: &(dyn Fn(SimTime) + Sync)) -> SideData {
    let s = &spec.scenario;
    let mut sim = Simulation::new(s);
    let names = s.world.services.iter().map(|x| x.name.clone()).collect();
    let tick_len = s.tick.0.max(1);
    let mut rec = Recorder::new(names, sim.end(), tick_len);
    let mut last: Option<Tick> = None;
    // One tick at a time, so the world (capacities, which patterns are on)
    // is read as it was at the end of each tick.
    while !sim.is_finished() {
        let before = sim.now();
        let next = ((sim.now() / tick_len + 1) * tick_len).min(sim.end());
        let mut got = false;
        sim.advance_to(next, &mut |t| {
            match &mut last {
                Some(l) => l.clone_from(t),
                None => last = Some(t.clone()),
            }
            got = true;
        });
        if let (true, Some(t)) = (got, &last) {
            rec.push(t, sim.world());
        }
        watch(sim.now().saturating_sub(before));
    }
    SideData {
        side: spec.side,
        label: spec.label.clone(),
        series: rec.finish(),
        stopped: sim
            .limit_crossed()
            .map(|l| (l.at, l.message.say(crate::i18n::current()))),
    }
}

/// Runs every side (two at once on two threads with the `native` feature:
/// independent deterministic runs; one after the other without it, where
/// there may be no threads, e.g. in a browser) and gathers the notes.
pub fn build(spec: &Spec) -> Result<Figure, String> {
    build_watched(spec, &|_| {})
}

/// As `build`, telling `watch` each stretch of simulated time a side has
/// done (from both sides' threads at once).
pub fn build_watched(spec: &Spec, watch: &(dyn Fn(SimTime) + Sync)) -> Result<Figure, String> {
    let run_side = |side: &SideSpec| run_side_watched(side, watch);
    let sides: Vec<SideData> = match spec.sides.as_slice() {
        [a, b] if cfg!(feature = "native") => std::thread::scope(|scope| {
            let lang = crate::i18n::current();
            let hb = scope.spawn(|| crate::i18n::scoped(lang, || run_side(b)));
            let da = run_side(a);
            hb.join().map(|db| vec![da, db])
        })
        .map_err(|_| text::internal_side_panicked())?,
        many => many.iter().map(run_side).collect(),
    };
    let first = spec.sides.first().ok_or_else(text::nothing_to_draw)?;
    let s = &first.scenario;
    let subtitle = text::subtitle(s.seed, spec_end(&sides), s.tick.0);
    Ok(Figure {
        title: spec.title.clone(),
        subtitle,
        notes: notes_of(&spec.sides),
        sides,
    })
}

fn spec_end(sides: &[SideData]) -> SimTime {
    sides.iter().map(|s| s.series.end).max().unwrap_or(0)
}

/// The changes worth a line: every timeline entry but the overrides at the
/// front (the side's label says what they set), once if both sides have it.
pub fn notes_of(sides: &[SideSpec]) -> Vec<Note> {
    let own = |s: &SideSpec| -> Vec<Change> {
        let sc = &s.scenario;
        sc.timeline
            .iter()
            .skip(sc.overrides.len())
            .filter(|c| c.at.0 <= sc.duration.0)
            .cloned()
            .collect()
    };
    let lists: Vec<Vec<Change>> = sides.iter().map(own).collect();
    let mut notes = Vec::new();
    for (k, (spec, list)) in sides.iter().zip(&lists).enumerate() {
        for c in list {
            let shared = lists.iter().all(|l| l.contains(c));
            if shared && k > 0 {
                continue;
            }
            notes.push(Note {
                at: c.at.0,
                over: c.over.map(|d| d.0),
                text: note_text(c),
                live: c.live,
                side: if shared { None } else { spec.side },
            });
        }
    }
    notes.sort_by_key(|n| n.at);
    notes
}

/// A change in words: its note, or `path = value` (a live change says so).
fn note_text(c: &Change) -> String {
    let what = match &c.note {
        Some(n) => escape(n).into_owned(),
        None => format!("{} = {}", c.path, short_value(&c.value)),
    };
    if c.live {
        text::live_change(&what)
    } else {
        what
    }
}

fn short_value(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => escape(s).into_owned(),
        // As the reader writes numbers (`0,005` in Spanish).
        toml::Value::Float(x) => text::plain_number(*x),
        other => escape(&other.to_string()).into_owned(),
    }
}

/// `m:ss` (or `h:mm:ss`) for a time axis: whole seconds.
pub fn axis_clock(t: SimTime) -> String {
    let s = t / NANOS_PER_SEC;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

/// A note's time: `m:ss`, with tenths when it is not a whole second (a
/// live change), as the dashboard's clock writes them.
pub fn note_clock(t: SimTime) -> String {
    let tenths = (t % NANOS_PER_SEC) / (NANOS_PER_SEC / 10);
    if t.is_multiple_of(NANOS_PER_SEC) {
        axis_clock(t)
    } else {
        // `0.9` or `0,9`: the reader's decimal mark before the tenths.
        let frac = crate::i18n::number(tenths as f64 / 10.0, 1);
        format!("{}{}", axis_clock(t), &frac[1..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_times_keep_their_tenths() {
        let s = NANOS_PER_SEC;
        assert_eq!(note_clock(60 * s), "1:00");
        assert_eq!(note_clock(3 * s + 912_000_000), "0:03.9");
        assert_eq!(note_clock(3 * s + 50_000_000), "0:03.0");
        // The reader's decimal mark.
        crate::i18n::scoped("es", || {
            assert_eq!(note_clock(3 * s + 912_000_000), "0:03,9");
            assert_eq!(note_clock(60 * s), "1:00");
        });
    }

    #[test]
    fn values_in_notes_take_the_readers_decimal_mark() {
        let v = toml::Value::Float(0.005);
        crate::i18n::scoped("en", || assert_eq!(short_value(&v), "0.005"));
        crate::i18n::scoped("es", || {
            assert_eq!(short_value(&v), "0,005");
            assert_eq!(short_value(&toml::Value::Float(12345.5)), "12\u{a0}345,5");
            assert_eq!(short_value(&toml::Value::Integer(3)), "3");
        });
    }

    #[test]
    fn axis_times_read_as_minutes_and_seconds() {
        let s = NANOS_PER_SEC;
        assert_eq!(axis_clock(0), "0:00");
        assert_eq!(axis_clock(30 * s), "0:30");
        assert_eq!(axis_clock(90 * s), "1:30");
        assert_eq!(axis_clock(754 * s), "12:34");
        assert_eq!(axis_clock(3723 * s), "1:02:03");
    }
}
