//! Progress for the commands that can take a while (`run`, `compare`,
//! `trace`, `plot`, `sweep`), on stderr: on a terminal an indicatif bar
//! with the rate and the time left; otherwise, once the work passes ~10 s,
//! one plain line every ~10 s (a log keeps them one per line). `--progress`
//! asks for the plain lines wherever stderr goes, one every 5 s from the
//! start; `--quiet` silences both. The words are the catalogue's, the same in the bar and
//! the line.
//!
//! The measure of done work is the caller's: simulated time (summed over
//! the sides run at once) or finished cells.

use super::flags::Quiet;
use breakwater::base::time::Dur;
use breakwater::output;
use breakwater::t;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The bar appears only for work that is not over at once.
const BAR_AFTER: Duration = Duration::from_millis(200);
/// The bar's text is redrawn at most this often.
const BAR_EVERY: Duration = Duration::from_millis(100);
/// Without a terminal: the first line after this much work, then one per.
const LINE_EVERY: Duration = Duration::from_secs(10);
/// With `--progress`: the first line after this much work, then one per.
const ASKED_EVERY: Duration = Duration::from_secs(5);

/// What is counted, and so how it is said.
#[derive(Clone, Copy, Debug)]
pub enum Work {
    /// Nanoseconds of simulated time; `of` is the duration named in the
    /// text (a comparison counts both sides towards twice its duration).
    Simulated { of: Dur },
    /// Cells of a sweep.
    Cells,
}

enum Mode {
    Off,
    Bar(ProgressBar),
    Lines,
}

struct Shown {
    /// When the text was last drawn (the bar) or said (a line).
    last: Instant,
    bar_on: bool,
}

/// Progress of one piece of work of `total` units; shared by the threads
/// doing it (`add` is `&self`).
pub struct Progress {
    work: Work,
    total: u64,
    done: AtomicU64,
    /// The clock is read only when `done` reaches this (a tick's update
    /// stays a comparison): every 1/2000 of the work.
    next_look: AtomicU64,
    step: u64,
    started: Instant,
    shown: Mutex<Shown>,
    mode: Mode,
    /// Where a plain line goes: stderr (a test listens instead).
    say: fn(&str),
    /// How often a plain line is said.
    every: Duration,
}

impl Progress {
    /// `quiet`: nothing is ever shown. Where stderr is a terminal, a bar;
    /// elsewhere, plain lines.
    pub fn new(work: Work, total: u64, quiet: bool) -> Self {
        let mode = if quiet || total == 0 {
            Mode::Off
        } else if std::io::stderr().is_terminal() {
            let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
            if let Ok(style) = ProgressStyle::with_template("{bar:16} {wide_msg}") {
                bar.set_style(style);
            }
            Mode::Bar(bar)
        } else {
            Mode::Lines
        };
        let started = Instant::now();
        Self {
            work,
            total,
            done: AtomicU64::new(0),
            next_look: AtomicU64::new(0),
            step: (total / 2000).max(1),
            started,
            shown: Mutex::new(Shown {
                last: started,
                bar_on: false,
            }),
            mode,
            say: output::errln,
            every: LINE_EVERY,
        }
    }

    /// As the flags ask: `--quiet` nothing, `--progress` a plain line
    /// every 5 s wherever stderr goes, else as `new` decides.
    pub fn asked(work: Work, total: u64, flags: Quiet) -> Self {
        let mut p = Self::new(work, total, flags.quiet);
        if flags.progress && !flags.quiet && total > 0 {
            p.mode = Mode::Lines;
            p.every = ASKED_EVERY;
        }
        p
    }

    /// `n` more units done.
    pub fn add(&self, n: u64) {
        if !matches!(self.mode, Mode::Off) {
            let done = self.done.fetch_add(n, Ordering::Relaxed) + n;
            self.show(done);
        }
    }

    /// `done` units done in all.
    pub fn set(&self, done: u64) {
        if !matches!(self.mode, Mode::Off) {
            self.done.store(done, Ordering::Relaxed);
            self.show(done);
        }
    }

    fn show(&self, done: u64) {
        if done < self.next_look.load(Ordering::Relaxed) {
            return;
        }
        self.next_look.store(done + self.step, Ordering::Relaxed);
        // Another thread drawing now: it will say it.
        let Ok(mut shown) = self.shown.try_lock() else {
            return;
        };
        let now = Instant::now();
        let elapsed = now - self.started;
        let since = now - shown.last;
        match &self.mode {
            Mode::Off => {}
            Mode::Bar(bar) => {
                if elapsed < BAR_AFTER || (shown.bar_on && since < BAR_EVERY) {
                    return;
                }
                shown.last = now;
                bar.set_message(self.text(done, elapsed));
                bar.set_position(done.min(self.total));
                if !shown.bar_on {
                    // The words are there before the bar is first drawn;
                    // the message is cut to the terminal's width.
                    bar.set_draw_target(ProgressDrawTarget::stderr());
                    shown.bar_on = true;
                }
            }
            Mode::Lines => {
                let due = if self.every == LINE_EVERY {
                    line_due(since)
                } else {
                    since >= self.every
                };
                if due {
                    shown.last = now;
                    (self.say)(&self.text(done, elapsed));
                }
            }
        }
    }

