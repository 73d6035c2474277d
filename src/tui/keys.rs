//! Key bindings as data: one table that the key handler, the footer and the
//! help overlay all read, so what the screen says is what the keys do.

use super::input::{Key, KeyCode};
use crate::patterns::PATTERNS;
use modal::{EXERCISE, MENU, TYPING};

mod modal;

/// What a key asks for. The app turns actions into view changes or into
/// `sim.change_now` calls; nothing else changes the world.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Ctrl-Z: raw mode swallows the terminal's own suspend, so the app does it.
    Suspend,
    TogglePause,
    Step,
    Faster,
    Slower,
    NextService,
    PrevService,
    NextField,
    PrevField,
    Increase,
    Decrease,
    /// Toggles `services.<selected>.<pattern>.enabled`.
    TogglePattern(&'static str),
    Outage,
    LatencySpike,
    LoadSpike,
    CycleForce,
    Restart,
    /// `x`: parameter edits go to the other side of a comparison.
    SwitchSide,
    /// `c`: the selected parameter's value, copied to the other side.
    CopyToOther,
    ToggleRecording,
    /// `e`: the figure of the session so far, written as SVG and PNG.
    ExportFigure,
    /// `g`: an exercise's goals graded on the live settings.
    Grade,
    ToggleHelp,
    /// `L`: the next language, live.
    SwitchLanguage,
    CloseHelp,
    /// `t`: the story of the selected service's next call, as an overlay.
    Trace,
    /// `T`: the trace menu (a modal context): trace the next call that is
    /// retried, cut, rejected … or call #N.
    TraceMenu,
    /// In the trace menu: the previous / next item.
    MenuUp,
    MenuDown,
    /// In the trace menu: trace what the selected item says.
    MenuChoose,
    /// In the trace menu: a digit of the call number (the key says which).
    MenuDigit,
    /// In the trace menu: erase the last digit typed.
    MenuErase,
    /// `Esc` in the trace menu: closes it, never quits.
    CloseMenu,
    /// `n`: full speed to the next timeline entry or breaker transition.
    NextMoment,
    /// `a`: predict mode on or off (questions asked before they are run).
    TogglePredict,
    /// While typing a prediction: a character of it (the key says which).
    AnswerChar,
    /// While typing a prediction: erase the last character.
    AnswerErase,
    /// While typing a prediction: `Enter`, the class's answer.
    AnswerConfirm,
    /// While typing a prediction: `Esc`, no prediction (never quits).
    AnswerCancel,
    /// Scrolls the help (a modal context: nothing else moves).
    ScrollHelp(Scroll),
    /// `Esc` with an overlay open (trace, banner): closes it, never quits.
    CloseOverlay,
    Zoom,
    /// `w`: the next window of time for every time-series panel.
    CycleWindow,
    NextPanel,
    PrevPanel,
}

/// How far a scroll key moves the help.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scroll {
    LineUp,
    LineDown,
    PageUp,
    PageDown,
    Top,
    Bottom,
}

/// When a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// Whenever the help overlay is closed.
    Normal,
    /// Only while paused (and the help is closed).
    Paused,
    /// Only while the help overlay is open.
    Help,
    /// Always, help open or not.
    Always,
    /// In a comparison (two sides), while the help is closed.
    Compare,
    /// While an overlay (trace, banner) is open and the help is closed.
    Overlay,
    /// While nothing is open over the panels (no help, no overlay, no menu).
    Bare,
    /// While the trace menu (`T`) is open: only its own keys (and `Always`).
    Menu,
    /// While a prediction is typed: only its own keys (letters, digits and
    /// marks are the answer's).
    Typing,
    /// With an exercise open (`breakwater exercise NAME`), while the help
    /// is closed.
    Exercise,
}

/// The view state that decides which bindings apply.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Context {
    pub paused: bool,
    pub help: bool,
    /// Two sides (the split dashboard).
    pub compare: bool,
    /// An overlay is open (the trace, the banner).
    pub overlay: bool,
    /// The trace menu is open (a modal context: only its keys apply).
    pub menu: bool,
    /// A prediction is being typed (a modal context: only its keys apply).
    pub typing: bool,
    /// An exercise is open.
    pub exercise: bool,
}

