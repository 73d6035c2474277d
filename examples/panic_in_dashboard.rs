//! Enters the dashboard's terminal guard (raw mode, alternate screen) and
//! panics, so that `tests/e2e_tmux.sh` can check that the panic path leaves
//! the shell usable. Not a feature: a way to reach the one exit path that the
//! real dashboard never takes on purpose.

use breakwater::tui::terminal::TerminalGuard;

fn main() {
    let _guard = TerminalGuard::enter().expect("needs a terminal");
    std::thread::sleep(std::time::Duration::from_millis(300));
    panic!("deliberate panic: the terminal must be restored");
}
