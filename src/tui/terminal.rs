//! The terminal's raw mode and alternate screen, owned by a guard: dropping
//! it restores the terminal, and a panic hook restores it before the panic
//! message is printed, so no exit path leaves the shell broken.

use super::input::{Key, KeyCode, Modifiers};
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor;
use ratatui::crossterm::event::{KeyCode as TermCode, KeyEvent, KeyModifiers};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::layout::Rect;
use ratatui::Terminal;
use std::io::{self, Stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;

/// Whether the terminal is in raw mode on the alternate screen. Restoring twice
/// (panic hook, then the guard while unwinding) would leave the alternate
/// screen twice, and terminals then move the cursor back over the panic message.
static ACTIVE: AtomicBool = AtomicBool::new(false);

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Raw mode and the alternate screen for as long as it lives.
///
/// The terminal is never dropped: ratatui's `Drop` shows the cursor again
/// and, when the terminal is gone (a hang-up), prints its own English
/// "Failed to show the cursor" on stderr. `restore` already shows the
/// cursor, quietly; the few kilobytes of buffers live until the process
/// ends, moments later (one dashboard per process).
pub struct TerminalGuard {
    pub terminal: std::mem::ManuallyDrop<Term>,
}

impl TerminalGuard {
    pub fn enter() -> io::Result<TerminalGuard> {
        install_panic_hook();
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        let setup = || -> io::Result<Term> {
            let mut out = io::stdout();
            execute!(out, EnterAlternateScreen, cursor::Hide)?;
            let mut terminal = Terminal::new(CrosstermBackend::new(out))?;
            clear_all(&mut terminal)?;
            Ok(terminal)
        };
        match setup() {
            Ok(terminal) => Ok(TerminalGuard {
                terminal: std::mem::ManuallyDrop::new(terminal),
            }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl TerminalGuard {
    /// Takes the terminal back after a suspend (`fg`): raw mode, the
    /// alternate screen, the cursor hidden, and a full redraw on the next
    /// frame, since the shell has drawn over the screen meanwhile.
    pub fn resume(&mut self) -> io::Result<()> {
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        execute!(io::stdout(), EnterAlternateScreen, cursor::Hide)?;
        clear_all(&mut self.terminal)
    }
}

/// Clears the whole screen and makes the next frame draw every cell.
/// Not `Terminal::clear`: since ratatui 0.30 it first asks the terminal where
/// the cursor is, and after a suspend that answer races the event stream's
/// reader and times out ("the cursor position could not be read"), which
/// ended the dashboard on `fg`. A full-screen resize to the present size
/// clears and resets the previous frame without asking anything.
fn clear_all(terminal: &mut Term) -> io::Result<()> {
    let size = terminal.size()?;
    terminal.resize(Rect::new(0, 0, size.width, size.height))
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Leaves raw mode and the alternate screen and shows the cursor. Safe to
/// call more than once (the guard and the panic hook may both call it): only
/// the first call after `enter` does anything.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = disable_raw_mode();
    let _ = execute!(io::stdout(), LeaveAlternateScreen, cursor::Show);
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// A crossterm key event as the dashboard's own key (the `App` knows no
/// terminal types). Releases are the caller's to drop.
pub fn key_of(ev: &KeyEvent) -> Key {
    let code = match ev.code {
        TermCode::Char(c) => KeyCode::Char(c),
        TermCode::Tab => KeyCode::Tab,
        TermCode::BackTab => KeyCode::BackTab,
        TermCode::Up => KeyCode::Up,
        TermCode::Down => KeyCode::Down,
        TermCode::Left => KeyCode::Left,
        TermCode::Right => KeyCode::Right,
        TermCode::Esc => KeyCode::Esc,
        TermCode::Enter => KeyCode::Enter,
        TermCode::Backspace => KeyCode::Backspace,
        TermCode::PageUp => KeyCode::PageUp,
        TermCode::PageDown => KeyCode::PageDown,
        TermCode::Home => KeyCode::Home,
        TermCode::End => KeyCode::End,
        _ => KeyCode::Other,
    };
    let mods = Modifiers {
        ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
        shift: ev.modifiers.contains(KeyModifiers::SHIFT),
    };
    Key::new(code, mods)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crossterm_keys_become_the_app_s_keys() {
        let ev = |code, mods| key_of(&KeyEvent::new(code, mods));
        assert_eq!(
            ev(TermCode::Char('c'), KeyModifiers::CONTROL),
            Key::ctrl('c')
        );
        assert_eq!(
            ev(TermCode::Char('R'), KeyModifiers::SHIFT),
            Key::new(KeyCode::Char('R'), Modifiers::SHIFT)
        );
        assert_eq!(
            ev(TermCode::Char('r'), KeyModifiers::SHIFT | KeyModifiers::ALT),
            Key::new(KeyCode::Char('r'), Modifiers::SHIFT)
        );
        assert_eq!(
            ev(TermCode::BackTab, KeyModifiers::SHIFT).code,
            KeyCode::BackTab
        );
        for (t, k) in [
            (TermCode::Tab, KeyCode::Tab),
            (TermCode::Up, KeyCode::Up),
            (TermCode::Down, KeyCode::Down),
            (TermCode::Left, KeyCode::Left),
            (TermCode::Right, KeyCode::Right),
            (TermCode::Esc, KeyCode::Esc),
            (TermCode::Enter, KeyCode::Enter),
            (TermCode::Backspace, KeyCode::Backspace),
            (TermCode::F(5), KeyCode::Other),
            (TermCode::PageUp, KeyCode::PageUp),
            (TermCode::PageDown, KeyCode::PageDown),
            (TermCode::Home, KeyCode::Home),
            (TermCode::End, KeyCode::End),
            (TermCode::Insert, KeyCode::Other),
        ] {
            assert_eq!(ev(t, KeyModifiers::NONE), Key::from(k), "{t:?}");
        }
    }
}
