//! Every word a figure (or `breakwater plot`) shows a person, in one place,
//! so that the figure follows the chosen language. Names of states (CLOSED,
//! OPEN, HALF-OPEN) and of patterns stay in English, as on screen.

use crate::base::time::{Dur, SimTime, NANOS_PER_SEC};

/// A number as the figure writes it.
pub fn number(x: f64, decimals: usize) -> String {
    format!("{x:.decimals$}")
}

pub fn subtitle(seed: u64, end: SimTime, tick: SimTime) -> String {
    format!(
        "seed {seed} · {} simulated · tick {}",
        super::figure::axis_clock(end),
        Dur(tick)
    )
}

pub fn comparison_title(name_a: &str, name_b: &str) -> String {
    if name_a == name_b {
        format!("{name_a}: A against B")
    } else {
        format!("{name_a} against {name_b}")
    }
}

pub fn session_title(title: &str, until: SimTime) -> String {
    format!(
        "{title} · session until {}",
        super::figure::axis_clock(until)
    )
}

pub fn live_change(what: &str) -> String {
    format!("live: {what}")
}

pub fn side_note(letter: &str, what: &str) -> String {
    format!("{letter}: {what}")
}

pub fn panel_breaker() -> String {
    "Circuit breaker".into()
}
pub fn unit_breaker() -> String {
    "state".into()
}
pub fn panel_retries() -> String {
    "Retries".into()
}
pub fn panel_pool() -> String {
    "Pool use".into()
}
pub fn unit_pool() -> String {
    "% of capacity".into()
}
pub fn panel_timeouts() -> String {
    "Attempt timeouts".into()
}
pub fn panel_fallbacks() -> String {
    "Fallbacks".into()
}
pub fn panel_goodput() -> String {
    "Goodput".into()
}
pub fn unit_goodput() -> String {
    "ok calls per second".into()
}
pub fn unit_per_second() -> String {
    "per second".into()
}
pub fn panel_latency() -> String {
    "Latency".into()
}
pub fn unit_latency() -> String {
    "ms · p99 thick, p50 thin".into()
}
pub fn axis_time() -> String {
    "simulated time (m:ss)".into()
}
pub fn caller_threads(threads: u32) -> String {
    format!("caller threads ({threads})")
}
pub fn slots(service: &str, slots: u32) -> String {
    format!("{service} ({slots} slots)")
}
pub fn no_breaker() -> String {
    "no circuit breaker".into()
}
pub fn legend_timeline() -> String {
    "timeline".into()
}
pub fn legend_live() -> String {
    "live change".into()
}

/// How the figure's points fold ticks: said on the figure, so no value is
/// changed without saying so.
pub fn caption(point: SimTime, tick: SimTime) -> String {
    let ticks = point / tick.max(1);
    let each = if ticks <= 1 {
        format!("Each point is one tick ({}).", Dur(tick))
    } else {
        format!(
            "Each point is {} ({ticks} ticks of {}).",
            Dur(point),
            Dur(tick)
        )
    };
    format!(
        "{each} Rates: counts over the point per second. Pool use: its peak. \
         p50: the ticks' medians, weighted by calls. p99: the worst tick. \
         Breaker: every state seen in each tick, drawn at least a few pixels wide."
    )
}

pub fn not_shown(what: &[&str]) -> String {
    format!("Not in this run, so not drawn: {}.", what.join(", "))
}
pub fn absent_breaker() -> &'static str {
    "circuit breaker"
}
pub fn absent_retry() -> &'static str {
    "retries"
}
pub fn absent_pool() -> &'static str {
    "bulkheads and caller pool"
}
pub fn absent_timeout() -> &'static str {
    "timeouts"
}
pub fn absent_fallback() -> &'static str {
    "fallbacks"
}

pub fn stopped(side: &str, at: SimTime, why: &str) -> String {
    let at = super::figure::axis_clock(at);
    if side.is_empty() {
        format!("The run stopped at {at}: {why}")
    } else {
        format!("Side {side} stopped at {at}: {why}")
    }
}

pub fn no_service_without_bulkhead(names: &[String]) -> String {
    format!("without a bulkhead: {}", names.join(", "))
}

// ---- the command's messages ---------------------------------------------------

pub fn internal_side_panicked() -> String {
    "internal error: side B of the figure panicked".into()
}
pub fn nothing_to_draw() -> String {
    "nothing to draw: no side to run".into()
}
pub fn nothing_yet() -> String {
    "nothing to plot yet: let the simulation run first".into()
}
pub fn bad_extension(path: &str) -> String {
    format!("-o {path}: a figure is written as .svg or .png (the file name says which)")
}
pub fn bad_size(arg: &str, min: (u32, u32), max: (u32, u32)) -> String {
    format!(
        "--size {arg}: a size is WIDTHxHEIGHT in pixels, from {}x{} to {}x{} (e.g. 1920x1080)",
        min.0, min.1, max.0, max.1
    )
}
pub fn too_small(arg: &str, min: (u32, u32)) -> String {
    format!(
        "--size {arg}: too small to draw the panels; at least {}x{} (e.g. 1920x1080, 1280x720)",
        min.0, min.1
    )
}
pub fn cannot_write(path: &str, why: &str) -> String {
    format!("cannot write {path}: {why}")
}
pub fn written(paths: &[String]) -> String {
    format!("figure written to {}", paths.join(" and "))
}
pub fn variant_with_comparison() -> String {
    "--variant a|b draws one side; it cannot be combined with a second scenario or --set-a/--set-b".into()
}
pub fn draw_failed(why: &str) -> String {
    format!("internal error while drawing the figure: {why}")
}

/// Seconds as a plain number (for tests and messages).
pub fn secs(t: SimTime) -> f64 {
    t as f64 / NANOS_PER_SEC as f64
}
