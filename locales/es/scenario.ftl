# Los errores de un archivo de escenario: su sintaxis, su forma, sus valores,
# su guion. Claves, valores y rutas de cambio se muestran tal como se escribieron.

## Sintaxis TOML

syntax-error = error de sintaxis TOML: { $message }
syntax-error-hint = error de sintaxis TOML: { $message }; { $hint }
syntax-invalid = { $what } no válido
syntax-expected = se esperaba { $list }
syntax-what = { $what ->
    [array] lista
    [basic-string] texto entre comillas dobles
    [binary-integer] entero binario
    [date-time] fecha y hora
    [escape-sequence] secuencia de escape
    [floating-point-number] número decimal
    [hexadecimal-integer] entero hexadecimal
    [inline-table] tabla en línea
    [integer] entero
    [key] nombre de clave
    [literal-string] texto entre comillas simples
    [multiline-basic-string] texto de varias líneas
    [multiline-literal-string] texto literal de varias líneas
    [octal-integer] entero octal
    [table-header] encabezado de tabla
    [time] hora
    [time-offset] zona horaria
    [unicode-4-digit-hex-code] código unicode de 4 cifras hexadecimales
    [unicode-8-digit-hex-code] código unicode de 8 cifras hexadecimales
   *[string] texto
}
syntax-token = { $token ->
    [newline] un salto de línea
    [digit] una cifra
    [leading-digit] una cifra al principio
    [end-of-input] el final del archivo
    [letters] letras
   *[numbers] números
}
list-or = { $list } o { $last }
list-comma = { $list }, { $item }
# Parts of one syntax error, one after the other.
syntax-parts = { $first }; { $rest }
syntax-duplicate-key-root = la clave `{ $key }` aparece dos veces en el nivel superior
syntax-duplicate-key = la clave `{ $key }` aparece dos veces en la tabla `{ $table }`
syntax-dotted-key-not-table = la clave con puntos `{ $key }` intenta ampliar un valor que no es una tabla
syntax-hint-services-typo = `[[service]]` no es una sección: escribe `[[services]]` (cada servicio empieza con `[[services]]`, corchetes dobles, en plural)
syntax-hint-table-once = una tabla se escribe una sola vez: pon todas las claves de `[{ $key }]` bajo un solo encabezado (solo `[[services]]` y `[[timeline]]` se repiten, con corchetes dobles)
syntax-out-of-range = valor fuera de rango
syntax-too-deep = demasiados niveles anidados
syntax-too-large = número demasiado grande
syntax-too-small = número demasiado pequeño
syntax-unexpected = `{ $text }` inesperado
syntax-unexpected-end = el archivo termina antes de tiempo
syntax-carriage-return = error de sintaxis TOML: un retorno de carro (\r) que no termina una línea; guarda el archivo con finales de línea \n o \r\n
syntax-hint-too-large = los enteros llegan hasta 9223372036854775807
syntax-hint-duration-quotes = una duración es un texto con su unidad, entre comillas: "10s" o "250ms"
syntax-hint-closing-quote = un "texto" necesita sus comillas de cierre en la misma línea
syntax-hint-value-forms = un valor es un número, un "texto", true o false, una [lista] o una {"{"} tabla = "en línea" {"}"}

## El archivo entero

file-too-big = el archivo ocupa { $len } bytes; un escenario puede ocupar como mucho { $max } bytes
file-not-utf8 = el archivo no es texto UTF-8; guárdalo como UTF-8
file-empty = el archivo no tiene ajustes; un escenario necesita al menos name = "...", duration = "5m", una sección [load] y un [[services]] (mira ejemplos con `breakwater list`)
missing-key = falta `{ $key }`: { $which ->
    [name] cada escenario y cada servicio necesita un name = "..."
    [duration] cuánto tiempo simular, por ejemplo duration = "5m"
    [load] añade una sección [load], por ejemplo kind = "poisson", rate = 60
    [services] añade al menos un [[services]] con su name
    [at] cada entrada de [[timeline]] necesita at = "<tiempo>", por ejemplo at = "60s"
   *[other] esta clave es obligatoria
}

## Valores de primer nivel, servicios, patrones

