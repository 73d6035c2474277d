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

help-breakers-title = Dos Circuit Breakers: la clase Python de la lección (semantics = "lesson") y el de resilience4j (semantics = "resilience4j").
help-breakers-lesson = El de la lección: OPEN dura open_for desde el último fallo, comprobado cuando llega una llamada, y esa llamada y todas las siguientes pasan (HALF_OPEN); todo resultado cuenta, también los que llegan tarde: un éxito lo cierra en cualquier estado, un fallo suma a una cuenta que dura hasta un éxito.
help-breakers-resilience4j = El de resilience4j: OPEN pasa solo a HALF_OPEN tras open_for (desde que se abrió o desde el último fallo: open_from); deciden half_open_calls pruebas ("all": pasan todas y decide el primer resultado); se ignoran los resultados de llamadas que entraron antes de un cambio.
help-breakers-this = { $service } aquí: semantics = "resilience4j", open_from = { $open_from }, half_open_calls = { $half_open }.
help-breakers-this-lesson = { $service } aquí: semantics = "lesson".
help-breakers-off = { $service } aquí: sin Circuit Breaker.
