//! Breakwater in a browser tab: the terminal's dashboard — the same `App`,
//! key table, panels and numbers — drawn by ratzilla's DOM backend, paced by
//! the browser's clock (`requestAnimationFrame`). The shell is as thin as
//! the terminal's (`tui/live.rs`): keys in, the `App`'s effects out (a
//! figure or a recording becomes a download), nothing decided here.
//!
//! - `start`: what the address asks for, and the address of a moment;
//! - `keys`: the browser's keys as the dashboard's;
//! - `shell`: the frame loop, the key handler and the effects;
//! - `page`: the few DOM calls (an element's text, a download, the address);
//! - this file: the functions the page (`web/index.html`) and its tests call.

mod bench;
mod keys;
mod page;
mod shell;
mod start;

use shell::Shell;
use start::{Source, Start};
use wasm_bindgen::prelude::*;

/// Opens the dashboard the address asks for in the element `#screen`; an
/// address that cannot be opened shows why (and seed-lesson under it).
#[wasm_bindgen]
pub fn boot() -> Result<(), JsValue> {
    let query = page::query();
    let start = match Start::from_query(&query) {
        Ok(s) => s,
        Err(why) => {
            page::show_error(&why);
            Start::default()
        }
    };
    shell::boot(start).map_err(|e| JsValue::from_str(&e))
}

/// The screen's cells as text, a line per row, as the last frame drew them
/// (whatever backend draws them).
#[wasm_bindgen]
pub fn screen() -> String {
    Shell::with(|s| s.screen().to_string()).unwrap_or_default()
}

/// `breakwater run SCENARIO --seed S --json` for the world shown now (side
/// `side` of a comparison: 0 for A, 1 for B), with `wall_seconds` 0.
#[wasm_bindgen]
pub fn summary(side: usize) -> String {
    Shell::with(|s| s.summary(side))
        .flatten()
        .unwrap_or_default()
}

/// Where the session stands, as JSON: simulated time and end (seconds),
/// whether it ended, paused, the language, the speed asked, the sides.
#[wasm_bindgen]
pub fn state() -> String {
    Shell::with(|s| s.state_json()).unwrap_or_default()
}

/// The built-in scenarios' names, as a JSON array (for the page's list).
#[wasm_bindgen]
pub fn builtins() -> String {
    serde_json::to_string(&breakwater::scenario::builtin::names()).unwrap_or_default()
}

/// Opens built-in `name` (the address follows). Returns "" or the error as
/// the terminal prints it.
#[wasm_bindgen]
pub fn open_builtin(name: &str) -> String {
    reopen(|start| {
        start.source = Source::Builtin(name.to_string());
        start.exercise = None;
    })
}

/// Opens a pasted or uploaded scenario file `text` (called `name` in its
/// errors, `file:line:column: …`). Returns "" or the error.
#[wasm_bindgen]
pub fn open_text(name: &str, text: &str) -> String {
    reopen(|start| {
        start.source = Source::Text {
            name: name.to_string(),
            text: text.to_string(),
        };
        start.exercise = None;
        start.at = None;
    })
}

/// Restarts the session from its start changed by `change`; on an error the
/// current session stays and the error is shown and returned.
fn reopen(change: impl FnOnce(&mut Start)) -> String {
    match Shell::with(|s| s.reopen(change)) {
        Some(Ok(())) => {
            page::show_error("");
            String::new()
        }
        Some(Err(why)) => {
            page::show_error(&why);
            why
        }
        None => "not started".into(),
    }
}

/// The address of this moment (`?scenario=…&seed=…&lang=…&t=…`), also
/// put in the browser's address bar.
#[wasm_bindgen]
pub fn link() -> String {
    Shell::with(|s| s.link()).unwrap_or_default()
}

/// How long frames took to draw (layout, panels and the DOM's update), as
/// JSON: count, mean, 95th percentile and max in milliseconds, and the
/// grid's size in cells.
#[wasm_bindgen]
pub fn frame_times() -> String {
    Shell::with(|s| s.frame_times_json()).unwrap_or_default()
}

/// `benches/mmc-80.toml` (plain M/M/c, 8 M calls) simulated here, in this
/// tab, single-threaded, as `cargo bench --bench throughput` does natively;
/// JSON with calls, seconds and calls per second.
#[wasm_bindgen]
pub fn bench_mmc() -> String {
    bench::mmc()
}

/// The page's own words (the catalogues' `web.ftl`) in the dashboard's language
/// now (`L` switches it), as a JSON object by message id, and the
/// language's code as `lang`.
#[wasm_bindgen]
pub fn words() -> String {
    let lang = Shell::with(|s| s.lang()).unwrap_or_else(breakwater::i18n::current);
    let ids = [
        "web-title",
        "web-scenario",
        "web-open-file",
        "web-paste",
        "web-paste-open",
        "web-link",
        "web-link-done",
        "web-hint",
    ];
    let mut map = serde_json::Map::new();
    for id in ids {
        map.insert(id.into(), breakwater::i18n::tr_in(lang, id, None).into());
    }
    map.insert("lang".into(), lang.into());
    serde_json::Value::Object(map).to_string()
}
