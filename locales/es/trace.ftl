# La historia de una llamada seguida, en `breakwater trace` y en la traza del panel.
trace-outcome-ok = ok
trace-outcome-failed = fallida
trace-outcome-timed-out = agotada por tiempo
trace-outcome-short-circuited = cortocircuitada
trace-outcome-bulkhead-rejected = rechazada por el bulkhead
trace-outcome-client-rejected = rechazada por el pool del llamador
trace-arrived = llega la llamada n.º { $index } a { $service }
trace-caller-queued = todos los hilos del llamador están ocupados: espera uno ({ $waiting } delante)
trace-caller-granted = obtiene un hilo del llamador tras { $waited }
trace-caller-rejected = el pool del llamador está lleno: rechazada
trace-attempt = Retry: intento { $n }
trace-breaker-probe = Circuit Breaker { $state }: la deja pasar como prueba
trace-breaker-let-through = Circuit Breaker { $state }: la deja pasar
trace-breaker-short-circuits = Circuit Breaker { $state }: cortocircuita la llamada
trace-breaker-counts-failure = el Circuit Breaker cuenta un fallo
trace-breaker-counts-success = el Circuit Breaker cuenta un éxito
trace-breaker-transition = { $counted } → de { $from } a { $to } ({ $reason })
trace-bulkhead-slot = Bulkhead: ocupa un hueco ({ $in_use } de { $max } en uso)
trace-bulkhead-queued = Bulkhead lleno: espera un hueco, como mucho { $max_wait } ({ $waiting } delante)
trace-bulkhead-admitted = Bulkhead: obtiene un hueco tras { $waited }
trace-bulkhead-rejected-at-once = Bulkhead lleno: rechazada en el acto
trace-bulkhead-rejected-after = Bulkhead: sin hueco tras { $waited }: rechazada
trace-timeout-armed = Timeout: pone en marcha su reloj de { $after }
trace-sent-started = enviada a { $service }: un trabajador empieza con ella
trace-sent-queued = enviada a { $service }: espera en su cola ({ $ahead } delante)
trace-sent-refused = enviada a { $service }: rechazada (cola llena o caído)
trace-replied-ok = { $service } responde ok tras { $took }
trace-replied-error = { $service } responde con un error tras { $took }
trace-timeout-fired = salta el Timeout tras { $after }: la llamada deja de esperar
trace-attempt-ended = intento { $n }: { $outcome } tras { $took }
trace-backoff = Retry: espera { $wait } antes del intento { $next }
trace-retry-stopped = Retry se detiene: { $reason }
trace-finished-fallback = responde el Fallback en su lugar ({ $outcome }) tras { $latency }
trace-finished = respuesta: { $outcome } tras { $latency }
trace-stop-succeeded = ha tenido éxito
trace-stop-disabled = Retry estaba desactivado
trace-stop-not-retried = este resultado no se reintenta
trace-stop-exhausted = hechos los { $max_attempts } intentos
trace-stop-budget = se agotó el presupuesto de reintentos
trace-stop-deadline = el siguiente intento pasaría del plazo
trace-no-pattern = ningún patrón
trace-heading = { $service } · llamada n.º { $index } · llega en { $at } · { $layers }
trace-fallback-answer = la respuesta del fallback: { $answer }
trace-still-in-flight = aún en curso cuando la ejecución terminó en { $end }
trace-unknown-service = --service { $name }: servicio desconocido. Valen: { $valid }
trace-name-a-service = --service: { $scenario } tiene { $n } servicios; nombra uno: { $valid }
trace-at-past-end = --at { $at }: en o después del final del escenario ({ $end }); vale de 0s a antes de { $end }
trace-cmd-heading = semilla { $seed } · { $calls ->
    [one] { $calls } llamada
   *[other] { $calls } llamadas
} de { $service } desde { $from }
trace-cmd-fewer = { $found } de { $calls ->
    [one] { $calls } llamada
   *[other] { $calls } llamadas
}: no llegaron más llamadas de { $service } antes del final ({ $end })
trace-overlay-title = Traza · la próxima llamada de { $service } · Esc cierra
trace-overlay-none = no llegó ninguna llamada de { $service } antes del final
trace-overlay-more = … { $n ->
    [one] { $n } línea más
   *[other] { $n } líneas más
} (breakwater trace muestra la historia entera)
# Un paso de una copia de la llamada que lanzó un patrón (un intento cubierto).
trace-fork = copia { $n }: { $step }
# `breakwater trace --where KIND` y el menú de trazas del panel (tecla T): cómo es la historia de una llamada.
trace-where-retried = reintentada
trace-where-cut = con un intento cortado por el timeout
trace-where-timed-out = agotada por tiempo
trace-where-fallback = respondida por el fallback
trace-where-short-circuited = cortocircuitada
trace-where-bulkhead-rejected = rechazada por el bulkhead
trace-where-client-rejected = rechazada por el pool del llamador
trace-where-hedged = cubierta (se envió una copia)
trace-where-failed = fallida
trace-where-ok = ok
trace-cmd-from-call = la llamada n.º { $index }
trace-cmd-heading-where = semilla { $seed } · { $calls ->
    [one] la primera llamada
   *[other] las primeras { $calls } llamadas
} de { $service } desde { $from } · solo: { $kind } (mirando hasta { $minutes } min adelante)
trace-cmd-where-none-window = ninguna llamada de { $service } { $kind } desde { $from } hasta { $until }: la búsqueda se detiene { $minutes } min después de su inicio
trace-cmd-where-none-end = ninguna llamada de { $service } { $kind } desde { $from } hasta el final ({ $end })
trace-cmd-where-fewer-window = encontradas { $found } de { $calls } ({ $kind }): la búsqueda se detiene { $minutes } min después de su inicio, en { $until }
trace-cmd-where-fewer-end = encontradas { $found } de { $calls } ({ $kind }): el escenario termina en { $end }
trace-menu-title = Seguir la próxima llamada de { $service } que sea…
trace-menu-call-empty = la n.º N (escribe su número)
trace-menu-call = la n.º { $index }
trace-menu-note = Intro la sigue · mira hasta { $minutes } min adelante · Esc cierra
trace-overlay-title-kind = Traza · { $service }: { $kind } · Esc cierra
trace-overlay-title-call = Traza · la llamada n.º { $index } de { $service } · Esc cierra
trace-menu-none-window = ninguna en los próximos { $minutes } min: ninguna llamada de { $service } { $kind } (la búsqueda se detiene ahí)
trace-menu-none-end = ninguna llamada de { $service } { $kind } antes del final
trace-menu-none-budget = ninguna llamada de { $service } { $kind } hasta { $until } (la búsqueda se detiene ahí para que el panel responda; breakwater trace --where mira más allá)
trace-menu-passed = la llamada n.º { $index } de { $service } llegó antes de ahora (la siguiente es la n.º { $next }); breakwater trace --call { $index } la muestra
trace-menu-call-none-window = ninguna en los próximos { $minutes } min: la llamada n.º { $index } de { $service } no ha llegado para entonces
trace-menu-call-none-end = la llamada n.º { $index } de { $service } no llega antes del final
trace-menu-call-none-budget = la llamada n.º { $index } de { $service } no ha llegado en { $until } (la búsqueda se detiene ahí para que el panel responda)