impl When {
    pub fn applies(self, cx: Context) -> bool {
        // The trace menu is modal: while it is open, only its keys.
        let free = !cx.help && !cx.menu && !cx.typing;
        match self {
            When::Normal => free,
            When::Paused => free && cx.paused,
            When::Help => cx.help,
            When::Always => true,
            When::Compare => free && cx.compare,
            When::Overlay => free && cx.overlay,
            When::Bare => free && !cx.overlay,
            When::Menu => !cx.help && cx.menu,
            When::Typing => !cx.help && cx.typing,
            When::Exercise => free && cx.exercise,
        }
    }
}

/// What a binding listens for: a key code, and whether Ctrl is held. Shift
/// is not compared, because terminals disagree on whether `+`, `?` or `R`
/// carry it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chord {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn ch(c: char) -> Chord {
    Chord {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}
const fn ctrl(c: char) -> Chord {
    Chord {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}
const fn code(code: KeyCode) -> Chord {
    Chord { code, ctrl: false }
}

impl Chord {
    pub fn matches(&self, key: &Key) -> bool {
        if self.ctrl != key.mods.ctrl {
            return false;
        }
        match (self.code, key.code) {
            // `r` and `R` differ: a letter is upper case if the terminal sent
            // it so or sent Shift with it (kitty's keyboard protocol does).
            (KeyCode::Char(a), KeyCode::Char(b)) if a.is_ascii_alphabetic() => {
                let upper = b.is_ascii_uppercase() || key.mods.shift;
                a.eq_ignore_ascii_case(&b) && a.is_ascii_uppercase() == upper
            }
            (a, b) => a == b,
        }
    }
}

/// One row of the table.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    pub keys: &'static [Chord],
    /// How the help overlay writes the keys.
    pub label: &'static str,
    pub action: Action,
    pub help: &'static str,
    /// (keys, word) for the footer; `None` keeps the binding out of it.
    pub footer: Option<(&'static str, &'static str)>,
    pub when: When,
}

const fn b(
    keys: &'static [Chord],
    label: &'static str,
    action: Action,
    help: &'static str,
    footer: Option<(&'static str, &'static str)>,
    when: When,
) -> Binding {
    Binding {
        keys,
        label,
        action,
        help,
        footer,
        when,
    }
}

use Action as A;
use When as W;

/// The bindings before the patterns' toggles, in help order.
const BEFORE_TOGGLES: &[Binding] = &[
    b(
        &[ch(' ')],
        "space",
        A::TogglePause,
        "key-toggle-pause",
        Some(("space", "key-toggle-pause-short")),
        W::Normal,
    ),
    b(
        &[ch('x')],
        "x",
        A::SwitchSide,
        "key-switch-side",
        Some(("x", "key-switch-side-short")),
        W::Compare,
    ),
    b(
        &[ch('c')],
        "c",
        A::CopyToOther,
        "key-copy-to-other",
        Some(("c", "key-copy-to-other-short")),
        W::Compare,
    ),
    b(
        &[ch('n')],
        "n",
        A::NextMoment,
        "key-next-moment",
        Some(("n", "key-next-moment-short")),
        W::Normal,
    ),
    b(
        &[ch('a')],
        "a",
        A::TogglePredict,
        "key-toggle-predict",
        None,
        W::Normal,
    ),
    b(
        &[ch('t')],
        "t",
        A::Trace,
        "key-trace",
        Some(("t", "key-trace-short")),
        W::Normal,
    ),
    b(
        &[ch('T')],
        "T",
        A::TraceMenu,
        "key-trace-menu",
        None,
        W::Normal,
    ),
    b(
        &[ch('.')],
        ".",
        A::Step,
        "key-step",
        Some((".", "key-step-short")),
        W::Paused,
    ),
    b(
        &[ch('+'), ch('=')],
        "+",
        A::Faster,
        "key-faster",
        Some(("+/-", "key-faster-short")),
        W::Normal,
    ),
    b(
        &[ch('-'), ch('_')],
        "-",
        A::Slower,
        "key-slower",
        None,
        W::Normal,
    ),
    b(
        &[code(KeyCode::Tab)],
        "Tab",
        A::NextService,
        "key-next-service",
        Some(("Tab", "key-next-service-short")),
        W::Normal,
    ),
    b(
        &[code(KeyCode::BackTab)],
        "Shift-Tab",
        A::PrevService,
        "key-prev-service",
        None,
        W::Normal,
    ),
    b(
        &[code(KeyCode::Down), ch('j')],
        "↓ j",
        A::NextField,
        "key-next-field",
        Some(("↑↓", "key-next-field-short")),
        W::Normal,
    ),
    b(
        &[code(KeyCode::Up), ch('k')],
        "↑ k",
        A::PrevField,
        "key-prev-field",
        None,
        W::Normal,
    ),
    b(
        &[code(KeyCode::Right)],
        "→",
        A::Increase,
        "key-increase",
        Some(("←→", "key-increase-short")),
        W::Normal,
    ),
    b(
        &[code(KeyCode::Left)],
        "←",
        A::Decrease,
        "key-decrease",
        None,
        W::Normal,
    ),
];

