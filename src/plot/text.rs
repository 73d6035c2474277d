//! Every word a figure (or `breakwater plot`) shows a person, in one place,
//! through the catalogue (`locales/*/plot.ftl`), so that the figure follows
//! the chosen language. Names of states (CLOSED, OPEN, HALF_OPEN) and of
//! patterns stay in English, as on screen.

use crate::base::time::SimTime;
use crate::t;

/// A number on an axis, as the reader's language writes it.
pub fn number(x: f64, decimals: usize) -> String {
    crate::i18n::number(x, decimals)
}

/// A number with the digits it needs (`0.005`, `12,345.5`), as the
/// reader's language writes it (`0,005`, `12.345,5`).
pub fn plain_number(x: f64) -> String {
    let plain = format!("{x}");
    if plain.contains(['e', 'E']) || !x.is_finite() {
        return plain;
    }
    let decimals = plain.split_once('.').map_or(0, |(_, f)| f.len());
    number(x, decimals)
}

/// A span of simulated time as the dashboard's panels write it (`100ms`,
/// `1,5s`, `1:00`).
pub fn span(t: SimTime) -> String {
    crate::base::units::nanos(t)
}

/// A size as `WxH`.
fn size((w, h): (u32, u32)) -> String {
    format!("{w}x{h}")
}

pub fn subtitle(seed: u64, end: SimTime, tick: SimTime) -> String {
    t!(
        "plot-subtitle",
        seed = seed.to_string(),
        end = super::figure::axis_clock(end),
        tick = span(tick)
    )
}

pub fn comparison_title(name_a: &str, name_b: &str) -> String {
    if name_a == name_b {
        t!("plot-title-same", name = name_a)
    } else {
        t!("plot-title-two", a = name_a, b = name_b)
    }
}

pub fn session_title(title: &str, until: SimTime) -> String {
    t!(
        "plot-session-title",
        title = title,
        until = super::figure::axis_clock(until)
    )
}

pub fn live_change(what: &str) -> String {
    t!("plot-live-change", what = what)
}

pub fn side_note(letter: &str, what: &str) -> String {
    t!("plot-side-note", side = letter, what = what)
}

pub fn panel_breaker() -> String {
    t!("plot-panel-breaker")
}
pub fn unit_breaker() -> String {
    t!("plot-unit-breaker")
}
pub fn panel_retries() -> String {
    t!("plot-panel-retries")
}
pub fn panel_pool() -> String {
    t!("plot-panel-pool")
}
pub fn unit_pool() -> String {
    t!("plot-unit-pool")
}
pub fn panel_timeouts() -> String {
    t!("plot-panel-timeouts")
}
pub fn panel_fallbacks() -> String {
    t!("plot-panel-fallbacks")
}
pub fn panel_goodput() -> String {
    t!("plot-panel-goodput")
}
pub fn unit_goodput() -> String {
    t!("plot-unit-goodput")
}
pub fn unit_per_second() -> String {
    t!("plot-unit-per-second")
}
pub fn panel_latency() -> String {
    t!("plot-panel-latency")
}
pub fn unit_latency() -> String {
    t!("plot-unit-latency")
}
pub fn axis_time() -> String {
    t!("plot-axis-time")
}
pub fn caller_threads() -> String {
    t!("plot-caller-threads")
}
pub fn no_breaker() -> String {
    t!("plot-no-breaker")
}
pub fn legend_timeline() -> String {
    t!("plot-legend-timeline")
}
pub fn legend_p99() -> String {
    t!("plot-legend-p99")
}
pub fn legend_p50() -> String {
    t!("plot-legend-p50")
}
pub fn legend_capacity() -> String {
    t!("plot-legend-capacity")
}
pub fn legend_live() -> String {
    t!("plot-legend-live")
}

/// How the figure's points fold ticks: said on the figure, so no value is
/// changed without saying so.
pub fn caption(point: SimTime, tick: SimTime) -> String {
    let ticks = point / tick.max(1);
    let each = if ticks <= 1 {
        t!("plot-caption-one-tick", tick = span(tick))
    } else {
        t!(
            "plot-caption-ticks",
            point = span(point),
            ticks = crate::i18n::grouped(ticks),
            tick = span(tick)
        )
    };
    format!("{each} {}", t!("plot-caption-rules"))
}

/// The last line of the notes' list when the rest do not fit.
pub fn notes_more(count: usize) -> String {
    t!(
        "plot-notes-more",
        count = crate::i18n::grouped(count as u64)
    )
}

pub fn not_shown(what: &[String]) -> String {
    t!("plot-not-shown", what = what.join(", "))
}
pub fn absent_breaker() -> String {
    t!("plot-absent-breaker")
}
pub fn absent_retry() -> String {
    t!("plot-absent-retry")
}
pub fn absent_pool() -> String {
    t!("plot-absent-pool")
}
pub fn absent_timeout() -> String {
    t!("plot-absent-timeout")
}
pub fn absent_fallback() -> String {
    t!("plot-absent-fallback")
}

