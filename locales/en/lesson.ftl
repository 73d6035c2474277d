# Texts the dashboard added for the lesson (issue 11): the fallback's answer,
# attempts the downstream refused, and the breaker's two semantics in the help.

fallback-answers = fallback answers { $answer }
fallback-answers-short = ↩ { $answer }
fallback-answers-of = { $service }'s fallback: { $answer }
fallback-answers-of-short = { $service } ↩ { $answer }

refused-per-second = refused { $rate }/s
refused-per-second-short = ⊘{ $rate }/s

help-legend-more = ↩ the fallback's answer   ⊘ attempts the downstream refused (queue full or down)

help-breakers-title = Two Circuit Breakers: resilience4j's and the lesson's Python class differ in two details.
help-breakers-open-from = open_from: OPEN waits open_for from the moment it opened ("opened", resilience4j), or from the last failure ("last_failure", the lesson), so a late failure of a call let in before it opened keeps it OPEN longer.
help-breakers-half-open = half_open_calls: HALF_OPEN lets N probes through and their results decide (resilience4j), or ("all", the lesson) lets every call through and the first result decides.
help-breakers-this = { $service } here: open_from = { $open_from }, half_open_calls = { $half_open }.
help-breakers-off = { $service } here: no Circuit Breaker.
