//! A text a scenario gives in one language or several: `name`, `description`,
//! `lesson` and a timeline `note` are written either as a string or as a
//! table by language, `lesson = { en = "…", es = "…" }`.
//!
//! The reader sees their own language; a language the text lacks falls back
//! to English, then to any other it has, never to an empty string while one
//! is not empty. Machine outputs (JSON's `scenario`, labels) use [`en`],
//! which does not change with the reader's language.
//!
//! [`en`]: Localised::en

use serde::{Deserialize, Deserializer};
use std::fmt;

/// A text in one or more languages. Derefs to the text in the reader's
/// language, so it reads where a `&str` is wanted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Localised {
    /// (language code, text); a plain string has the code `""`.
    texts: Vec<(String, String)>,
}

impl Localised {
    /// One text, whatever the language.
    pub fn plain(text: impl Into<String>) -> Localised {
        Localised {
            texts: vec![(String::new(), text.into())],
        }
    }

    /// Texts by language code, in the order given.
    pub fn by_language(texts: Vec<(String, String)>) -> Localised {
        Localised { texts }
    }

    /// In the reader's language (see the module's note on fallbacks).
    pub fn get(&self) -> &str {
        self.in_language(crate::i18n::current())
    }

    /// For machine outputs: English, or the only text given.
    pub fn en(&self) -> &str {
        self.in_language(crate::i18n::DEFAULT)
    }

    /// In language `code`: its own text, else the plain one, else English,
    /// else the first that is not empty.
    pub fn in_language(&self, code: &str) -> &str {
        let find = |c: &str| {
            self.texts
                .iter()
                .find(|(l, t)| l == c && !t.is_empty())
                .map(|(_, t)| t.as_str())
        };
        find(code)
            .or_else(|| find(""))
            .or_else(|| find(crate::i18n::DEFAULT))
            .or_else(|| {
                self.texts
                    .iter()
                    .find(|(_, t)| !t.is_empty())
                    .map(|(_, t)| t.as_str())
            })
            .unwrap_or("")
    }

    /// Every (language, text) given; the language is `""` for a plain string.
    pub fn texts(&self) -> &[(String, String)] {
        &self.texts
    }

    /// The same texts, each changed by `f` (e.g. a prefix in every language).
    pub fn map(&self, f: impl Fn(&str) -> String) -> Localised {
        Localised {
            texts: self.texts.iter().map(|(l, t)| (l.clone(), f(t))).collect(),
        }
    }

    /// Whether every text is empty (or none is given).
    pub fn is_blank(&self) -> bool {
        self.texts.iter().all(|(_, t)| t.trim().is_empty())
    }
}

impl std::ops::Deref for Localised {
    type Target = str;
    fn deref(&self) -> &str {
        self.get()
    }
}

impl fmt::Display for Localised {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.get())
    }
}

impl From<&str> for Localised {
    fn from(s: &str) -> Localised {
        Localised::plain(s)
    }
}

impl From<&Localised> for Localised {
    fn from(s: &Localised) -> Localised {
        s.clone()
    }
}

impl From<&String> for Localised {
    fn from(s: &String) -> Localised {
        Localised::plain(s.clone())
    }
}

impl From<String> for Localised {
    fn from(s: String) -> Localised {
        Localised::plain(s)
    }
}

impl<'de> Deserialize<'de> for Localised {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        match toml::Value::deserialize(d)? {
            toml::Value::String(s) => Ok(Localised::plain(s)),
            toml::Value::Table(t) if !t.is_empty() => {
                let known = crate::i18n::languages();
                let mut texts = Vec::new();
                for (code, v) in t {
                    if !known.contains(&code.as_str()) {
                        return Err(D::Error::custom(crate::base::settable::unknown_name(
                            "language", &code, known,
                        )));
                    }
                    match v {
                        toml::Value::String(s) => texts.push((code, s)),
                        other => {
                            return Err(D::Error::custom(crate::msg!(
                                "text-language-not-string",
                                code = code.as_str(),
                                found = crate::base::serde_message::kind_of(&other)
                            )))
                        }
                    }
                }
                Ok(Localised { texts })
            }
            other => Err(D::Error::custom(crate::msg!(
                "text-type",
                found = crate::base::serde_message::kind_of(&other)
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two(en: &str, es: &str) -> Localised {
        Localised::by_language(vec![("en".into(), en.into()), ("es".into(), es.into())])
    }

    #[test]
    fn a_missing_language_falls_back_english_first_never_to_empty() {
        let t = two("Payment outage", "Caída del pago");
        assert_eq!(t.in_language("es"), "Caída del pago");
        assert_eq!(t.in_language("en"), "Payment outage");
        assert_eq!(t.in_language("fr"), "Payment outage");
        let es_only = Localised::by_language(vec![("es".into(), "Sólo".into())]);
        assert_eq!(es_only.in_language("en"), "Sólo");
        assert_eq!(es_only.en(), "Sólo");
        let blank_es = two("Only English", "");
        assert_eq!(blank_es.in_language("es"), "Only English");
        assert_eq!(Localised::plain("x").in_language("es"), "x");
        assert!(Localised::default().is_blank());
    }

    #[test]
    fn reads_a_string_or_a_table_by_language() {
        #[derive(Deserialize)]
        struct T {
            a: Localised,
            b: Localised,
        }
        let t: T = toml::from_str("a = \"plain\"\nb = { en = \"hi\", es = \"hola\" }").unwrap();
        assert_eq!(t.a.en(), "plain");
        assert_eq!(t.b.in_language("es"), "hola");
        assert_eq!(t.b.en(), "hi");
        assert!(toml::from_str::<T>("a = 1\nb = \"x\"").is_err());
        assert!(toml::from_str::<T>("a = {}\nb = \"x\"").is_err());
        let e = toml::from_str::<T>("a = { en = \"x\", sp = \"y\" }\nb = \"x\"")
            .err()
            .unwrap()
            .message()
            .to_string();
        // Ours crosses serde as data; the scenario reader says it.
        let e = crate::i18n::Msg::say_within(&e, "en");
        assert!(e.contains("`sp`"), "{e}");
        assert!(toml::from_str::<T>("a = { en = 5 }\nb = \"x\"").is_err());
    }
}
