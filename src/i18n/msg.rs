//! A message as data: a catalogue id and its variables, said later.
//!
//! The core (`base`, `patterns`, `sim`, `scenario`) never looks a text up: it
//! returns a `Msg`, and the shell that shows it says it in its reader's
//! language (`Msg::say`). So a reason, a notice or an error made in one
//! language re-translates when the reader switches (`L`), and two readers in
//! two languages can share one run.

use super::{tr_in, FluentArgs, FluentValue};

/// One message variable: text, a number (formatted and pluralised in the
/// language it is said in), or another message said in the same language.
#[derive(Clone, Debug, PartialEq)]
pub enum MsgArg {
    Text(String),
    Number(f64),
    Msg(Box<Msg>),
}

/// A catalogue id with its variables.
#[derive(Clone, Debug, PartialEq)]
pub struct Msg {
    pub id: &'static str,
    pub args: Vec<(&'static str, MsgArg)>,
}

impl Msg {
    pub fn new(id: &'static str) -> Msg {
        Msg {
            id,
            args: Vec::new(),
        }
    }

    /// Adds a variable (text, number or message).
    pub fn with(mut self, name: &'static str, value: impl Into<MsgArg>) -> Msg {
        self.args.push((name, value.into()));
        self
    }

    /// The message in language `lang` (`en`, `es`).
    pub fn say(&self, lang: &str) -> String {
        if self.args.is_empty() {
            return tr_in(lang, self.id, None);
        }
        let mut args = FluentArgs::new();
        for (k, v) in &self.args {
            let value = match v {
                MsgArg::Text(s) => FluentValue::from(s.clone()),
                MsgArg::Number(n) => FluentValue::from(*n),
                MsgArg::Msg(m) => FluentValue::from(m.say(lang)),
            };
            args.set(*k, value);
        }
        tr_in(lang, self.id, Some(&args))
    }

    /// The variable `name`, if the message has it (for tests and shells that
    /// lay a value out themselves).
    pub fn arg(&self, name: &str) -> Option<&MsgArg> {
        self.args.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }
}

/// Said in the process's current language: a bridge for callers that still
/// carry text, until every shell passes its reader's language.
impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.say(super::current()))
    }
}

impl From<Msg> for String {
    fn from(m: Msg) -> String {
        m.to_string()
    }
}

impl From<Msg> for MsgArg {
    fn from(m: Msg) -> MsgArg {
        MsgArg::Msg(Box::new(m))
    }
}
impl From<&str> for MsgArg {
    fn from(s: &str) -> MsgArg {
        MsgArg::Text(s.to_string())
    }
}
impl From<String> for MsgArg {
    fn from(s: String) -> MsgArg {
        MsgArg::Text(s)
    }
}
impl From<&String> for MsgArg {
    fn from(s: &String) -> MsgArg {
        MsgArg::Text(s.clone())
    }
}
impl From<std::borrow::Cow<'_, str>> for MsgArg {
    fn from(s: std::borrow::Cow<'_, str>) -> MsgArg {
        MsgArg::Text(s.into_owned())
    }
}
macro_rules! number_msg_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for MsgArg {
            fn from(n: $t) -> MsgArg {
                MsgArg::Number(n as f64)
            }
        }
    )*};
}
number_msg_arg!(u8, u16, u32, u64, usize, i32, i64, f64);

/// A message as data: `msg!("id")` or `msg!("id", name = value, …)`; the
/// values are text, numbers or other `Msg`s. Nothing is looked up until a
/// shell calls `say`.
#[macro_export]
macro_rules! msg {
    ($id:expr) => {
        $crate::i18n::msg::Msg::new($id)
    };
    ($id:expr, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::i18n::msg::Msg::new($id)$(.with(stringify!($k), $v))+
    };
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_message_is_said_in_the_language_asked_for() {
        let m = crate::msg!("must-be-whole-in-range", lo = "1", hi = "100");
        let en = m.say("en");
        let es = m.say("es");
        assert!(en.contains("1") && en.contains("100"), "{en}");
        assert_ne!(en, es, "the Spanish catalogue says it in Spanish");
    }

    #[test]
    fn nested_messages_follow_the_outer_language() {
        let inner = crate::msg!("unknown-name", what = "key", name = "foo");
        let outer = crate::msg!("unknown-name-far", unknown = inner.clone(), valid = "a, b");
        assert!(outer.say("es").contains(&inner.say("es")));
        assert!(outer.say("en").contains(&inner.say("en")));
    }
}
