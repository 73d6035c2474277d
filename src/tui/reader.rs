//! The terminal's input, read on a thread of its own and handed to the event
//! loop through a channel, so the loop can take everything already typed in
//! one turn (`drain`) and draw once. crossterm's `EventStream` hands over one
//! event per wake-up and, on its default (mio, edge-triggered) source, left
//! a burst of more than 1 KiB unread until the next key; the `use-dev-tty`
//! source this uses polls level-triggered.

use ratatui::crossterm::event::{self, Event};
use std::io;
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver};

/// At most this many events in one turn, so a flood of keys still lets the
/// frames and signals in between.
pub const MAX_BATCH: usize = 4096;

/// Starts the reader; it ends with the first error (sent on) or when the
/// receiver is dropped.
pub fn spawn() -> UnboundedReceiver<io::Result<Event>> {
    let (tx, rx) = unbounded_channel();
    std::thread::Builder::new()
        .name("keys".into())
        .spawn(move || loop {
            let ev = event::read();
            let failed = ev.is_err();
            if tx.send(ev).is_err() || failed {
                break;
            }
        })
        .expect("a thread for the terminal's input");
    rx
}

/// `first`, then every event already read, up to `MAX_BATCH`.
pub fn drain(
    first: io::Result<Event>,
    rx: &mut UnboundedReceiver<io::Result<Event>>,
) -> Vec<io::Result<Event>> {
    let mut batch = vec![first];
    while batch.len() < MAX_BATCH {
        match rx.try_recv() {
            Ok(ev) => batch.push(ev),
            Err(_) => break,
        }
    }
    batch
}
