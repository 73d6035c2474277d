//! The browser's key presses as the dashboard's (`tui::input`): the same
//! keys as in the terminal, so the same key table answers them.

use breakwater::tui::input::{Key, KeyCode, Modifiers};

/// The dashboard's key for a `keydown`'s `key` and modifiers, or `None`
/// for a key the page leaves to the browser: a modifier alone, or a
/// shortcut held with Alt or Meta (Cmd-R still reloads).
pub fn key_of(name: &str, ctrl: bool, shift: bool, alt_or_meta: bool) -> Option<Key> {
    if alt_or_meta {
        return None;
    }
    let mut chars = name.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) => KeyCode::Char(c),
        _ => match name {
            "Tab" if shift => KeyCode::BackTab,
            "Tab" => KeyCode::Tab,
            "ArrowUp" => KeyCode::Up,
            "ArrowDown" => KeyCode::Down,
            "ArrowLeft" => KeyCode::Left,
            "ArrowRight" => KeyCode::Right,
            "Escape" => KeyCode::Esc,
            "Enter" => KeyCode::Enter,
            "Backspace" => KeyCode::Backspace,
            "PageUp" => KeyCode::PageUp,
            "PageDown" => KeyCode::PageDown,
            "Home" => KeyCode::Home,
            "End" => KeyCode::End,
            "Shift" | "Control" | "Alt" | "AltGraph" | "Meta" | "CapsLock" | "NumLock" | "Dead"
            | "Unidentified" | "Process" => return None,
            _ => KeyCode::Other,
        },
    };
    // Ctrl-C arrives as `c` with Ctrl; the key table binds lower case.
    let code = match code {
        KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
        c => c,
    };
    Some(Key::new(code, Modifiers { ctrl, shift }))
}
