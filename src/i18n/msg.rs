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
                MsgArg::Text(s) => FluentValue::from(Msg::say_within(s, lang)),
                MsgArg::Number(n) => FluentValue::from(*n),
                MsgArg::Msg(m) => FluentValue::from(m.say(lang)),
            };
            args.set(*k, value);
        }
        tr_in(lang, self.id, Some(&args))
    }

    /// The message in this thread's language (a shell, inside the scope its
    /// renderer set: `i18n::scoped`).
    pub fn said(&self) -> String {
        self.say(super::current())
    }

    /// The variable `name`, if the message has it (for tests and shells that
    /// lay a value out themselves).
    pub fn arg(&self, name: &str) -> Option<&MsgArg> {
        self.args.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }
}

impl Msg {
    /// A text that is already words (a name, a value as the file wrote it,
    /// or a message a lower layer still says itself): said as it is in
    /// every language.
    pub fn verbatim(text: impl Into<String>) -> Msg {
        Msg::new("verbatim").with("text", text.into())
    }

    /// The message read back from its transport form (`Display`), when
    /// `text` is exactly one message.
    pub fn decode(text: &str) -> Option<Msg> {
        let mut chars = text.trim().chars().peekable();
        if chars.next() != Some(START) {
            return None;
        }
        let m = read(&mut chars)?;
        chars.next().is_none().then_some(m)
    }

    /// `text` with every message in transport form inside it said in
    /// `lang` (serde may wrap ours in its own sentence).
    pub fn say_within(text: &str, lang: &str) -> String {
        if !text.contains(START) {
            return text.to_string();
        }
        let mut out = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c != START {
                out.push(c);
                continue;
            }
            match read(&mut chars) {
                Some(m) => out.push_str(&m.say(lang)),
                None => break,
            }
        }
        out
    }
}

const START: char = '\u{E000}';
const NEXT: char = '\u{E001}';
const END: char = '\u{E002}';

impl std::fmt::Display for Msg {
    /// The transport form, for serde's text errors (see the module's
    /// documentation); not for a reader.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{START}{}", self.id)?;
        for (k, v) in &self.args {
            write!(f, "{NEXT}{k}")?;
            match v {
                // Its length first: the text may hold anything, marks too.
                MsgArg::Text(s) => write!(f, "T{}:{s}", s.chars().count())?,
                MsgArg::Number(n) => write!(f, "N{n:?}")?,
                MsgArg::Msg(m) => write!(f, "M{m}")?,
            }
        }
        write!(f, "{END}")
    }
}

/// Reads one message after its `START`, through its `END`.
fn read(chars: &mut std::iter::Peekable<std::str::Chars>) -> Option<Msg> {
    let upto = |chars: &mut std::iter::Peekable<std::str::Chars>| {
        let mut s = String::new();
        while let Some(&c) = chars.peek() {
            if c == NEXT || c == END || c == START {
                break;
            }
            s.push(c);
            chars.next();
        }
        s
    };
    let id = super::catalogue::get().id(&upto(chars))?;
    let mut m = Msg::new(id);
    loop {
        match chars.next()? {
            END => return Some(m),
            NEXT => {}
            _ => return None,
        }
        let mut name = String::new();
        let kind = loop {
            let c = chars.next()?;
            if c.is_ascii_uppercase() {
                break c;
            }
            name.push(c);
        };
        // A variable no message uses says nothing: read and dropped.
        let name = super::catalogue::get().variable(&name);
        let value = match kind {
            'T' => {
                let mut len = String::new();
                loop {
                    match chars.next()? {
                        ':' => break,
                        c => len.push(c),
                    }
                }
                let len: usize = len.parse().ok()?;
                let text: String = chars.by_ref().take(len).collect();
                if text.chars().count() != len {
                    return None;
                }
                MsgArg::Text(text)
            }
            'N' => MsgArg::Number(upto(chars).parse().ok()?),
            'M' => {
                if chars.next()? != START {
                    return None;
                }
                MsgArg::Msg(Box::new(read(chars)?))
            }
            _ => return None,
        };
        if let Some(name) = name {
            m.args.push((name, value));
        }
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
    use super::Msg;

    #[test]
    fn the_transport_form_reads_back_whole() {
        let inner = crate::msg!("unknown-name", what = "key", name = "na\u{E001}me");
        let m = crate::msg!("unknown-name-far", unknown = inner, valid = "a, b");
        let back = Msg::decode(&m.to_string()).expect("one message");
        assert_eq!(back, m);
        let n = crate::msg!("count-calls", n = 1.5);
        assert_eq!(Msg::decode(&n.to_string()), Some(n.clone()));
        let within = format!("invalid type: integer `5`, expected {n}");
        assert_eq!(
            Msg::say_within(&within, "es"),
            format!("invalid type: integer `5`, expected {}", n.say("es"))
        );
        assert_eq!(Msg::decode("plain words"), None);
        assert_eq!(Msg::decode(&format!("{n} and more")), None);
    }

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
