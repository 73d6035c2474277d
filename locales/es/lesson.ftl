# Textos que el panel añadió para la lección (issue 11): la respuesta del
# Fallback, los intentos que el servicio rechazó y las dos semánticas del
# Circuit Breaker en la ayuda.

fallback-answers = el Fallback responde { $answer }
fallback-answers-short = ↩ { $answer }
fallback-answers-of = Fallback de { $service }: { $answer }
fallback-answers-of-short = { $service } ↩ { $answer }

refused-per-second = rechazados { $rate }/s
refused-per-second-short = ⊘{ $rate }/s

help-legend-more = ↩ la respuesta del Fallback   ⊘ intentos que el servicio rechazó (cola llena o caído)

help-breakers-title = Dos Circuit Breakers: el de resilience4j y la clase Python de la lección difieren en dos detalles.
help-breakers-open-from = open_from: OPEN espera open_for desde que se abrió ("opened", resilience4j) o desde el último fallo ("last_failure", la lección); así, un fallo tardío de una llamada que entró antes de abrirse lo mantiene OPEN más tiempo.
help-breakers-half-open = half_open_calls: HALF_OPEN deja pasar N pruebas y sus resultados deciden (resilience4j), o ("all", la lección) deja pasar todas las llamadas y decide el primer resultado.
help-breakers-this = { $service } aquí: open_from = { $open_from }, half_open_calls = { $half_open }.
help-breakers-off = { $service } aquí: sin Circuit Breaker.
