//! Reading a scenario file: TOML → `Scenario`, every error located as
//! `file:line:column` with a message that says what would be valid.

use crate::base::localised::Localised;
use crate::base::serde_message::SerdeError;
use crate::base::settable::{unknown_name, Settable};
use crate::base::time::Dur;
use crate::i18n::Msg;
use crate::msg;
use crate::patterns::{PatternKind, PatternSet, PATTERN_NAMES};
use crate::scenario::question::{Context, Question, RawAsk};
use crate::scenario::syntax::syntax_message;
use crate::scenario::variants::{Variant, Variants};
use crate::scenario::Scenario;
use crate::sim::estimate::estimate;
use crate::sim::limits;
use crate::sim::world::*;
use serde::Deserialize;

/// A bad scenario: where, and what is wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioError {
    pub origin: String,
    pub line: usize,
    pub column: usize,
    /// What is wrong, said by the shell in its reader's language.
    pub message: Msg,
}

impl ScenarioError {
    /// `file:line:column: message`, the message in language `lang`.
    pub fn say(&self, lang: &str) -> String {
        // The origin and the message may quote the file (a key's name, a
        // value): escaped, so they cannot command the terminal.
        format!(
            "{}:{}:{}: {}",
            crate::base::escape::escape(&self.origin),
            self.line,
            self.column,
            crate::base::escape::escape(&self.message.say(lang))
        )
    }
}

const TOP_KEYS: &[&str] = &[
    "name",
    "description",
    "lesson",
    "seed",
    "duration",
    "tick",
    "load",
    "client",
    "services",
    "patterns",
    "timeline",
    "variants",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScenario {
    name: Localised,
    #[serde(default)]
    description: Localised,
    #[serde(default)]
    lesson: Localised,
    #[serde(default)]
    seed: u64,
    duration: Dur,
    tick: Option<Dur>,
    load: toml::Table,
    client: Option<toml::Table>,
    services: Vec<toml::Table>,
    patterns: Option<toml::Table>,
    #[serde(default)]
    timeline: Vec<RawTimeline>,
    variants: Option<RawVariants>,
}

/// `[variants.a]` and `[variants.b]`: the two sides of a comparison.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVariants {
    a: Option<RawVariant>,
    b: Option<RawVariant>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVariant {
    label: Option<Localised>,
    #[serde(default)]
    set: toml::Table,
    #[serde(default)]
    timeline: Vec<RawTimeline>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTimeline {
    at: Dur,
    #[serde(default)]
    set: toml::Table,
    over: Option<Dur>,
    note: Option<Localised>,
    #[serde(default)]
    live: bool,
    /// The dashboard pauses here (headless runs ignore it).
    #[serde(default)]
    pause: bool,
    /// A question for the class (`scenario::question`).
    ask: Option<RawAsk>,
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut off = offset;
    while !text.is_char_boundary(off) {
        off -= 1;
    }
    let before = &text[..off];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// A scenario's (or an exercise's) error at byte `offset` of `text`.
pub fn error_at(origin: &str, text: &str, offset: usize, message: Msg) -> ScenarioError {
    let (line, column) = line_col(text, offset);
    ScenarioError {
        origin: origin.to_string(),
        line,
        column,
        message,
    }
}

/// Bytes read as a TOML document: within the size limit, UTF-8, its syntax
/// whole; the text and the document (which locates every key and value).
pub fn document(
    origin: &str,
    bytes: &[u8],
) -> Result<(String, toml_edit::ImDocument<String>), ScenarioError> {
    if bytes.len() > limits::MAX_FILE_BYTES {
        return Err(ScenarioError {
            origin: origin.into(),
            line: 1,
            column: 1,
            message: msg!(
                "file-too-big",
                len = bytes.len().to_string(),
                max = limits::MAX_FILE_BYTES.to_string()
            ),
        });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or("");
            return Err(error_at(origin, valid, valid.len(), msg!("file-not-utf8")));
        }
    };
    match toml_edit::ImDocument::parse(text.to_string()) {
        Ok(doc) => Ok((text.to_string(), doc)),
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            let message = syntax_message(text, offset, e.message());
            Err(error_at(origin, text, offset, message))
        }
    }
}

/// Reads and validates a scenario from bytes (`origin` names it in errors).
pub fn parse_scenario(origin: &str, bytes: &[u8]) -> Result<Scenario, ScenarioError> {
    let err_at = |text: &str, offset: usize, message: Msg| error_at(origin, text, offset, message);
    // Syntax first, so that its errors say so; then an empty file.
    let (text, doc) = document(origin, bytes)?;
    let text = text.as_str();
    if doc.as_table().is_empty() {
        return Err(err_at(text, 0, msg!("file-empty")));
    }
    let raw: RawScenario = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        err_at(text, offset, friendly_toml_message(&e))
    })?;
    let locate = |e: PathError| -> ScenarioError {
        let offset = span_of(&doc, &e.path, e.at_key).unwrap_or(0);
        err_at(text, offset, e.message)
    };
    build(raw, origin, text).map_err(locate)
}

