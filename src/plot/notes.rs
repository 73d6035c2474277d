//! The timeline's notes on a figure: a dashed line per note across the
//! panels, and a label per note in the strip above them, placed so that no
//! label overlaps another and no other note's line crosses one.
//!
//! Notes whose lines fall a few pixels apart share one label (`Group`).
//! Each group's label goes to the first row (then the first side: right of
//! its line, else left) where it collides with nothing: a line starts at
//! its own label's row and runs down, so a label must sit above every label
//! it would cross and below every line that would cross it. Labels are never
//! cut: a group whose words fit in no row of the strip (or take more than
//! half the time axis) is numbered on the plot (`1`, `2`, …) and listed
//! whole under the figure.

use super::draw::{err, font, width_of, Area, Frame};
use super::figure::{note_clock, Figure, Note};
use super::style::{self, Scale};
use super::text;
use crate::scenario::variants::Side;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// Notes drawn with one label: their lines are too close for two.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Indices into the figure's notes, in time order.
    pub notes: Vec<usize>,
    /// Each note's line, in pixels.
    pub xs: Vec<i32>,
    /// Every note in full: `m:ss what`, notes of one instant under one time.
    pub text: String,
    /// All of them live changes (the label takes the live colour).
    pub live: bool,
}

/// A label in the strip: its box (pixels; `row` counts from the top of the
/// strip) and its words, or its number when the words did not fit.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub row: usize,
    /// The row its lines start at: its own, or the next when the label sits
    /// over its lines (a label slid left from the figure's right edge).
    pub lines_from: usize,
    pub x0: i32,
    pub x1: i32,
    pub text: String,
    pub number: Option<usize>,
}

/// The notes as placed: a label per group, the rows they take, and the
/// numbered groups to list under the figure.
#[derive(Clone, Debug, Default)]
pub struct Placed {
    pub groups: Vec<Group>,
    /// `labels[g]` is group g's label.
    pub labels: Vec<Label>,
    pub rows: usize,
}

impl Placed {
    /// The numbered groups, in number order: (number, group).
    pub fn listed(&self) -> Vec<(usize, &Group)> {
        self.labels
            .iter()
            .zip(&self.groups)
            .filter_map(|(l, g)| l.number.map(|n| (n, g)))
            .collect()
    }
}

/// The height of a row of the strip.
pub fn row_height(sc: Scale) -> i32 {
    sc.small() * 14 / 10
}

/// Rows of the strip worded labels may take: about a ninth of the figure's
/// height, 2 to 5 rows.
pub fn word_rows(sc: Scale, height: i32) -> usize {
    (height / 9 / row_height(sc)).clamp(2, 5) as usize
}

/// Numbers take at most this many more rows.
const NUMBER_ROWS: usize = 4;

/// A note's words, with its side in a comparison.
fn what(n: &Note) -> String {
    match n.side {
        Some(Side::A) => text::side_note("A", &n.text),
        Some(Side::B) => text::side_note("B", &n.text),
        None => n.text.clone(),
    }
}

/// The notes in groups: a note joins the group before it when its line is
/// within `near` pixels of that group's last line, so groups' lines are at
/// least `near` apart (a burst of changes is one group, however long).
pub fn groups(notes: &[Note], frame: &Frame, near: i32) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    for (i, n) in notes.iter().enumerate() {
        let x = frame.x(n.at);
        let clock = note_clock(n.at);
        match out.last_mut() {
            Some(g) if x - g.xs.last().expect("a group has a note") < near => {
                let last = &notes[*g.notes.last().expect("a group has a note")];
                if note_clock(last.at) == clock {
                    g.text = format!("{} · {}", g.text, what(n));
                } else {
                    g.text = format!("{} · {clock} {}", g.text, what(n));
                }
                g.notes.push(i);
                g.xs.push(x);
                g.live &= n.live;
            }
            _ => out.push(Group {
                notes: vec![i],
                xs: vec![x],
                text: format!("{clock} {}", what(n)),
                live: n.live,
            }),
        }
    }
    out
}

