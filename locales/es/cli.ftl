# La línea de órdenes: --help, los errores de clap y los mensajes de las órdenes.

cli-about = Un laboratorio de terminal para circuit breaker, retry, bulkhead y timeout
cli-help = Muestra la ayuda
cli-version = Muestra la versión
cli-heading-usage = Uso:
cli-heading-options = Opciones
cli-heading-arguments = Argumentos
cli-heading-commands = Órdenes
cli-value-command = ORDEN

cli-scenario = Fichero de escenario o nombre de uno incluido, para el panel (por defecto: seed-lesson)
cli-arg-speed = Empieza a esta velocidad (0,1 … 1000)
cli-arg-record = Guarda la sesión (el escenario y cada cambio en vivo) en FICHERO al salir (una comparación: FICHERO-a.toml y FICHERO-b.toml)
cli-arg-light = La paleta clara, para aulas luminosas y proyectores

cli-arg-scenario = Un escenario (fichero o nombre de uno incluido)
cli-arg-seed = Usa esta semilla en lugar de la del escenario (0 … 9223372036854775807)
cli-arg-no-color = Sin colores (igual que la variable de entorno NO_COLOR)
cli-arg-set = Un cambio en t = 0, antes de todo lo demás (repetible), p. ej. --set services.payment.failure_rate=0.2
cli-arg-variant = Para un escenario que declara [variants]: solo el lado a o el b
cli-arg-lang = El idioma de todos los textos: { $languages } (por defecto: según BREAKWATER_LANG, LANGUAGE, LC_ALL, LC_MESSAGES, LANG)
cli-arg-json = Un objeto JSON en lugar de la tabla
cli-arg-duration = Simula este tiempo en lugar de la duración del escenario (p. ej. 10m)
cli-arg-quiet = Sin progreso en la salida de errores (ni la barra en una terminal ni la línea cada 10 s en otro caso)
cli-arg-progress = El progreso en líneas sencillas en la salida de errores, una cada 5 s, también en una terminal (para registros y CI)

