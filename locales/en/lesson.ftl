# Texts the dashboard added for the lesson (issue 11): the fallback's answer,
# attempts the downstream refused, and the breaker's two semantics in the help.

fallback-answers = fallback answers { $answer }
fallback-answers-short = ↩ { $answer }
fallback-answers-of = { $service }'s fallback: { $answer }
fallback-answers-of-short = { $service } ↩ { $answer }

refused-per-second = refused { $rate }/s
refused-per-second-short = ref. { $rate }/s

help-legend-more = ↩ the fallback's answer   refused: attempts the downstream turned away (its queue full, or down)

help-breakers-title = Two Circuit Breakers: the lesson's Python class (semantics = "lesson") and resilience4j's (semantics = "resilience4j").
help-breakers-lesson = The lesson's: OPEN lasts open_for from the last failure, checked when a call arrives, and that call and every call after it pass (HALF_OPEN); every result acts, late ones too: a success closes it in any state, a failure adds to a count that lasts until a success.
help-breakers-resilience4j = resilience4j's: OPEN moves to HALF_OPEN by itself after open_for (from opening or from the last failure: open_from); half_open_calls probes decide ("all": every call passes, the first result decides); results of calls let in before a change are ignored.
help-breakers-this = { $service } here: semantics = "resilience4j", open_from = { $open_from }, half_open_calls = { $half_open }.
help-breakers-this-lesson = { $service } here: semantics = "lesson".
help-breakers-off = { $service } here: no Circuit Breaker.
