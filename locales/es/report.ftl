# Los informes sin panel: la tabla de una ejecución, la de una comparación, las medidas.

table-heading = { $scenario } · semilla { $seed } · { $simulated } s simulados en { $wall } s
table-service = servicio
table-calls = llamadas
table-ok = ok
table-failed = fallidas
table-timeout = timeout
table-short = cortoc
table-bulkhead = bulkhd
table-client = cliente
table-fallback = fallbk
table-attempts-per-call = int/ll
table-p50 = p50 ms
table-p99 = p99 ms
table-utilization = uso
table-breaker = breaker
table-breaker-opened = { $state }, abierto { $n }×
table-total = total: { $calls } llamadas, { $ok } ok, { $in_flight } en curso; latencia p50 { $p50 } ms, p99 { $p99 } ms
table-legend = (timeout: agotadas por tiempo, cortoc: cortocircuitadas, bulkhd: rechazadas por el bulkhead, cliente: rechazadas por el llamador, fallbk: fallbacks, int/ll: intentos por llamada, uso: uso del destino, breaker —: sin breaker)

compare-heading = { $scenario } · comparado · semilla { $seed } · { $simulated } s simulados en { $wall } s
compare-calls = llamadas
compare-all-services = todos los servicios

metric-goodput = goodput (llamadas ok/s)
metric-ok-fraction = fracción ok (%)
metric-p50 = latencia p50 (ms)
metric-p99 = latencia p99 (ms)
metric-attempts-per-call = intentos por llamada
metric-breaker-opens = aperturas del breaker
metric-timed-out-fraction = llamadas agotadas (%)
metric-goodput-after = goodput tras el guion (llamadas ok/s)
compare-side-b-panicked = error interno: el lado B de la comparación falló (panic)
metric-attempts = intentos (primeros y reintentos)
metric-downstream-attempts = intentos que llegaron al servicio
metric-retries = reintentos
metric-short-circuited = llamadas cortocircuitadas por el Circuit Breaker
metric-timed-out = llamadas agotadas
metric-fallbacks = llamadas respondidas por el Fallback
metric-bulkhead-rejected = llamadas rechazadas por el Bulkhead
