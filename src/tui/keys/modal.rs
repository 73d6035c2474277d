//! The key tables of the modal contexts: the trace menu's, a
//! prediction's and an open exercise's. Their keys only mean something while the context is open,
//! where the footer names them; dispatch and the footer read them with the
//! dashboard's table (`keys::all`), the help lists the dashboard's alone.

use super::*;

/// The trace menu's own keys (`When::Menu`). Kept apart from `bindings()`,
/// which the help overlay lists whole, because they only mean something
/// while the menu is open, where the footer names them; dispatch and the
/// footer read both tables (`all`).
pub(super) const MENU: &[Binding] = &[
    b(
        &[code(KeyCode::Up), ch('k')],
        "↑ k",
        A::MenuUp,
        "key-menu-up",
        Some(("↑↓", "key-menu-move-short")),
        W::Menu,
    ),
    b(
        &[code(KeyCode::Down), ch('j')],
        "↓ j",
        A::MenuDown,
        "key-menu-down",
        None,
        W::Menu,
    ),
    b(
        &[code(KeyCode::Enter)],
        "Enter",
        A::MenuChoose,
        "key-menu-choose",
        Some(("Enter", "key-menu-choose-short")),
        W::Menu,
    ),
    b(
        DIGITS,
        "0-9",
        A::MenuDigit,
        "key-menu-digit",
        Some(("0-9", "key-menu-digit-short")),
        W::Menu,
    ),
    b(
        &[code(KeyCode::Backspace)],
        "Backspace",
        A::MenuErase,
        "key-menu-erase",
        None,
        W::Menu,
    ),
    b(
        &[code(KeyCode::Esc)],
        "Esc",
        A::CloseMenu,
        "key-close-menu",
        Some(("Esc", "key-close-menu-short")),
        W::Menu,
    ),
    // Ctrl-C still quits (raw mode swallows the terminal's own); `q` is
    // only a letter here.
    b(&[ctrl('c')], "^C", A::Quit, "key-quit", None, W::Menu),
];

/// A prediction's own keys (`When::Typing`): shown by the footer while the
/// class's answer is typed, like the trace menu's.
pub(super) const TYPING: &[Binding] = &[
    b(
        &[code(KeyCode::Enter)],
        "Enter",
        A::AnswerConfirm,
        "key-answer-confirm",
        Some(("Enter", "key-answer-confirm-short")),
        W::Typing,
    ),
    b(
        &[code(KeyCode::Backspace)],
        "Backspace",
        A::AnswerErase,
        "key-answer-erase",
        None,
        W::Typing,
    ),
    b(
        &[code(KeyCode::Esc)],
        "Esc",
        A::AnswerCancel,
        "key-answer-cancel",
        Some(("Esc", "key-answer-cancel-short")),
        W::Typing,
    ),
    b(&[ctrl('c')], "^C", A::Quit, "key-quit", None, W::Typing),
    b(
        ANSWER_CHARS,
        "a-z 0-9 , . -",
        A::AnswerChar,
        "key-answer-char",
        Some(("a-z 0-9", "key-answer-char-short")),
        W::Typing,
    ),
];

/// What a prediction is typed with: letters (a choice, or `a 12 b 5`),
/// digits, the decimal marks, a minus and spaces.
const ANSWER_CHARS: &[Chord] = &{
    const LETTERS: &[u8; 26] = b"abcdefghijklmnopqrstuvwxyz";
    let mut all = [ch(' '); 41];
    let mut i = 0;
    while i < 26 {
        all[i] = ch(LETTERS[i] as char);
        i += 1;
    }
    let mut d = 0;
    while d < 10 {
        all[26 + d] = ch((b'0' + d as u8) as char);
        d += 1;
    }
    all[36] = ch(',');
    all[37] = ch('.');
    all[38] = ch('-');
    all[39] = ch(' ');
    all[40] = ch('\u{a0}');
    all
};

/// The digits, typed into the trace menu's call number.
const DIGITS: &[Chord] = &[
    ch('0'),
    ch('1'),
    ch('2'),
    ch('3'),
    ch('4'),
    ch('5'),
    ch('6'),
    ch('7'),
    ch('8'),
    ch('9'),
];

/// An exercise's keys (`When::Exercise`), kept apart from `bindings()` as
/// the menu's are: they exist only with an exercise open, where the help
/// lists them too; dispatch and the footer read every table (`all`).
pub(super) const EXERCISE: &[Binding] = &[b(
    &[ch('g')],
    "g",
    A::Grade,
    "key-grade",
    Some(("g", "key-grade-short")),
    W::Exercise,
)];
