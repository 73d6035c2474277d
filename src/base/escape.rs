//! Text from a scenario file (names, descriptions, lessons, notes, unknown
//! key names) is data, not terminal commands: before it reaches a terminal,
//! control characters are written as visible escapes (`\e`, `\x07`, `\u{9b}`),
//! so that `note = "\u001b[?1049l"` cannot take the dashboard off the
//! alternate screen and a key named `"\u001b]0;PWNED\u0007"` cannot retitle the
//! terminal through an error message.
//!
//! Also escaped: the Unicode bidirectional overrides and isolates, which can
//! make a line read differently from what it contains.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `c` must not reach a terminal as itself.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every control character escaped, `\n` and `\t` included: for
/// text shown on one line (names, notes, error messages).
pub fn escape(s: &str) -> Cow<'_, str> {
    escape_with(s, false)
}

/// `s` with every control character escaped except `\n`: for paragraphs
/// (descriptions, lessons) that may span lines.
pub fn escape_keep_newlines(s: &str) -> Cow<'_, str> {
    escape_with(s, true)
}

fn escape_with(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    let bad = |c: char| is_unsafe(c) && !(keep_newlines && c == '\n');
    if !s.chars().any(bad) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if !bad(c) {
            out.push(c);
            continue;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{1b}' => out.push_str("\\e"),
            c if (c as u32) < 0x100 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        assert!(matches!(escape("Payment outage · ×10 é"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(
            escape("\u{1b}]0;PWNED\u{7}\u{1b}[2J"),
            "\\e]0;PWNED\\x07\\e[2J"
        );
        assert_eq!(escape("a\r\nb\t\u{7f}\u{9b}"), "a\\r\\nb\\t\\x7f\\x9b");
        assert_eq!(escape("\u{202e}abc"), "\\u{202e}abc");
        assert!(!escape("\u{1b}[?1049l").contains('\u{1b}'));
    }

    #[test]
    fn paragraphs_keep_their_newlines_only() {
        assert_eq!(escape_keep_newlines("a\nb\u{1b}c"), "a\nb\\ec");
    }
}
