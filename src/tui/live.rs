//! The dashboard in a terminal (the `native` feature): tokio drives the
//! input stream, the frame timer and the signals; keys become the `App`'s,
//! its effects become files, figures and an exit.

use super::app::{App, Effect};
use super::terminal::{self, TerminalGuard};
use super::theme::Theme;
use super::{input, panels, reader, sanitize, save};
use super::{Ended, EndedBy, FRAME, SIM_BUDGET, SLICE_EVENTS};
use crate::t;
use ratatui::crossterm::event::{Event, KeyEventKind};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tokio::signal::unix::{signal, SignalKind};
use tokio::time::MissedTickBehavior;

/// How often the terminal is checked for a hang-up while nothing else
/// happens (paused or ended, SIGHUP ignored).
const WATCHDOG: Duration = Duration::from_millis(500);

/// A scrape of the live metrics (`--metrics-addr`): answered with the
/// current values in OpenMetrics or (`openmetrics` false) the Prometheus
/// text format 0.0.4.
pub struct Scrape {
    pub openmetrics: bool,
    pub reply: tokio::sync::oneshot::Sender<String>,
}

/// The dashboard's metrics now: one world, or a comparison's two sides
/// labelled `side="a"` and `side="b"`.
fn scrape_text(app: &App, openmetrics: bool) -> String {
    let sides = app.sides();
    let labels = [Some("a"), Some("b")];
    let worlds: Vec<(&crate::sim::Simulation, Option<&str>)> = match sides.len() {
        1 => vec![(&sides[0].sim, None)],
        _ => sides.iter().zip(labels).map(|(s, l)| (&s.sim, l)).collect(),
    };
    crate::report::openmetrics::exposition_of(&worlds, openmetrics)
}

/// Runs the dashboard until the user quits, a signal asks to stop or the
/// terminal is lost. The terminal is restored before this returns (or
/// unwinds).
pub fn run(
    app: &mut App,
    theme: &Theme,
    scrapes: Option<tokio::sync::mpsc::Receiver<Scrape>>,
) -> io::Result<Ended> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let mut messages = Vec::new();
    let mut save_failed = false;
    let by = {
        let mut guard = TerminalGuard::enter()?;
        rt.block_on(event_loop(&mut guard, app, theme, &mut messages, scrapes))?
    };
    let _lang = crate::i18n::Scope::enter(app.lang());
    let files = app.finish().map(files_of).unwrap_or_default();
    let predictions = app.predictions_file();
    for (files, said) in [(files, false), (predictions.into_iter().collect(), true)] {
        if files.is_empty() {
            continue;
        }
        match save_files(&files, said) {
            Ok(said) => messages.extend(said),
            Err(said) => {
                save_failed = true;
                messages.push(said);
            }
        }
    }
    Ok(Ended {
        by,
        messages,
        save_failed,
    })
}

/// Writes a recording's files together (`save::write_new_all`): what to
/// say for each file written, or why none was.
fn save_files(files: &[(String, String)], predictions: bool) -> Result<Vec<String>, String> {
    match save::write_new_all(files) {
        Ok(written) => Ok(written
            .into_iter()
            .map(|w| {
                let path = crate::base::escape::escape(&w).into_owned();
                if predictions {
                    t!("status-predictions-written", path = path)
                } else {
                    t!("status-recording-written", path = path)
                }
            })
            .collect()),
        Err(e) => Err(t!(
            "status-recording-failed",
            path = crate::base::escape::escape(&files[0].0),
            reason = e.reason()
        )),
    }
}

/// The files a save effect writes (none for other effects).
fn files_of(effect: Effect) -> Vec<(String, String)> {
    match effect {
        Effect::Save { path, text } => vec![(path, text)],
        Effect::SaveAll(files) => files,
        _ => Vec::new(),
    }
}