/// serde's message about the file's shape, read back into a structured
/// error and said in the reader's language.
fn friendly_toml_message(e: &toml::de::Error) -> Msg {
    match SerdeError::parse(e.message()) {
        // "unknown field `nmae`" → the nearest valid key.
        SerdeError::UnknownField { name, valid } => {
            let valid: Vec<&str> = valid.iter().map(String::as_str).collect();
            let valid = if valid.is_empty() {
                TOP_KEYS.to_vec()
            } else {
                valid
            };
            unknown_name("key", &name, &valid)
        }
        SerdeError::MissingField(field) => missing_help(&field),
        other => other.msg(None),
    }
}

/// What a missing required key is for, and how to write it.
fn missing_help(field: &str) -> Msg {
    let known = ["name", "duration", "load", "services", "at"];
    let which = if known.contains(&field) {
        field
    } else {
        "other"
    };
    msg!("missing-key", key = field, which = which)
}

fn apply_table<T: Settable>(
    target: &mut T,
    table: &toml::Table,
    path: &[Seg],
    skip: &[&str],
) -> Result<(), PathError> {
    for (k, v) in table {
        if skip.contains(&k.as_str()) {
            continue;
        }
        let mut p = path.to_vec();
        p.push(key(k));
        target.set(k, v).map_err(|m| PathError {
            path: p,
            at_key: !T::FIELDS.contains(&k.as_str()),
            message: m,
        })?;
    }
    Ok(())
}

/// Applies one pattern section. A section present turns the pattern on
/// unless it says `enabled = false` — except a service's own section when
/// the pattern-wide section said `enabled = false`: the service then
/// inherits that (`wide_off`), and only its own `enabled = true` turns it on.
/// So a per-service section overrides only the keys it sets.
fn apply_pattern(
    set: &mut PatternSet,
    pattern: &str,
    value: &toml::Value,
    path: &[Seg],
    wide_off: bool,
) -> Result<(), PathError> {
    let toml::Value::Table(t) = value else {
        return Err(PathError::new(
            path.to_vec(),
            msg!("pattern-not-table", pattern = pattern),
        ));
    };
    if !wide_off {
        set.set(pattern, "enabled", &toml::Value::Boolean(true))
            .expect("enabled is a field of every pattern");
    }
    for (k, v) in t {
        let mut p = path.to_vec();
        p.push(key(k));
        set.set(pattern, k, v).map_err(|m| PathError {
            at_key: !PatternSet::fields(pattern).contains(&k.as_str()),
            path: p,
            message: m,
        })?;
    }
    Ok(())
}

