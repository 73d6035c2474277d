//! How a command ends when it does not end well: one value carrying the
//! exit status and the message said on stderr, said once by `main`.
//!
//! Exit status: 0 fine (a closed output pipe included), 2 bad input (the
//! scenario, a flag or its value), 1 an internal or I/O error, 3 an
//! exercise graded with a goal missed (`grade`), 128 + n when signal n
//! ended the dashboard or a sweep.

use breakwater::output;
use std::process::ExitCode;

/// What a command returns: `Ok` is exit 0 with nothing more to say.
pub type Outcome = Result<(), Failure>;

/// An exit status other than a plain success, and the line(s) that say why.
#[derive(Debug)]
pub struct Failure {
    code: u8,
    message: Option<String>,
}

impl Failure {
    /// Exit 2, bad input: "breakwater: " and the message.
    pub fn bad(message: impl Words) -> Self {
        Self::with(2, format!("breakwater: {}", message.words()))
    }

    /// Exit 1, an I/O or internal error: "breakwater: " and the message.
    pub fn io(message: impl Words) -> Self {
        Self::with(1, format!("breakwater: {}", message.words()))
    }

    /// Exit 3: an exercise graded, a goal missed (the goals, said on
    /// stdout, say which).
    pub fn unmet() -> Self {
        Self::silent(3)
    }

    /// `code` with a message said as it is (it carries its own prefix, as a
    /// scenario's `file:line:column: …` or clap's explained error).
    pub fn with(code: u8, message: String) -> Self {
        Self {
            code,
            message: Some(message),
        }
    }

    /// `code` with nothing (more) to say: a closed pipe (0), a signal
    /// (128 + n), a dashboard whose messages were already said.
    pub fn silent(code: u8) -> Self {
        Self {
            code,
            message: None,
        }
    }

    /// Says the message on stderr and gives the exit status. Whatever a
    /// message carries (a flag's value, a file name, a scenario's text),
    /// no control character reaches the terminal raw: the last gate
    /// escapes them as scenario text is (line breaks kept).
    pub fn exit(self) -> ExitCode {
        if let Some(m) = &self.message {
            output::errln(&breakwater::base::escape::escape_keep_newlines(m));
        }
        ExitCode::from(self.code)
    }

    #[cfg(test)]
    pub fn parts(&self) -> (u8, Option<&str>) {
        (self.code, self.message.as_deref())
    }
}

/// What a failure says: text already in the reader's words, or a message of
/// the core (data) said now in the command's language. Not `Display`: a
/// `Msg`'s `Display` is its transport form, not words.
pub trait Words {
    fn words(self) -> String;
}
impl Words for String {
    fn words(self) -> String {
        self
    }
}
impl Words for &str {
    fn words(self) -> String {
        self.to_string()
    }
}
impl Words for &String {
    fn words(self) -> String {
        self.clone()
    }
}
impl Words for breakwater::i18n::Msg {
    fn words(self) -> String {
        self.said()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_carries_its_code_and_its_words() {
        assert_eq!(Failure::bad("x").parts(), (2, Some("breakwater: x")));
        assert_eq!(Failure::io("y").parts(), (1, Some("breakwater: y")));
        assert_eq!(
            Failure::with(2, "f:1:2: z".into()).parts(),
            (2, Some("f:1:2: z"))
        );
        assert_eq!(Failure::silent(130).parts(), (130, None));
    }
}
