//! Hints for TOML syntax errors: the usual slips of a hand-written scenario
//! (a duration without quotes, an unclosed string, a stray carriage return).

/// A TOML syntax error in one line, with a hint for the usual slips.
pub fn syntax_message(text: &str, offset: usize, message: &str) -> String {
    let here = text.get(offset..).and_then(|t| t.chars().next());
    if here == Some('\r') {
        return "TOML syntax error: a carriage return (\\r) that does not end a line; save the file with \\n or \\r\\n line endings".into();
    }
    let mut msg = message.trim().replace('\n', "; ");
    if msg.is_empty() {
        msg = match here {
            Some(c) => format!(
                "unexpected `{}`",
                crate::base::escape::escape(&c.to_string())
            ),
            None => "unexpected end of file".into(),
        };
    }
    let line = text[..offset.min(text.len())]
        .rsplit('\n')
        .next()
        .unwrap_or("")
        .to_string()
        + text[offset.min(text.len())..]
            .split('\n')
            .next()
            .unwrap_or("");
    let value = line.split_once('=').map_or("", |(_, v)| v.trim());
    let hint = if msg.contains("too large") {
        "; whole numbers go up to 9223372036854775807"
    } else if value.starts_with(|c: char| c.is_ascii_digit())
        && crate::base::time::parse_duration(value).is_ok()
    {
        "; a duration is a string with its unit in quotes, e.g. \"10s\" or \"250ms\""
    } else if msg.starts_with("invalid basic string") {
        "; a \"string\" needs its closing quote on the same line"
    } else if msg.starts_with("invalid string") {
        "; a value is a number, a \"string\", true or false, an [array] or an { inline = \"table\" }"
    } else {
        ""
    };
    format!("TOML syntax error: {msg}{hint}")
}
