//! Key bindings as data: one table that the key handler, the footer and the
//! help overlay all read, so what the screen says is what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

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
    ToggleHelp,
    CloseHelp,
    /// `t`: the story of the selected service's next call, as an overlay.
    Trace,
    /// `n`: full speed to the next timeline entry or breaker transition.
    NextMoment,
    /// `Esc` with an overlay open (trace, banner): closes it, never quits.
    CloseOverlay,
    Zoom,
    NextPanel,
    PrevPanel,
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
    /// While nothing is open over the panels (no help, no overlay).
    Bare,
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
}

impl When {
    pub fn applies(self, cx: Context) -> bool {
        match self {
            When::Normal => !cx.help,
            When::Paused => !cx.help && cx.paused,
            When::Help => cx.help,
            When::Always => true,
            When::Compare => !cx.help && cx.compare,
            When::Overlay => !cx.help && cx.overlay,
            When::Bare => !cx.help && !cx.overlay,
        }
    }
}

/// A key: its code, and whether Ctrl is held. Shift is not compared, because
/// terminals disagree on whether `+`, `?` or `R` carry it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}
const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

impl Key {
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        let ev_ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        if self.ctrl != ev_ctrl {
            return false;
        }
        match (self.code, ev.code) {
            // `r` and `R` differ: a letter is upper case if the terminal sent
            // it so or sent Shift with it (kitty's keyboard protocol does).
            (KeyCode::Char(a), KeyCode::Char(b)) if a.is_ascii_alphabetic() => {
                let upper = b.is_ascii_uppercase() || ev.modifiers.contains(KeyModifiers::SHIFT);
                a.eq_ignore_ascii_case(&b) && a.is_ascii_uppercase() == upper
            }
            (a, b) => a == b,
        }
    }
}

/// One row of the table.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    pub keys: &'static [Key],
    /// How the help overlay writes the keys.
    pub label: &'static str,
    pub action: Action,
    pub help: &'static str,
    /// (keys, word) for the footer; `None` keeps the binding out of it.
    pub footer: Option<(&'static str, &'static str)>,
    pub when: When,
}

