//! The frame loop and the keys: what `tui/live.rs` is to the terminal. Each
//! animation frame advances the `App` by the wall time since the last one
//! (× its speed, within a budget, exactly as in the terminal), then draws
//! the panels; each key goes to the `App`, and its effect to the browser.

use crate::keys::key_of;
use crate::page;
use crate::start::Start;
use breakwater::report::{json, Summary};
use breakwater::tui::app::{App, Effect};
use breakwater::tui::theme::Theme;
use breakwater::tui::{panels, sanitize, SIM_BUDGET, SLICE_EVENTS};
use ratzilla::ratatui::buffer::Buffer;
use ratzilla::ratatui::layout::Rect;
use ratzilla::ratatui::style::{Color, Modifier};
use ratzilla::ratatui::{Terminal, TerminalOptions, Viewport};
use ratzilla::DomBackend;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_time::Instant;

/// The page element the dashboard is drawn in, and the one that sizes it.
const SCREEN: &str = "screen";
const STAGE: &str = "stage";
/// A dark terminal's default colours, and a light one's.
const DARK: (Color, Color) = (Color::Rgb(229, 229, 229), Color::Rgb(0, 0, 0));
const LIGHT: (Color, Color) = (Color::Rgb(0, 0, 0), Color::Rgb(255, 255, 255));
/// The screen's font size, and the smallest it shrinks to in a small window.
const FONT_PX: f64 = 15.0;
const MIN_FONT_PX: f64 = 8.0;
/// The grid the dashboard is drawn for (it says so below it).
const MIN_GRID: (u16, u16) = (80, 24);
/// How far (simulated) one step toward `?t=` goes between looks at the clock.
const SEEK_SLICE: u64 = 100_000_000;
/// The frame times kept for `frame_times` (the last minute at 60 frames/s).
const FRAMES_KEPT: usize = 3_600;

pub struct Shell {
    app: App,
    start: Start,
    theme: Theme,
    /// Made anew at each fit (the backend measures its element when made).
    terminal: Option<Terminal<DomBackend>>,
    grid: (u16, u16),
    last: Instant,
    /// The last frame's cells as text.
    screen: String,
    /// Milliseconds each of the last frames took to draw.
    frames: Vec<f64>,
    /// The window changed size: the grid is measured again.
    resized: bool,
    /// The moment the address opens at, not reached yet (`?t=`).
    seeking: Option<u64>,
    /// The "terminal's own" foreground and background here.
    colours: (Color, Color),
}

thread_local! {
    static SHELL: RefCell<Option<Shell>> = const { RefCell::new(None) };
}

impl Shell {
    /// Runs `f` on the shell, once it has started. (The page has one thread;
    /// callbacks never nest, so the borrow is never held twice.)
    pub fn with<R>(f: impl FnOnce(&mut Shell) -> R) -> Option<R> {
        SHELL.with(|s| s.try_borrow_mut().ok()?.as_mut().map(f))
    }