/// Whether the terminal has hung up (its pane or window is gone): `poll`
/// reports POLLHUP, POLLERR or POLLNVAL on stdin or stdout.
fn terminal_gone() -> bool {
    let mut fds = [
        libc::pollfd {
            fd: libc::STDIN_FILENO,
            events: 0,
            revents: 0,
        },
        libc::pollfd {
            fd: libc::STDOUT_FILENO,
            events: 0,
            revents: 0,
        },
    ];
    // stdin counts only when it is the terminal: `echo | breakwater` has a
    // finished pipe there, and crossterm reads keys from /dev/tty instead.
    // SAFETY: isatty and poll get a valid fd and a valid array of pollfd.
    let from = if unsafe { libc::isatty(libc::STDIN_FILENO) } == 1 {
        0
    } else {
        1
    };
    let n = unsafe { libc::poll(fds[from..].as_mut_ptr(), (2 - from) as libc::nfds_t, 0) };
    n > 0
        && fds[from..]
            .iter()
            .any(|f| f.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0)
}

/// Ctrl-Z or SIGTSTP: give the shell a sane terminal, stop the whole job
/// (with `cargo run` the shell waits for cargo, not for us), and on `fg`
/// take the terminal back with a full redraw.
fn suspend(guard: &mut TerminalGuard) -> io::Result<()> {
    terminal::restore();
    // SAFETY: kill(2) with pid 0 signals our process group; no memory involved.
    unsafe {
        libc::kill(0, libc::SIGSTOP);
    }
    guard.resume()
}

/// A figure drawn off the event loop: its name, and the files written or why not.
type ExportDone = (PathBuf, Result<Vec<String>, String>);

/// Keys that cost a re-run or a look-ahead (trace, figure, recording, next
/// stop, grade): a burst of one counts once per turn.
fn expensive(key: &input::Key) -> bool {
    matches!(key.code, input::KeyCode::Char('t' | 'e' | 'r' | 'n' | 'g'))
}

