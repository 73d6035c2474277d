//! TOML syntax errors in the reader's language, with hints for the usual
//! slips of a hand-written scenario (a duration without quotes, a decimal
//! comma, an unclosed string, a stray carriage return).
//!
//! The parser explains itself in English sentences of a few fixed forms
//! ("invalid basic string", "expected newline, `#`", "duplicate key `x` in
//! table `t`"); they are read back once into [`Syntax`] and each part is said
//! through the catalogue. A part not known here keeps the parser's words.

use crate::base::serde_message::decimal_point;
use crate::i18n::Msg;
use crate::msg;

/// One of the parser's messages, taken apart.
#[derive(Clone, Debug, PartialEq)]
pub enum Syntax {
    /// "invalid <what>", "expected <tokens>", and perhaps why.
    Parse {
        invalid: Option<String>,
        expected: Vec<String>,
        cause: Option<String>,
    },
    DuplicateKey {
        key: String,
        table: Option<String>,
    },
    DottedKeyNotTable {
        key: String,
    },
    OutOfRange,
    TooDeep,
    /// Anything else, in the parser's words.
    Other(String),
}

impl Syntax {
    /// Reads one of the parser's messages.
    pub fn parse(message: &str) -> Syntax {
        let m = message.trim();
        if let Some(rest) = m.strip_prefix("duplicate key `") {
            if let Some((key, tail)) = rest.split_once('`') {
                let table = if tail.trim() == "in document root" {
                    None
                } else {
                    tail.trim()
                        .strip_prefix("in table `")
                        .map(|t| t.trim_end_matches('`').to_string())
                };
                return Syntax::DuplicateKey {
                    key: key.to_string(),
                    table,
                };
            }
        }
        if let Some(rest) = m.strip_prefix("dotted key `") {
            if let Some((key, _)) = rest.split_once('`') {
                return Syntax::DottedKeyNotTable {
                    key: key.to_string(),
                };
            }
        }
        match m {
            "value is out of range" => return Syntax::OutOfRange,
            "recursion limit exceeded" => return Syntax::TooDeep,
            _ => {}
        }
        let (mut invalid, mut expected, mut cause) = (None, Vec::new(), None);
        for line in m.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if let Some(what) = line.strip_prefix("invalid ") {
                if invalid.is_none() && expected.is_empty() {
                    invalid = Some(what.to_string());
                    continue;
                }
            }
            if let Some(list) = line.strip_prefix("expected ") {
                if expected.is_empty() && cause.is_none() {
                    expected = split_tokens(list);
                    continue;
                }
            }
            cause = Some(match cause {
                Some(c) => format!("{c}; {line}"),
                None => line.to_string(),
            });
        }
        if invalid.is_none() && expected.is_empty() && cause.is_none() {
            return Syntax::Other(String::new());
        }
        Syntax::Parse {
            invalid,
            expected,
            cause,
        }
    }

    /// The message (without the "TOML syntax error" heading); `None`
    /// when the parser said nothing.
    pub fn msg(&self) -> Option<Msg> {
        Some(match self {
            Syntax::Parse {
                invalid,
                expected,
                cause,
            } => {
                let mut parts = Vec::new();
                if let Some(what) = invalid {
                    parts.push(msg!("syntax-invalid", what = what_word(what)));
                }
                if !expected.is_empty() {
                    let list: Vec<Msg> = expected.iter().map(|e| token_word(e)).collect();
                    parts.push(msg!("syntax-expected", list = join_or(list)));
                }
                if let Some(c) = cause {
                    parts.push(cause_words(c));
                }
                // "a; b; c", in every language.
                let last = parts.pop()?;
                parts.into_iter().rev().fold(last, |rest, first| {
                    msg!("syntax-parts", first = first, rest = rest)
                })
            }
            Syntax::DuplicateKey { key, table: None } => {
                msg!("syntax-duplicate-key-root", key = key.as_str())
            }
            Syntax::DuplicateKey {
                key,
                table: Some(table),
            } => msg!(
                "syntax-duplicate-key",
                key = key.as_str(),
                table = table.as_str()
            ),
            Syntax::DottedKeyNotTable { key } => {
                msg!("syntax-dotted-key-not-table", key = key.as_str())
            }
            Syntax::OutOfRange => msg!("syntax-out-of-range"),
            Syntax::TooDeep => msg!("syntax-too-deep"),
            Syntax::Other(m) if m.is_empty() => return None,
            Syntax::Other(m) => Msg::verbatim(m.as_str()),
        })
    }

    /// Whether the message mentions `words` in what it keeps of the
    /// parser's own words (the catalogue's words never say them).
    /// The key written twice and its table, here or as the cause.
    fn duplicate(&self) -> Option<(String, Option<String>)> {
        match self {
            Syntax::DuplicateKey { key, table } => Some((key.clone(), table.clone())),
            Syntax::Parse { cause: Some(c), .. } => match Syntax::parse(c) {
                Syntax::DuplicateKey { key, table } => Some((key, table)),
                _ => None,
            },
            _ => None,
        }
    }

    fn mentions(&self, words: &str) -> bool {
        match self {
            Syntax::Parse {
                invalid,
                expected,
                cause,
            } => invalid
                .iter()
                .chain(expected)
                .chain(cause)
                .any(|w| w.contains(words)),
            Syntax::DuplicateKey { key, table } => {
                key.contains(words) || table.as_ref().is_some_and(|t| t.contains(words))
            }
            Syntax::DottedKeyNotTable { key } => key.contains(words),
            Syntax::Other(m) => m.contains(words),
            Syntax::OutOfRange | Syntax::TooDeep => false,
        }
    }
}