    pub fn lang(&self) -> &'static str {
        self.app.lang()
    }

    pub fn screen(&self) -> &str {
        &self.screen
    }

    pub fn summary(&self, side: usize) -> Option<String> {
        let side = self.app.sides().get(side)?;
        let s = Summary::of(&side.sim, &side.scenario.name, 0.0);
        let text = serde_json::to_string_pretty(&json::to_json(&s)).ok()?;
        Some(format!("{}\n", breakwater::base::escape::json_safe(&text)))
    }

    pub fn state_json(&self) -> String {
        let secs = |t: u64| t as f64 / 1e9;
        serde_json::json!({
            "now": secs(self.app.now()),
            "end": secs(self.app.sim().end()),
            "ended": self.app.now() >= self.app.sim().end(),
            "opening": self.seeking.is_some(),
            "paused": self.app.paused(),
            "lang": self.app.lang(),
            "speed": self.app.speed(),
            "sides": self.app.sides().len(),
            "grid": [self.grid.0, self.grid.1],
        })
        .to_string()
    }

    pub fn frame_times_json(&self) -> String {
        let mut v = self.frames.clone();
        v.sort_by(f64::total_cmp);
        let n = v.len();
        let mean = v.iter().sum::<f64>() / n.max(1) as f64;
        let p95 = v.get((n * 95 / 100).min(n.saturating_sub(1))).copied();
        serde_json::json!({
            "frames": n,
            "mean_ms": mean,
            "p95_ms": p95,
            "max_ms": v.last(),
            "cols": self.grid.0,
            "rows": self.grid.1,
        })
        .to_string()
    }

    /// The address of this moment, also put in the address bar.
    pub fn link(&self) -> String {
        let at = self.app.now() / 1_000_000_000;
        let q = self.start.to_query(self.app.lang(), Some(at));
        page::set_query(&q);
        q
    }

    /// A new session from the start changed by `change` (another built-in,
    /// a pasted file); the current one stays if it cannot be opened.
    pub fn reopen(&mut self, change: impl FnOnce(&mut Start)) -> Result<(), String> {
        let mut start = self.start.clone();
        change(&mut start);
        start.lang = Some(self.app.lang());
        let app = start.open()?;
        self.seeking = start.at_ns(&app);
        self.app = app;
        self.start = start;
        self.last = Instant::now();
        if matches!(self.start.source, crate::start::Source::Builtin(_)) {
            page::set_query(&self.start.to_query(self.app.lang(), None));
        }
        Ok(())
    }

    /// One animation frame: simulate the wall time since the last, draw.
    fn frame(&mut self) {
        let now = Instant::now();
        if self.resized {
            self.resized = false;
            self.fit();
        }
        if let Some(at) = self.seeking {
            // Toward the address's moment, a slice of simulated time at a
            // time, within the frame's budget; the clock starts after it.
            let deadline = now + SIM_BUDGET;
            let from = self.app.now();
            while self.app.now() < at && Instant::now() < deadline {
                let before = self.app.now();
                self.app.advance_to(at.min(before + SEEK_SLICE));
                if self.app.now() == before {
                    break;
                }
            }
            // There, or stuck (a limit stopped the run): the clock takes over.
            if self.app.now() >= at || self.app.now() == from {
                self.seeking = None;
            }
        } else if self.app.is_running() {
            let deadline = now + SIM_BUDGET;
            self.app
                .begin_frame(now.saturating_duration_since(self.last));
            while !self.app.advance_slice(SLICE_EVENTS) && Instant::now() < deadline {}
            self.app.end_frame();
        }
        self.last = now;
        let drawn = Instant::now();
        let _lang = breakwater::i18n::Scope::enter(self.app.lang());
        let (app, theme) = (&self.app, &self.theme);
        let mut text = String::new();
        let colours = self.colours;
        let Some(terminal) = self.terminal.as_mut() else {
            return;
        };
        let r = terminal.draw(|f| {
            panels::draw(f, app, theme);
            sanitize(f.buffer_mut());
            text = cells_text(f.buffer_mut());
            resolve_defaults(f.buffer_mut(), colours);
        });
        if let Err(e) = r {
            page::console(&format!("breakwater: draw: {e}"));
        }
        self.screen = text;
        if self.frames.len() == FRAMES_KEPT {
            self.frames.remove(0);
        }
        self.frames.push(drawn.elapsed().as_secs_f64() * 1e3);
    }

    /// The grid that fits the page (or the address's `grid`), and the
    /// screen element sized to hold exactly it. A window too small for the
    /// dashboard's 80×24 gets a smaller font first (down to `MIN_FONT_PX`),
    /// as a teacher would shrink a terminal's.
    fn fit(&mut self) {
        page::set_font_px(SCREEN, FONT_PX);
        let mut cell = page::cell_size(SCREEN).unwrap_or((9.0, 18.0));
        let room = page::room(STAGE).unwrap_or((800.0, 456.0));
        if self.start.grid.is_none() {
            let scale = (room.0 / (MIN_GRID.0 as f64 * cell.0))
                .min(room.1 / (MIN_GRID.1 as f64 * cell.1))
                .min(1.0);
            if scale < 1.0 {
                let px = (FONT_PX * scale).floor().max(MIN_FONT_PX);
                page::set_font_px(SCREEN, px);
                cell = page::cell_size(SCREEN).unwrap_or(cell);
            }
        }
        let grid = self.start.grid.unwrap_or((
            ((room.0 / cell.0) as u16).clamp(20, 400),
            ((room.1 / cell.1) as u16).clamp(8, 200),
        ));
        // Half a cell to spare: the backend divides this size by the cell's
        // and rounds down, to exactly `grid`.
        page::set_size(
            SCREEN,
            (
                (grid.0 as f64 + 0.5) * cell.0,
                (grid.1 as f64 + 0.5) * cell.1,
            ),
        );
        self.grid = grid;
        // The old terminal goes first (its listeners with it); the new
        // backend's first draw replaces the old grid of cells.
        self.terminal = None;
        match terminal_for(grid) {
            Ok(t) => self.terminal = Some(t),
            Err(e) => page::console(&format!("breakwater: {e}")),
        }
    }

    /// A key: to the `App`, and its effect to the browser.
    fn key(&mut self, key: breakwater::tui::input::Key) {
        let was_running = self.app.is_running();
        let effect = self.app.handle_key(key);
        let _lang = breakwater::i18n::Scope::enter(self.app.lang());
        match effect {
            // A tab is closed, not quit: the session pauses and the page
            // shows the summary the terminal prints on quit.
            Some(Effect::Quit) => {
                self.app.set_paused(true);
                // A recording running is saved, as the terminal saves it on quit.
                match self.app.finish() {
                    Some(Effect::Save { path, text }) => self.download_all(vec![(path, text)]),
                    Some(Effect::SaveAll(files)) => self.download_all(files),
                    _ => {}
                }
                let tables: Vec<String> = self
                    .app
                    .sides()
                    .iter()
                    .map(|s| {
                        let summary = Summary::of(&s.sim, &s.scenario.name, 0.0);
                        breakwater::report::table::to_table(&summary)
                    })
                    .collect();
                let title = breakwater::t!("web-summary");
                page::set_text("summary", &format!("{title}\n\n{}", tables.join("\n")));
            }
            Some(Effect::Suspend) | None => {}
            Some(Effect::Save { path, text }) => self.download_all(vec![(path, text)]),
            Some(Effect::SaveAll(files)) => self.download_all(files),
            Some(Effect::Export { spec, stem }) => {
                // The figure is drawn here and now (a moment's pause): a tab
                // has one thread. SVG only: the browser shows and scales it.
                let fig = breakwater::plot::figure::build(&spec);
                let svg = fig.and_then(|f| {
                    breakwater::plot::render(
                        &f,
                        breakwater::plot::Format::Svg,
                        breakwater::plot::DEFAULT_SIZE,
                    )
                });
                match svg {
                    Ok(bytes) => {
                        let name = format!("{stem}.svg");
                        page::download(&name, "image/svg+xml", &bytes);
                        self.app
                            .set_status(breakwater::plot::text::written(&[name]));
                    }
                    Err(e) => self.app.set_status(e),
                }
            }
        }
        if !was_running && self.app.is_running() {
            self.last = Instant::now();
        }
    }

    /// A recording's files, offered as downloads (named as the terminal
    /// would write them).
    fn download_all(&mut self, files: Vec<(String, String)>) {
        for (path, text) in &files {
            let name = path.rsplit('/').next().unwrap_or(path);
            page::download(name, "application/toml", text.as_bytes());
            let said = breakwater::t!("status-recording-written", path = name.to_string());
            self.app.set_status(said);
        }
    }
}

