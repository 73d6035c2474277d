# Textos que el panel añadió para la lección (issue 11): la respuesta del
# Fallback, los intentos que el servicio rechazó y las dos semánticas del
# Circuit Breaker en la ayuda.

fallback-answers = el Fallback responde { $answer }
fallback-answers-short = ↩ { $answer }
fallback-answers-of = Fallback de { $service }: { $answer }
fallback-answers-of-short = { $service } ↩ { $answer }

refused-per-second = rechazados { $rate }/s
refused-per-second-short = rech. { $rate }/s

help-legend-more = ↩ la respuesta del Fallback   rechazados: intentos que el servicio no aceptó (su cola llena, o caído)

help-breakers-title = Dos Circuit Breakers: el de resilience4j y la clase Python de la lección.
help-breakers-open-from = open_from: OPEN dura open_for desde que se abrió ("opened") o desde el último fallo ("last_failure").
help-breakers-half-open = half_open_calls: pasan N pruebas y deciden (N), o pasan todas y decide el primer resultado ("all").
help-breakers-this = { $service } aquí: open_from = { $open_from }, half_open_calls = { $half_open }.
help-breakers-off = { $service } aquí: sin Circuit Breaker.