/// `newline, `#`` → ["newline", "`#`"]; a backticked comma stays one token.
fn split_tokens(list: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_tick = false;
    let mut chars = list.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '`' => {
                in_tick = !in_tick;
                cur.push(c);
            }
            ',' if !in_tick && chars.peek() == Some(&' ') => {
                chars.next();
                out.push(std::mem::take(&mut cur));
            }
            _ => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The parser's name of a construct, in the reader's language.
fn what_word(what: &str) -> Msg {
    const KNOWN: &[&str] = &[
        "array",
        "basic string",
        "binary integer",
        "date-time",
        "escape sequence",
        "floating-point number",
        "hexadecimal integer",
        "inline table",
        "integer",
        "key",
        "literal string",
        "multiline basic string",
        "multiline literal string",
        "octal integer",
        "string",
        "table header",
        "time",
        "time offset",
        "unicode 4-digit hex code",
        "unicode 8-digit hex code",
    ];
    if KNOWN.contains(&what) {
        msg!("syntax-what", what = what.replace(' ', "-"))
    } else {
        Msg::verbatim(what)
    }
}

/// A token the parser expected: literals (`` `#` ``) stay as written, its
/// words are said in the reader's language.
fn token_word(token: &str) -> Msg {
    match token {
        "newline" | "digit" | "leading digit" | "end of input" | "letters" | "numbers" => {
            msg!("syntax-token", token = token.replace(' ', "-"))
        }
        other => Msg::verbatim(other),
    }
}

/// Why, after "invalid …": one of the forms above when it is one (a
/// repeated table's header says "duplicate key" on its second line).
fn cause_words(cause: &str) -> Msg {
    match cause {
        "number too large to fit in target type" => msg!("syntax-too-large"),
        "number too small to fit in target type" => msg!("syntax-too-small"),
        _ => match Syntax::parse(cause) {
            s @ (Syntax::DuplicateKey { .. }
            | Syntax::DottedKeyNotTable { .. }
            | Syntax::OutOfRange
            | Syntax::TooDeep) => s.msg().unwrap_or_else(|| Msg::verbatim(cause)),
            _ => Msg::verbatim(cause),
        },
    }
}

/// `a`, `a or b`, `a, b or c` (the list as one message: its items said in
/// the reader's language, joined by commas, then the language's "or").
fn join_or(mut items: Vec<Msg>) -> Msg {
    let Some(last) = items.pop() else {
        return Msg::verbatim("");
    };
    let Some(first) = (!items.is_empty()).then(|| items.remove(0)) else {
        return last;
    };
    let list = items.into_iter().fold(first, |list, item| {
        msg!("list-comma", list = list, item = item)
    });
    msg!("list-or", list = list, last = last)
}

/// A TOML syntax error in one line, with a hint for the usual slips.
pub fn syntax_message(text: &str, offset: usize, message: &str) -> Msg {
    let at = offset.min(text.len());
    let here = text.get(at..).and_then(|t| t.chars().next());
    if here == Some('\r') {
        return msg!("syntax-carriage-return");
    }
    let syntax = Syntax::parse(message);
    let said = syntax.msg();
    let msg = match (said, here) {
        (Some(m), _) => m,
        (None, Some(c)) => msg!(
            "syntax-unexpected",
            text = crate::base::escape::escape(&c.to_string())
        ),
        (None, None) => msg!("syntax-unexpected-end"),
    };
    let mut start = at;
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let line = text[..start].rsplit('\n').next().unwrap_or("").to_string()
        + text[start..].split('\n').next().unwrap_or("");
    let value = line.split_once('=').map_or("", |(_, v)| v.trim());
    // The value up to a comment or the end of the line: `0,5 # half`.
    let bare = value.split('#').next().unwrap_or("").trim();
    let twice = syntax.duplicate();
    let hint = if let Some((key, table)) = twice.as_ref().filter(|_| line.starts_with('[')) {
        // A header written twice: `[[service]]` for `[[services]]` makes the
        // next `[services.…]` land on the service before it.
        let in_services = table.as_deref().is_some_and(|t| t.starts_with("services"));
        if in_services && text.lines().any(|l| l.trim() == "[[service]]") {
            Some(msg!("syntax-hint-services-typo"))
        } else {
            let whole = match table {
                Some(t) => format!("{t}.{key}"),
                None => key.clone(),
            };
            Some(msg!("syntax-hint-table-once", key = whole))
        }
    } else if let Some(fixed) = decimal_point(bare) {
        Some(msg!("hint-decimal-comma", fixed = fixed))
    } else if matches!(
        syntax,
        Syntax::Parse {
            cause: Some(ref c),
            ..
        } if c.contains("too large")
    ) || syntax.mentions("too large")
    {
        Some(msg!("syntax-hint-too-large"))
    } else if value.starts_with(|c: char| c.is_ascii_digit())
        && crate::base::time::parse_duration(bare).is_ok()
    {
        Some(msg!("syntax-hint-duration-quotes"))
    } else if matches!(&syntax, Syntax::Parse { invalid: Some(w), .. } if w == "basic string") {
        Some(msg!("syntax-hint-closing-quote"))
    } else if matches!(&syntax, Syntax::Parse { invalid: Some(w), .. } if w == "string") {
        Some(msg!("syntax-hint-value-forms"))
    } else {
        None
    };
    match hint {
        None => msg!("syntax-error", message = msg),
        Some(hint) => msg!("syntax-error-hint", message = msg, hint = hint),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parser's own messages for the slips read back above, from the
    /// toml version in Cargo.lock: an upgrade that rewords one fails here
    /// (and the reader would get English again).
    #[test]
    fn the_pinned_parser_still_says_what_is_read_back() {
        let said = |text: &str| -> (Syntax, Msg) {
            let e = toml::from_str::<toml::Table>(text).expect_err(text);
            let offset = e.span().map_or(0, |s| s.start);
            (
                Syntax::parse(e.message()),
                syntax_message(text, offset, e.message()),
            )
        };
        let not_english = |m: &Msg| -> bool {
            let es = m.say("es");
            !es.contains("duplicate") && !es.contains("invalid") && !es.contains("expected")
        };
        for (text, want) in [
            ("[load]\nrate = 1\n[load]\n", "dos veces"),
            ("a = 1\na = 2\n", "dos veces"),
            (
                "[[services]]\n[services.x]\n[[service]]\n[services.x]\n",
                "[[services]]",
            ),
            ("a = \"x\n", "comillas"),
            ("a = 1 2\n", "salto de línea"),
            ("a = 99999999999999999999\n", ""),
            ("a.b = 1\na.b.c = 2\n", "puntos"),
        ] {
            let (syntax, m) = said(text);
            assert!(!matches!(syntax, Syntax::Other(_)), "{text:?}: {syntax:?}");
            assert!(not_english(&m), "{text:?}: {}", m.say("es"));
            assert!(m.say("es").contains(want), "{text:?}: {}", m.say("es"));
        }
    }

    #[test]
    fn the_parsers_forms_are_read_back() {
        assert_eq!(
            Syntax::parse("invalid basic string\nexpected `\"`, `\\`"),
            Syntax::Parse {
                invalid: Some("basic string".into()),
                expected: vec!["`\"`".into(), "`\\`".into()],
                cause: None
            }
        );
        assert_eq!(
            Syntax::parse("expected newline, `#`"),
            Syntax::Parse {
                invalid: None,
                expected: vec!["newline".into(), "`#`".into()],
                cause: None
            }
        );
        assert_eq!(
            Syntax::parse("expected `,`, `]`"),
            Syntax::Parse {
                invalid: None,
                expected: vec!["`,`".into(), "`]`".into()],
                cause: None
            }
        );
        assert_eq!(
            Syntax::parse("duplicate key `rate` in table `load`"),
            Syntax::DuplicateKey {
                key: "rate".into(),
                table: Some("load".into())
            }
        );
        assert_eq!(
            Syntax::parse("duplicate key `name` in document root"),
            Syntax::DuplicateKey {
                key: "name".into(),
                table: None
            }
        );
        assert_eq!(
            Syntax::parse("invalid integer\nnumber too large to fit in target type"),
            Syntax::Parse {
                invalid: Some("integer".into()),
                expected: vec![],
                cause: Some("number too large to fit in target type".into())
            }
        );
    }

    #[test]
    fn a_decimal_comma_gets_a_hint_in_each_language() {
        let text = "[load]\nrate = 0,5\n";
        let offset = text.find(',').unwrap();
        let en = crate::i18n::tr_in("en", "hint-decimal-comma", None);
        assert!(en.starts_with("TOML uses a decimal point"), "{en}");
        let m = syntax_message(text, offset, "expected newline, `#`");
        // The message is data, said in the language the reader asks for.
        let m = m.say("en");
        assert!(m.contains("TOML uses a decimal point: write 0.5"), "{m}");
    }
}