scenario-name-length = name debe tener de 1 a 80 caracteres
scenario-duration-range = duration debe ser mayor que 0 y como mucho 7d
scenario-tick-range = tick debe estar entre 1ms y 60s
scenario-too-many-ticks = más de 10 millones de pasos (tick); alarga el tick o acorta la duración
pattern-not-table = `{ $pattern }` debe ser una tabla, por ejemplo [patterns.{ $pattern }] o { $pattern } = {"{"} ... {"}"}
service-name-form = el nombre de un servicio tiene de 1 a 32 letras, cifras, '-' o '_' (aparece en las rutas de cambio)
service-name-missing = falta `name`: cada servicio necesita un name = "..."
service-name-twice = hay dos servicios llamados `{ $name }`; los nombres no se pueden repetir
order-help = order enumera retry, circuit_breaker, bulkhead, hedging, timeout y fallback, del más externo al más interno, cada uno como mucho una vez; un fallback que no aparece responde después de todo, incluido el pool del llamador
order-twice = `{ $pattern }` aparece dos veces; { $help }

## Guion (timeline) y variantes

timeline-too-long = como mucho { $max } entradas en el guion
timeline-after-end = at { $at } cae después del final del escenario ({ $duration })
timeline-entry-empty = una entrada del guion necesita `set = {"{"} "ruta" = valor {"}"}`, una `note` o `pause = true`
timeline-over-not-number = `over` solo hace rampas de números; este valor no es un número
timeline-over-range = `over` debe ser mayor que 0 y caber en el escenario
variant-label-length = una etiqueta (label) tiene de 1 a 40 caracteres

## Valores del mundo (carga, llamador, servicios)

no-client-section-add = este escenario no tiene sección [client]; añade una con `threads` para cambiarla
no-client-section = este escenario no tiene sección [client]
load-rate-range = rate { $value } debe estar entre 0 y { $max } llamadas por segundo
load-clients-range = clients debe estar entre 0 y { $max }
client-threads-range = threads debe estar entre 1 y { $max }
queue-range = queue debe estar entre 0 y { $max }
no-services = un escenario necesita al menos un [[services]]
too-many-services = como mucho { $max } servicios
service-share-range = share { $value } debe ser un número desde 0 (los share son pesos relativos)
service-workers-range = workers debe estar entre 1 y { $max }, y es { $value }
service-latency-factor-range = latency_factor { $value } debe estar entre 0 y 10000
service-failure-rate-range = failure_rate { $value } es una probabilidad: de 0 a 1
shares-zero = los share de los servicios suman 0: ningún servicio recibiría llamadas
not-a-change-path = `{ $path }` no es una ruta de cambio; válidas: load.<campo>, client.<campo>, services.<nombre>.<campo>, services.<nombre>.<patrón>.<campo>, patterns.<patrón>.<campo>
change-refused = { $path } = { $value }: { $message }
dist-at-most-a-day = `{ $name }` debe ser como mucho 1d
dist-uniform-order = en uniform, `min` ({ $min }) no puede superar a `max` ({ $max })
dist-lognormal-p50 = en lognormal, `p50` debe ser mayor que 0
dist-lognormal-order = en lognormal, `p99` ({ $p99 }) debe ser al menos `p50` ({ $p50 })
dist-pareto-scale = en pareto, `scale` debe ser mayor que 0
dist-pareto-shape = en pareto, `shape` ({ $shape }) debe ser un número mayor que 0 y como mucho 100
dist-mixture-parts = una mezcla necesita `parts`: de 1 a { $max } tablas, cada una con un `weight` y una distribución, p. ej. { "{" } weight = 0.98, dist = "constant", value = "10ms" { "}" }
dist-mixture-weight = el `weight` de una parte de la mezcla ({ $value }) debe ser un número mayor que 0
dist-mixture-no-weight = cada parte de una mezcla necesita un `weight` (un número mayor que 0; los pesos se normalizan)
dist-mixture-nested = una parte de una mezcla no puede ser otra mezcla

## Límites: lo que puede costar una ejecución, y cómo volver por debajo