cli-run-about = Ejecuta un escenario sin panel e imprime su resumen
cli-run-timeseries = Escribe en FICHERO una fila CSV por tick y por servicio
cli-run-timeseries-max = El mayor fichero --timeseries que se escribe (p. ej. 500MB, 4GiB; por defecto 1GiB)
cli-arg-openmetrics = Escribe en FICHERO las métricas de la ejecución como texto OpenMetrics (los nombres de resilience4j en Prometheus y breakwater_*), para promtool tsdb create-blocks-from openmetrics
cli-arg-metrics-step = Tiempo virtual entre dos muestras de --openmetrics (por defecto: el tick del escenario; 1ms o más)
cli-arg-epoch = Qué instante es el tiempo virtual 0 en --openmetrics y --log: now (ahora), o segundos UNIX (por defecto 1735689600, 2025-01-01T00:00:00Z, para que la misma semilla dé el mismo fichero)
cli-arg-openmetrics-max = El mayor fichero --openmetrics que se escribe (p. ej. 500MB, 4GiB; por defecto 1GiB)
cli-trace-otlp = Escribe además en FICHERO las llamadas seguidas como spans de OpenTelemetry en OTLP/JSON (un span por llamada, un span hijo por intento, cada paso como evento)
cli-arg-otlp = Escribe en FICHERO cada llamada (o una muestra) como spans de OpenTelemetry en OTLP/JSON: un span por llamada, un span hijo por intento, las decisiones de los patrones como eventos
cli-arg-otlp-endpoint = Tras la ejecución, envía los spans al receptor OTLP/HTTP de un collector de OpenTelemetry (p. ej. http://127.0.0.1:4318; POST /v1/traces, JSON)
cli-arg-otlp-sample = La fracción de llamadas que escribe --otlp (más de 0, como mucho 1; por defecto 1), elegida por un hash de la clave de cada llamada, así que la muestra no cambia ningún resultado
cli-run-serve = Ejecuta en tiempo real (×1, o --speed) y responde GET /metrics en --metrics-addr mientras dura, para que Prometheus lo lea
cli-run-speed = Con --serve: segundos simulados por segundo real (0,1 … 1000; por defecto 1)
cli-run-metrics-addr = Con --serve: dónde responde GET /metrics (por defecto 127.0.0.1:9464, la interfaz local; otra dirección solo si se da)
cli-arg-metrics-addr = Responde GET /metrics en ADDR (p. ej. 127.0.0.1:9464) con los valores de la pantalla, para que Prometheus los lea
cli-arg-log = Escribe en FICHERO una línea JSON por cada transición del breaker (con su motivo), entrada del guion, cambio y aviso de límite, con su tiempo virtual

cli-check-about = Valida un escenario sin ejecutarlo
cli-list-about = Lista los escenarios incluidos

cli-trace-about = Sigue llamadas desde su llegada hasta la respuesta final: cada capa, intento y espera
cli-trace-service = El servicio cuyas llamadas se siguen (opcional si solo hay uno)
cli-trace-at = Las primeras llamadas que llegan en este instante o después (p. ej. 60s)
cli-trace-calls = Cuántas llamadas seguir (1 … 1000)
cli-trace-call = Seguir las llamadas desde la n.º N del servicio (su índice, 0 la primera), en lugar de --at
cli-trace-where = Solo las llamadas de este tipo, las --calls primeras desde el inicio, mirando como mucho 10 minutos adelante: retried (más de un intento), cut (un intento cortado por el timeout), timed_out, fallback (respondida por el fallback), short_circuited, bulkhead_rejected, client_rejected, hedged (se envió una copia), failed, ok
cli-trace-json = Un objeto JSON en lugar de texto

cli-compare-about = Dos variantes de un mundo con la misma carga, lado a lado: un escenario (sus [variants], o --set-a/--set-b) o dos ficheros
cli-compare-a = Un escenario (fichero o nombre de uno incluido)
cli-compare-b = Un segundo escenario para comparar con el primero (mismos servicios)
cli-compare-set = Un cambio en t = 0 en ambos lados (repetible)
cli-compare-set-a = Un cambio en t = 0 solo en el lado A (repetible)
cli-compare-set-b = Un cambio en t = 0 solo en el lado B (repetible)
cli-compare-json = Un objeto JSON: {"{"} "a": {"{"}label, …run…{"}"}, "b": {"{"}…{"}"} {"}"}
cli-compare-no-tui = La tabla sin panel, incluso en una terminal
cli-compare-seed = Usa esta semilla en ambos lados (0 … 9223372036854775807)

cli-sweep-about = Una ejecución por celda de una rejilla de valores (una o dos rutas variadas), en todos los núcleos: una tabla y un mapa de calor o una línea de una métrica
cli-sweep-vary = Una ruta variada y sus valores (una vez para una línea, dos para un mapa): RUTA=LISTA (load.rate=20,50,80) o RUTA=DESDE..HASTA:PASO (HASTA incluido)
cli-sweep-metric = Lo que mide cada celda
cli-sweep-service = El servicio medido, o `all` (los totales; por defecto)
cli-sweep-seeds = Ejecuciones por celda, semillas S … S+N−1: la media y un intervalo del 95 %
cli-sweep-seed = La primera semilla (por defecto: la del escenario)
cli-sweep-set = Un cambio fijo en t = 0 en cada celda (repetible)
cli-sweep-variant = Para un escenario que declara [variants]: barre el lado a (por defecto) o el b
cli-sweep-jobs = Celdas que se ejecutan a la vez (por defecto: todos los núcleos)
cli-sweep-json = Un objeto JSON en lugar de la tabla y el gráfico
cli-sweep-csv = Escribe en FICHERO una fila por celda en cuanto termina
cli-sweep-resume = Ejecuta solo las celdas que faltan en FICHERO (un CSV de este barrido) y las añade
cli-sweep-shard = Ejecuta solo las celdas I, I+N, I+2N, … (0 ≤ I < N), para repartir un barrido entre máquinas; los CSV de las partes se concatenan en el total
cli-sweep-no-color = Sin colores en el mapa de calor (igual que la variable de entorno NO_COLOR)

cli-plot-about = Dibuja una ejecución como una figura para una diapositiva (SVG o PNG): paneles apilados sobre un mismo eje de tiempo; una comparación (dos ficheros, --set-a/--set-b o variantes declaradas) superpone A y B
cli-plot-a = Un escenario (fichero o nombre de uno incluido)
cli-plot-b = Un segundo escenario para comparar con el primero (mismos servicios)
cli-plot-output = Escribe la figura en FICHERO; .svg o .png dice cuál (repetible; por defecto: breakwater-<escenario>.svg y .png aquí)
cli-plot-size = Píxeles, ANCHOxALTO (por defecto 1920x1080, una diapositiva)
cli-plot-set = Un cambio en t = 0 en cada lado (repetible)
cli-plot-set-a = Un cambio en t = 0 solo en el lado A (repetible): dibuja una comparación
cli-plot-set-b = Un cambio en t = 0 solo en el lado B (repetible): dibuja una comparación
cli-plot-seed = Usa esta semilla (en ambos lados) en lugar de la del escenario (0 … 9223372036854775807)

cli-error-unknown-argument = argumento inesperado { $arg }
cli-error-unknown-command = no existe la orden { $command }
cli-error-needs-value = { $arg } necesita un valor
cli-error-invalid-value = { $arg } { $value }: valor no válido; valen: { $valid }
cli-error-bad-value = { $arg } { $value }: { $reason }
cli-error-conflict = { $arg } no puede usarse con { $other }
cli-error-missing = falta: { $arg }
cli-error-unexpected = valor inesperado { $value }
cli-error-did-you-mean = ¿querías decir { $arg }?
cli-error-try-help = Para saber más, prueba --help.

cli-bad-side = un lado es `a` o `b`
cli-bad-calls = un número de llamadas de 1 a { $max }
cli-bad-call-index = el índice de una llamada: un número entero desde 0
cli-bad-where = valen: { $valid }
cli-bad-duration = la duración debe ser mayor que 0 y como mucho 7d
cli-bad-seed = una semilla es un número entero de 0 a { $max }
cli-bad-speed = una velocidad es un número de veces el tiempo real, de { $min } a { $max } (p. ej. 10)
cli-seed-too-big = una semilla es como mucho { $max } (2^63−1, el mayor entero de TOML, para que las grabaciones puedan guardarla)
cli-bad-size = `{ $value }`: un tamaño como 500MB, 1GiB o 1048576
cli-size-too-small = `{ $value }`: un tamaño desde 1 byte
cli-no-variants = --variant { $side }: { $scenario } no declara [variants]

list-broken = roto: { $reason }
list-sides = lado A: { $a } · lado B: { $b }
check-ok = correcto — «{ $name }», { $services ->
    [one] { $services } servicio
   *[other] { $services } servicios
}, { $changes ->
    [one] { $changes } cambio en el guion
   *[other] { $changes } cambios en el guion
}, { $duration }
check-work = estimación: unas { $calls } llamadas, { $attempts } intentos, { $events } eventos; entre { $fastest } y { $slowest } de trabajo en un núcleo, a grandes rasgos
timeseries-too-big = --timeseries: esta ejecución escribiría { $rows } filas ({ $ticks } ticks de { $tick } × { $services } servicios), al menos { $size }; el límite es { $max } ({ $bytes } bytes). Súbelo con --timeseries-max, o usa un tick más largo o una --duration más corta
openmetrics-too-big = --openmetrics: esta ejecución escribiría al menos { $size } ({ $samples } muestras de { $series } series); el límite es { $max } ({ $bytes } bytes). Súbelo con --openmetrics-max, o usa un --metrics-step más largo o una --duration más corta
openmetrics-grew-too-big = --openmetrics: el fichero pasó su límite de { $max } ({ $bytes } bytes) en { $at } de tiempo simulado y no se escribió. Súbelo con --openmetrics-max, o usa un --metrics-step más largo
otlp-sample-alone = --otlp-sample: da también --otlp FICHERO o --otlp-endpoint URL, para que las llamadas de la muestra vayan a algún sitio
otlp-endpoint-invalid = --otlp-endpoint { $value }: usa http://HOST:PUERTO, el receptor OTLP/HTTP de un collector de OpenTelemetry (p. ej. http://127.0.0.1:4318)
otlp-endpoint-failed = --otlp-endpoint { $url }: { $reason } ({ $sent } lotes de spans enviados antes)
otlp-endpoint-silent = sin respuesta en { $seconds } s
otlp-endpoint-status = el collector respondió { $status }
otlp-sample-invalid = --otlp-sample { $value }: usa una fracción de las llamadas, más de 0 y como mucho 1 (p. ej. 0.01)
compare-metrics-addr-headless = --metrics-addr { $addr }: las métricas en vivo salen del panel partido, que una comparación sin panel (--json, --no-tui, un fichero de métricas, o sin terminal) no abre; para una ejecución sin panel que responda lecturas, usa run --serve
serve-cannot-listen = --metrics-addr { $addr }: no se puede escuchar ahí: { $reason }
serve-listening = métricas en { $url }
metrics-step-too-small = --metrics-step { $step }: las marcas de tiempo del fichero cuentan milisegundos; usa 1ms o más
epoch-invalid = --epoch { $value }: usa now, o un número entero de segundos desde 1970-01-01 (0 … { $max })
needs-terminal = el panel necesita una terminal, y la salida estándar no lo es.
    Para una ejecución sin panel que imprime el resumen: { $command }
terminal-error = error de la terminal: { $reason }
terminal-lost = se perdió la terminal ({ $reason })
progress-simulated = { $percent } % de { $total } simulado
progress-pace = { $speed }× tiempo real · quedan unos { $left }
stopped-at = detenido en { $at } de tiempo simulado: { $reason }
io-cannot-write = no se puede escribir { $path }: { $reason }
io-cannot-write-stdout = no se puede escribir en la salida estándar: { $reason }
io-cannot-write-json = no se puede escribir el JSON: { $reason }
io-cannot-write-flag = { $flag } { $path }: no se puede escribir: { $reason }
io-cannot-create-flag = { $flag } { $path }: no se puede crear: { $reason }
output-is-input = es { $input }, que esta orden lee: escribe la salida en otro archivo
output-is-symlink = es un enlace simbólico, que una salida no sigue: nombra el archivo mismo
cli-default = por defecto: { $value }
cli-possible = uno de: { $values }
cli-error-command-after-scenario = { $command }: una orden no puede ir después de { $other }; la orden va primero (breakwater run ESCENARIO)
cli-arg-paused = Abre en pausa en t = 0 (espacio arranca; n avanza hasta la siguiente entrada del guion o cambio del breaker)
cli-sweep-output = Dibuja también el mapa (o la línea) en FICHERO; .svg o .png indica el formato (repetible)
cli-sweep-size = Los píxeles de la figura, ANCHOxALTO (por defecto 1920x1080, una diapositiva)
cli-arg-predict = Modo predecir desde el principio: en cada pregunta del escenario el panel se detiene antes de que la ejecución la responda, el profesor escribe la respuesta de la clase y el final de la ventana de la pregunta la muestra junto a la de la ejecución (`a` lo activa y desactiva)
cli-arg-predictions = Escribe las predicciones de la clase en FICHERO.csv al salir, una fila por pregunta hecha (tiempo, pregunta, predicción, respuesta, acierto); activa el modo predecir
