//! What a page opens with: the scenario (a built-in or a pasted file), the
//! seed, the `set` changes, the language, the moment and the pace — read
//! from the address (`?scenario=retry-storm&seed=11&lang=es&t=75&set=…`)
//! and written back to it, so a link is a moment of the lesson.

use breakwater::base::time::NANOS_PER_SEC;
use breakwater::i18n;
use breakwater::scenario::variants::{Comparison, Side};
use breakwater::scenario::{self, parse_scenario};
use breakwater::tui::app::{App, MAX_SPEED, MIN_SPEED};

/// Where the scenario comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// A built-in's name (`seed-lesson`).
    Builtin(String),
    /// A file the user pasted or uploaded: its name and text. Never put in
    /// the address (a link carries a built-in and its `set` changes).
    Text { name: String, text: String },
}

/// How the dashboard opens.
#[derive(Clone, Debug, PartialEq)]
pub struct Start {
    pub source: Source,
    pub seed: Option<u64>,
    /// `PATH=VALUE`, as `--set` takes them.
    pub sets: Vec<String>,
    /// One side of a scenario that declares variants (`--variant`), alone;
    /// both, split, otherwise.
    pub variant: Option<Side>,
    pub lang: Option<&'static str>,
    /// Seconds of simulated time to open at.
    pub at: Option<f64>,
    pub speed: Option<f64>,
    pub paused: bool,
    /// A fixed screen of `cols × rows` cells (tests, projectors); the
    /// window's size otherwise.
    pub grid: Option<(u16, u16)>,
    pub light: bool,
    /// An exercise (`breakwater exercise NAME`): its scenario, its task on
    /// screen and `g` to grade; the source is then the exercise's.
    pub exercise: Option<String>,
    /// Predict mode from the start (`--predict`; `a` toggles it).
    pub predict: bool,
}

impl Default for Start {
    fn default() -> Self {
        Start {
            source: Source::Builtin("seed-lesson".into()),
            seed: None,
            sets: Vec::new(),
            variant: None,
            lang: None,
            at: None,
            speed: None,
            paused: false,
            grid: None,
            light: false,
            exercise: None,
            predict: false,
        }
    }
}

