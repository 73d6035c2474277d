# El panel: títulos, etiquetas, estados y mensajes de estado.
# Los nombres de los patrones quedan como los escribe la lección (Circuit Breaker, Retry, Bulkhead, Timeout, Fallback).

panel-breaker = Circuit Breaker
panel-retries = Retry
panel-timeouts = Timeout · Fallback
panel-bulkhead = Bulkhead
panel-bulkhead-long = Bulkhead (saturación del pool)
panel-latency = Latencia ({ $service })
panel-latency-plain = Latencia
panel-throughput = Caudal ({ $service })
panel-throughput-plain = Caudal
panel-parameters = Parámetros ({ $service })
panel-parameters-editing = Parámetros ({ $service }) editando
panel-parameters-plain = Parámetros
panel-events = Eventos

pattern-off = apagado
path-all-services = todos los servicios { $rest }

screen-enlarge = agranda a { $width }×{ $height }
screen-now = ahora { $width }×{ $height }
screen-q-quits = q sale

breaker-off-hint = patrón apagado (la tecla 1 lo enciende)
breaker-probe-in = prueba en { $left }
breaker-open-timing = hace { $time } · prueba en { $left }
breaker-open-due = hace { $time } · prueba con la próxima llamada
breaker-probe-due = prueba con la próxima llamada
breaker-half-open-timing = hace { $time } · probando
breaker-probing = probando
breaker-for = desde hace { $time }
breaker-no-transition = aún sin transiciones

bulkhead-caller = llamador
bulkhead-caller-short = llamador { $busy }/{ $threads }
bulkhead-off-downstream = destino { $busy }/{ $workers } ocupados, { $queued } en cola
bulkhead-off-busy-queued = { $busy }/{ $workers } ocupados, { $queued } en cola
bulkhead-off-busy = { $busy }/{ $workers } ocupados
bulkhead-full = LLENO
bulkhead-queue = cola { $n }
bulkhead-threads = { $busy }/{ $threads } hilos
bulkhead-waiting = { $n } esperando

retries-attempts-per-call = intentos/llamada
retries-att-call = int/llam
retries-att-c = int/ll
retries-throttled = frenado
retries-tokens = fichas { $now }/{ $max }
retries-tok = fich { $now }/{ $max }

timeouts-fallbacks = Σ fallbacks { $n }
timeouts-total = Σ intentos cortados { $n }
timeouts-cut = cortados

latency-waiting = esperando el primer segundo…
latency-reached = llamadas que llegaron
latency-reached-short = llegadas
latency-none-reached = ninguna llamada que llegó a { $service } terminó en esta ventana

outcome-ok = ok
outcome-failed = fallidas
outcome-timed-out = agotadas
outcome-short-circuited = cortocirc.
outcome-rejected = rechazadas
throughput-unit = llamadas/s

event-note = nota
event-you = tú
event-timeline = guion
event-ramp = { $value } en { $over }
event-recording = grabación
events-empty = nada aún: aquí aparecen las transiciones del breaker, las notas y tus cambios
events-empty-compare = nada aún: aquí aparecen las transiciones del breaker, las notas y tus cambios, por lado

header-next = próximo { $at } · { $path } → { $value }
header-actual = real { $speed }
header-seed = semilla { $seed }
header-rec = GRAB
header-timeline-done = el guion no tiene más cambios

state-running = EN MARCHA
state-paused = EN PAUSA
state-ended = TERMINADO
state-limit = LÍMITE
state-gloss-closed = Normal
state-gloss-open = Fallando
state-gloss-half-open = Probando
state-gloss-forced-open = forzado
state-gloss-disabled = siempre cerrado

help-title = Ayuda · ? o Esc la cierra
help-legend-breaker = breaker:
help-legend-calls = llamadas: ✓ ok  ✗ fallidas  ⧗ agotadas  ↯ cortocircuitadas  ⊗ rechazadas   ↻ reintentos   ▸ seleccionado
help-legend-attempts = intentos: ⧖ cortados por el timeout por intento (panel Timeout; la llamada aún puede salir bien en un reintento)   Σ un total desde t=0; /s un ritmo

status-stopped-at = detenido en { $at }: { $reason }
status-recording-to = grabando en { $path }
status-recording-written = grabación guardada en { $path }
status-recording-failed = no se puede guardar la grabación { $path }: { $reason }
save-names-taken = ya hay { $count } grabaciones con este nombre
status-at-limit = { $field } está en su límite
status-cannot-read = no se puede leer { $path }
status-restarted = reiniciado en t=0 con la misma semilla
status-editing-side = editando el lado { $side }
status-editing-side-label = editando el lado { $side }: { $label }
status-refused = rechazado: { $reason }
status-copied = copiado { $field } = { $value } al lado { $side }
status-language = idioma: Español
status-zoomed-change = { $path } → { $value } (z muestra todos los paneles)
status-zoomed-selection = elegido { $service } · { $field } (z muestra todos los paneles)
status-window = ventana: { $window }
window-last = últimos { $span }
window-whole = toda la ejecución
window-step = { $step }/marca

ended-end-of-input = fin de la entrada
ended-hung-up = el terminal se colgó
variant-as-written = tal cual
# La etiqueta derivada de un lado: el patrón (ruta) que enciende o apaga.
variant-on = { $what } encendido
variant-off = { $what } apagado
# Un valor sí/no (una tabla, como un presupuesto de reintentos, cuenta como sí); un valor ausente.
parameters-yes = sí
parameters-no = no
parameters-unset = —

# Lo que explica la leyenda: cada símbolo y abreviatura de la pantalla (issue 20).
help-legend-outcomes = ⧗ agotadas: respondió antes su Timeout · ↯ cortocirc. (cortocircuitadas): el Circuit Breaker abierto respondió al instante · ⊗ rechazadas: las rechazó un Bulkhead lleno o el pool del cliente (client_rejected)
help-legend-retry = intentos/llamada, int/llam, int/ll: intentos por llamada, entre las llamadas de los últimos 10 s que hicieron alguno (nunca menos de 1) · ⊘ frenado: el presupuesto de reintentos no deja reintentar ahora · fich: sus fichas · rech.: intentos que el servicio rechazó
help-legend-latency = Latencia: p50 (la mediana) y p99 de las llamadas que llegaron al servicio, de la llegada a la respuesta; quedan fuera las respuestas al instante del Circuit Breaker, de un Bulkhead y del pool del cliente (run --json da las dos)
help-legend-screen = Δ: B − A en una comparación · ×N: la velocidad (real ×N: la alcanzada, cuando es menor) · GRAB: grabando · llamador: los hilos del cliente, compartidos por todos los servicios · cola: llamadas esperando a un trabajador · LLENO: todos los huecos del Bulkhead en uso · /marca: el tiempo que cubre cada marca de un gráfico · …: un texto cortado (z amplía el panel enfocado)
help-screen-title = En pantalla
help-legend-counter = { $symbol } { $label }
help-legend-value = ◀ 0,5 ▶ el valor del parámetro elegido, que cambian ← y →
