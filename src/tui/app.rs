//! The dashboard's state and its update rules. Pure: no terminal, no wall
//! clock and no I/O, so tests drive it with key presses at chosen virtual
//! times. Every change to the world goes through `Simulation::change_now`,
//! the same mechanism as timeline events and replayed recordings.

use super::fields::{fields_of, step_value, Field};
use super::history::{History, Window};
use super::input::Key;
use super::keys::{self, Action, Context};
pub use super::side::SideState;
use crate::base::time::SimTime;
use crate::scenario::variants::{Comparison, Side};
use crate::scenario::Scenario;
use crate::sim::Simulation;
use crate::t;
use std::time::Duration;

mod clock;
mod controls;
pub mod exercise;
mod export;
mod feedback;
mod pacing;
mod predict;
mod recording;
mod selection;
mod trace;
pub use exercise::ExerciseState;
pub use pacing::Banner;
pub use predict::{is_right, read_number, read_prediction, Prediction, QuestionView};
pub use trace::{Missing, SideTrace, TraceChoice, TraceMenu, TraceView, MENU_ITEMS};

/// The speeds `+` and `-` step through.
pub const SPEEDS: &[f64] = &[
    0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0,
];
pub const MIN_SPEED: f64 = 0.1;
pub const MAX_SPEED: f64 = 1000.0;

/// A frame never advances more than this much wall time, so that a
/// suspended laptop does not wake up to an hour of simulation in one frame.
const MAX_FRAME: Duration = Duration::from_secs(1);

/// What the shell must do for the app (the app itself does no I/O).
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    Quit,
    /// Suspend the program (Ctrl-Z): restore the terminal, stop, and take it
    /// back on resume.
    Suspend,
    /// Write `text` to the file at `path` (a recording).
    Save {
        path: String,
        text: String,
    },
    /// Write each `(path, text)` (a comparison's recording: one file per side).
    SaveAll(Vec<(String, String)>),
    /// Draw the figure of `spec` and write it as SVG and PNG under a new
    /// name starting with `stem`, in the current directory (the `e` key).
    Export {
        spec: Box<crate::plot::figure::Spec>,
        stem: String,
    },
}

/// The panels. Their titles are a contract: docs and tests look for them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PanelId {
    Breaker,
    Retries,
    Timeouts,
    Bulkhead,
    Latency,
    Throughput,
    Parameters,
    Events,
}

impl PanelId {
    /// In focus order (`p` / `P`).
    pub const ALL: [PanelId; 8] = [
        PanelId::Breaker,
        PanelId::Retries,
        PanelId::Timeouts,
        PanelId::Bulkhead,
        PanelId::Latency,
        PanelId::Throughput,
        PanelId::Parameters,
        PanelId::Events,
    ];

    /// The panel's name in the current language.
    pub fn title(self) -> String {
        match self {
            PanelId::Breaker => t!("panel-breaker"),
            PanelId::Retries => t!("panel-retries"),
            PanelId::Timeouts => t!("panel-timeouts"),
            PanelId::Bulkhead => t!("panel-bulkhead"),
            PanelId::Latency => t!("panel-latency-plain"),
            PanelId::Throughput => t!("panel-throughput-plain"),
            PanelId::Parameters => t!("panel-parameters-plain"),
            PanelId::Events => t!("panel-events"),
        }
    }
}

/// The dashboard: one side (a simulation and its recent history), or two
/// sharing one clock in a comparison, and the view state.
pub struct App {
    /// One side, or A and B; frames, pause, speed and incidents act on all.
    sides: Vec<SideState>,
    /// The side that parameter edits go to (`x` switches).
    selected: usize,
    /// The side `advance_slice` is advancing (sides take turns per frame).
    slicing: usize,
    seed: u64,
    paused: bool,
    /// Speed, frame targets, the speed reached (`clock`).
    clock: clock::FrameClock,
    /// Service, field, focus, zoom, help, window (`selection`).
    selection: selection::Selection,
    /// The file a recording is written to, while recording.
    recording: Option<String>,
    status: Option<String>,
    /// Pauses at entries, `n`, the banner (`pacing`).
    pacing: pacing::Pacing,
    /// The trace overlay, while open (`trace`).
    trace: Option<TraceView>,
    /// The trace menu (`T`), while open (`trace`).
    menu: Option<TraceMenu>,
    /// The language the dashboard speaks (`L` switches it): its own, given
    /// to whatever draws it, never the process's.
    lang: &'static str,
    /// Questions asked before they are run (`predict`).
    predict: predict::Predict,
    /// The exercise open, its goals and last grade (`exercise`).
    exercise: Option<ExerciseState>,
}

