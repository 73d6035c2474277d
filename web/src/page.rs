//! The few things the shell asks of the page: the address, an element's
//! text, a download, the screen element's size. Failures here have no one to
//! tell but the console: the dashboard goes on.

use ratzilla::ratatui::style::Color;
use wasm_bindgen::prelude::*;
use web_sys::{window, Document, HtmlElement};

#[wasm_bindgen(inline_js = "
export function download(name, type, bytes) {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
export function log(text) { console.log(text); }
")]
extern "C" {
    /// Hands `bytes` to the browser as a file called `name` (a figure, a
    /// recording): the page writes nothing anywhere itself.
    #[wasm_bindgen(js_name = download)]
    fn js_download(name: &str, mime: &str, bytes: &[u8]);
    /// The browser's console (what a terminal would put on stderr).
    #[wasm_bindgen(js_name = log)]
    pub fn console(text: &str);
}

fn document() -> Option<Document> {
    window()?.document()
}

fn element(id: &str) -> Option<HtmlElement> {
    document()?.get_element_by_id(id)?.dyn_into().ok()
}

/// The address's query (`?…`), or "".
pub fn query() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Puts `query` in the address bar without reloading (a link to share).
pub fn set_query(query: &str) {
    if let Some(h) = window().and_then(|w| w.history().ok()) {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(query));
    }
}

/// Shows `text` in the page's `#error` (a scenario that could not be read:
/// `file:line:column: …`); hides it when `text` is empty.
pub fn show_error(text: &str) {
    set_text("error", text);
}

/// Sets element `id`'s text (hidden when empty).
pub fn set_text(id: &str, text: &str) {
    if let Some(e) = element(id) {
        e.set_text_content(Some(text));
        e.set_hidden(text.is_empty());
    }
}

/// Offers `bytes` as a download called `name`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) {
    js_download(name, mime, bytes);
}

/// The pixel size of one cell of the screen's font, measured as ratzilla's
/// DOM backend measures it (a `█` one `ch` wide), so the grid the shell
/// asks for is the grid the backend lays out.
pub fn cell_size(id: &str) -> Option<(f64, f64)> {
    let doc = document()?;
    let parent = doc.get_element_by_id(id)?;
    let pre = doc.create_element("pre").ok()?;
    pre.set_attribute(
        "style",
        "margin: 0; padding: 0; border: 0; line-height: normal;",
    )
    .ok()?;
    let span = doc.create_element("span").ok()?;
    span.set_inner_html("\u{2588}");
    span.set_attribute("style", "display: inline-block; width: 1ch;")
        .ok()?;
    pre.append_child(&span).ok()?;
    parent.append_child(&pre).ok()?;
    let r = span.get_bounding_client_rect();
    parent.remove_child(&pre).ok()?;
    (r.width() > 0.0 && r.height() > 0.0).then(|| (r.width(), r.height()))
}

/// The room the page gives element `id`: its width, and the window's height
/// below the element's top, in pixels.
pub fn room(id: &str) -> Option<(f64, f64)> {
    let e = element(id)?;
    let w = window()?;
    let r = e.get_bounding_client_rect();
    let height = w.inner_height().ok()?.as_f64()? - r.top();
    Some((r.width(), height))
}

/// Sizes element `id` to exactly `px` (width, height).
pub fn set_size(id: &str, px: (f64, f64)) {
    if let Some(e) = element(id) {
        let style = e.style();
        let _ = style.set_property("width", &format!("{}px", px.0.ceil()));
        let _ = style.set_property("height", &format!("{}px", px.1.ceil()));
    }
}

/// Gives the page the terminal's default colours (`fg`, `bg`): the screen's
/// element and the page behind it.
pub fn set_colours(id: &str, (fg, bg): (Color, Color)) {
    let css = |c: Color| match c {
        Color::Rgb(r, g, b) => format!("rgb({r}, {g}, {b})"),
        _ => "inherit".into(),
    };
    if let Some(e) = element(id) {
        let _ = e.style().set_property("color", &css(fg));
        let _ = e.style().set_property("background-color", &css(bg));
    }
    if let Some(body) = document().and_then(|d| d.body()) {
        let _ = body.style().set_property("background-color", &css(bg));
    }
}

/// Sets element `id`'s font size in pixels.
pub fn set_font_px(id: &str, px: f64) {
    if let Some(e) = element(id) {
        let _ = e.style().set_property("font-size", &format!("{px}px"));
    }
}
