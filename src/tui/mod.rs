//! The live dashboard: a thin shell around the simulation. tokio drives the
//! input stream, the frame timer and the signals; `App` holds the state and
//! the update rules; `panels` draws. The simulation advances in virtual time
//! by `wall time × speed` per frame, so rendering never changes a result.

pub mod app;
pub mod history;
pub mod keys;
pub mod panels;
pub mod terminal;
pub mod theme;

use app::{App, Effect};
use crossterm::event::{Event, EventStream, KeyEventKind};
use futures::StreamExt;
use std::io;
use std::time::{Duration, Instant};
use terminal::TerminalGuard;
use theme::Theme;
use tokio::signal::unix::{signal, SignalKind};
use tokio::time::MissedTickBehavior;

/// At most 30 frames per second.
pub const FRAME: Duration = Duration::from_micros(33_400);

/// Runs the dashboard until the user quits or a signal asks to stop. The
/// terminal is restored before this returns (or unwinds). Returns messages
/// for stderr, such as where a recording was written.
pub fn run(app: &mut App, theme: &Theme) -> io::Result<Vec<String>> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let mut messages = Vec::new();
    let result = {
        let mut guard = TerminalGuard::enter()?;
        rt.block_on(event_loop(&mut guard, app, theme, &mut messages))
    };
    if let Some(Effect::Save { path, text }) = app.finish() {
        match std::fs::write(&path, text) {
            Ok(()) => messages.push(format!("recording written to {path}")),
            Err(e) => messages.push(format!("cannot write the recording {path}: {e}")),
        }
    }
    result.map(|()| messages)
}

async fn event_loop(
    guard: &mut TerminalGuard,
    app: &mut App,
    theme: &Theme,
    messages: &mut Vec<String>,
) -> io::Result<()> {
    let mut events = EventStream::new();
    let mut term = signal(SignalKind::terminate())?;
    let mut hup = signal(SignalKind::hangup())?;
    let mut int = signal(SignalKind::interrupt())?;
    let mut frames = tokio::time::interval(FRAME);
    frames.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let mut last = Instant::now();
    let mut dirty = true;
    loop {
        if dirty {
            guard.terminal.draw(|f| panels::draw(f, app, theme))?;
            dirty = false;
        }
        // Paused or ended: the frame timer is not polled, so the process
        // sleeps until a key, a resize or a signal arrives.
        let running = app.is_running();
        tokio::select! {
            ev = events.next() => match ev {
                Some(Ok(Event::Key(key))) if key.kind != KeyEventKind::Release => {
                    let was_running = app.is_running();
                    match app.handle_key(key) {
                        Some(Effect::Quit) => return Ok(()),
                        Some(Effect::Save { path, text }) => match std::fs::write(&path, text) {
                            Ok(()) => {
                                app.set_status(format!("recording written to {path}"));
                                messages.push(format!("recording written to {path}"));
                            }
                            Err(e) => app.set_status(format!("cannot write {path}: {e}")),
                        },
                        None => {}
                    }
                    if !was_running && app.is_running() {
                        last = Instant::now();
                    }
                    dirty = true;
                }
                Some(Ok(Event::Resize(..))) => {
                    guard.terminal.autoresize()?;
                    dirty = true;
                }
                Some(Ok(_)) => {}
                Some(Err(e)) => return Err(e),
                None => return Ok(()),
            },
            _ = frames.tick(), if running => {
                let now = Instant::now();
                app.on_frame(now.saturating_duration_since(last));
                last = now;
                dirty = true;
            }
            _ = term.recv() => return Ok(()),
            _ = hup.recv() => return Ok(()),
            _ = int.recv() => return Ok(()),
        }
    }
}