/// The terminal's default colours made explicit. A terminal draws
/// `Reset` in its own colours, and reversed `Reset` as those swapped;
/// ratzilla's DOM backend draws `Reset` text white and a reversed cell
/// with no colours white on white (the selected parameter's value
/// vanished). So each cell gets this page's colours before it is drawn.
fn resolve_defaults(buf: &mut Buffer, (fg, bg): (Color, Color)) {
    for cell in buf.content.iter_mut() {
        let f = if cell.fg == Color::Reset {
            fg
        } else {
            palette(cell.fg)
        };
        cell.bg = palette(cell.bg);
        if cell.modifier.contains(Modifier::REVERSED) {
            let b = if cell.bg == Color::Reset { bg } else { cell.bg };
            cell.fg = b;
            cell.bg = f;
            cell.modifier.remove(Modifier::REVERSED);
        } else {
            cell.fg = f;
        }
    }
}

/// The sixteen named colours as a terminal shows them. A terminal has its
/// own palette; ratzilla's is the raw one (blue is 0,0,255, too dark to
/// read on black, the comparison's side A). These are a common terminal's
/// (VS Code's), legible on a dark page and on a projector.
fn palette(c: Color) -> Color {
    let (r, g, b) = match c {
        Color::Black => (0, 0, 0),
        Color::Red => (205, 49, 49),
        Color::Green => (13, 188, 121),
        Color::Yellow => (229, 229, 16),
        Color::Blue => (36, 114, 200),
        Color::Magenta => (188, 63, 188),
        Color::Cyan => (17, 168, 205),
        Color::Gray => (229, 229, 229),
        Color::DarkGray => (102, 102, 102),
        Color::LightRed => (241, 76, 76),
        Color::LightGreen => (35, 209, 139),
        Color::LightYellow => (245, 245, 67),
        Color::LightBlue => (59, 142, 234),
        Color::LightMagenta => (214, 112, 214),
        Color::LightCyan => (41, 184, 219),
        Color::White => (229, 229, 229),
        other => return other,
    };
    Color::Rgb(r, g, b)
}