fn build(raw: RawScenario, origin: &str, text: &str) -> Result<Scenario, PathError> {
    use limits::*;
    let top = |k: &str| vec![key(k)];
    if raw.name.is_blank() || raw.name.texts().iter().any(|(_, t)| t.chars().count() > 80) {
        return Err(PathError::new(top("name"), msg!("scenario-name-length")));
    }
    if raw.duration.0 == 0 || raw.duration > Dur::from_secs(MAX_DURATION_SECS) {
        return Err(PathError::new(
            top("duration"),
            msg!("scenario-duration-range"),
        ));
    }
    let tick = raw.tick.unwrap_or(Dur::from_millis(100));
    if tick < Dur::from_millis(1) || tick > Dur::from_secs(60) {
        return Err(PathError::new(top("tick"), msg!("scenario-tick-range")));
    }
    if raw.duration.0 / tick.0 > 10_000_000 {
        return Err(PathError::new(top("tick"), msg!("scenario-too-many-ticks")));
    }

    let mut load = LoadConfig::default();
    apply_table(&mut load, &raw.load, &top("load"), &[])?;
    let client = match &raw.client {
        Some(t) => {
            let mut c = ClientConfig::default();
            apply_table(&mut c, t, &top("client"), &[])?;
            Some(c)
        }
        None => None,
    };

    let mut defaults = PatternSet::default();
    // Patterns the `[patterns.*]` sections switch off explicitly.
    let mut wide_off: Vec<String> = Vec::new();
    let mut order = PatternKind::DEFAULT_ORDER.to_vec();
    if let Some(p) = &raw.patterns {
        for (k, v) in p {
            let path = vec![key("patterns"), key(k)];
            if k == "order" {
                order = parse_order(v).map_err(|m| PathError::new(path, m))?;
            } else if PATTERN_NAMES.contains(&k.as_str()) {
                apply_pattern(&mut defaults, k, v, &path, false)?;
                if v.get("enabled") == Some(&toml::Value::Boolean(false)) {
                    wide_off.push(k.clone());
                }
            } else {
                let mut valid = PATTERN_NAMES.to_vec();
                valid.push("order");
                return Err(PathError {
                    path,
                    at_key: true,
                    message: unknown_name("pattern", k, &valid),
                });
            }
        }
    }

    let mut services = Vec::new();
    for (i, t) in raw.services.iter().enumerate() {
        let base = vec![key("services"), Seg::Index(i)];
        let name = match t.get("name") {
            Some(toml::Value::String(s)) if valid_name(s) => s.clone(),
            Some(_) => {
                let mut p = base.clone();
                p.push(key("name"));
                return Err(PathError::new(p, msg!("service-name-form")));
            }
            None => return Err(PathError::new(base, msg!("service-name-missing"))),
        };
        if services.iter().any(|s: &ServiceConfig| s.name == name) {
            let mut p = base.clone();
            p.push(key("name"));
            return Err(PathError::new(
                p,
                msg!("service-name-twice", name = name.as_str()),
            ));
        }
        let mut params = ServiceParams::default();
        let mut patterns = defaults.clone();
        for (k, v) in t {
            let mut p = base.clone();
            p.push(key(k));
            if k == "name" {
                continue;
            }
            if PATTERN_NAMES.contains(&k.as_str()) {
                apply_pattern(&mut patterns, k, v, &p, wide_off.contains(k))?;
            } else {
                params.set(k, v).map_err(|m| {
                    let mut valid = ServiceParams::FIELDS.to_vec();
                    valid.extend_from_slice(PATTERN_NAMES);
                    valid.push("name");
                    if ServiceParams::FIELDS.contains(&k.as_str()) {
                        PathError::new(p.clone(), m)
                    } else {
                        PathError {
                            path: p.clone(),
                            at_key: true,
                            message: unknown_name("key", k, &valid),
                        }
                    }
                })?;
            }
        }
        services.push(ServiceConfig {
            name,
            params,
            patterns,
        });
    }

    let world = World {
        load,
        client,
        services,
        defaults,
        order,
    };
    world.validate()?;

    if raw.timeline.len() > MAX_TIMELINE {
        return Err(PathError::new(
            top("timeline"),
            msg!("timeline-too-long", max = MAX_TIMELINE.to_string()),
        ));
    }
    let (timeline, entry_of) =
        build_timeline(&raw.timeline, &top("timeline"), &world, raw.duration)?;
    let questions = build_questions(&raw, &world)?;
    let variants = match &raw.variants {
        Some(v) => Some(Variants {
            a: build_variant(v.a.as_ref(), "a", &world, &timeline, raw.duration)?,
            b: build_variant(v.b.as_ref(), "b", &world, &timeline, raw.duration)?,
        }),
        None => None,
    };
    let e = estimate(&world, &timeline, raw.duration);
    if let Some(message) = e.excess() {
        let path = match e.crossed.flatten() {
            Some(c) => vec![key("timeline"), Seg::Index(entry_of[c])],
            None => top("duration"),
        };
        return Err(PathError::new(path, message));
    }

    Ok(Scenario {
        name: raw.name,
        description: raw.description,
        lesson: raw.lesson,
        seed: raw.seed,
        duration: raw.duration,
        tick,
        world,
        timeline,
        origin: origin.to_string(),
        source: text.to_string(),
        overrides: Vec::new(),
        variants,
        questions,
    })
}