    /// The words for `done` units after `elapsed`, in the reader's language.
    fn text(&self, done: u64, elapsed: Duration) -> String {
        let fraction = done.min(self.total) as f64 / self.total.max(1) as f64;
        let secs = elapsed.as_secs_f64();
        let left = (fraction > 0.0).then(|| secs * (1.0 - fraction) / fraction);
        match self.work {
            Work::Simulated { of } => {
                let simulated = t!(
                    "progress-simulated",
                    percent = breakwater::i18n::number(fraction * 100.0, 1),
                    total = of.to_string()
                );
                let speed = of.0 as f64 / 1e9 * fraction / secs.max(1e-9);
                let pace = t!(
                    "progress-pace",
                    // A tenth matters below 100× only.
                    speed = breakwater::i18n::number(speed, if speed < 100.0 { 1 } else { 0 }),
                    left = left.map_or("?".into(), wall)
                );
                format!("{simulated} · {pace}")
            }
            Work::Cells => t!(
                "sweep-progress",
                done = format!("{}/{}", done.min(self.total), self.total),
                rate = breakwater::i18n::number(done as f64 / secs.max(1e-9), 1),
                elapsed = wall(secs),
                eta = left.map_or("?".into(), wall)
            ),
        }
    }
}

impl Drop for Progress {
    /// The bar leaves no trace; the lines stay, as a log's.
    fn drop(&mut self) {
        if let Mode::Bar(bar) = &self.mode {
            bar.finish_and_clear();
        }
    }
}

/// Without a terminal, a line is said once `LINE_EVERY` has passed since
/// the start or the last line.
fn line_due(since_last: Duration) -> bool {
    since_last >= LINE_EVERY
}

/// Wall-clock seconds as `m:ss` (or `h:mm:ss`), the same in every language.
pub(super) fn wall(secs: f64) -> String {
    let s = secs.max(0.0).round() as u64;
    let (h, m, s) = (s / 3600, s / 60 % 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(work: Work, total: u64) -> Progress {
        let mut p = Progress::new(work, total, true);
        p.mode = Mode::Lines;
        p
    }

    #[test]
    fn wall_time_reads_as_a_clock() {
        assert_eq!(wall(0.4), "0:00");
        assert_eq!(wall(42.0), "0:42");
        assert_eq!(wall(65.0), "1:05");
        assert_eq!(wall(3725.0), "1:02:05");
    }

    static SAID: Mutex<Vec<String>> = Mutex::new(Vec::new());

    #[test]
    fn a_plain_line_comes_every_ten_seconds_and_not_before() {
        let _lang = breakwater::i18n::Scope::enter("en");
        assert!(!line_due(Duration::from_secs(0)));
        assert!(!line_due(Duration::from_millis(9_999)));
        assert!(line_due(Duration::from_secs(10)));
        let mut p = lines(Work::Cells, 10);
        p.say = |line| SAID.lock().unwrap().push(line.to_string());
        // A fresh progress says nothing: its work has not passed 10 s.
        p.add(1);
        assert!(SAID.lock().unwrap().is_empty());
        // 11 s into the work: one line, then none until 10 s more.
        let earlier = Instant::now() - Duration::from_secs(11);
        p.started = earlier;
        p.shown.lock().unwrap().last = earlier;
        p.add(4);
        p.add(1);
        let said = SAID.lock().unwrap().clone();
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(said[0].starts_with("5/10 cells · "), "{said:?}");
        p.shown.lock().unwrap().last = Instant::now() - Duration::from_secs(10);
        p.add(1);
        assert_eq!(SAID.lock().unwrap().len(), 2);
    }

    #[test]
    fn the_text_says_the_share_done_the_pace_and_the_time_left() {
        let _lang = breakwater::i18n::Scope::enter("en");
        let p = lines(
            Work::Simulated {
                of: Dur::from_secs(300),
            },
            300_000_000_000,
        );
        // A quarter of 5 minutes in 10 s: 7.5× real time, 30 s left.
        let text = p.text(75_000_000_000, Duration::from_secs(10));
        assert_eq!(
            text,
            "25.0% of 5m simulated · 7.5× real time · about 0:30 left"
        );
        let cells = lines(Work::Cells, 100);
        assert_eq!(
            cells.text(20, Duration::from_secs(10)),
            "20/100 cells · 2.0/s · 0:10 · about 0:40 left"
        );
        // Nothing done yet: the time left is not known.
        assert!(cells
            .text(0, Duration::from_secs(1))
            .ends_with("about ? left"));
    }

    static ASKED: Mutex<Vec<String>> = Mutex::new(Vec::new());

    #[test]
    fn progress_asked_for_is_a_line_every_five_seconds_from_the_start() {
        let _lang = breakwater::i18n::Scope::enter("en");
        let flags = |quiet, progress| Quiet { quiet, progress };
        let mut p = Progress::asked(Work::Cells, 10, flags(false, true));
        assert!(matches!(p.mode, Mode::Lines));
        p.say = |line| ASKED.lock().unwrap().push(line.to_string());
        // Under 5 s: nothing yet.
        p.shown.lock().unwrap().last = Instant::now() - Duration::from_millis(4_900);
        p.add(1);
        assert!(ASKED.lock().unwrap().is_empty());
        // 5 s into the work (not 10): the first line.
        p.shown.lock().unwrap().last = Instant::now() - Duration::from_secs(5);
        p.add(1);
        assert_eq!(ASKED.lock().unwrap().len(), 1);
        assert!(ASKED.lock().unwrap()[0].starts_with("2/10 cells · "));
        // --quiet wins (clap refuses both; a caller that passes both gets nothing).
        let q = Progress::asked(Work::Cells, 10, flags(true, true));
        assert!(matches!(q.mode, Mode::Off));
    }

    #[test]
    fn quiet_shows_nothing_and_counts_nothing() {
        let p = Progress::new(Work::Cells, 10, true);
        p.add(3);
        assert!(matches!(p.mode, Mode::Off));
        assert_eq!(p.done.load(Ordering::Relaxed), 0);
    }
}