/// Whether a box at `row`, `x0 ..= x1`, for a group with lines `xs`, is
/// clear of the labels and lines already placed (`gap`: the room kept
/// between them).
fn clear(placed: &[(Label, Vec<i32>)], c: &Candidate, xs: &[i32], gap: i32) -> bool {
    let (row, (x0, x1)) = (c.row, c.span);
    placed.iter().all(|(l, lines)| {
        let overlaps = l.row == row && x0 <= l.x1 + gap && l.x0 <= x1 + gap;
        // Its lines run down from their row: they cross this box if they
        // pass under it and start at this row or above.
        let crossed =
            l.lines_from <= row && lines.iter().any(|x| (x0 - gap..=x1 + gap).contains(x));
        // This group's lines run down from theirs: they cross that label if
        // it is at that row or below.
        let crosses =
            l.row >= c.lines_from && xs.iter().any(|x| (l.x0 - gap..=l.x1 + gap).contains(x));
        !(overlaps || crossed || crosses)
    })
}

/// A place a label may take.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Candidate {
    row: usize,
    span: (i32, i32),
    lines_from: usize,
}

/// Places every note's label; `(lo, hi)`: how far labels may reach to the
/// left and right (the figure's margins).
pub fn place<DB: DrawingBackend>(
    root: &Area<DB>,
    fig: &Figure,
    frame: &Frame,
    sc: Scale,
    (lo, hi): (i32, i32),
    height: i32,
) -> Placed {
    let st = font(sc.small(), false, style::INK, HPos::Left, VPos::Top);
    let off = sc.px(4.0, 2.0);
    let gap = sc.px(6.0, 3.0);
    let number_w = |n: usize| width_of(root, &n.to_string(), &st);
    // Groups at least a two-digit number's box apart, so numbers always fit.
    let near = number_w(88) + off + gap * 2;
    let groups = groups(&fig.notes, frame, near);
    let rows = word_rows(sc, height);
    let mut placed: Vec<(Label, Vec<i32>)> = Vec::new();
    let mut next_number = 1;
    for g in &groups {
        let (xa, xb) = (g.xs[0], *g.xs.last().expect("a group has a note"));
        // Right of its lines, left of them, or over them against the right
        // edge (its lines then start under it).
        let spot = |w: i32, rows: std::ops::Range<usize>, placed: &[(Label, Vec<i32>)]| {
            let side = |row, span| Candidate {
                row,
                span,
                lines_from: row,
            };
            let too_wide = xb + off + w + 2 > hi;
            rows.flat_map(|r| {
                [
                    Some(side(r, (xb + off - 1, xb + off + w + 2))),
                    Some(side(r, (xa - off - w - 2, xa - off + 1))),
                    too_wide.then_some(Candidate {
                        row: r,
                        span: (hi - w - 3, hi),
                        lines_from: r + 1,
                    }),
                ]
            })
            .flatten()
            .find(|c| c.span.0 >= lo && c.span.1 <= hi && clear(placed, c, &g.xs, gap))
        };
        let w = width_of(root, &g.text, &st);
        // A label wider than half the time axis is numbered: it would read
        // as a line of its own, away from its instant.
        let worded = (w <= (frame.x1 - frame.x0) / 2)
            .then(|| spot(w, 0..rows, &placed))
            .flatten();
        let label = match worded {
            Some(c) => Label {
                row: c.row,
                lines_from: c.lines_from,
                x0: c.span.0,
                x1: c.span.1,
                text: g.text.clone(),
                number: None,
            },
            None => {
                let n = next_number;
                next_number += 1;
                let w = number_w(n);
                // Below every worded row if need be. A number right of its
                // group's last line always fits in the first row below the
                // words: it ends before the next group's first line (groups
                // are `near` apart) and earlier lines and numbers end before
                // this group's first.
                let last = rows + NUMBER_ROWS - 1;
                let c = spot(w, 0..rows + NUMBER_ROWS, &placed).unwrap_or(Candidate {
                    row: last,
                    span: (xb + off - 1, xb + off + w + 2),
                    lines_from: last,
                });
                Label {
                    row: c.row,
                    lines_from: c.lines_from,
                    x0: c.span.0,
                    x1: c.span.1,
                    text: n.to_string(),
                    number: Some(n),
                }
            }
        };
        placed.push((label, g.xs.clone()));
    }
    let rows = placed
        .iter()
        .map(|(l, _)| l.lines_from.max(l.row) + 1)
        .max()
        .unwrap_or(0);
    Placed {
        groups,
        labels: placed.into_iter().map(|(l, _)| l).collect(),
        rows,
    }
}