/// The address's query (`?a=b&c=d`, `+` and `%XX` decoded) as pairs.
fn pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// `application/x-www-form-urlencoded` decoding: `+` is a space, `%XX` a
/// byte; bytes that are not UTF-8 become U+FFFD.
fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// Percent-encodes everything but unreserved characters.
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl Start {
    /// Reads the address's query. A value that cannot be read is an error
    /// naming the parameter and what is valid.
    pub fn from_query(query: &str) -> Result<Start, String> {
        let mut s = Start::default();
        for (k, v) in pairs(query) {
            let bad = |valid: &str| format!("?{k}={v}: {valid}");
            match k.as_str() {
                "scenario" => s.source = Source::Builtin(v),
                "seed" => s.seed = Some(v.parse().map_err(|_| bad("a whole number 0 … 2^64-1"))?),
                "set" => s.sets.push(v),
                "variant" => {
                    s.variant = Some(match v.as_str() {
                        "a" | "A" => Side::A,
                        "b" | "B" => Side::B,
                        _ => return Err(bad("a or b")),
                    })
                }
                "lang" => {
                    let all = i18n::languages().join(", ");
                    s.lang = Some(i18n::known(&v).ok_or_else(|| bad(&all))?)
                }
                "t" => {
                    let t: f64 = v.trim_end_matches('s').parse().unwrap_or(f64::NAN);
                    if !(t.is_finite() && t >= 0.0) {
                        return Err(bad("seconds of simulated time, 0 or more"));
                    }
                    s.at = Some(t);
                }
                "speed" => {
                    let x: f64 = v.parse().unwrap_or(f64::NAN);
                    if !(MIN_SPEED..=MAX_SPEED).contains(&x) {
                        return Err(bad(&format!("a speed {MIN_SPEED} … {MAX_SPEED}")));
                    }
                    s.speed = Some(x);
                }
                "paused" => s.paused = v != "0" && v != "false",
                "light" => s.light = v != "0" && v != "false",
                "predict" => s.predict = v != "0" && v != "false",
                "exercise" => s.exercise = Some(v),
                "grid" => {
                    let parsed = v
                        .split_once('x')
                        .and_then(|(c, r)| Some((c.parse::<u16>().ok()?, r.parse::<u16>().ok()?)));
                    match parsed {
                        Some((c, r)) if (20..=400).contains(&c) && (8..=200).contains(&r) => {
                            s.grid = Some((c, r))
                        }
                        _ => return Err(bad("COLSxROWS, 20x8 … 400x200")),
                    }
                }
                // Unknown parameters are left to whoever added them.
                _ => {}
            }
        }
        Ok(s)
    }

    /// The query that opens this moment again: the built-in, seed, `set`
    /// changes, language and time `at` (seconds, whole); a pasted file is
    /// not carried (the link then names only what can be shared).
    pub fn to_query(&self, lang: &str, at: Option<u64>) -> String {
        let mut q = Vec::new();
        if let Some(name) = &self.exercise {
            q.push(format!("exercise={}", encode(name)));
        } else if let Source::Builtin(name) = &self.source {
            q.push(format!("scenario={}", encode(name)));
        }
        if let Some(seed) = self.seed {
            q.push(format!("seed={seed}"));
        }
        for set in &self.sets {
            q.push(format!("set={}", encode(set)));
        }
        if let Some(side) = self.variant {
            q.push(format!("variant={}", side.letter()));
        }
        q.push(format!("lang={lang}"));
        if let Some(t) = at {
            q.push(format!("t={t}"));
        }
        if let Some((c, r)) = self.grid {
            q.push(format!("grid={c}x{r}"));
        }
        if self.light {
            q.push("light=1".into());
        }
        if self.predict {
            q.push("predict=1".into());
        }
        format!("?{}", q.join("&"))
    }

    /// The dashboard this start opens (in its language), or the error the
    /// terminal would print for the same file or flags
    /// (`file:line:column: …`).
    pub fn open(&self) -> Result<App, String> {
        let lang = self.lang.unwrap_or_else(i18n::current);
        i18n::scoped(lang, || self.open_in(lang))
    }

    fn open_in(&self, lang: &str) -> Result<App, String> {
        if let Some(name) = &self.exercise {
            let ex = breakwater::scenario::exercise::load(name).map_err(|e| e.say(lang))?;
            let s = ex.scenario.clone();
            let mut app = App::new(s, self.seed.unwrap_or(ex.scenario.seed));
            app.open_exercise(ex);
            return Ok(self.opened(app));
        }
        let raw = match &self.source {
            Source::Builtin(name) => scenario::load(name),
            Source::Text { name, text } => parse_scenario(name, text.as_bytes()),
        }
        .map_err(|e| e.say(lang))?;
        let said = |m: i18n::Msg| m.say(lang);
        let app = if raw.variants.is_some() && self.variant.is_none() {
            // A scenario that declares variants opens as a comparison.
            let mut cmp = Comparison::of_variants(&raw);
            cmp.apply_sets(&self.sets, &[], &[]).map_err(said)?;
            if let Some(seed) = self.seed {
                cmp.set_seed(seed);
            }
            App::compare(cmp)
        } else {
            let mut s = match (self.variant, raw.variants.is_some()) {
                (Some(side), true) => raw.side(side),
                (Some(side), false) => {
                    return Err(format!(
                        "?variant={}: {}",
                        side.letter(),
                        i18n::tr_in(lang, "web-no-variants", None)
                    ))
                }
                (None, _) => raw,
            };
            scenario::overrides::apply_sets(&mut s, "set", &self.sets).map_err(said)?;
            let seed = self.seed.unwrap_or(s.seed);
            App::new(s, seed)
        };
        Ok(self.opened(app))
    }

    /// The moment to open at, in simulated nanoseconds (at most the end).
    /// The shell runs there in slices, a frame's budget at a time, so a
    /// far `t` on a long scenario never freezes the tab.
    pub fn at_ns(&self, app: &App) -> Option<u64> {
        let t = self.at?;
        Some(((t * NANOS_PER_SEC as f64) as u64).min(app.sim().end()))
    }

    /// The pace and the modes asked for, on a new dashboard.
    fn opened(&self, mut app: App) -> App {
        if let Some(speed) = self.speed {
            app.set_start_speed(speed);
        }
        app.set_predicting(self.predict);
        if self.paused {
            app.set_paused(true);
        }
        app
    }
}
