//! The world a simulation runs: load, the caller's pool, the services and their
//! patterns. Everything here can be changed by path (`load.rate`,
//! `services.payment.failure_rate`, `patterns.retry.enabled` …) through
//! `World::set`, the one way the world changes.

use crate::base::localised::Localised;
use crate::base::settable::{unknown_name, Settable};
use crate::base::time::Dur;
use crate::i18n::Msg;
use crate::msg;
use crate::patterns::{PatternKind, PatternSet, PATTERN_NAMES};
use crate::settable;
use crate::sim::dist::Dist;
use crate::sim::limits;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LoadKind {
    /// Open loop, exponential gaps between arrivals.
    Poisson,
    /// Open loop, evenly spaced arrivals.
    Constant,
    /// Closed loop: `clients` each wait `think` between calls.
    Closed,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LoadConfig {
    pub kind: LoadKind,
    pub rate: f64,
    pub clients: u32,
    pub think: Dist,
}

impl Default for LoadConfig {
    fn default() -> Self {
        LoadConfig {
            kind: LoadKind::Poisson,
            rate: 10.0,
            clients: 10,
            think: Dist::Constant {
                value: Dur::from_secs(1),
            },
        }
    }
}

settable!(LoadConfig {
    kind,
    rate,
    clients: Range::Whole(0, limits::MAX_CLIENTS as u64),
    think
});

/// The caller's own pool of threads (a web server's workers). A call holds a
/// thread from arrival to final answer, retries and backoff sleeps included.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClientConfig {
    pub threads: u32,
    /// Callers that may wait for a thread; beyond it they are client_rejected.
    pub queue: u32,
}

impl Default for ClientConfig {
    fn default() -> Self {
        ClientConfig {
            threads: 100,
            queue: 10_000,
        }
    }
}

settable!(ClientConfig {
    threads: Range::Whole(1, limits::MAX_THREADS as u64),
    queue: Range::Whole(0, limits::MAX_QUEUE as u64),
});

/// One downstream service as a queue: `workers` serve, `queue` wait, the rest are refused.
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceParams {
    pub share: f64,
    pub workers: u32,
    pub queue: u32,
    pub latency: Dist,
    pub latency_factor: f64,
    pub failure_rate: f64,
    pub down: bool,
    pub cancel_on_timeout: bool,
}

impl Default for ServiceParams {
    fn default() -> Self {
        ServiceParams {
            share: 1.0,
            workers: 10,
            queue: 1000,
            latency: Dist::Constant {
                value: Dur::from_millis(50),
            },
            latency_factor: 1.0,
            failure_rate: 0.0,
            down: false,
            cancel_on_timeout: false,
        }
    }
}

settable!(ServiceParams {
    share,
    workers: Range::Whole(1, limits::MAX_WORKERS as u64),
    queue: Range::Whole(0, limits::MAX_QUEUE as u64),
    latency,
    latency_factor,
    failure_rate,
    down,
    cancel_on_timeout
});

#[derive(Clone, Debug, PartialEq)]
pub struct ServiceConfig {
    pub name: String,
    pub params: ServiceParams,
    pub patterns: PatternSet,
}

/// An element of a path into the scenario file, for locating errors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

pub fn key(s: &str) -> Seg {
    Seg::Key(s.to_string())
}

/// A validation error: where in the file, and what is valid.
#[derive(Clone, Debug, PartialEq)]
pub struct PathError {
    pub path: Vec<Seg>,
    pub message: Msg,
    /// Point at the key rather than its value (unknown keys).
    pub at_key: bool,
}

impl PathError {
    pub fn new(path: Vec<Seg>, message: Msg) -> PathError {
        PathError {
            path,
            message,
            at_key: false,
        }
    }
}

/// A change path, parsed once against the world: service and pattern names
/// resolved, the text kept for messages. Ramps keep it for every step.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangePath {
    pub text: String,
    target: Target,
}