impl App {
    pub fn new(scenario: Scenario, seed: u64) -> App {
        let label = scenario.name.en().to_string();
        App::with_sides(vec![SideState::new(None, label, scenario, seed)], seed)
    }

    /// The split dashboard: A and B under the same load with A's seed (the
    /// same luck on both sides), one clock.
    pub fn compare(cmp: Comparison) -> App {
        let seed = cmp.a.seed;
        App::with_sides(
            vec![
                SideState::new(Some(Side::A), cmp.label_a, cmp.a, seed),
                SideState::new(Some(Side::B), cmp.label_b, cmp.b, seed),
            ],
            seed,
        )
    }

    fn with_sides(sides: Vec<SideState>, seed: u64) -> App {
        let mut app = App {
            sides,
            selected: 0,
            slicing: 0,
            seed,
            paused: false,
            clock: Default::default(),
            selection: Default::default(),
            recording: None,
            status: None,
            pacing: Default::default(),
            trace: None,
            menu: None,
            lang: crate::i18n::current(),
            predict: Default::default(),
            exercise: None,
        };
        app.plan_pauses();
        app.set_predicting(false);
        app
    }

    // ---- reading -------------------------------------------------------------

    /// The selected side's simulation (the only one, alone).
    pub fn sim(&self) -> &Simulation {
        &self.sides[self.selected].sim
    }
    pub fn scenario(&self) -> &Scenario {
        &self.sides[self.selected].scenario
    }
    pub fn seed(&self) -> u64 {
        self.seed
    }
    /// The language the dashboard speaks (that of the thread that made it,
    /// until `L`).
    pub fn lang(&self) -> &'static str {
        self.lang
    }
    pub fn history(&self) -> &History {
        &self.sides[self.selected].history
    }
    /// Every side: one, or A and B.
    pub fn sides(&self) -> &[SideState] {
        &self.sides
    }
    /// Counts every side's latency by bucket, for live metrics' histogram
    /// (kept across restarts).
    pub fn measure_buckets(&mut self) {
        for s in &mut self.sides {
            s.sim.measure_buckets(true);
        }
    }
    /// Whether this is a comparison (two sides).
    pub fn comparing(&self) -> bool {
        self.sides.len() > 1
    }
    /// The index of the side parameter edits go to.
    pub fn selected_side(&self) -> usize {
        self.selected
    }
    pub fn paused(&self) -> bool {
        self.paused
    }
    pub fn speed(&self) -> f64 {
        self.clock.speed()
    }
    pub fn selected_service(&self) -> usize {
        self.selection.service()
    }
    pub fn selected_service_name(&self) -> &str {
        &self.sim().world().services[self.selected_service()].name
    }
    pub fn selected_field(&self) -> usize {
        self.selection.field(self.fields().len())
    }
    pub fn focus(&self) -> PanelId {
        self.selection.focus()
    }
    pub fn zoomed(&self) -> bool {
        self.selection.zoomed()
    }
    pub fn help_open(&self) -> bool {
        self.selection.help_open()
    }
    /// The help's first row on screen, as the scroll keys asked it.
    pub fn help_top(&self) -> usize {
        self.selection.help_top()
    }
    /// The help's drawing says what it could show (its largest first row,
    /// a page's rows), so the scroll keys stay within it.
    pub fn help_drawn(&self, max_top: usize, page: usize) {
        self.selection.help_drawn(max_top, page)
    }
    /// The window of time the time-series panels show.
    pub fn window(&self) -> Window {
        self.selection.window()
    }
    pub fn recording(&self) -> Option<&str> {
        self.recording.as_deref()
    }
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }
    pub fn latency_spike_on(&self, service: usize) -> bool {
        self.sides[self.selected].latency_spike_on(service)
    }
    pub fn load_spike_on(&self) -> bool {
        self.sides[self.selected].load_spike_on()
    }
    /// Running means frames advance the clock: not paused and not at the end.
    pub fn is_running(&self) -> bool {
        !self.paused && self.sides.iter().any(|s| !s.sim.is_finished())
    }
    pub fn context(&self) -> Context {
        Context {
            paused: self.paused,
            help: self.help_open(),
            compare: self.comparing(),
            overlay: self.trace.is_some() || self.banner().is_some() || self.predict_overlay(),
            menu: self.menu.is_some(),
            typing: self.typing_answer(),
            exercise: self.exercise.is_some(),
        }
    }

    /// The changeable values of the selected service (and the load), read
    /// from the world so the list follows the scenario.
    pub fn fields(&self) -> Vec<Field> {
        fields_of(self.sim().world(), self.selected_service())
    }

    // ---- driving -------------------------------------------------------------

    /// Advances virtual time by `virtual_ns`, feeding the history.
    pub fn advance(&mut self, virtual_ns: u64) {
        self.advance_to(self.now().saturating_add(virtual_ns));
    }

    /// Advances virtual time to `t` (capped at the scenario's end), every
    /// side to the same time.
    pub fn advance_to(&mut self, t: SimTime) {
        for s in &mut self.sides {
            s.advance_to(t);
        }
    }

    /// The shared clock: the side furthest behind (sides reach the same
    /// time at the end of every frame that is not cut short, and catch up in
    /// the next one when it is).
    pub fn now(&self) -> SimTime {
        self.sides.iter().map(|s| s.sim.now()).min().unwrap_or(0)
    }

    /// One frame's worth of wall time, at the current speed, all at once;
    /// nothing while paused. Fractions of a nanosecond carry over to the next
    /// frame. (The dashboard slices the same work: `begin_frame`.)
    pub fn on_frame(&mut self, wall: Duration) {
        self.begin_frame(wall);
        while !self.advance_slice(u64::MAX) {}
        self.end_frame();
    }

    /// Starts a frame of `wall` time: sets the virtual time it heads for
    /// (`wall × speed` ahead). The shell then calls `advance_slice` until it
    /// returns true or the frame's wall-time budget is spent, then
    /// `end_frame`. So the app stays pure (no clock) and the shell stays
    /// responsive at any speed on any scenario.
    pub fn begin_frame(&mut self, wall: Duration) {
        self.clock.begin(self.now(), wall);
        self.slicing = 0;
        if !self.is_running() {
            return;
        }
        if self.seeking() {
            // `n` runs at full speed: as far as the frame's wall time allows.
            self.clock.set_target(Some(self.sim().end()));
            return;
        }
        let target = self.clock.ahead_of(self.now());
        let target = self.clamp_to_pause(target);
        let target = self.clamp_to_question(target);
        self.clock.set_target(Some(target));
    }

    /// Handles at most `max_events` events toward the frame's target;
    /// returns whether the target (or the end) is reached. In a comparison
    /// the sides take turns: A reaches the target, then B. A frame cut short
    /// may leave B behind; the next frame heads for a time counted from the
    /// side behind (`now`), so B catches up first.
    pub fn advance_slice(&mut self, max_events: u64) -> bool {
        let _lang = crate::i18n::Scope::enter(self.lang);
        let Some(target) = self.clock.target() else {
            return true;
        };
        let done = if self.seeking() {
            self.seek_slice(max_events)
        } else {
            let k = self.slicing.min(self.sides.len() - 1);
            let mut done = self.sides[k].advance_within(target, max_events);
            if done && k + 1 < self.sides.len() {
                self.slicing = k + 1;
                done = false;
            }
            if done {
                self.after_frame();
            }
            done
        };
        if done {
            self.clock.set_target(None);
        }
        let crossed = self.sides.iter().find_map(|s| s.sim.limit_crossed());
        if let Some(stop) = crossed {
            // Nothing quits mid-class: the run pauses and says why.
            if !self.paused {
                self.paused = true;
                self.status = Some(t!(
                    "status-stopped-at",
                    at = crate::base::time::clock(stop.at),
                    reason = stop.message.clone()
                ));
            }
            self.clock.set_target(None);
            return true;
        }
        done
    }

    /// Ends the frame. A target not reached is dropped, not carried: the
    /// simulation runs slower than asked rather than falling ever further
    /// behind, and `actual_speed` says so.
    pub fn end_frame(&mut self) {
        self.clock.end(self.now());
    }

    /// The speed actually reached over the last frames, while it is below
    /// the asked one because the simulation cannot keep up; `None` when it
    /// keeps up.
    pub fn actual_speed(&self) -> Option<f64> {
        self.clock.actual_speed(self.is_running())
    }

    pub fn set_paused(&mut self, paused: bool) {
        self.paused = paused;
        self.clock.on_pause();
    }

    pub fn set_speed(&mut self, speed: f64) {
        self.clock.set_speed(speed);
    }

    /// The speed the session starts with (`--speed`), and restarts with.
    pub fn set_start_speed(&mut self, speed: f64) {
        self.clock.set_start_speed(speed);
    }

    pub fn set_status(&mut self, status: impl Into<String>) {
        self.status = Some(status.into());
    }

    /// Starts recording into `path` (as `--record` does).
    pub fn start_recording(&mut self, path: String) {
        self.status = Some(t!("status-recording-to", path = path.clone()));
        self.recording = Some(path);
    }

    /// On quit: the recording to write, if one is running.
    pub fn finish(&mut self) -> Option<Effect> {
        let path = self.recording.take()?;
        Some(self.save(path))
    }

    /// Handles a key press; returns what the shell must do, if anything.
    /// Any key takes the banner down; `Esc` then does nothing more.
    pub fn handle_key(&mut self, key: Key) -> Option<Effect> {
        let action = keys::action_for(&key, self.context());
        let _lang = crate::i18n::Scope::enter(self.lang);
        let took = self.take_banner() | self.take_predict_overlay();
        match (took, action?) {
            (true, Action::CloseOverlay) => None,
            (_, Action::MenuDigit) => {
                self.menu_digit(&key);
                None
            }
            (_, Action::AnswerChar) => {
                if let super::input::KeyCode::Char(c) = key.code {
                    self.type_char(c);
                }
                None
            }
            (_, action) => self.perform(action),
        }
    }

    /// Does what an action asks (the key table maps keys to actions).
    pub fn perform(&mut self, action: Action) -> Option<Effect> {
        let _lang = crate::i18n::Scope::enter(self.lang);
        match action {
            Action::Quit => return Some(Effect::Quit),
            Action::Suspend => return Some(Effect::Suspend),
            Action::TogglePause => {
                let p = !self.paused || self.seeking();
                self.stop_seek();
                self.set_paused(p);
            }
            Action::NextMoment => self.start_seek(),
            Action::TogglePredict => self.toggle_predict(),
            Action::AnswerChar => {} // needs the key: `handle_key`
            Action::AnswerErase => self.erase_char(),
            Action::AnswerConfirm => self.confirm_answer(),
            Action::AnswerCancel => self.cancel_answer(),
            Action::Trace => self.open_trace(),
            Action::CloseOverlay => self.trace = None,
            Action::TraceMenu => self.open_trace_menu(),
            Action::MenuUp | Action::MenuDown => self.menu_step(action == Action::MenuDown),
            Action::MenuChoose => self.menu_choose(),
            Action::MenuDigit => {} // needs the key: `handle_key`
            Action::MenuErase => self.menu_erase(),
            Action::CloseMenu => self.menu = None,
            Action::Step => {
                if self.paused {
                    let tick = self.sides[0].scenario.tick.0.max(1);
                    let next = (self.now() / tick + 1) * tick;
                    // A question's moment is never stepped over.
                    self.advance_to(self.clamp_to_question(next));
                    self.at_predict_stop();
                    self.summary_at_end();
                }
            }
            Action::Faster => self.set_speed(self.clock.faster()),
            Action::Slower => self.set_speed(self.clock.slower()),
            Action::NextService | Action::PrevService => {
                let n = self.sim().world().services.len();
                self.selection
                    .step_service(n, action == Action::NextService);
                self.note_selection();
            }
            Action::NextField | Action::PrevField => {
                let n = self.fields().len();
                self.selection.step_field(n, action == Action::NextField);
                self.note_selection();
            }
            Action::Increase | Action::Decrease => {
                let fields = self.fields();
                if let Some(field) = fields.get(self.selected_field()) {
                    match self.sim().world().get(&field.path) {
                        Some(cur) => {
                            match step_value(field.kind, &cur, action == Action::Increase) {
                                Some(v) => self.change(&field.path, v),
                                None => self
                                    .set_status(t!("status-at-limit", field = field.label.clone())),
                            }
                        }
                        None => {
                            self.set_status(t!("status-cannot-read", path = field.path.clone()))
                        }
                    }
                }
            }
            Action::TogglePattern(p) => {
                let path = format!("services.{}.{p}.enabled", self.selected_service_name());
                self.toggle_bool(&path);
            }
            Action::Outage => {
                // An incident hits every side at once, to the same state.
                let path = format!("services.{}.down", self.selected_service_name());
                match self.sim().world().get(&path).and_then(|v| v.as_bool()) {
                    Some(b) => self.change_all(&path, toml::Value::Boolean(!b)),
                    None => self.set_status(t!("status-cannot-read", path = path.clone())),
                }
            }
            Action::LatencySpike => self.latency_spike(),
            Action::LoadSpike => self.load_spike(),
            Action::CycleForce => {
                let path = format!(
                    "services.{}.circuit_breaker.force",
                    self.selected_service_name()
                );
                let cur = self.sim().world().get(&path);
                let now = cur.as_ref().and_then(|v| v.as_str()).unwrap_or("none");
                let next = match now {
                    "none" => "forced_open",
                    "forced_open" => "disabled",
                    _ => "none",
                };
                self.change_all(&path, toml::Value::String(next.into()));
            }
            Action::Restart => {
                let seed = self.seed;
                self.sides.iter_mut().for_each(|s| s.restart(seed));
                self.trace = None;
                self.menu = None;
                self.plan_pauses();
                self.restart_predict();
                self.clock.drop_carry();
                // Not the ×1000 that rushed to the end: the session's own speed.
                self.set_speed(self.clock.start_speed());
                self.status = Some(t!("status-restarted"));
            }
            Action::SwitchSide => {
                self.selected = (self.selected + 1) % self.sides.len();
                let side = &self.sides[self.selected];
                self.status = Some(if side.label.get() == side.letter() {
                    t!("status-editing-side", side = side.letter())
                } else {
                    t!(
                        "status-editing-side-label",
                        side = side.letter(),
                        label = side.label.to_string()
                    )
                });
            }
            Action::CopyToOther => self.copy_to_other(),
            Action::ToggleRecording => match self.recording.take() {
                Some(path) => return Some(self.save(path)),
                None => {
                    let path = self.default_recording_path();
                    self.start_recording(path);
                }
            },
            Action::ExportFigure => return self.export(),
            Action::Grade => self.grade_live(),
            Action::ToggleHelp => self.selection.toggle_help(),
            Action::SwitchLanguage => {
                self.lang = crate::i18n::next(self.lang);
                self.status = Some(crate::i18n::scoped(self.lang, || t!("status-language")));
            }
            Action::CloseHelp => self.selection.close_help(),
            Action::ScrollHelp(s) => self.selection.scroll_help(s),
            Action::Zoom => self.selection.toggle_zoom(),
            Action::CycleWindow => {
                let window = self.selection.cycle_window();
                self.status = Some(t!(
                    "status-window",
                    window = crate::tui::panels::window_name(window)
                ));
            }
            Action::NextPanel => self.selection.step_focus(true),
            Action::PrevPanel => self.selection.step_focus(false),
        }
        None
    }

    /// The one way the dashboard changes the world: on the selected side.
    fn change(&mut self, path: &str, value: toml::Value) {
        let k = self.selected;
        let r = self.sides[k].change(path, value.clone());
        self.report(r);
        self.note_change(path, &value);
    }

    /// The same change on every side (incidents and controls).
    fn change_all(&mut self, path: &str, value: toml::Value) {
        let mut result = Ok(());
        for s in &mut self.sides {
            let r = s.change(path, value.clone());
            result = result.and(r);
        }
        self.report(result);
        self.note_change(path, &value);
    }

    fn toggle_bool(&mut self, path: &str) {
        match self.sim().world().get(path).and_then(|v| v.as_bool()) {
            Some(b) => self.change(path, toml::Value::Boolean(!b)),
            None => self.set_status(t!("status-cannot-read", path = path)),
        }
    }
}