/// The questions of the timeline's entries, in time order (equal times keep
/// file order).
fn build_questions(raw: &RawScenario, world: &World) -> Result<Vec<Question>, PathError> {
    let mut entries: Vec<(usize, &RawTimeline)> = raw.timeline.iter().enumerate().collect();
    entries.sort_by_key(|(_, e)| e.at);
    let mut questions = Vec::new();
    for (i, e) in &entries {
        let Some(ask) = &e.ask else { continue };
        let cx = Context {
            world,
            duration: raw.duration,
            compared: raw.variants.is_some(),
            next_entry: entries.iter().map(|(_, x)| x.at).find(|t| *t > e.at),
        };
        let mut base = vec![key("timeline")];
        base.push(Seg::Index(*i));
        base.push(key("ask"));
        questions.push(ask.build(e.at, &base, &cx)?);
    }
    Ok(questions)
}

/// Builds timeline entries (`base` is where they are in the file, e.g.
/// `timeline` or `variants.b.timeline`) checked against `world`, sorted by
/// time (equal times keep file order). Returns the changes and, for each, the
/// index of the file entry it came from.
fn build_timeline(
    raw: &[RawTimeline],
    base_path: &[Seg],
    world: &World,
    duration: Dur,
) -> Result<(Vec<Change>, Vec<usize>), PathError> {
    let mut timeline = Vec::new();
    // The file entry each change came from, to point at it.
    let mut entry_of = Vec::new();
    let mut dry = world.clone();
    let mut entries: Vec<(usize, &RawTimeline)> = raw.iter().enumerate().collect();
    entries.sort_by_key(|(_, e)| e.at);
    for (i, e) in entries {
        let mut base = base_path.to_vec();
        base.push(Seg::Index(i));
        if e.at > duration {
            let mut p = base.clone();
            p.push(key("at"));
            return Err(PathError::new(
                p,
                msg!(
                    "timeline-after-end",
                    at = e.at.to_string(),
                    duration = duration.to_string()
                ),
            ));
        }
        if e.set.is_empty() && e.note.is_none() && !e.pause && e.ask.is_none() {
            return Err(PathError::new(base, msg!("timeline-entry-empty")));
        }
        let mut first = true;
        for (path, value) in &e.set {
            let mut p = base.clone();
            p.push(key("set"));
            p.push(key(path));
            dry.set(path, value)
                .map_err(|m| PathError::new(p.clone(), m))?;
            if let Some(over) = e.over {
                if !(value.is_integer() || value.is_float()) {
                    return Err(PathError::new(p, msg!("timeline-over-not-number")));
                }
                if over.0 == 0 || over > duration {
                    return Err(PathError::new(base.clone(), msg!("timeline-over-range")));
                }
            }
            timeline.push(Change {
                at: e.at,
                path: path.clone(),
                value: value.clone(),
                over: e.over,
                note: if first { e.note.clone() } else { None },
                live: e.live,
                pause: first && e.pause,
            });
            entry_of.push(i);
            first = false;
        }
        // An entry that only asks changes nothing and says nothing: it is
        // no change (its question is in `questions`), so it moves no
        // number, such as where the timeline ends.
        if e.set.is_empty() && (e.note.is_some() || e.pause) {
            timeline.push(Change {
                at: e.at,
                path: String::new(),
                value: toml::Value::Boolean(true),
                over: None,
                note: e.note.clone(),
                live: e.live,
                pause: e.pause,
            });
            entry_of.push(i);
        }
    }
    Ok((timeline, entry_of))
}