async fn event_loop(
    guard: &mut TerminalGuard,
    app: &mut App,
    theme: &Theme,
    messages: &mut Vec<String>,
    mut scrapes: Option<tokio::sync::mpsc::Receiver<Scrape>>,
) -> io::Result<EndedBy> {
    let mut events = reader::spawn();
    let mut term = signal(SignalKind::terminate())?;
    let mut hup = signal(SignalKind::hangup())?;
    let mut int = signal(SignalKind::interrupt())?;
    let mut quit = signal(SignalKind::quit())?;
    let mut usr1 = signal(SignalKind::user_defined1())?;
    let mut usr2 = signal(SignalKind::user_defined2())?;
    let mut alrm = signal(SignalKind::alarm())?;
    let mut tstp = signal(SignalKind::from_raw(libc::SIGTSTP))?;
    let mut frames = tokio::time::interval(FRAME);
    frames.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let mut watchdog = tokio::time::interval(WATCHDOG);
    watchdog.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let mut last = Instant::now();
    let mut dirty = true;
    // The figure being drawn (`e`), one at a time: its name, where it
    // reports back, and the gate a quit closes so it writes nothing.
    let mut exporting: Option<PathBuf> = None;
    let gate = std::sync::Arc::new(crate::plot::ExportGate::default());
    let (done_tx, mut done_rx) = tokio::sync::mpsc::unbounded_channel::<ExportDone>();
    let lost = |e: io::Error| Ok(EndedBy::TerminalLost(e.to_string()));
    loop {
        // Whatever this turn says (statuses, exports), it says in the
        // dashboard's language.
        let _lang = crate::i18n::Scope::enter(app.lang());
        if dirty {
            let drawn = guard.terminal.draw(|f| {
                panels::draw(f, app, theme);
                sanitize(f.buffer_mut());
            });
            if let Err(e) = drawn {
                return lost(e);
            }
            dirty = false;
        }
        // Paused or ended: the frame timer is not polled, so the process
        // sleeps until a key, a resize, a signal or the watchdog.
        let running = app.is_running();
        let mut suspended = false;
        let mut signalled = None;
        tokio::select! {
            Some(first) = events.recv() => {
                // Everything already typed is taken now and drawn once.
                let mut seen: Vec<input::Key> = Vec::new();
                for ev in reader::drain(first, &mut events) {
                    match ev {
                        Ok(Event::Key(key)) if key.kind != KeyEventKind::Release => {
                            let key = terminal::key_of(&key);
                            if expensive(&key) {
                                if seen.contains(&key) {
                                    continue;
                                }
                                seen.push(key);
                            }
                            let was_running = app.is_running();
                            match app.handle_key(key) {
                                // A figure being drawn is abandoned, not waited for.
                                Some(Effect::Quit) => {
                                    gate.close();
                                    return Ok(EndedBy::Quit);
                                }
                                Some(Effect::Suspend) => suspended = true,
                                Some(Effect::Export { spec, stem }) => match &exporting {
                                    Some(base) => app.set_status(crate::plot::text::already_exporting(
                                        &base.display().to_string(),
                                    )),
                                    None => {
                                        let base = crate::plot::unique_stem(Path::new(""), &stem, &[]);
                                        exporting = Some(base.clone());
                                        let done = done_tx.clone();
                                        let gate = gate.clone();
                                        // Off the event loop: the re-run and the drawing
                                        // take a moment, and the dashboard keeps going.
                                        let lang = app.lang();
                                        std::thread::spawn(move || {
                                            let r = crate::i18n::scoped(lang, || {
                                                crate::plot::export(&spec, &base, &gate)
                                            });
                                            let _ = done.send((base, r));
                                        });
                                    }
                                },
                                Some(save) => {
                                    let files = files_of(save);
                                    match save_files(&files, false) {
                                        Ok(said) => {
                                            if let Some(last) = said.last() {
                                                app.set_status(last.clone());
                                            }
                                            messages.extend(said);
                                        }
                                        Err(said) => app.set_status(said),
                                    }
                                }
                                None => {}
                            }
                            if !was_running && app.is_running() {
                                last = Instant::now();
                            }
                            dirty = true;
                        }
                        Ok(Event::Resize(..)) => {
                            if let Err(e) = guard.terminal.autoresize() {
                                return lost(e);
                            }
                            dirty = true;
                        }
                        Ok(_) => {}
                        Err(e) => return lost(e),
                    }
                }
            }
            _ = frames.tick(), if running => {
                let now = Instant::now();
                let deadline = now + SIM_BUDGET;
                app.begin_frame(now.saturating_duration_since(last));
                last = now;
                while !app.advance_slice(SLICE_EVENTS) && Instant::now() < deadline {}
                app.end_frame();
                dirty = true;
            }
            // A scrape of the live metrics: the values now (still while
            // paused; from zero again after a restart).
            Some(scrape) = async {
                match &mut scrapes {
                    Some(r) => r.recv().await,
                    None => std::future::pending().await,
                }
            } => {
                let _ = scrape.reply.send(scrape_text(app, scrape.openmetrics));
            }
            Some((_, result)) = done_rx.recv() => {
                exporting = None;
                let said = match result {
                    Ok(paths) => crate::plot::text::written(&paths),
                    Err(e) => e,
                };
                app.set_status(said.clone());
                messages.push(said);
                dirty = true;
            }
            _ = watchdog.tick() => {
                if terminal_gone() {
                    return Ok(EndedBy::TerminalLost(t!("ended-hung-up")));
                }
            }
            _ = tstp.recv() => suspended = true,
            _ = term.recv() => signalled = Some(libc::SIGTERM),
            _ = hup.recv() => signalled = Some(libc::SIGHUP),
            _ = int.recv() => signalled = Some(libc::SIGINT),
            _ = quit.recv() => signalled = Some(libc::SIGQUIT),
            _ = usr1.recv() => signalled = Some(libc::SIGUSR1),
            _ = usr2.recv() => signalled = Some(libc::SIGUSR2),
            _ = alrm.recv() => signalled = Some(libc::SIGALRM),
        }
        if let Some(n) = signalled {
            // A figure being drawn writes nothing once the program is going.
            gate.close();
            return Ok(EndedBy::Signal(n));
        }
        if suspended {
            if let Err(e) = suspend(guard) {
                return lost(e);
            }
            // The time spent stopped is not simulated.
            last = Instant::now();
            dirty = true;
        }
    }
}
