//! The footer: the keys that apply now (from the key table), after the last
//! status message if there is one. When space runs out, the essential keys
//! stay (`? help`, `space`, `+/-`, `q`, `Esc`, and in a scenario whose
//! timeline has phases `n` and `t`, the keys a lesson is taught with) and
//! those of the focused panel; the others go, whole, and the kept ones stay
//! in table order. A status that names a file shows the file's name whole
//! (its folder cut first), taking the room of every key but `?` and `q`.

use super::{piece, spans_of, truncate_words, width_of, Piece, Tone};
use crate::tui::app::{App, PanelId};
use crate::tui::keys;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

/// Keys (as the footer writes them) that are never dropped.
const ESSENTIAL: &[&str] = &["?", "q", "Esc", "space", "+/-"];

/// In a lesson (a timeline with phases), the keys it is taught with.
const LESSON: &[&str] = &["n", "t"];

/// What a long status may take the room of: every key but these.
const CORE: &[&str] = &["?", "q"];

/// Whether a status's word names a file (a path, or a name with one of the
/// extensions the dashboard writes).
fn names_a_file(word: &str) -> bool {
    word.contains('/')
        || [".toml", ".svg", ".png", ".csv", ".json"]
            .iter()
            .any(|e| word.trim_end_matches([',', '.', ':', ';']).ends_with(e))
}

/// `status` fitted to `room` cells: whole if it fits; else each word that
/// is a path loses its folder (`…/name.toml`); else cut between words.
fn fit_status(status: &str, room: usize) -> String {
    if status.chars().count() <= room {
        return status.to_string();
    }
    let short: Vec<String> = status
        .split(' ')
        .map(|w| match w.rsplit_once('/') {
            Some((_, name)) if !name.is_empty() => format!("…/{name}"),
            _ => w.to_string(),
        })
        .collect();
    truncate_words(&short.join(" "), room)
}

/// The keys that act on what the focused panel shows.
fn focus_keys(panel: PanelId) -> &'static [&'static str] {
    match panel {
        PanelId::Breaker => &["f", "o", "w"],
        PanelId::Retries | PanelId::Timeouts | PanelId::Bulkhead => &["1-4", "w", "Tab"],
        PanelId::Latency | PanelId::Throughput => &["w", "Tab", "s"],
        PanelId::Parameters => &["↑↓", "←→"],
        PanelId::Events => &["n"],
    }
}

/// What the footer shows, computed from the model: the status and the
/// keys kept, as toned pieces fitted to the width. Drawn by `draw`.
#[derive(Clone, Debug, PartialEq)]
pub struct FooterView {
    pub pieces: Vec<Piece>,
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let v = view(app, area.width as usize);
    draw(&v, theme, area, buf);
}

/// Styles `v` in `area`.
pub fn draw(v: &FooterView, theme: &Theme, area: Rect, buf: &mut Buffer) {
    Paragraph::new(Line::from(spans_of(&v.pieces, theme))).render(area, buf);
}

