//! The terminal's raw mode and alternate screen, owned by a guard: dropping
//! it restores the terminal, and a panic hook restores it before the panic
//! message is printed, so no exit path leaves the shell broken.

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor;
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
pub struct TerminalGuard {
    pub terminal: Term,
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
            Ok(terminal) => Ok(TerminalGuard { terminal }),
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
