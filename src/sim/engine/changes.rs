//! Changes to the world: timeline entries, key presses and replayed
//! recordings all land in `set_world`, the one place where the running parts
//! catch up with a changed world; ramps move a number there step by step.

use super::*;
use crate::base::settable::number;

/// The timeline as the engine plays it: the changes scheduled (an event
/// names one by its index), the ramps moving, and the latest moment.
#[derive(Clone, Default)]
pub(super) struct Script {
    pub(super) changes: Vec<Change>,
    pub(super) ramps: Vec<Ramp>,
    /// The latest timeline entry applied or breaker transition (`moments`).
    pub(super) last_moment: Option<Moment>,
}

/// A numeric value moving linearly towards a target.
#[derive(Clone)]
pub(super) struct Ramp {
    path: ChangePath,
    from: f64,
    to: f64,
    start: SimTime,
    end: SimTime,
    /// Steps at most every `every` (a tick, or longer for a long ramp, so a
    /// ramp costs at most `MAX_RAMP_STEPS` steps) and next at `next`.
    every: SimTime,
    next: SimTime,
    integer: bool,
}

/// Whether a change at `path` replaces a ramp at `ramp`: the same path, or a
/// pattern-wide path over one service's copy of it.
fn covers(path: &str, ramp: &str) -> bool {
    path == ramp
        || path.strip_prefix("patterns.").is_some_and(|rest| {
            ramp.starts_with("services.")
                && ramp.ends_with(rest)
                && ramp[..ramp.len() - rest.len()].ends_with('.')
        })
}
impl Simulation {
    /// Makes a change now, as a user at the keyboard does. It is queued like a
    /// timeline event and runs after everything else at this instant, so a
    /// recording replays it identically.
    pub fn change_now(&mut self, path: &str, value: toml::Value) -> Result<(), crate::i18n::Msg> {
        // Check first, so that a bad value is refused without being
        // scheduled: set it, and put back the part of the world it touched.
        let p = self.world.parse_path(path)?;
        let touched = self.world.set_at(&p, &value)?;
        let calls = self.world.calls_per_second();
        let attempts = calls * self.world.attempts_per_call();
        self.world.restore(touched);
        // A change that would make the run cross a limit while running is
        // refused now, rather than stopping the class later.
        if calls > limits::MAX_CALLS_PER_SIM_SECOND as f64 {
            return Err(crate::msg!(
                "change-too-many-calls",
                path = path,
                value = value.to_string(),
                calls = calls.round(),
                max = limits::MAX_CALLS_PER_SIM_SECOND.to_string()
            ));
        }
        if attempts > limits::MAX_ATTEMPTS_PER_SIM_SECOND as f64 {
            return Err(crate::msg!(
                "change-too-many-attempts",
                path = path,
                value = value.to_string(),
                attempts = attempts.round(),
                max = limits::MAX_ATTEMPTS_PER_SIM_SECOND.to_string()
            ));
        }
        let change = Change {
            at: crate::base::time::Dur(self.now),
            path: path.to_string(),
            value,
            over: None,
            note: None,
            live: true,
            pause: false,
        };
        self.schedule_change(change);
        self.advance_to(self.now, &mut |_| {});
        Ok(())
    }

    pub(super) fn schedule_change(&mut self, c: Change) {
        let class = if c.live { LATE } else { NORMAL };
        let at = c.at.0;
        self.script.changes.push(c);
        self.schedule.queue.push_class(
            at,
            class,
            Event::Change {
                index: self.script.changes.len() as u32 - 1,
            },
        );
    }

    pub(super) fn step_ramps(&mut self) {
        let now = self.now;
        let cost = 1 + self.services.len() as u64;
        let mut i = 0;
        while i < self.script.ramps.len() {
            self.guard.meter.tick_work(1);
            let r = &mut self.script.ramps[i];
            if now < r.next && now < r.end {
                i += 1;
                continue;
            }
            r.next = now + r.every;
            let r = &self.script.ramps[i];
            self.guard.meter.tick_work(cost);
            let frac = if now >= r.end {
                1.0
            } else {
                (now - r.start) as f64 / (r.end - r.start) as f64
            };
            let v = r.from + (r.to - r.from) * frac;
            let value = if r.integer {
                toml::Value::Integer(v.round() as i64)
            } else {
                toml::Value::Float(v)
            };
            let done = now >= r.end;
            // A ramp step the world refuses (out of range) is skipped.
            let path = r.path.clone();
            let _ = self.set_world(&path, &value);
            if done {
                self.script.ramps.swap_remove(i);
            } else {
                i += 1;
            }
        }
    }