/// A buffer's symbols, a line per row (wide glyphs' trailing cells are
/// empty strings, so a line reads as the screen shows it).
fn cells_text(buf: &Buffer) -> String {
    let w = buf.area.width as usize;
    let mut out = String::with_capacity(buf.content.len() + buf.area.height as usize);
    for row in buf.content.chunks(w.max(1)) {
        for c in row {
            out.push_str(c.symbol());
        }
        out.push('\n');
    }
    out
}

/// Starts the dashboard: the `App` for `start`, the terminal in `#screen`,
/// the key and resize listeners and the frame loop.
pub fn boot(start: Start) -> Result<(), String> {
    let (app, start) = match start.open() {
        Ok(app) => (app, start),
        Err(why) => {
            // The address named something that cannot be opened: say so,
            // and open seed-lesson in its language (and look).
            page::show_error(&why);
            let fallback = Start {
                lang: start.lang,
                grid: start.grid,
                light: start.light,
                ..Start::default()
            };
            (fallback.open()?, fallback)
        }
    };
    // The page's background is the terminal's: dark, or light (`?light=1`,
    // a projector in a bright room), as `--light` says of a terminal.
    let (theme, colours) = if start.light {
        (Theme::light(), LIGHT)
    } else {
        (Theme::dark(), DARK)
    };
    page::set_colours(SCREEN, colours);
    let seeking = start.at_ns(&app);
    let shell = Shell {
        seeking,
        app,
        start,
        theme,
        terminal: None,
        grid: (80, 24),
        last: Instant::now(),
        screen: String::new(),
        frames: Vec::new(),
        resized: true,
        colours,
    };
    SHELL.with(|s| *s.borrow_mut() = Some(shell));
    listen()?;
    animate();
    Ok(())
}

/// A terminal of exactly `grid` cells on ratzilla's DOM backend in
/// `#screen` (which `fit` has sized to hold them).
fn terminal_for(grid: (u16, u16)) -> Result<Terminal<DomBackend>, String> {
    let backend = DomBackend::new_by_id(SCREEN).map_err(|e| e.to_string())?;
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, grid.0, grid.1)),
    };
    Terminal::with_options(backend, options).map_err(|e| e.to_string())
}

/// Keys (on the whole page, but for the scenario box and other fields) and
/// the window's resizes.
fn listen() -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let on_key = Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(|e: web_sys::KeyboardEvent| {
        let typing = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|t| matches!(t.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT"))
            .unwrap_or(false);
        if typing {
            return;
        }
        let alt_or_meta = e.alt_key() || e.meta_key();
        if let Some(key) = key_of(&e.key(), e.ctrl_key(), e.shift_key(), alt_or_meta) {
            // Space would scroll the page, Tab move the focus, `/` search.
            e.prevent_default();
            Shell::with(|s| s.key(key));
        }
    });
    window
        .add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref())
        .map_err(|_| "cannot listen for keys")?;
    on_key.forget();
    let on_resize = Closure::<dyn FnMut()>::new(|| {
        Shell::with(|s| s.resized = true);
    });
    window
        .add_event_listener_with_callback("resize", on_resize.as_ref().unchecked_ref())
        .map_err(|_| "cannot listen for resizes")?;
    on_resize.forget();
    Ok(())
}

/// The frame callback, which asks for itself again.
type Loop = Rc<RefCell<Option<Closure<dyn FnMut()>>>>;

/// The frame loop: one `frame` per animation frame, for as long as the page
/// lives. (The browser stops calling it in a hidden tab; the next frame
/// then simulates at most the budget's worth, as after a pause.)
fn animate() {
    let next: Loop = Rc::new(RefCell::new(None));
    let again = next.clone();
    *next.borrow_mut() = Some(Closure::new(move || {
        Shell::with(|s| s.frame());
        request(&again);
    }));
    request(&next);
}

fn request(f: &Loop) {
    if let (Some(w), Some(cb)) = (web_sys::window(), f.borrow().as_ref()) {
        let _ = w.request_animation_frame(cb.as_ref().unchecked_ref());
    }
}
