//! Key presses as the dashboard understands them, in its own types: the
//! codes and modifiers the key table needs, and nothing from a terminal
//! library. The terminal shell (`tui/terminal.rs`) converts the terminal's
//! events into these; another front end (a browser) converts its own and
//! drives the same `App`.

/// Which key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyCode {
    /// A printable character, as the keyboard produced it (`R` with Shift).
    Char(char),
    Tab,
    /// Shift-Tab.
    BackTab,
    Up,
    Down,
    Left,
    Right,
    Esc,
    Enter,
    Backspace,
    PageUp,
    PageDown,
    Home,
    End,
    /// Any other key (function keys, Insert, …): bound to nothing, but still a
    /// key press (it takes a banner down).
    Other,
}

/// The modifiers held with a key. Alt and the rest are not told apart: no
/// binding uses them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Modifiers {
    pub ctrl: bool,
    pub shift: bool,
}

impl Modifiers {
    pub const NONE: Modifiers = Modifiers {
        ctrl: false,
        shift: false,
    };
    pub const CONTROL: Modifiers = Modifiers {
        ctrl: true,
        shift: false,
    };
    pub const SHIFT: Modifiers = Modifiers {
        ctrl: false,
        shift: true,
    };
}

/// One key press.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: Modifiers,
}

impl Key {
    pub const fn new(code: KeyCode, mods: Modifiers) -> Key {
        Key { code, mods }
    }

    /// A character with no modifier.
    pub const fn char(c: char) -> Key {
        Key::new(KeyCode::Char(c), Modifiers::NONE)
    }

    /// Ctrl and a character.
    pub const fn ctrl(c: char) -> Key {
        Key::new(KeyCode::Char(c), Modifiers::CONTROL)
    }
}

impl From<KeyCode> for Key {
    fn from(code: KeyCode) -> Key {
        Key::new(code, Modifiers::NONE)
    }
}