    pub(super) fn apply_change(&mut self, index: usize) {
        let c = self.script.changes[index].clone();
        if !c.live {
            self.entry_moment(&c);
        }
        if let Some(note) = &c.note {
            self.notices.push(Notice {
                at: self.now,
                service: None,
                kind: NoticeKind::Note(note.clone()),
            });
        }
        if c.path.is_empty() {
            return;
        }
        if let (Some(over), Some(to)) = (c.over, number(&c.value)) {
            let Ok(whole) = self.world.parse_path(&c.path) else {
                return;
            };
            // A pattern-wide ramp moves each service from its own value, and
            // the defaults (`[patterns]`) from theirs: separate ramps, so a
            // later change to one service ends only that service's ramp.
            // Paths are parsed once here, not at every step.
            let targets: Vec<ChangePath> = match World::defaults_only(&whole) {
                Some(defaults) => {
                    let rest = &c.path["patterns.".len()..];
                    let names: Vec<String> =
                        self.world.services.iter().map(|s| s.name.clone()).collect();
                    names
                        .iter()
                        .filter_map(|n| self.world.parse_path(&format!("services.{n}.{rest}")).ok())
                        .chain(std::iter::once(defaults))
                        .collect()
                }
                None => vec![whole],
            };
            self.script.ramps.retain(|r| !covers(&c.path, &r.path.text));
            let mut started = 0;
            for path in targets {
                let Some(current) = self.world.get(&path.text) else {
                    continue;
                };
                let Some(from) = number(&current) else {
                    continue;
                };
                started += 1;
                self.script.ramps.push(Ramp {
                    path,
                    from,
                    to,
                    start: self.now,
                    end: self.now + over.0,
                    every: self.ticks.len.max(over.0 / limits::MAX_RAMP_STEPS),
                    next: self.now,
                    // Whole numbers only where the field holds whole numbers.
                    integer: current.is_integer(),
                });
            }
            if started > 0 {
                let from = self.world.get(&c.path).map(|v| v.to_string());
                self.note_change(&c, from, format!("{} over {over}", c.value));
            }
            return;
        }
        let from = self.world.get(&c.path).map(|v| v.to_string());
        let result = self
            .world
            .parse_path(&c.path)
            .and_then(|p| self.set_world(&p, &c.value));
        match result {
            Ok(()) => {
                self.script.ramps.retain(|r| !covers(&c.path, &r.path.text));
                self.note_change(&c, from, c.value.to_string());
            }
            Err(e) => self.notices.push(Notice {
                at: self.now,
                service: None,
                kind: NoticeKind::Limit(e),
            }),
        }
    }

    /// A change that took effect becomes a notice.
    fn note_change(&mut self, c: &Change, from: Option<String>, value: String) {
        self.notices.push(Notice {
            at: self.now,
            service: None,
            kind: NoticeKind::Change {
                path: c.path.clone(),
                from,
                value,
                live: c.live,
            },
        });
    }

    /// Changes the world at `path` and lets the running parts catch up: the
    /// one place where a timeline event, a ramp step or a key press lands.
    pub(super) fn set_world(
        &mut self,
        path: &ChangePath,
        value: &toml::Value,
    ) -> Result<(), crate::i18n::Msg> {
        let touched = self.world.set_at(path, value)?;
        self.refresh(touched);
        Ok(())
    }

    /// Lets the running parts catch up with a changed world.
    pub(super) fn refresh(&mut self, touched: Touched) {
        match &touched {
            Touched::Load(_) => {
                self.clients.set_think(self.world.load.think.sampler());
                self.reschedule_arrivals();
                self.sync_clients();
            }
            Touched::Client(_) => self.admit_callers(),
            Touched::Defaults(_) => {}
            &Touched::Service(i, _) => {
                let p = &self.world.services[i].params;
                self.services[i].downstream.reconfigure(p, self.now);
                self.start_queued_jobs(i);
                // A share may have moved, and with it every service's rate.
                self.reschedule_arrivals();
            }
            &Touched::Pattern { service, .. } => {
                let range = match service {
                    Some(i) => i..i + 1,
                    None => 0..self.services.len(),
                };
                for s in range {
                    let pats = &self.world.services[s].patterns;
                    self.services[s].layers = layer_mask(pats, &self.order, self.placed);
                    let before = touched.patterns_before(s).expect("touched");
                    let t = self.services[s].state.reconfigure(before, pats, self.now);
                    self.log_transition(s, t);
                    let pats = &self.world.services[s].patterns;
                    // A breaker turned on mid-tick is seen from now on; one
                    // turned off as a tick starts (an override at t = 0) was
                    // never seen in it.
                    if pats.circuit_breaker.enabled && self.services[s].breaker_seen.is_empty() {
                        let state = self.services[s].state.circuit_breaker.state();
                        self.services[s].breaker_seen.push(state);
                    } else if !pats.circuit_breaker.enabled && self.now == self.ticks.last {
                        self.services[s].breaker_seen = Default::default();
                    }
                    for d in 0..LAYERS {
                        self.wake(s, d);
                    }
                }
            }
        }
    }
}
