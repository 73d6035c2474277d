//! Texts of the dashboard added for the lesson (issue 11), kept in one place
//! so that they move to the language catalogues in one step.

/// The Timeouts panel's bottom line: the fallback's answer, longest form first.
pub fn fallback_answer(service: Option<&str>, answer: &str) -> [String; 2] {
    match service {
        None => [format!("fallback answers {answer}"), format!("↩ {answer}")],
        Some(s) => [
            format!("{s}'s fallback: {answer}"),
            format!("{s} ↩ {answer}"),
        ],
    }
}

/// The help overlay's lines on the breaker's two semantics, and which this
/// scenario's selected service uses.
pub fn breaker_semantics(last_failure: bool, all: bool) -> Vec<String> {
    let open = if last_failure {
        "this scenario: from the last failure (the lesson's)"
    } else {
        "this scenario: from the opening (resilience4j's)"
    };
    let half = if all {
        "this scenario: all (the lesson's)"
    } else {
        "this scenario: probes (resilience4j's)"
    };
    vec![
        " Two breakers: resilience4j's and the lesson's Python class differ in two details.".into(),
        format!(
            " open_from: OPEN waits open_for from the moment it opened, or from the last failure, so a late failure of a call admitted before it opened keeps it OPEN longer; {open}."
        ),
        format!(
            " half_open_calls: HALF-OPEN lets N probes through and N results decide, or (\"all\") lets every call through and the first result decides; {half}."
        ),
    ]
}

/// The Retries panel's count of attempts the downstream refused (its queue
/// full, or down), longest form first.
pub fn refused(per_second: &str) -> [String; 2] {
    [
        format!(" refused {per_second}/s"),
        format!(" ⊘{per_second}/s"),
    ]
}

/// The help legend's line for the symbols added with the lesson.
pub const LEGEND_MORE: &str =
    " ↩ the fallback's answer   ⊘ attempts the downstream refused (queue full or down)";