/// The bindings after the patterns' toggles, in help order.
const AFTER_TOGGLES: &[Binding] = &[
    b(
        &[ch('o')],
        "o",
        A::Outage,
        "key-outage",
        Some(("o", "key-outage-short")),
        W::Normal,
    ),
    b(
        &[ch('s')],
        "s",
        A::LatencySpike,
        "key-latency-spike",
        Some(("s", "key-latency-spike-short")),
        W::Normal,
    ),
    b(
        &[ch('l')],
        "l",
        A::LoadSpike,
        "key-load-spike",
        Some(("l", "key-load-spike-short")),
        W::Normal,
    ),
    b(
        &[ch('f')],
        "f",
        A::CycleForce,
        "key-cycle-force",
        Some(("f", "key-cycle-force-short")),
        W::Normal,
    ),
    b(
        &[ch('r')],
        "r",
        A::Restart,
        "key-restart",
        Some(("r", "key-restart-short")),
        W::Normal,
    ),
    b(
        &[ch('R')],
        "R",
        A::ToggleRecording,
        "key-toggle-recording",
        Some(("R", "key-toggle-recording-short")),
        W::Normal,
    ),
    b(
        &[ch('e')],
        "e",
        A::ExportFigure,
        "key-export",
        Some(("e", "key-export-short")),
        W::Normal,
    ),
    b(
        &[ch('p')],
        "p",
        A::NextPanel,
        "key-next-panel",
        None,
        W::Normal,
    ),
    b(
        &[ch('P')],
        "P",
        A::PrevPanel,
        "key-prev-panel",
        None,
        W::Normal,
    ),
    b(
        &[ch('z')],
        "z",
        A::Zoom,
        "key-zoom",
        Some(("z", "key-zoom-short")),
        W::Normal,
    ),
    b(
        &[ch('w')],
        "w",
        A::CycleWindow,
        "key-window",
        Some(("w", "key-window-short")),
        W::Normal,
    ),
    b(
        &[ch('L')],
        "L",
        A::SwitchLanguage,
        "key-switch-language",
        None,
        W::Always,
    ),
    b(
        &[ch('?')],
        "?",
        A::ToggleHelp,
        "key-toggle-help",
        Some(("?", "key-toggle-help-short")),
        W::Normal,
    ),
    b(
        &[ch('?'), code(KeyCode::Esc)],
        "? Esc",
        A::CloseHelp,
        "key-close-help-in-help",
        Some(("Esc", "key-close-help-in-help-short")),
        W::Help,
    ),
    b(
        &[code(KeyCode::Down), ch('j')],
        "↓ j",
        A::ScrollHelp(Scroll::LineDown),
        "key-help-line",
        Some(("↑↓", "key-help-line-short")),
        W::Help,
    ),
    b(
        &[code(KeyCode::Up), ch('k')],
        "↑ k",
        A::ScrollHelp(Scroll::LineUp),
        "key-help-line-up",
        None,
        W::Help,
    ),
    b(
        &[code(KeyCode::PageDown)],
        "PgDn",
        A::ScrollHelp(Scroll::PageDown),
        "key-help-page",
        Some(("PgUp/PgDn", "key-help-page-short")),
        W::Help,
    ),
    b(
        &[code(KeyCode::PageUp)],
        "PgUp",
        A::ScrollHelp(Scroll::PageUp),
        "key-help-page-up",
        None,
        W::Help,
    ),
    b(
        &[code(KeyCode::Home)],
        "Home",
        A::ScrollHelp(Scroll::Top),
        "key-help-top",
        Some(("Home/End", "key-help-ends-short")),
        W::Help,
    ),
    b(
        &[code(KeyCode::End)],
        "End",
        A::ScrollHelp(Scroll::Bottom),
        "key-help-bottom",
        None,
        W::Help,
    ),
    b(
        &[code(KeyCode::Esc)],
        "Esc",
        A::CloseOverlay,
        "key-close-overlay",
        Some(("Esc", "key-close-overlay-short")),
        W::Overlay,
    ),
    b(
        &[ch('q'), ctrl('c')],
        "q ^C",
        A::Quit,
        "key-quit",
        Some(("q", "key-quit-short")),
        W::Normal,
    ),
    b(
        &[code(KeyCode::Esc)],
        "Esc",
        A::Quit,
        "key-quit-bare",
        None,
        W::Bare,
    ),
    b(
        &[ctrl('z')],
        "^Z",
        A::Suspend,
        "key-suspend",
        None,
        W::Always,
    ),
    b(
        &[ch('q'), ctrl('c')],
        "q ^C",
        A::Quit,
        "key-quit-in-help",
        Some(("q", "key-quit-in-help-short")),
        W::Help,
    ),
];

