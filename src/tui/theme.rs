//! Colours and text styles. The default palette uses only the 16 ANSI colours
//! and avoids red-against-green (cyan, yellow and light red/magenta stay apart
//! under the common colour-vision deficiencies); every colour is doubled by a
//! symbol or a word in the panels, so `NO_COLOR` loses no information.

use crate::base::outcome::Outcome;
use crate::patterns::circuit_breaker::BreakerState;
use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub name: &'static str,
    /// The screen's own foreground and background: set on every cell that
    /// does not choose its own, so a light palette never draws black text on
    /// a dark terminal's background. Empty for the dark and plain palettes
    /// (they keep the terminal's colours).
    pub base: Style,
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub border: Style,
    /// The border of the panel that `z` would zoom.
    pub focus_border: Style,
    pub key: Style,
    pub selected: Style,
    /// Good (closed breaker, ok calls, free pool).
    pub ok: Style,
    /// Watch (half-open, timeouts, queueing).
    pub warn: Style,
    /// Bad (open breaker, failures, a full pool).
    pub bad: Style,
    /// A teacher's override (forced open).
    pub forced: Style,
    /// Neutral accents (short-circuits, p50).
    pub accent: Style,
    pub recording: Style,
    /// The two sides of a comparison (always with their letter, A or B).
    pub side_a: Style,
    pub side_b: Style,
}

impl Theme {
    /// Dark terminals (the default).
    pub fn dark() -> Theme {
        let fg = |c: Color| Style::default().fg(c);
        Theme {
            name: "dark",
            base: Style::default(),
            text: Style::default(),
            dim: fg(Color::DarkGray),
            title: Style::default().add_modifier(Modifier::BOLD),
            border: fg(Color::Gray),
            focus_border: fg(Color::LightCyan).add_modifier(Modifier::BOLD),
            key: fg(Color::LightCyan).add_modifier(Modifier::BOLD),
            selected: Style::default().add_modifier(Modifier::REVERSED),
            ok: fg(Color::Cyan),
            warn: fg(Color::Yellow),
            bad: fg(Color::LightRed).add_modifier(Modifier::BOLD),
            forced: fg(Color::LightMagenta).add_modifier(Modifier::BOLD | Modifier::REVERSED),
            accent: fg(Color::LightMagenta),
            recording: fg(Color::LightRed).add_modifier(Modifier::BOLD),
            side_a: fg(Color::LightBlue).add_modifier(Modifier::BOLD),
            side_b: fg(Color::LightMagenta).add_modifier(Modifier::BOLD),
        }
    }

    /// Light backgrounds and projectors: no yellow or cyan on white.
    pub fn light() -> Theme {
        let fg = |c: Color| Style::default().fg(c);
        Theme {
            name: "light",
            base: Style::default().fg(Color::Black).bg(Color::White),
            text: fg(Color::Black),
            dim: fg(Color::DarkGray),
            title: fg(Color::Black).add_modifier(Modifier::BOLD),
            border: fg(Color::DarkGray),
            focus_border: fg(Color::Blue).add_modifier(Modifier::BOLD),
            key: fg(Color::Blue).add_modifier(Modifier::BOLD),
            selected: Style::default().add_modifier(Modifier::REVERSED),
            ok: fg(Color::Blue),
            warn: fg(Color::Magenta).add_modifier(Modifier::BOLD),
            bad: fg(Color::Red).add_modifier(Modifier::BOLD),
            forced: fg(Color::Red).add_modifier(Modifier::BOLD | Modifier::REVERSED),
            accent: fg(Color::Magenta),
            recording: fg(Color::Red).add_modifier(Modifier::BOLD),
            side_a: fg(Color::Blue).add_modifier(Modifier::BOLD),
            side_b: fg(Color::Magenta).add_modifier(Modifier::BOLD),
        }
    }

    /// `NO_COLOR` and `--no-color`: text attributes only.
    pub fn plain() -> Theme {
        let s = Style::default();
        Theme {
            name: "plain",
            base: s,
            text: s,
            dim: s,
            title: s.add_modifier(Modifier::BOLD),
            border: s,
            focus_border: s.add_modifier(Modifier::BOLD),
            key: s.add_modifier(Modifier::BOLD),
            selected: s.add_modifier(Modifier::REVERSED),
            ok: s,
            warn: s.add_modifier(Modifier::UNDERLINED),
            bad: s.add_modifier(Modifier::BOLD),
            forced: s.add_modifier(Modifier::BOLD | Modifier::REVERSED),
            accent: s,
            recording: s.add_modifier(Modifier::BOLD),
            side_a: s.add_modifier(Modifier::BOLD),
            side_b: s.add_modifier(Modifier::BOLD),
        }
    }

    /// The theme for the command-line flags and the environment: `NO_COLOR`
    /// (any non-empty value, per no-color.org) wins over `--light`.
    pub fn choose(no_color_flag: bool, light: bool) -> Theme {
        let no_color_env = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if no_color_flag || no_color_env {
            Theme::plain()
        } else if light {
            Theme::light()
        } else {
            Theme::dark()
        }
    }

    /// Gives every cell of `area` that keeps the terminal's default colours
    /// the palette's own (`base`); cells with a colour of their own keep it.
    pub fn paint_base(&self, area: ratatui::layout::Rect, buf: &mut ratatui::buffer::Buffer) {
        let (fg, bg) = (self.base.fg, self.base.bg);
        if fg.is_none() && bg.is_none() {
            return;
        }
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                let cell = &mut buf[(x, y)];
                if let Some(bg) = bg {
                    if cell.bg == Color::Reset {
                        cell.bg = bg;
                    }
                }
                if let Some(fg) = fg {
                    if cell.fg == Color::Reset {
                        cell.fg = fg;
                    }
                }
            }
        }
    }

    pub fn breaker(&self, s: BreakerState) -> Style {
        match s {
            BreakerState::Closed => self.ok,
            BreakerState::HalfOpen => self.warn,
            BreakerState::Open => self.bad,
            BreakerState::ForcedOpen => self.forced,
            BreakerState::Disabled => self.dim,
        }
    }

    pub fn outcome(&self, o: Outcome) -> Style {
        match o {
            Outcome::Ok => self.ok,
            Outcome::Failed => self.bad,
            Outcome::TimedOut => self.warn,
            Outcome::ShortCircuited => self.accent,
            Outcome::BulkheadRejected | Outcome::ClientRejected => self.text,
        }
    }
}

/// The symbol that doubles the colour of a state.
pub fn symbol(s: BreakerState) -> &'static str {
    match s {
        BreakerState::Closed => "●",
        BreakerState::Open => "○",
        BreakerState::HalfOpen => "◐",
        BreakerState::ForcedOpen => "⊘",
        BreakerState::Disabled => "–",
    }
}