/// One side of `[variants]`: its `set` checked against the world (in key
/// order, at 0s), its own timeline checked, and its estimate.
fn build_variant(
    raw: Option<&RawVariant>,
    side: &str,
    world: &World,
    shared: &[Change],
    duration: Dur,
) -> Result<Variant, PathError> {
    let Some(raw) = raw else {
        return Ok(Variant::default());
    };
    let here = |more: &[&str]| {
        let mut p = vec![key("variants"), key(side)];
        p.extend(more.iter().map(|k| key(k)));
        p
    };
    if let Some(label) = &raw.label {
        if label.is_blank() || label.texts().iter().any(|(_, t)| t.chars().count() > 40) {
            return Err(PathError::new(
                here(&["label"]),
                msg!("variant-label-length"),
            ));
        }
    }
    let mut dry = world.clone();
    let mut set = Vec::new();
    for (path, value) in &raw.set {
        dry.set(path, value)
            .map_err(|m| PathError::new(here(&["set", path]), m))?;
        set.push(Change {
            at: Dur(0),
            path: path.clone(),
            value: value.clone(),
            over: None,
            note: None,
            live: false,
            pause: false,
        });
    }
    if let Some(i) = raw.timeline.iter().position(|e| e.ask.is_some()) {
        let mut p = here(&["timeline"]);
        p.push(Seg::Index(i));
        p.push(key("ask"));
        return Err(PathError {
            path: p,
            at_key: true,
            message: msg!("ask-in-variant"),
        });
    }
    let (timeline, _) = build_timeline(&raw.timeline, &here(&["timeline"]), &dry, duration)?;
    let variant = Variant {
        label: raw.label.clone(),
        set,
        timeline,
    };
    let e = estimate(world, &variant.timeline_with(shared), duration);
    if let Some(message) = e.excess() {
        return Err(PathError::new(here(&[]), message));
    }
    Ok(variant)
}

fn valid_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 32
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn parse_order(v: &toml::Value) -> Result<Vec<PatternKind>, Msg> {
    let names = PatternKind::ALL.map(PatternKind::name);
    let help = msg!("order-help");
    let toml::Value::Array(items) = v else {
        return Err(help);
    };
    let mut order = Vec::new();
    for item in items {
        let kind: PatternKind = item.clone().try_into().map_err(|_| match item.as_str() {
            Some(s) => unknown_name("pattern", s, &names),
            None => help.clone(),
        })?;
        if order.contains(&kind) {
            return Err(msg!("order-twice", pattern = kind.name(), help = help));
        }
        order.push(kind);
    }
    // Patterns not listed keep their default relative order, innermost, but
    // for one the registry places just outside another listed layer.
    for k in PatternKind::DEFAULT_ORDER {
        if order.contains(&k) {
            continue;
        }
        let outside = crate::patterns::registry::layer(k).unlisted_outside;
        match outside.and_then(|o| order.iter().position(|&x| x == o)) {
            Some(at) => order.insert(at, k),
            None => order.push(k),
        }
    }
    Ok(order)
}

/// The byte offset of the value (or key) at `path` in the document.
pub fn span_of(doc: &toml_edit::ImDocument<String>, path: &[Seg], at_key: bool) -> Option<usize> {
    span_in_table(doc.as_table(), path, at_key)
}

fn span_in_table(t: &toml_edit::Table, path: &[Seg], at_key: bool) -> Option<usize> {
    use toml_edit::Item;
    let Some((first, rest)) = path.split_first() else {
        return t.span().map(|s| s.start);
    };
    let Seg::Key(k) = first else { return None };
    let key_span = t.key(k).and_then(|k| k.span()).map(|s| s.start);
    if rest.is_empty() && at_key {
        return key_span;
    }
    let item = t.get(k)?;
    if rest.is_empty() {
        return item.span().map(|s| s.start).or(key_span);
    }
    match item {
        Item::Table(inner) => span_in_table(inner, rest, at_key).or(key_span),
        Item::ArrayOfTables(a) => match rest.split_first() {
            Some((Seg::Index(i), more)) => {
                let t = a.get(*i)?;
                span_in_table(t, more, at_key)
                    .or(t.span().map(|s| s.start))
                    .or(key_span)
            }
            _ => key_span,
        },
        Item::Value(v) => span_in_value(v, rest, at_key).or(key_span),
        _ => key_span,
    }
}

fn span_in_value(v: &toml_edit::Value, path: &[Seg], at_key: bool) -> Option<usize> {
    use toml_edit::Value;
    let Some((first, rest)) = path.split_first() else {
        return v.span().map(|s| s.start);
    };
    match (v, first) {
        (Value::InlineTable(t), Seg::Key(k)) => {
            let key_span = t.key(k).and_then(|k| k.span()).map(|s| s.start);
            if rest.is_empty() && at_key {
                return key_span;
            }
            let inner = t.get(k)?;
            span_in_value(inner, rest, at_key).or(key_span)
        }
        (Value::Array(a), Seg::Index(i)) => span_in_value(a.get(*i)?, rest, at_key),
        _ => None,
    }
}