const fn b(
    keys: &'static [Key],
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

/// Every binding, in the order the help overlay lists them.
pub const BINDINGS: &[Binding] = &[
    b(
        &[ch(' ')],
        "space",
        A::TogglePause,
        "pause / resume",
        Some(("space", "pause")),
        W::Normal,
    ),
    b(
        &[ch('x')],
        "x",
        A::SwitchSide,
        "edit the other side (A/B)",
        Some(("x", "side")),
        W::Compare,
    ),
    b(
        &[ch('c')],
        "c",
        A::CopyToOther,
        "copy the value to the other side",
        Some(("c", "copy")),
        W::Compare,
    ),
    b(
        &[ch('n')],
        "n",
        A::NextMoment,
        "run to the next entry or breaker change",
        Some(("n", "next")),
        W::Normal,
    ),
    b(
        &[ch('t')],
        "t",
        A::Trace,
        "trace the next call (service)",
        Some(("t", "trace")),
        W::Normal,
    ),
    b(
        &[ch('.')],
        ".",
        A::Step,
        "one tick forward (paused)",
        Some((".", "step")),
        W::Paused,
    ),
    b(
        &[ch('+'), ch('=')],
        "+",
        A::Faster,
        "faster (up to 1000×)",
        Some(("+/-", "speed")),
        W::Normal,
    ),
    b(
        &[ch('-'), ch('_')],
        "-",
        A::Slower,
        "slower (down to 0.1×)",
        None,
        W::Normal,
    ),
    b(
        &[code(KeyCode::Tab)],
        "Tab",
        A::NextService,
        "next service",
        Some(("Tab", "service")),
        W::Normal,
    ),
    b(
        &[code(KeyCode::BackTab)],
        "Shift-Tab",
        A::PrevService,
        "previous service",
        None,
        W::Normal,
    ),
    b(
        &[code(KeyCode::Down), ch('j')],
        "↓ j",
        A::NextField,
        "next parameter",
        Some(("↑↓", "field")),
        W::Normal,
    ),
    b(
        &[code(KeyCode::Up), ch('k')],
        "↑ k",
        A::PrevField,
        "previous parameter",
        None,
        W::Normal,
    ),
    b(
        &[code(KeyCode::Right)],
        "→",
        A::Increase,
        "raise the value",
        Some(("←→", "value")),
        W::Normal,
    ),
    b(
        &[code(KeyCode::Left)],
        "←",
        A::Decrease,
        "lower the value",
        None,
        W::Normal,
    ),
    b(
        &[ch('1')],
        "1",
        A::TogglePattern("circuit_breaker"),
        "breaker on/off (service)",
        Some(("1-4", "patterns")),
        W::Normal,
    ),
    b(
        &[ch('2')],
        "2",
        A::TogglePattern("retry"),
        "retry on/off (service)",
        None,
        W::Normal,
    ),
    b(
        &[ch('3')],
        "3",
        A::TogglePattern("bulkhead"),
        "bulkhead on/off (service)",
        None,
        W::Normal,
    ),
    b(
        &[ch('4')],
        "4",
        A::TogglePattern("timeout"),
        "timeout on/off (service)",
        None,
        W::Normal,
    ),
    b(
        &[ch('o')],
        "o",
        A::Outage,
        "outage on/off (service)",
        Some(("o", "outage")),
        W::Normal,
    ),
    b(
        &[ch('s')],
        "s",
        A::LatencySpike,
        "latency ×10 on/off (service)",
        Some(("s", "slow")),
        W::Normal,
    ),
    b(
        &[ch('l')],
        "l",
        A::LoadSpike,
        "load ×3 on/off",
        Some(("l", "load")),
        W::Normal,
    ),
    b(
        &[ch('f')],
        "f",
        A::CycleForce,
        "breaker forced open/off/normal",
        Some(("f", "force")),
        W::Normal,
    ),
    b(
        &[ch('r')],
        "r",
        A::Restart,
        "restart at t=0, same seed",
        Some(("r", "restart")),
        W::Normal,
    ),
    b(
        &[ch('R')],
        "R",
        A::ToggleRecording,
        "record on/off (saved on stop)",
        Some(("R", "record")),
        W::Normal,
    ),
    b(
        &[ch('p')],
        "p",
        A::NextPanel,
        "focus next panel",
        None,
        W::Normal,
    ),
    b(
        &[ch('P')],
        "P",
        A::PrevPanel,
        "focus previous panel",
        None,
        W::Normal,
    ),
    b(
        &[ch('z')],
        "z",
        A::Zoom,
        "zoom the focused panel",
        Some(("z", "zoom")),
        W::Normal,
    ),
    b(
        &[ch('?')],
        "?",
        A::ToggleHelp,
        "this help",
        Some(("?", "help")),
        W::Normal,
    ),
    b(
        &[ch('?'), code(KeyCode::Esc)],
        "? Esc",
        A::CloseHelp,
        "close the help",
        Some(("Esc", "close help")),
        W::Help,
    ),
    b(
        &[code(KeyCode::Esc)],
        "Esc",
        A::CloseOverlay,
        "close the trace or the banner",
        Some(("Esc", "close")),
        W::Overlay,
    ),
    b(
        &[ch('q'), ctrl('c')],
        "q ^C",
        A::Quit,
        "quit, print the summary",
        Some(("q", "quit")),
        W::Normal,
    ),
    b(
        &[code(KeyCode::Esc)],
        "Esc",
        A::Quit,
        "quit, when nothing is open",
        None,
        W::Bare,
    ),
    b(
        &[ctrl('z')],
        "^Z",
        A::Suspend,
        "suspend (fg resumes)",
        None,
        W::Always,
    ),
    b(
        &[ch('q'), ctrl('c')],
        "q ^C",
        A::Quit,
        "quit",
        Some(("q", "quit")),
        W::Help,
    ),
];

/// The action of a key press in this context, if any.
pub fn action_for(ev: &KeyEvent, cx: Context) -> Option<Action> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    BINDINGS
        .iter()
        .filter(|b| b.when.applies(cx))
        .find(|b| b.keys.iter().any(|k| k.matches(ev)))
        .map(|b| b.action)
}

/// The bindings the footer shows in this context, in table order.
pub fn footer(cx: Context) -> impl Iterator<Item = (&'static str, &'static str)> {
    BINDINGS
        .iter()
        .filter(move |b| b.when.applies(cx))
        .filter_map(|b| b.footer)
}