pub fn stopped(side: &str, at: SimTime, why: &str) -> String {
    let at = super::figure::axis_clock(at);
    if side.is_empty() {
        t!("plot-stopped", at = at, reason = why)
    } else {
        t!("plot-stopped-side", side = side, at = at, reason = why)
    }
}

// ---- the command's messages ---------------------------------------------------

pub fn internal_side_panicked() -> String {
    t!("plot-internal-side-panicked")
}
pub fn nothing_to_draw() -> String {
    t!("plot-nothing-to-draw")
}
pub fn nothing_yet() -> String {
    t!("plot-nothing-yet")
}
pub fn bad_extension(path: &str) -> String {
    t!("plot-bad-extension", path = path)
}
pub fn bad_size(arg: &str, min: (u32, u32), max: (u32, u32)) -> String {
    t!(
        "plot-bad-size",
        arg = crate::base::escape::escape(arg),
        min = size(min),
        max = size(max)
    )
}
pub fn too_small(arg: &str, min: (u32, u32)) -> String {
    t!(
        "plot-too-small",
        arg = crate::base::escape::escape(arg),
        min = size(min)
    )
}
pub fn cannot_write(path: &str, why: &str) -> String {
    t!("plot-cannot-write", path = path, reason = why)
}
pub fn written(paths: &[String]) -> String {
    t!("plot-written", paths = paths.join(", "))
}
pub fn exporting() -> String {
    t!("plot-exporting")
}
pub fn already_exporting(name: &str) -> String {
    t!("plot-already-exporting", name = name)
}
pub fn export_abandoned() -> String {
    t!("plot-export-abandoned")
}
pub fn variant_with_comparison() -> String {
    t!("plot-variant-with-comparison")
}
pub fn draw_failed(why: &str) -> String {
    t!("plot-draw-failed", reason = why)
}

// ---- parameters by name -------------------------------------------------------

/// A change path in words, for an axis (`services.payment.failure_rate` →
/// "payment failure rate"); `None` for a path of another shape. A field the
/// catalogue does not name is written as its key with spaces.
pub fn param_name(path: &str) -> Option<String> {
    let id = |s: &str| s.trim().replace('_', "-").to_ascii_lowercase();
    let field = |scope: &str, f: &str| {
        let key = format!("plot-param-{scope}-{}", id(f));
        if crate::i18n::has(crate::i18n::current(), &key) {
            t!(&key)
        } else if f.trim() == "enabled" {
            t!("plot-param-enabled")
        } else {
            f.trim().replace('_', " ")
        }
    };
    let pattern = |p: &str| {
        crate::patterns::PATTERNS
            .iter()
            .find(|x| x.name == p.trim())
            .map(|x| x.title)
    };
    let parts: Vec<&str> = path.trim().split('.').collect();
    match parts.as_slice() {
        ["load", f] => Some(field("load", f)),
        ["client", f] => Some(field("client", f)),
        ["services", name, f] => Some(t!(
            "plot-param-of-service",
            service = *name,
            field = field("service", f)
        )),
        ["services", name, p, f] => Some(t!(
            "plot-param-of-service-pattern",
            service = *name,
            pattern = pattern(p)?,
            field = field(&id(p), f)
        )),
        ["patterns", p, f] => Some(t!(
            "plot-param-of-pattern",
            pattern = pattern(p)?,
            field = field(&id(p), f)
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_as_words_in_each_language() {
        crate::i18n::scoped("en", || {
            let n = |p: &str| param_name(p).unwrap();
            assert_eq!(n("services.payment.failure_rate"), "payment failure rate");
            assert_eq!(n("load.rate"), "offered load (calls/s)");
            assert_eq!(
                n("services.api.retry.max_attempts"),
                "api Retry: max attempts"
            );
            assert_eq!(
                n("patterns.circuit_breaker.open_for"),
                "Circuit Breaker: time OPEN (every service)"
            );
            assert_eq!(
                n("patterns.bulkhead.enabled"),
                "Bulkhead: on (every service)"
            );
            // A field with no name of its own: its key, with spaces.
            assert_eq!(n("services.api.some_new_field"), "api some new field");
            assert_eq!(param_name("patterns.nonsense.x"), None);
            assert_eq!(param_name("a.b.c.d.e"), None);
        });
        crate::i18n::scoped("es", || {
            let n = |p: &str| param_name(p).unwrap();
            assert_eq!(
                n("services.payment.failure_rate"),
                "tasa de fallos de payment"
            );
            assert_eq!(
                n("services.api.retry.max_attempts"),
                "Retry de api: intentos máximos"
            );
        });
    }
}
