//! Time made explicit, scales made honest (issue 9, items 3 and 4): every
//! time-series panel says the window it covers, one window for all that `w`
//! cycles; long windows are marks of a fixed step, memory stays bounded;
//! bars use their natural maximum and one scale per panel.

mod common;

use breakwater::base::time::NANOS_PER_SEC;
use breakwater::tui::app::{App, PanelId};
use breakwater::tui::history::{History, Window, CAPACITY, COARSE};
use breakwater::tui::panels::{self, spark_view};
use breakwater::tui::theme::Theme;
use common::app::{app_at, ch, help_pages, screen, text};
use common::scenario;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const SERIES: [PanelId; 6] = [
    PanelId::Breaker,
    PanelId::Retries,
    PanelId::Timeouts,
    PanelId::Bulkhead,
    PanelId::Latency,
    PanelId::Throughput,
];

/// The bottom border of panel `id` drawn alone on `w`×`h`.
fn bottom(app: &App, id: PanelId, w: u16, h: u16) -> String {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    panels::render_panel(id, app, &Theme::plain(), area, &mut buf, false);
    (0..w)
        .map(|x| buf[(x, h - 1)].symbol().to_string())
        .collect()
}

#[test]
fn every_time_series_panel_names_the_shared_window_and_w_cycles_it() {
    let mut app = app_at(90);
    for (window, word) in [
        (Window::Min2, "last 2:00"),
        (Window::Min10, "last 10:00"),
        (Window::Whole, "whole run"),
        (Window::Secs30, "last 30.0s"),
    ] {
        assert_eq!(app.window(), window);
        for id in SERIES {
            let b = bottom(&app, id, 60, 12);
            assert!(b.contains(word), "{id:?} in {window:?}: {b}");
        }
        ch(&mut app, 'w');
    }
    assert_eq!(app.window(), Window::Min2, "w comes back round");
    // With a chart in focus the footer names the key; the help always does.
    while app.focus() != PanelId::Throughput {
        ch(&mut app, 'p');
    }
    let s = text(&screen(&app, 80, 24));
    assert!(s.lines().last().unwrap().contains("w window"), "{s}");
    ch(&mut app, '?');
    // The keys follow the lesson, on the help's next pages.
    let s = help_pages(&mut app, 120, 40);
    assert!(s.contains("chart window: 30 s, 2 min, 10 min, all"), "{s}");
}

#[test]
fn a_downsampled_panel_says_its_step() {
    let app = app_at(90);
    // 2 minutes in about 20 marks: one mark is several seconds, and says so.
    let b = bottom(&app, PanelId::Throughput, 42, 8);
    assert!(b.contains("last 2:00 · ") && b.contains("/mark"), "{b}");
}

#[test]
fn bars_use_their_natural_maximum() {
    // A pool at 4 of 5 is not drawn as FULL; 5 of 5 is.
    let s = spark_view(&[Some(4.0), Some(5.0), Some(0.0), None], 5.0, 4);
    assert_eq!(s, "▇█▁ ");
    // One failure per second beside 51 calls per second is a low bar.
    let s = spark_view(&[Some(1.0)], 51.0, 1);
    assert_eq!(s, "▂");
    // Marks fewer than cells are repeated, never stretched unevenly.
    assert_eq!(spark_view(&[Some(5.0), Some(0.0)], 5.0, 5), " ██▁▁");
}

#[test]
fn throughput_rows_share_one_scale() {
    // 50 calls per second, 1 % failing: the failures' bars stay low.
    let s = scenario(
        "name = \"x\"\nseed = 1\nduration = \"60s\"\n[load]\nkind = \"constant\"\nrate = 50\n\
         [[services]]\nname = \"api\"\nfailure_rate = 0.01\nlatency = \"5ms\"\n",
    );
    let mut app = App::new(s, 1);
    app.advance_to(40 * NANOS_PER_SEC);
    let t = text(&screen(&app, 120, 40));
    let failed = t.lines().find(|l| l.contains("✗ failed")).unwrap();
    let bars: String = failed.chars().filter(|c| ('▁'..='█').contains(c)).collect();
    assert!(!bars.is_empty());
    assert!(
        bars.chars().all(|c| c <= '▂'),
        "a failure or two among 50 calls is no flood: {failed}"
    );
}

#[test]
fn the_whole_run_stays_in_bounded_memory_in_fixed_steps() {
    let s = scenario(
        "name = \"long\"\nseed = 1\nduration = \"3h\"\n[load]\nkind = \"constant\"\nrate = 2\n\
         [[services]]\nname = \"api\"\nlatency = \"5ms\"\n",
    );
    let mut app = App::new(s, 1);
    let h = |app: &App| -> (usize, usize, u64) {
        let h: &History = app.history();
        (h.samples().len(), h.coarse_len(), h.coarse_step())
    };
    for hours in 1..=3u64 {
        app.advance_to(hours * 3600 * NANOS_PER_SEC);
        let (fine, coarse, step) = h(&app);
        assert!(fine <= CAPACITY && coarse <= COARSE, "{fine} {coarse}");
        assert!(step.is_power_of_two() && step * COARSE as u64 >= hours * 3600);
    }
    // The whole run in 50 marks: each mark the same whole number of seconds,
    // the marks together reaching t = 0, every call counted once.
    let v = app.history().view(Window::Whole, 50);
    assert!(v.marks.len() <= 50);
    assert!(v.span() >= app.now());
    assert_eq!(v.step % app.history().coarse_step(), 0);
    let calls: u64 = v.marks.iter().flatten().map(|m| m.services[0].calls).sum();
    let total = app.sim().service_metrics(0).totals_now().calls;
    assert!(
        total - calls < 10,
        "calls {calls} of {total} (the last second is still filling)"
    );
}

#[test]
fn marks_stay_put_as_time_goes_on() {
    let mut app = app_at(100);
    let before = app.history().view(Window::Min2, 15);
    let step = before.step;
    assert_eq!(step, 8);
    app.advance_to((100 + step) * NANOS_PER_SEC);
    let after = app.history().view(Window::Min2, 15);
    assert_eq!(after.step, step);
    // One step later the marks moved one slot left, unchanged (the newest
    // mark, still filling before, excepted).
    let n = before.marks.len();
    assert_eq!(before.marks[1..n - 1], after.marks[..n - 2]);
}