/// The footer's view for `width` cells.
pub fn view(app: &App, width: usize) -> FooterView {
    let item = |k: &str, w: &str| {
        vec![
            piece(format!(" {k}"), Tone::Key),
            piece(format!(" {} ", crate::i18n::tr(w, None)), Tone::Plain),
        ]
    };
    let all: Vec<(&str, &str)> = keys::footer(app.context()).collect();
    let focus = focus_keys(app.focus());
    let lesson = !crate::scenario::lesson::phases(&app.sides()[0].scenario).is_empty();
    let status = app.status();
    let comparing = app.comparing();
    // 0: essential (and in a comparison `x`, which picks the side edited), 1: the focused panel's, 2: the rest; a lesson's keys
    // are essential, but yield to the focused panel's while a status shows.
    let rank = |k: &str| {
        if ESSENTIAL.contains(&k)
            || (comparing && k == "x")
            || (lesson && status.is_none() && LESSON.contains(&k))
        {
            0
        } else if focus.contains(&k) {
            1
        } else {
            2
        }
    };
    let cost = |(k, w): &(&str, &str)| width_of(&item(k, w));
    let essential: usize = all
        .iter()
        .filter(|e| ESSENTIAL.contains(&e.0) || (comparing && e.0 == "x"))
        .map(cost)
        .sum();
    let core: usize = all.iter().filter(|e| CORE.contains(&e.0)).map(cost).sum();
    let mut spans: Vec<Piece> = Vec::new();
    if let Some(status) = status {
        // The status comes first and takes what the essential keys leave;
        // one that names a file takes the room of every key but `?` and
        // `q`, so the name shows whole; cut, it ends in `…`.
        let room = width.saturating_sub(essential + 3);
        let text = if status.chars().count() <= room {
            Some(status.to_string())
        } else if status.split(' ').any(names_a_file) {
            let wide = width.saturating_sub(core + 3);
            (wide >= 8).then(|| fit_status(status, wide))
        } else {
            (room >= 8).then(|| truncate_words(status, room))
        };
        if let Some(text) = text {
            spans.push(piece(format!(" {text} "), Tone::Warn));
            spans.push(piece("│", Tone::Dim));
        }
    }
    let mut keep = vec![false; all.len()];
    let mut used = width_of(&spans);
    // `?` and `q`, the essential keys, then the focused panel's in their
    // order of importance, then a lesson's (while a status shows), then the
    // rest in table order; shown in table order.
    let mut order: Vec<usize> = (0..all.len())
        .filter(|&i| CORE.contains(&all[i].0))
        .collect();
    order.extend((0..all.len()).filter(|&i| rank(all[i].0) == 0));
    order.extend(
        focus
            .iter()
            .filter_map(|k| all.iter().position(|e| e.0 == *k)),
    );
    if lesson {
        order.extend((0..all.len()).filter(|&i| LESSON.contains(&all[i].0)));
    }
    order.extend((0..all.len()).filter(|&i| rank(all[i].0) == 2));
    for i in order {
        if !keep[i] && used + cost(&all[i]) <= width {
            keep[i] = true;
            used += cost(&all[i]);
        }
    }
    for (e, _) in all.iter().zip(&keep).filter(|(_, k)| **k) {
        spans.extend(item(e.0, e.1));
    }
    FooterView { pieces: spans }
}

#[cfg(test)]
mod tests {
    use super::super::testing::line;
    use super::*;

    #[test]
    fn a_status_keeps_a_files_name_whole() {
        let s = "recording to /home/teacher/classes/breakwater-recording-seed-lesson.toml";
        assert_eq!(fit_status(s, 200), s);
        assert_eq!(
            fit_status(s, 60),
            "recording to …/breakwater-recording-seed-lesson.toml"
        );
        // Too narrow even for the name: cut between words, ending in `…`.
        assert_eq!(fit_status(s, 20), "recording to …");
    }

    #[test]
    fn a_view_is_drawn_without_an_app() {
        let v = FooterView {
            pieces: vec![
                piece(" saved ", Tone::Warn),
                piece("│", Tone::Dim),
                piece(" ?", Tone::Key),
                piece(" help ", Tone::Plain),
                piece(" q", Tone::Key),
                piece(" quit ", Tone::Plain),
            ],
        };
        let theme = Theme::dark();
        let area = Rect::new(0, 0, 30, 1);
        let mut buf = Buffer::empty(area);
        draw(&v, &theme, area, &mut buf);
        assert_eq!(line(&buf, 0).trim_end(), " saved │ ? help  q quit");
        // The status warns; keys are keys, their words are not.
        assert_eq!(buf[(1, 0)].fg, theme.warn.fg.unwrap_or_default());
        assert_eq!(buf[(9, 0)].fg, theme.key.fg.unwrap_or_default());
        assert_ne!(buf[(11, 0)].fg, theme.key.fg.unwrap_or_default());
        assert_eq!(buf[(17, 0)].fg, theme.key.fg.unwrap_or_default());
    }
}
