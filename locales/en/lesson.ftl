# Texts the dashboard added for the lesson (issue 11): the fallback's answer,
# attempts the downstream refused, and the breaker's two semantics in the help.

fallback-answers = fallback answers { $answer }
fallback-answers-short = ↩ { $answer }
fallback-answers-of = { $service }'s fallback: { $answer }
fallback-answers-of-short = { $service } ↩ { $answer }

refused-per-second = refused { $rate }/s
refused-per-second-short = ref. { $rate }/s

help-legend-more = ↩ the fallback's answer   refused: attempts the downstream turned away (its queue full, or down)

help-breakers-title = Two Circuit Breakers: resilience4j's, and the lesson's Python class.
help-breakers-open-from = open_from: OPEN lasts open_for from opening ("opened") or from the last failure ("last_failure").
help-breakers-half-open = half_open_calls: N probes pass and decide (N), or every call passes and the first result decides ("all").
help-breakers-this = { $service } here: open_from = { $open_from }, half_open_calls = { $half_open }.
help-breakers-off = { $service } here: no Circuit Breaker.