/// Ramps shaded, and a line per note from its label's row to `bottom`.
pub fn draw_lines<DB: DrawingBackend>(
    root: &Area<DB>,
    fig: &Figure,
    placed: &Placed,
    frame: &Frame,
    sc: Scale,
    strip_top: i32,
    bottom: i32,
) -> Result<(), String> {
    let row_h = row_height(sc);
    let panels_top = strip_top + row_h * placed.rows as i32;
    for n in &fig.notes {
        if let Some(over) = n.over {
            let (a, b) = (frame.x(n.at), frame.x(n.at + over).max(frame.x(n.at) + 1));
            root.draw(&Rectangle::new(
                [(a, panels_top), (b, bottom)],
                style::MUTED.mix(0.10).filled(),
            ))
            .map_err(err)?;
        }
    }
    for (g, label) in placed.groups.iter().zip(&placed.labels) {
        let top = strip_top + row_h * label.lines_from as i32;
        for (&i, &x) in g.notes.iter().zip(&g.xs) {
            let colour = if fig.notes[i].live {
                style::LIVE
            } else {
                style::MUTED
            };
            root.draw(&DashedPathElement::new(
                vec![(x, top), (x, bottom)],
                sc.px(6.0, 3.0),
                sc.px(4.0, 2.0),
                colour.stroke_width(sc.px(2.0, 1.0) as u32),
            ))
            .map_err(err)?;
        }
    }
    Ok(())
}

/// The labels, each on the page's colour (its box).
pub fn draw_labels<DB: DrawingBackend>(
    root: &Area<DB>,
    placed: &Placed,
    sc: Scale,
    strip_top: i32,
) -> Result<(), String> {
    let row_h = row_height(sc);
    for (g, l) in placed.groups.iter().zip(&placed.labels) {
        let colour = if g.live { style::LIVE } else { style::INK };
        let st = font(
            sc.small(),
            l.number.is_some(),
            colour,
            HPos::Left,
            VPos::Top,
        );
        let y = strip_top + row_h * l.row as i32;
        root.draw(&Rectangle::new(
            [(l.x0, y), (l.x1, y + row_h - 1)],
            style::BACKGROUND.filled(),
        ))
        .map_err(err)?;
        root.draw(&Text::new(l.text.clone(), (l.x0 + 1, y), st))
            .map_err(err)?;
    }
    Ok(())
}

/// One line of the list under the figure: pieces at x offsets, each
/// (x, text, bold, live).
pub type ListLine = Vec<Piece>;

/// A piece of the list: (x, text, bold, live).
pub type Piece = (i32, String, bool, bool);

/// The numbered notes in full, flowing into lines of `width` pixels: each
/// entry whole on a line when it fits, else wrapped between words. At most
/// `max_lines`; what does not fit is counted on the last line.
pub fn list_lines<DB: DrawingBackend>(
    root: &Area<DB>,
    placed: &Placed,
    sc: Scale,
    width: i32,
    max_lines: usize,
) -> Vec<ListLine> {
    let st = font(sc.small(), false, style::INK, HPos::Left, VPos::Top);
    let bold = font(sc.small(), true, style::INK, HPos::Left, VPos::Top);
    let space = sc.px(28.0, 10.0);
    let indent = sc.px(36.0, 16.0);
    // Each piece with the entry it belongs to.
    let mut lines: Vec<Vec<(usize, Piece)>> = Vec::new();
    let mut x = 0;
    let listed = placed.listed();
    for (k, (n, g)) in listed.iter().enumerate() {
        let number = n.to_string();
        let whole = indent + width_of(root, &g.text, &st);
        if lines.is_empty() || x + whole > width {
            lines.push(Vec::new());
            x = 0;
        }
        let nx = x + indent - width_of(root, &number, &bold) - sc.px(8.0, 3.0);
        let line = lines.last_mut().expect("a line");
        line.push((k, (nx, number, true, g.live)));
        if whole <= width - x {
            line.push((k, (x + indent, g.text.clone(), false, g.live)));
            x += whole + space;
            continue;
        }
        // Longer than a line: its words wrapped under it, indented.
        let mut cur = String::new();
        for word in g.text.split(' ') {
            let next = if cur.is_empty() {
                word.to_string()
            } else {
                format!("{cur} {word}")
            };
            if !cur.is_empty() && indent + width_of(root, &next, &st) > width {
                let piece = (indent, std::mem::take(&mut cur), false, g.live);
                lines.last_mut().expect("a line").push((k, piece));
                lines.push(Vec::new());
                cur = word.to_string();
            } else {
                cur = next;
            }
        }
        let piece = (indent, cur, false, g.live);
        lines.last_mut().expect("a line").push((k, piece));
        // The next entry starts on a line of its own.
        x = width;
    }
    let max_lines = max_lines.max(1);
    if lines.len() > max_lines {
        // No room for the rest: the entries whole in the lines kept, then
        // how many are not listed; never a part of one.
        let keep = max_lines - 1;
        let last_line = |k: usize| lines.iter().rposition(|l| l.iter().any(|p| p.0 == k));
        let whole: Vec<usize> = (0..listed.len())
            .filter(|&k| last_line(k).is_some_and(|l| l < keep))
            .collect();
        lines.truncate(keep);
        for line in &mut lines {
            line.retain(|p| whole.contains(&p.0));
        }
        let more = text::notes_more(listed.len() - whole.len());
        lines.push(vec![(usize::MAX, (0, more, false, false))]);
    }
    lines
        .into_iter()
        .map(|l| l.into_iter().map(|(_, p)| p).collect())
        .collect()
}

