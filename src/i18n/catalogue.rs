//! The compiled catalogues: one Fluent bundle per language, built once.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

use super::number;

mod files {
    include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));
}

pub struct Catalogue {
    codes: Vec<&'static str>,
    bundles: Vec<FluentBundle<FluentResource>>,
    styles: Vec<number::Style>,
    /// Every message id of the default language, sorted (to read a message
    /// back from its transport form, `Msg::decode`).
    ids: Vec<String>,
    /// Every variable name of those messages, sorted.
    variables: Vec<String>,
}

static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();

pub fn get() -> &'static Catalogue {
    CATALOGUE.get_or_init(build)
}

fn build() -> Catalogue {
    let mut codes: Vec<&'static str> = files::FILES.iter().map(|f| f.0).collect();
    codes.sort_by_key(|c| (*c != super::DEFAULT, *c));
    codes.dedup();
    let bundles = codes
        .iter()
        .map(|code| {
            let lang: LanguageIdentifier = code.parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![lang]);
            // Fluent wraps variables in invisible isolation marks by default;
            // on a terminal they take columns and break every width check.
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(number::format_value));
            for (_, name, text) in files::FILES.iter().filter(|f| f.0 == *code) {
                // The catalogues are ours and tested; a broken one is a bug
                // caught by `tests/i18n.rs`, which checks they parse whole.
                let res = FluentResource::try_new(text.to_string()).unwrap_or_else(|(res, _)| res);
                if let Err(errs) = bundle.add_resource(res) {
                    debug_assert!(false, "{code}/{name}: {errs:?}");
                }
            }
            bundle
        })
        .collect::<Vec<_>>();
    let styles = bundles.iter().map(number::Style::of).collect();
    let messages: Vec<(String, Vec<String>)> = files::FILES
        .iter()
        .filter(|f| f.0 == super::DEFAULT)
        .flat_map(|(_, _, text)| messages_of(text))
        .collect();
    let mut variables: Vec<String> = messages.iter().flat_map(|m| m.1.clone()).collect();
    variables.sort();
    variables.dedup();
    let mut ids: Vec<String> = messages.into_iter().map(|m| m.0).collect();
    ids.sort();
    ids.dedup();
    Catalogue {
        codes,
        bundles,
        styles,
        ids,
        variables,
    }
}

impl Catalogue {
    pub fn codes(&self) -> &[&'static str] {
        &self.codes
    }

    fn bundle(&self, code: &str) -> Option<&FluentBundle<FluentResource>> {
        let i = self.codes.iter().position(|c| *c == code)?;
        Some(&self.bundles[i])
    }

    /// How `code` writes numbers (English's way for an unknown code).
    pub fn style(&self, code: &str) -> number::Style {
        match self.codes.iter().position(|c| *c == code) {
            Some(i) => self.styles[i].clone(),
            None => number::Style::default(),
        }
    }

    /// The catalogue's own copy of message id `id`, if there is one.
    pub fn id(&'static self, id: &str) -> Option<&'static str> {
        let i = self.ids.binary_search_by(|k| k.as_str().cmp(id)).ok()?;
        Some(self.ids[i].as_str())
    }

    /// The catalogue's own copy of variable name `name`, if a message has it.
    pub fn variable(&'static self, name: &str) -> Option<&'static str> {
        let i = self
            .variables
            .binary_search_by(|k| k.as_str().cmp(name))
            .ok()?;
        Some(self.variables[i].as_str())
    }

    pub fn has(&self, code: &str, id: &str) -> bool {
        self.bundle(code).is_some_and(|b| b.has_message(id))
    }

    pub fn format(&self, code: &str, id: &str, args: Option<&FluentArgs>) -> String {
        for b in [self.bundle(code), self.bundle(super::DEFAULT)]
            .into_iter()
            .flatten()
        {
            if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
                let mut errors = vec![];
                return b.format_pattern(pattern, args, &mut errors).into_owned();
            }
        }
        id.to_string()
    }

    pub fn inventory(&self, code: &str) -> Vec<(String, Vec<String>)> {
        let mut out = BTreeMap::new();
        for (_, _, text) in files::FILES.iter().filter(|f| f.0 == code) {
            for (id, vars) in messages_of(text) {
                out.insert(id, vars);
            }
        }
        out.into_iter().collect()
    }

    /// Every parse error of every catalogue, `lang/file: error`.
    pub fn parse_errors(&self) -> Vec<String> {
        files::FILES
            .iter()
            .filter_map(|(lang, name, text)| {
                FluentResource::try_new(text.to_string())
                    .err()
                    .map(|(_, e)| format!("{lang}/{name}: {e:?}"))
            })
            .collect()
    }
}

/// Message ids and the variables each uses, read from the source text.
fn messages_of(text: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = vec![];
    for line in text.lines() {
        let starts_entry = line.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        if starts_entry {
            if let Some((id, _)) = line.split_once('=') {
                out.push((id.trim().to_string(), vec![]));
            }
        }
        if let Some((_, vars)) = out.last_mut() {
            let mut rest = line;
            while let Some(i) = rest.find('$') {
                rest = &rest[i + 1..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                if !name.is_empty() && !vars.contains(&name) {
                    vars.push(name);
                }
            }
        }
    }
    for (_, v) in &mut out {
        v.sort();
    }
    out
}

/// For the tests: the parse errors of the compiled catalogues.
pub fn parse_errors() -> Vec<String> {
    get().parse_errors()
}
