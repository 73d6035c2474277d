//! Colours checked, not only characters (issue 9, item 8): the same moment
//! drawn in the dark, light and no-colour palettes, snapshotted as runs of
//! style per row (so a colour that changes, or a state that loses its
//! colour, shows in review), with the rules each palette must keep.

mod common;

use breakwater::patterns::circuit_breaker::BreakerState;
use breakwater::tui::theme::Theme;
use common::app::{app_at, draw};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

/// Each row as runs of one style: `x0-x1 fg/bg mods "text"`; rows of the
/// top of the screen (header and the breaker and retry panels), where the
/// states live.
fn style_runs(buf: &Buffer, rows: std::ops::Range<u16>) -> String {
    let mut out = String::new();
    for y in rows {
        let mut x = 0;
        while x < buf.area.width {
            let c = &buf[(x, y)];
            let key = (c.fg, c.bg, c.modifier);
            let start = x;
            let mut text = String::new();
            while x < buf.area.width && {
                let d = &buf[(x, y)];
                (d.fg, d.bg, d.modifier) == key
            } {
                text.push_str(buf[(x, y)].symbol());
                x += 1;
            }
            if !text.trim().is_empty() || key.1 != Color::Reset {
                out.push_str(&format!(
                    "{y:>2} {start:>2}-{:<2} {:?}/{:?} {:?} {:?}\n",
                    x - 1,
                    key.0,
                    key.1,
                    key.2,
                    text.trim()
                ));
            }
        }
    }
    out
}

fn moment(theme: &Theme) -> Buffer {
    // Payment's breaker OPEN; user and order CLOSED.
    let app = app_at(90);
    draw(&app, 80, 24, theme).backend().buffer().clone()
}

#[test]
fn dark_palette_colours() {
    let theme = Theme::dark();
    let buf = moment(&theme);
    // States differ by colour as well as by symbol.
    let (closed, open) = (
        theme.breaker(BreakerState::Closed).fg,
        theme.breaker(BreakerState::Open).fg,
    );
    assert_ne!(closed, open);
    let fg_of = |sym: &str| {
        buf.content
            .iter()
            .find(|c| c.symbol() == sym)
            .map(|c| c.fg)
            .unwrap_or_else(|| panic!("{sym} on screen"))
    };
    assert_eq!(Some(fg_of("○")), open, "OPEN in its colour");
    assert_eq!(Some(fg_of("●")), closed, "CLOSED in its colour");
    insta::assert_snapshot!("colours_dark", style_runs(&buf, 0..6));
}

#[test]
fn light_palette_colours() {
    let theme = Theme::light();
    let buf = moment(&theme);
    assert!(buf.content.iter().all(|c| c.bg != Color::Reset));
    // No text in the paper's own colour.
    assert!(buf
        .content
        .iter()
        .filter(|c| !c.symbol().trim().is_empty())
        .all(|c| c.fg != c.bg));
    insta::assert_snapshot!("colours_light", style_runs(&buf, 0..6));
}

#[test]
fn no_colour_palette_has_no_colour_but_keeps_the_states_apart() {
    let theme = Theme::plain();
    let buf = moment(&theme);
    for c in buf.content.iter() {
        assert!(
            matches!(c.fg, Color::Reset) && matches!(c.bg, Color::Reset),
            "a colour in the no-colour palette: {:?}/{:?} at {:?}",
            c.fg,
            c.bg,
            c.symbol()
        );
    }
    // Without colour, OPEN stands out by weight as well as by its symbol.
    let weight = |sym: &str| {
        buf.content
            .iter()
            .find(|c| c.symbol() == sym)
            .unwrap_or_else(|| panic!("{sym} on screen"))
            .modifier
    };
    assert!(weight("○").contains(Modifier::BOLD), "OPEN is bold");
    assert!(!weight("●").contains(Modifier::BOLD), "CLOSED is not");
    insta::assert_snapshot!("colours_plain", style_runs(&buf, 0..6));
}
