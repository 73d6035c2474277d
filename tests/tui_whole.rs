//! No value is ever cut (issue 9, item 1; DESIGN principle 7). Every panel
//! of every built-in scenario is drawn at 80×24, 100×30 and 120×40 at
//! several moments, and again alone on a large area; every token with a
//! digit in the small drawing must appear, identical, in the large one. A
//! number cut at a border (`30` for `300`, `p99 8` for `872ms`, `1.` for
//! `1.0`) is a token the large drawing does not have. Chart axis labels are
//! excepted (their scale follows the chart's height), and so is the
//! window's step on the bottom border (it follows the width).

mod common;

use breakwater::base::time::NANOS_PER_SEC;
use breakwater::scenario::variants::Comparison;
use breakwater::tui::app::{App, PanelId};
use breakwater::tui::panels;
use breakwater::tui::theme::Theme;
use common::builtin;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::collections::HashSet;

const SIZES: &[(u16, u16)] = &[(80, 24), (100, 30), (120, 40)];
const LARGE: Rect = Rect {
    x: 0,
    y: 0,
    width: 220,
    height: 60,
};

/// Cells that separate tokens: blanks, box drawing, block and braille marks.
fn separator(s: &str) -> bool {
    s.chars().all(|c| {
        c.is_whitespace()
            || ('\u{2500}'..='\u{259F}').contains(&c)
            || ('\u{2800}'..='\u{28FF}').contains(&c)
            || c == '◀'
            || c == '▶'
    })
}

/// The tokens with a digit in rows `rows` of `area`.
fn tokens(buf: &Buffer, area: Rect, rows: std::ops::Range<u16>) -> Vec<String> {
    let mut out = Vec::new();
    for y in rows {
        let mut cur = String::new();
        for x in area.left()..area.right() {
            let sym = buf[(x, y)].symbol();
            if separator(sym) {
                if cur.chars().any(|c| c.is_ascii_digit()) {
                    out.push(std::mem::take(&mut cur));
                }
                cur.clear();
            } else {
                cur.push_str(sym);
            }
        }
        if cur.chars().any(|c| c.is_ascii_digit()) {
            out.push(cur);
        }
    }
    out
}

fn panel_tokens(app: &App, id: PanelId, area: Rect) -> (Vec<String>, Buffer) {
    let mut buf = Buffer::empty(area);
    panels::render_panel(id, app, &Theme::plain(), area, &mut buf, false);
    // The latency chart's axis labels follow its height: only its title counts.
    // The bottom border names the window and its step, which follows the
    // width (each form is whole: `window_label` picks one that fits).
    let rows = if id == PanelId::Latency {
        area.top()..area.top() + 1
    } else {
        area.top()..area.bottom() - 1
    };
    (tokens(&buf, area, rows), buf)
}

fn text(buf: &Buffer, area: Rect) -> String {
    let mut s = String::new();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            s.push_str(buf[(x, y)].symbol());
        }
        s.push('\n');
    }
    s
}

/// Checks every panel of `app` at every size; returns the failures.
fn check(app: &App, label: &str, failures: &mut Vec<String>) -> usize {
    let mut checked = 0;
    let large: Vec<(PanelId, Vec<String>, String)> = PanelId::ALL
        .iter()
        .map(|&id| {
            let (t, buf) = panel_tokens(app, id, LARGE);
            (id, t, text(&buf, LARGE))
        })
        .collect();
    let header = |w: u16, h: u16| {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        panels::header::render(app, &Theme::plain(), area, &mut buf);
        tokens(&buf, area, 0..h)
    };
    for &(w, h) in SIZES {
        // As the dashboard lays it out: a comparison whose labels do not
        // fit beside the clock gives them a line.
        let header_h = if h >= 30 {
            2
        } else {
            panels::header::lines_needed(app, w as usize)
        };
        // Both side labels whole, every word of them (issue 21).
        if app.comparing() {
            let area = Rect::new(0, 0, w, header_h);
            let mut buf = Buffer::empty(area);
            panels::header::render(app, &Theme::plain(), area, &mut buf);
            let shown = text(&buf, area);
            for side in app.sides() {
                let whole = side.label.get();
                if whole != side.letter() && !shown.contains(whole) {
                    failures.push(format!(
                        "{label} at {w}×{h}, header: side label `{whole}` not whole\n{shown}"
                    ));
                }
            }
        }
        let mut big = header(220, header_h);
        for tok in header(w, header_h) {
            checked += 1;
            match big.iter().position(|b| *b == tok) {
                Some(i) => {
                    big.swap_remove(i);
                }
                None => failures.push(format!("{label} at {w}×{h}, header: `{tok}` cut")),
            }
        }
        let body = Rect::new(0, header_h, w, h - header_h - 1);
        for (id, rect) in panels::layout(body, app) {
            let (small, buf) = panel_tokens(app, id, rect);
            let (_, big, big_text) = large.iter().find(|l| l.0 == id).unwrap();
            // As a multiset: a cut `30` does not hide behind another `30`.
            let mut big = big.clone();
            checked += small.len();
            for tok in small {
                if let Some(i) = big.iter().position(|b| *b == tok) {
                    big.swap_remove(i);
                } else {
                    let _ = big_text;
                    failures.push(format!(
                        "{label} at {w}×{h}, {id:?}: `{tok}` is not in the large drawing\n{}",
                        text(&buf, rect),
                    ));
                }
            }
        }
    }
    checked
}

#[test]
fn every_number_on_screen_is_whole() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for lang in ["en", "es"] {
        let _lang = breakwater::i18n::Scope::enter(lang);
        for name in breakwater::scenario::builtin::names() {
            let s = builtin(name);
            let end = s.duration.0 / NANOS_PER_SEC;
            let seed = s.seed;
            let mut apps = vec![App::new(s.clone(), seed)];
            if s.variants.is_some() {
                apps.push(App::compare(Comparison::of_variants(&s)));
            }
            for mut app in apps {
                for secs in [7, 45, 75, 130, 200] {
                    if secs > end {
                        break;
                    }
                    app.advance_to(secs * NANOS_PER_SEC);
                    for service in 0..app.sim().world().services.len() {
                        // Each service selected once (the Latency and Throughput
                        // panels show the selected one).
                        let _ = service;
                        checked += check(
                            &app,
                            &format!(
                                "{lang} {name}{} t={secs}s",
                                if app.comparing() { " A/B" } else { "" }
                            ),
                            &mut failures,
                        );
                        app.perform(breakwater::tui::keys::Action::NextService);
                    }
                }
            }
        }
    }
    eprintln!("{checked} values checked");
    assert!(checked > 5_000, "the check saw the screens");
    // One example per panel, and how many there are.
    let mut seen = HashSet::new();
    let firsts: Vec<&String> = failures
        .iter()
        .filter(|f| {
            seen.insert(
                f.split(": `")
                    .next()
                    .unwrap()
                    .rsplit(", ")
                    .next()
                    .unwrap()
                    .to_string(),
            )
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} cut values ({failures:#?}); the first ones:\n{}",
        failures.len(),
        firsts
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join("\n\n")
    );
}