#[derive(Clone, Debug, PartialEq)]
enum Target {
    Load(String),
    Client(String),
    Service(usize, String),
    ServicePattern(usize, &'static str, String),
    /// `patterns.<p>.<field>`: the defaults and every service.
    Pattern(&'static str, String),
    /// `patterns.<p>.<field>` in the defaults alone (a pattern-wide ramp
    /// moves them beside each service's own ramp).
    Defaults(&'static str, String),
}

/// What a change touched, with a copy of it from before the change (the only
/// copy a change makes): the simulation refreshes what changed from it, and a
/// change the world refuses is put back from it.
#[derive(Clone, Debug)]
pub enum Touched {
    Load(LoadConfig),
    Client(Option<ClientConfig>),
    Service(usize, ServiceParams),
    /// The defaults alone (`[patterns]`): nothing running depends on them.
    Defaults(Box<PatternSet>),
    /// The patterns of one service (`Some`) or of every service and the
    /// defaults (`None`): `before` holds them in that order.
    Pattern {
        service: Option<usize>,
        before: Vec<PatternSet>,
        defaults: Option<Box<PatternSet>>,
    },
}

impl Touched {
    /// Service `s`'s patterns before the change, if the change touched them.
    pub fn patterns_before(&self, s: usize) -> Option<&PatternSet> {
        match self {
            Touched::Pattern {
                service: Some(i),
                before,
                ..
            } => (*i == s).then(|| &before[0]),
            Touched::Pattern {
                service: None,
                before,
                ..
            } => before.get(s),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct World {
    pub load: LoadConfig,
    pub client: Option<ClientConfig>,
    pub services: Vec<ServiceConfig>,
    /// `[patterns.*]`: what `patterns.<p>.<field>` changes set on every service.
    pub defaults: PatternSet,
    pub order: Vec<PatternKind>,
}

fn pattern_static(name: &str) -> Option<&'static str> {
    PATTERN_NAMES.iter().copied().find(|p| *p == name)
}

impl World {
    /// The sum of the services' shares (relative weights of the load).
    pub fn total_share(&self) -> f64 {
        self.services.iter().map(|s| s.params.share).sum()
    }

    pub fn service_index(&self, name: &str) -> Option<usize> {
        self.services.iter().position(|s| s.name == name)
    }

    /// A service by name, or every service (`None`) for `all`; what is
    /// valid when the name is neither.
    pub fn service_or_all(&self, name: &str) -> Result<Option<usize>, Msg> {
        if name == "all" {
            return Ok(None);
        }
        self.service_index(name).map(Some).ok_or_else(|| {
            let mut valid = self.service_names();
            valid.push("all");
            crate::base::settable::unknown_name("service", name, &valid)
        })
    }

    fn service_names(&self) -> Vec<&str> {
        self.services.iter().map(|s| s.name.as_str()).collect()
    }

    /// Sets the value at `path`, checking the result; on error nothing changes.
    pub fn set(&mut self, path: &str, value: &toml::Value) -> Result<Touched, Msg> {
        let p = self.parse_path(path)?;
        self.set_at(&p, value)
    }

    /// Resolves a change path against this world.
    pub fn parse_path(&self, path: &str) -> Result<ChangePath, Msg> {
        let parts: Vec<&str> = path.split('.').collect();
        let pattern = |name: &str| {
            pattern_static(name).ok_or_else(|| unknown_name("pattern", name, PATTERN_NAMES))
        };
        let target = match parts.as_slice() {
            ["load", field] => Target::Load(field.to_string()),
            ["client", field] => match &self.client {
                Some(_) => Target::Client(field.to_string()),
                None => return Err(msg!("no-client-section-add")),
            },
            ["services", name, rest @ ..] => {
                let i = self
                    .service_index(name)
                    .ok_or_else(|| unknown_name("service", name, &self.service_names()))?;
                match rest {
                    [field] => Target::Service(i, field.to_string()),
                    [p, field] => Target::ServicePattern(i, pattern(p)?, field.to_string()),
                    _ => return Err(path_help(path)),
                }
            }
            ["patterns", p, field] => Target::Pattern(pattern(p)?, field.to_string()),
            _ => return Err(path_help(path)),
        };
        Ok(ChangePath {
            text: path.to_string(),
            target,
        })
    }

    /// The same pattern-wide path, applied to the defaults (`[patterns]`)
    /// alone.
    pub fn defaults_only(p: &ChangePath) -> Option<ChangePath> {
        match &p.target {
            Target::Pattern(pattern, field) => Some(ChangePath {
                text: p.text.clone(),
                target: Target::Defaults(pattern, field.clone()),
            }),
            _ => None,
        }
    }

    /// The part of the world `p` may change, copied.
    fn save(&self, p: &ChangePath) -> Touched {
        match &p.target {
            Target::Load(_) => Touched::Load(self.load.clone()),
            Target::Client(_) => Touched::Client(self.client.clone()),
            Target::Service(i, _) => Touched::Service(*i, self.services[*i].params.clone()),
            Target::ServicePattern(i, ..) => Touched::Pattern {
                service: Some(*i),
                before: vec![self.services[*i].patterns.clone()],
                defaults: None,
            },
            Target::Defaults(..) => Touched::Defaults(Box::new(self.defaults.clone())),
            Target::Pattern(..) => Touched::Pattern {
                service: None,
                before: self.services.iter().map(|s| s.patterns.clone()).collect(),
                defaults: Some(Box::new(self.defaults.clone())),
            },
        }
    }

    /// Puts back what a change touched.
    pub fn restore(&mut self, saved: Touched) {
        match saved {
            Touched::Load(l) => self.load = l,
            Touched::Client(c) => self.client = c,
            Touched::Service(i, p) => self.services[i].params = p,
            Touched::Defaults(d) => self.defaults = *d,
            Touched::Pattern {
                service: Some(i),
                mut before,
                ..
            } => self.services[i].patterns = before.swap_remove(0),
            Touched::Pattern {
                service: None,
                before,
                defaults,
            } => {
                for (s, p) in self.services.iter_mut().zip(before) {
                    s.patterns = p;
                }
                if let Some(d) = defaults {
                    self.defaults = *d;
                }
            }
        }
    }

    /// Sets the value at a parsed path and checks the world; on error it is
    /// put back as it was. Returns what was touched, as it was before.
    pub fn set_at(&mut self, p: &ChangePath, value: &toml::Value) -> Result<Touched, Msg> {
        let saved = self.save(p);
        let result = match &p.target {
            Target::Load(field) => self.load.set(field, value),
            Target::Client(field) => match &mut self.client {
                Some(c) => c.set(field, value),
                None => Err(msg!("no-client-section")),
            },
            Target::Service(i, field) => self.services[*i].params.set(field, value),
            Target::ServicePattern(i, pattern, field) => {
                self.services[*i].patterns.set(pattern, field, value)
            }
            Target::Defaults(pattern, field) => self.defaults.set(pattern, field, value),
            Target::Pattern(pattern, field) => {
                self.defaults.set(pattern, field, value).and_then(|()| {
                    self.services
                        .iter_mut()
                        .try_for_each(|s| s.patterns.set(pattern, field, value))
                })
            }
        };
        let result = result.and_then(|()| {
            self.validate().map_err(|e| {
                msg!(
                    "change-refused",
                    path = p.text.as_str(),
                    value = value.to_string(),
                    message = e.message
                )
            })
        });
        match result {
            Ok(()) => Ok(saved),
            Err(e) => {
                self.restore(saved);
                Err(e)
            }
        }
    }

    /// Reads the value at `path` (for recordings, ramps and the dashboard).
    pub fn get(&self, path: &str) -> Option<toml::Value> {
        let parts: Vec<&str> = path.split('.').collect();
        match parts.as_slice() {
            ["load", field] => self.load.get(field),
            ["client", field] => self.client.as_ref()?.get(field),
            ["services", name, field] => self.services[self.service_index(name)?].params.get(field),
            ["services", name, pattern, field] => self.services[self.service_index(name)?]
                .patterns
                .get(pattern, field),
            ["patterns", pattern, field] => self.defaults.get(pattern, field),
            _ => None,
        }
    }

    /// Checks every range and limit; the error carries the path of the culprit.
    pub fn validate(&self) -> Result<(), PathError> {
        use crate::sim::limits::*;
        let at = |p: &[&str], m: Msg| PathError::new(p.iter().map(|s| key(s)).collect(), m);
        let l = &self.load;
        match l.kind {
            LoadKind::Poisson | LoadKind::Constant => {
                if !(l.rate.is_finite() && l.rate >= 0.0 && l.rate <= MAX_RATE) {
                    return Err(at(
                        &["load", "rate"],
                        msg!(
                            "load-rate-range",
                            value = l.rate.to_string(),
                            max = MAX_RATE.to_string()
                        ),
                    ));
                }
            }
            LoadKind::Closed => {
                if l.clients > MAX_CLIENTS {
                    return Err(at(
                        &["load", "clients"],
                        msg!("load-clients-range", max = MAX_CLIENTS.to_string()),
                    ));
                }
                l.think.validate().map_err(|m| at(&["load", "think"], m))?;
            }
        }
        if let Some(c) = &self.client {
            if !(1..=MAX_THREADS).contains(&c.threads) {
                return Err(at(
                    &["client", "threads"],
                    msg!("client-threads-range", max = MAX_THREADS.to_string()),
                ));
            }
            if c.queue > MAX_QUEUE {
                return Err(at(
                    &["client", "queue"],
                    msg!("queue-range", max = MAX_QUEUE.to_string()),
                ));
            }
        }
        if self.services.is_empty() {
            return Err(at(&["services"], msg!("no-services")));
        }
        if self.services.len() > MAX_SERVICES {
            return Err(at(
                &["services"],
                msg!("too-many-services", max = MAX_SERVICES.to_string()),
            ));
        }
        // The defaults first: a bad value in [patterns.*] is reported there,
        // not in the first service that inherits it.
        self.defaults.validate().map_err(|(pat, f, m)| {
            PathError::new(
                vec![key("patterns"), key(pat), key(f)],
                pattern_message(pat, f, m),
            )
        })?;
        let mut total_share = 0.0;
        for (i, s) in self.services.iter().enumerate() {
            let sp = |f: &str| vec![key("services"), Seg::Index(i), key(f)];
            let p = &s.params;
            if !(p.share.is_finite() && p.share >= 0.0 && p.share <= 1e6) {
                return Err(PathError::new(
                    sp("share"),
                    msg!("service-share-range", value = p.share.to_string()),
                ));
            }
            total_share += p.share;
            if !(1..=MAX_WORKERS).contains(&p.workers) {
                return Err(PathError::new(
                    sp("workers"),
                    msg!(
                        "service-workers-range",
                        max = MAX_WORKERS.to_string(),
                        value = p.workers.to_string()
                    ),
                ));
            }
            if p.queue > MAX_QUEUE {
                return Err(PathError::new(
                    sp("queue"),
                    msg!("queue-range", max = MAX_QUEUE.to_string()),
                ));
            }
            p.latency
                .validate()
                .map_err(|m| PathError::new(sp("latency"), m))?;
            if !(p.latency_factor.is_finite()
                && p.latency_factor >= 0.0
                && p.latency_factor <= 10_000.0)
            {
                return Err(PathError::new(
                    sp("latency_factor"),
                    msg!(
                        "service-latency-factor-range",
                        value = p.latency_factor.to_string()
                    ),
                ));
            }
            if !(p.failure_rate.is_finite() && (0.0..=1.0).contains(&p.failure_rate)) {
                return Err(PathError::new(
                    sp("failure_rate"),
                    msg!(
                        "service-failure-rate-range",
                        value = p.failure_rate.to_string()
                    ),
                ));
            }
            s.patterns.validate().map_err(|(pat, f, m)| {
                PathError::new(
                    vec![key("services"), Seg::Index(i), key(pat), key(f)],
                    pattern_message(pat, f, m),
                )
            })?;
        }
        if total_share <= 0.0 && l.kind != LoadKind::Closed && l.rate > 0.0 {
            return Err(at(&["services"], msg!("shares-zero")));
        }
        Ok(())
    }
}

/// A pattern's range error, prefixed with the field it is about.
fn pattern_message(pattern: &str, field: &str, message: Msg) -> Msg {
    msg!(
        "field-message",
        key = format!("{pattern}.{field}"),
        message = message
    )
}

fn path_help(path: &str) -> Msg {
    msg!("not-a-change-path", path = path)
}

/// One change to the world at a virtual time: from the timeline, a key press,
/// or a replayed recording. `over` ramps a number linearly instead of jumping.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub at: Dur,
    pub path: String,
    pub value: toml::Value,
    pub over: Option<Dur>,
    /// A text in one language or several (`Localised`).
    pub note: Option<Localised>,
    /// Made live in the dashboard (recordings say so).
    pub live: bool,
    /// The dashboard pauses when it reaches this entry (`pause = true`).
    pub pause: bool,
}