estimate-calls = se esperan unas { $calls } llamadas; como mucho { $max } por ejecución (acorta la duración o baja la carga)
estimate-attempts = se esperan unos { $attempts } intentos con los reintentos; como mucho { $max } por ejecución (baja max_attempts, añade un presupuesto de reintentos, alarga un timeout que corta la mayoría de los intentos, acorta la duración o baja la carga)
estimate-events = se esperan unos { $events } eventos (llamadas, intentos, reintentos y timeouts); como mucho { $max } por ejecución, unos diez minutos de trabajo (acorta la duración, baja la carga o max_attempts, o alarga un timeout que corta la mayoría de los intentos)
change-too-many-calls = { $path } = { $value }: unas { $calls } llamadas por segundo simulado; como mucho { $max }
change-too-many-attempts = { $path } = { $value }: unos { $attempts } intentos por segundo simulado con los reintentos; como mucho { $max }
limit-calls-per-second-closed = { $count } llamadas en el segundo simulado desde { $from }, por encima del límite de { $max }: un bucle cerrado de { $clients } clientes con think { $think } lanza una llamada nueva en cuanto recibe la respuesta de la anterior, y las llamadas rechazadas o cortocircuitadas se responden al instante; dale a `think` un mínimo, por ejemplo think = {"{"} dist = "uniform", min = "10ms", max = "100ms" {"}"}
limit-calls-per-second = { $count } llamadas en el segundo simulado desde { $from }, por encima del límite de { $max }: load.rate es { $rate } llamadas/s; bájalo
limit-attempts-per-second = { $count } intentos en el segundo simulado desde { $from }, por encima del límite de { $max }: los reintentos multiplican la carga (hasta { $attempts } intentos por llamada); baja `max_attempts` o añade un presupuesto de reintentos
limit-work-per-second = { $count } unidades de trabajo (eventos y pasos de rampa) en el segundo simulado desde { $from }, por encima del límite de { $max }: hay { $ramps } rampas en marcha, cada paso revisa { $services } servicios, con un tick de { $tick }; alarga el tick, usa menos rampas o baja la carga
limit-calls-per-run = { $count } llamadas hasta { $by }, por encima del límite de { $max } por ejecución: acorta la duración o baja la carga
limit-attempts-per-run = { $count } intentos hasta { $by }, por encima del límite de { $max } por ejecución: reintentos que la estimación no podía ver (rechazos de una cola llena, de un bulkhead) multiplican la carga; baja `max_attempts`, añade un presupuesto de reintentos o acorta la duración
limit-work-per-run = { $count } unidades de trabajo (eventos y pasos de rampa) hasta { $by }, por encima del límite de { $max } por ejecución (unos diez minutos de trabajo): acorta la duración o baja la carga
limit-in-flight = { $max } llamadas en curso: el límite; las llamadas nuevas se rechazan como client_rejected
limit-memory = no hay memoria para más de { $calls } llamadas en curso: baja la carga, las latencias o las colas (menos llamadas en curso), o ejecuta menos celdas a la vez (sweep --jobs)

## Encontrar el escenario, y --set

load-symlink-loop = un bucle de enlaces simbólicos: la ruta nunca llega a un archivo
load-dangling-symlink = un enlace simbólico a un archivo que no existe
load-cannot-read = no se puede leer: { $reason }
load-not-a-file = { $kind ->
    [directory] es un directorio
    [character-device] es un dispositivo de caracteres
    [block-device] es un dispositivo de bloques
   *[socket] es un socket
}, no un archivo; un escenario es un archivo TOML (o el nombre de uno incorporado)
load-too-big = el archivo ocupa { $len } bytes; un escenario puede ocupar como mucho { $max } bytes (1 MiB)
load-over = el archivo ocupa más de { $max } bytes; un escenario puede ocupar como mucho { $max } bytes (1 MiB)
load-no-such = no existe el archivo, ni un escenario incorporado llamado `{ $spec }`. Incorporados: { $names }
load-no-such-near = no existe el archivo, ni un escenario incorporado llamado `{ $spec }`; ¿querías decir `{ $best }`? Incorporados: { $names }
set-form = se esperaba RUTA=VALOR, por ejemplo services.payment.failure_rate=0.2
set-excess = { $flag }: con estos valores, { $message }
compare-services-differ = los dos escenarios deben tener los mismos servicios, en el mismo orden: { $a } tiene { $a_names }; { $b } tiene { $b_names }
compare-duration-excess = { $b } dura { $b_duration } y { $a } { $a_duration }; los dos lados se ejecutan durante los { $a_duration } de A, y entonces { $message } (da a los dos archivos la misma duración)
compare-duration-differs = nota: { $b } dura { $b_duration } y { $a } { $a_duration }; los dos lados se ejecutan durante los { $a_duration } de A (--duration fija los dos)

# A --set argument refused: the flag, the argument, why.
set-named = { $flag } { $arg }: { $message }
