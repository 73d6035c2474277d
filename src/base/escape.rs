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

/// Whether JSON output writes `c` as `\uXXXX` although JSON allows it
/// raw: what `is_unsafe` escapes (C1 controls such as U+009B, a terminal's
/// CSI; the bidi overrides), the zero-width and invisible format
/// characters, and the line and paragraph separators. Not the C0
/// controls: `serde_json` escapes those in strings already, and outside
/// strings a line break is the layout.
fn json_hides(c: char) -> bool {
    (is_unsafe(c) && c >= ' ')
        || matches!(
            c,
            '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200D}' | '\u{2028}' | '\u{2029}'
                | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
        )
}

/// JSON text (as `serde_json` writes it) with every character `json_hides`
/// written as a `\uXXXX` escape: the same JSON value, and nothing in it a
/// terminal obeys or a reader cannot see. Outside strings JSON is ASCII,
/// so only string contents change.
pub fn json_safe(json: &str) -> Cow<'_, str> {
    if !json.chars().any(json_hides) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if json_hides(c) {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{:04x}", u);
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_hides_c1_bidi_and_invisible_characters_as_the_same_value() {
        let name = "a\u{9b}31m\u{202e}b\u{200b}c\u{7f}é";
        let json = serde_json::to_string(&serde_json::json!({ "name": name })).unwrap();
        let safe = json_safe(&json);
        assert!(safe.is_ascii() || safe.contains('é'), "{safe}");
        assert!(
            !safe.chars().any(|c| c.is_control() || json_hides(c)),
            "{safe}"
        );
        let pretty = serde_json::to_string_pretty(&serde_json::json!({ "a": 1 })).unwrap();
        assert_eq!(json_safe(&pretty), pretty, "the layout stays");
        assert!(
            safe.contains("\\u009b") && safe.contains("\\u202e") && safe.contains("\\u200b"),
            "{safe}"
        );
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["name"], name, "the same value");
        assert!(matches!(json_safe("{\"a\": \"é\"}"), Cow::Borrowed(_)));
    }

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