/// Draws the list from `y` down; returns the y below it.
pub fn draw_list<DB: DrawingBackend>(
    root: &Area<DB>,
    lines: &[ListLine],
    sc: Scale,
    x: i32,
    mut y: i32,
) -> Result<i32, String> {
    for line in lines {
        for (dx, words, bold, live) in line {
            let colour = if *live { style::LIVE } else { style::INK };
            let st = font(sc.small(), *bold, colour, HPos::Left, VPos::Top);
            root.draw(&Text::new(words.clone(), (x + dx, y), st))
                .map_err(err)?;
        }
        y += row_height(sc);
    }
    Ok(y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::time::NANOS_PER_SEC;

    fn note(at_s: u64, text: &str, live: bool) -> Note {
        Note {
            at: at_s * NANOS_PER_SEC,
            over: None,
            text: text.into(),
            live,
            side: None,
        }
    }

    #[test]
    fn notes_a_few_pixels_apart_share_a_label_and_one_instant_one_time() {
        let frame = Frame {
            x0: 0,
            x1: 1000,
            end: 100 * NANOS_PER_SEC,
        };
        let notes = [
            note(10, "a", false),
            note(10, "b", false),
            note(12, "c", true),
            note(50, "d", true),
        ];
        let g = groups(&notes, &frame, 30);
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].text, "0:10 a · b · 0:12 c");
        assert_eq!(g[0].xs, vec![100, 100, 120]);
        assert!(!g[0].live);
        assert_eq!(g[1].text, "0:50 d");
        assert!(g[1].live);
    }

    /// Every pair of labels: apart, and neither crossed by the other's lines.
    fn check(p: &Placed, what: &str) {
        for (i, a) in p.labels.iter().enumerate() {
            for (j, b) in p.labels.iter().enumerate() {
                if i == j {
                    continue;
                }
                assert!(
                    a.row != b.row || a.x1 < b.x0 || b.x1 < a.x0,
                    "{what}: {a:?} overlaps {b:?}"
                );
                let crossed = p.groups[j]
                    .xs
                    .iter()
                    .any(|x| (a.x0..=a.x1).contains(x) && b.lines_from <= a.row);
                assert!(!crossed, "{what}: {a:?} crossed by the lines of {b:?}");
            }
        }
    }

    #[test]
    fn bursts_and_crowds_of_notes_always_find_a_place() {
        crate::plot::style::register_fonts().unwrap();
        for (w, h) in [(640u32, 360u32), (1280, 720), (1920, 1080)] {
            for spacing_ms in [100u64, 700, 1500, 4000, 9000] {
                let mut svg = String::new();
                let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
                let end = 300 * NANOS_PER_SEC;
                let notes: Vec<Note> = (0..)
                    .map(|k| k * spacing_ms * 1_000_000)
                    .take_while(|&t| t < end)
                    .take(400)
                    .enumerate()
                    .map(|(k, at)| Note {
                        at,
                        over: None,
                        text: "a change of some length ".repeat(1 + k % 3),
                        live: k % 2 == 0,
                        side: None,
                    })
                    .collect();
                let fig = Figure {
                    title: String::new(),
                    subtitle: String::new(),
                    sides: Vec::new(),
                    notes,
                };
                let sc = Scale::of(w, h);
                let frame = Frame {
                    x0: w as i32 / 5,
                    x1: w as i32 - 20,
                    end,
                };
                let p = place(&root, &fig, &frame, sc, (10, w as i32 - 10), h as i32);
                let what = format!("{w}x{h} every {spacing_ms} ms");
                check(&p, &what);
                assert_eq!(p.labels.len(), p.groups.len());
                assert!(
                    p.rows <= word_rows(sc, h as i32) + 1,
                    "{what}: {} rows",
                    p.rows
                );
                let listed: usize = p.listed().iter().map(|(_, g)| g.notes.len()).sum();
                let worded: usize = p
                    .labels
                    .iter()
                    .zip(&p.groups)
                    .filter(|(l, _)| l.number.is_none())
                    .map(|(_, g)| g.notes.len())
                    .sum();
                assert_eq!(listed + worded, fig.notes.len(), "{what}: every note");
            }
        }
    }

    #[test]
    fn the_list_keeps_entries_whole_and_counts_what_does_not_fit() {
        crate::plot::style::register_fonts().unwrap();
        let mut svg = String::new();
        let root = SVGBackend::with_string(&mut svg, (1920, 1080)).into_drawing_area();
        let sc = Scale::of(1920, 1080);
        let n = 30;
        let placed = Placed {
            groups: (0..n)
                .map(|k| Group {
                    notes: vec![k],
                    xs: vec![k as i32 * 40],
                    text: format!("0:{k:02} a note of a few words, number {k}"),
                    live: false,
                })
                .collect(),
            labels: (0..n)
                .map(|k| Label {
                    row: 0,
                    lines_from: 0,
                    x0: 0,
                    x1: 0,
                    text: (k + 1).to_string(),
                    number: Some(k + 1),
                })
                .collect(),
            rows: 1,
        };
        let all = list_lines(&root, &placed, sc, 1800, 100);
        let words: Vec<&String> = all
            .iter()
            .flatten()
            .filter(|p| !p.2)
            .map(|p| &p.1)
            .collect();
        assert_eq!(words.len(), n, "each entry whole, once");
        assert!(
            all.len() > 3 && all.len() < n,
            "entries share lines: {}",
            all.len()
        );
        let cut = crate::i18n::scoped("en", || list_lines(&root, &placed, sc, 1800, 3));
        assert_eq!(cut.len(), 3);
        let last = &cut[2];
        assert_eq!(last.len(), 1);
        let shown = cut[..2].iter().flatten().filter(|p| p.2).count();
        assert!(
            last[0].1.contains(&(n - shown).to_string()) && last[0].1.contains("not listed"),
            "{:?}",
            last[0].1
        );
    }

    #[test]
    fn a_box_is_clear_only_of_lines_that_start_below_it_and_labels_beside_it() {
        let label = |row, x0, x1| Label {
            row,
            lines_from: row,
            x0,
            x1,
            text: String::new(),
            number: None,
        };
        // A label at row 0 over 100..300 whose line is at 96.
        let placed = vec![(label(0, 100, 300), vec![96])];
        // A line at 200 starting at row 0 would cross it; from row 1 it does not.
        let at = |row, span| Candidate {
            row,
            span,
            lines_from: row,
        };
        assert!(!clear(&placed, &at(0, (204, 260)), &[200], 4));
        assert!(clear(&placed, &at(1, (204, 260)), &[200], 4));
        // A box at row 1 over its line (96) is crossed; one beyond it is not.
        assert!(!clear(&placed, &at(1, (50, 98)), &[40], 4));
        assert!(clear(&placed, &at(0, (310, 400)), &[306], 4));
        assert!(!clear(&placed, &at(0, (20, 94)), &[15], 4));
        // Over its own line at row 1, the line starting at row 2: clear of
        // the label at row 0, which its line would cross from row 0.
        let over = Candidate {
            row: 1,
            span: (150, 250),
            lines_from: 2,
        };
        assert!(clear(&placed, &over, &[200], 4));
        assert!(!clear(
            &placed,
            &Candidate {
                lines_from: 0,
                ..over
            },
            &[200],
            4
        ));
    }
}