/// Every binding, in the order the help overlay lists them: the fixed
/// ones, with a toggle for each pattern the registry gives a key (its key,
/// and its help `key-toggle-<name>`), so a new pattern brings its own.
pub fn bindings() -> &'static [Binding] {
    static ALL: std::sync::LazyLock<Vec<Binding>> = std::sync::LazyLock::new(|| {
        let toggles: Vec<(char, &'static str)> = PATTERNS
            .iter()
            .filter_map(|p| p.toggle.map(|key| (key, p.name)))
            .collect();
        // The footer names the toggles once, as a range (`1-4`).
        let range = match (toggles.first(), toggles.last()) {
            (Some((a, _)), Some((z, _))) if a != z => format!("{a}-{z}"),
            (Some((a, _)), _) => a.to_string(),
            _ => String::new(),
        };
        let range: &'static str = Box::leak(range.into_boxed_str());
        let mut all = BEFORE_TOGGLES.to_vec();
        for (i, &(key, name)) in toggles.iter().enumerate() {
            let keys: &'static [Chord] = Box::leak(Box::new([ch(key)]));
            let label: &'static str = Box::leak(key.to_string().into_boxed_str());
            let help = format!("key-toggle-{}", name.replace('_', "-"));
            all.push(b(
                keys,
                label,
                A::TogglePattern(name),
                Box::leak(help.into_boxed_str()),
                (i == 0).then_some((range, "key-toggle-patterns-short")),
                W::Normal,
            ));
        }
        all.extend_from_slice(AFTER_TOGGLES);
        all
    });
    &ALL
}

/// The trace menu's bindings (see `MENU`).
pub fn menu_bindings() -> &'static [Binding] {
    MENU
}

/// The bindings while a prediction is typed (see `TYPING`).
pub fn typing_bindings() -> &'static [Binding] {
    TYPING
}

/// An exercise's bindings (see `EXERCISE`).
pub fn exercise_bindings() -> &'static [Binding] {
    EXERCISE
}

/// Every binding of every table: an exercise's first (the footer names
/// `g` before what it may drop), the dashboard's, the menu's, typing's.
fn all() -> impl Iterator<Item = &'static Binding> {
    EXERCISE.iter().chain(bindings()).chain(MENU).chain(TYPING)
}

/// The action of a key press in this context, if any.
pub fn action_for(key: &Key, cx: Context) -> Option<Action> {
    all()
        .filter(|b| b.when.applies(cx))
        .find(|b| b.keys.iter().any(|k| k.matches(key)))
        .map(|b| b.action)
}

/// The bindings the footer shows in this context, in table order.
pub fn footer(cx: Context) -> impl Iterator<Item = (&'static str, &'static str)> {
    all()
        .filter(move |b| b.when.applies(cx))
        .filter_map(|b| b.footer)
}
