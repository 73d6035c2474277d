//! The dashboard without a terminal: an `App` at a virtual time, key presses,
//! and frames drawn on a `TestBackend`.

use breakwater::base::time::NANOS_PER_SEC;
use breakwater::scenario::variants::Comparison;
use breakwater::scenario::Scenario;
use breakwater::tui::app::{App, Effect};
use breakwater::tui::input::{Key, KeyCode, Modifiers};
use breakwater::tui::panels;
use breakwater::tui::theme::Theme;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;

/// The built-in `seed-lesson`, the dashboard's usual subject.
pub fn lesson() -> Scenario {
    super::builtin("seed-lesson")
}

/// `seed-lesson` with its own seed, advanced to `secs` of virtual time.
pub fn app_at(secs: u64) -> App {
    let s = lesson();
    let seed = s.seed;
    let mut app = App::new(s, seed);
    app.advance_to(secs * NANOS_PER_SEC);
    app
}

/// A comparison of the built-in `retry-storm` with itself where side B
/// retries not at all (`--set-b patterns.retry.max_attempts=1`), advanced to
/// `secs` of virtual time.
pub fn compare_at(secs: u64) -> App {
    let mut app = App::compare(retry_storm_comparison());
    app.advance_to(secs * NANOS_PER_SEC);
    app
}

/// `retry-storm`'s naive retries (A) against its retry budget with no
/// retries at all (B).
pub fn retry_storm_comparison() -> Comparison {
    let mut cmp = Comparison::of_variants(&super::builtin("retry-storm"));
    cmp.apply_sets(&[], &[], &["patterns.retry.max_attempts=1".to_string()])
        .expect("a valid --set-b");
    cmp.label_a = "retries ×3".into();
    cmp.label_b = "no retries".into();
    cmp
}

/// Presses `code` as a terminal sends it: an upper-case letter comes with
/// Shift, everything else without modifiers.
pub fn press(app: &mut App, code: KeyCode) -> Option<Effect> {
    let mods = match code {
        KeyCode::Char(c) if c.is_ascii_uppercase() => Modifiers::SHIFT,
        _ => Modifiers::NONE,
    };
    app.handle_key(Key::new(code, mods))
}

/// Types the character `c` (see `press`).
pub fn ch(app: &mut App, c: char) -> Option<Effect> {
    press(app, KeyCode::Char(c))
}

/// The dashboard drawn once on a `w`×`h` test terminal in `theme`.
pub fn draw(app: &App, w: u16, h: u16, theme: &Theme) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    t.draw(|f| panels::draw(f, app, theme)).expect("draw");
    t
}

/// The dashboard drawn once on a `w`×`h` test terminal, dark theme.
pub fn screen(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    draw(app, w, h, &Theme::dark())
}

/// The whole screen as text, one line per row.
pub fn text(t: &Terminal<TestBackend>) -> String {
    t.backend().to_string()
}

/// Row `y` of a buffer as text.
pub fn row(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

/// Every page of the open help drawn at `w`×`h`, from the first (Home) to
/// the last (PgDn until nothing moves), as one text; the help is left on
/// its first page.
pub fn help_pages(app: &mut App, w: u16, h: u16) -> String {
    press(app, KeyCode::Home);
    let (mut all, mut last) = (String::new(), String::new());
    for _ in 0..50 {
        let s = text(&screen(app, w, h));
        if s == last {
            break;
        }
        all.push_str(&s);
        all.push('\n');
        last = s;
        press(app, KeyCode::PageDown);
    }
    press(app, KeyCode::Home);
    all
}
