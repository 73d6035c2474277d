# Mensajes de error del vocabulario base y de los patrones: valores con la
# forma equivocada, nombres que no existen, rangos. Valores, claves y rutas
# se muestran tal como se escribieron.

## Nombres y listas

unknown-name = { $what ->
    [key] la clave
    [pattern] el patrón
    [service] el servicio
    [distribution] la distribución
    [backoff] el backoff
    [language] el idioma
    [metric] la medida
    [kind] el tipo
   *[other] el nombre
} `{ $name }` no existe
unknown-name-near = { $unknown }; ¿querías decir `{ $best }`? Válidos: { $valid }
unknown-name-far = { $unknown }. Válidos: { $valid }
list-either = { $a } o { $b }
list-one-of = uno de { $list }
field-message = `{ $key }`: { $message }

## Los mensajes de serde y de toml, con nuestras palabras

serde-invalid-type = tipo no válido: { $found }; se esperaba { $expected }
serde-invalid-value = valor no válido: { $found }; se esperaba { $expected }
serde-invalid-length = longitud no válida ({ $len }); se esperaba { $expected }
serde-unknown-variant = la opción `{ $name }` no existe; se esperaba { $valid }
serde-unknown-variant-none = la opción `{ $name }` no existe; aquí no hay opciones
serde-unknown-field = la clave `{ $name }` no existe; se esperaba { $valid }
serde-unknown-field-none = la clave `{ $name }` no existe; aquí no hay claves
serde-missing-field = falta la clave `{ $name }`
serde-duplicate-field = la clave `{ $name }` aparece dos veces
serde-wanted-name = se esperaba un nombre entre comillas o una tabla
serde-did-you-mean = { $message }; ¿querías decir `{ $best }`?
serde-found = { $kind ->
    [boolean] el booleano `{ $value }`
    [integer] el entero `{ $value }`
    [float] el número `{ $value }`
    [string] el texto { $value }
    [char] el carácter `{ $value }`
    [datetime] la fecha `{ $value }`
    [array] una lista
    [table] una tabla
   *[other] { $value }
}
serde-expected-whole = un número entero de { $lo } a { $hi }
serde-expected-number = un número
serde-expected-bool = true o false
serde-expected-string = un texto entre comillas
serde-expected-array = una lista
serde-expected-table = una tabla
toml-kind = { $kind ->
    [string] un texto
    [integer] un entero
    [float] un número decimal
    [boolean] true o false
    [datetime] una fecha
    [array] una lista
   *[table] una tabla
}
hint-decimal-comma = TOML usa punto decimal: escribe { $fixed }
hint-decimal-comma-after = { $message }; TOML usa punto decimal: escribe { $fixed }

## Duraciones y valores que son una duración o una tabla

duration-invalid = "{ $text }" no es una duración; escribe un número y una unidad: "250ms", "5s", "2m", "1h" (unidades ns, us, ms, s, m, h, d)
duration-too-long = la duración "{ $text }" es demasiado larga
duration-expecting = una duración entre comillas, como "250ms", "5s" o "2m"
duration-bare-number = un número solo ({ $value }) no tiene unidad; escribe una duración entre comillas, como "{ $value }s" o "{ $value }ms"
duration-bare-decimal = un número solo ({ $value }) no tiene unidad; escribe una duración entre comillas, como "{ $value }s"
table-needs-tag = una tabla de { $what ->
    [distribution] distribución
    [backoff] backoff
   *[other] { $what }
} necesita `{ $tag }`, uno de { $kinds }
duration-or-table = se esperaba una duración como "1s" o una tabla como { $example }, y hay { $found }

## Textos por idioma (name, description, lesson, note)

text-type = se esperaba un texto: entre comillas, o una tabla por idioma como {"{"} en = "…", es = "…" {"}"}; y hay { $found }
text-language-not-string = el texto en `{ $code }` debe ir entre comillas, y hay { $found }

## Por qué no se pudo leer o escribir un archivo

io-reason = { $kind ->
    [not-found] no existe el archivo o el directorio
    [permission-denied] permiso denegado
    [is-a-directory] es un directorio
    [not-a-directory] una parte de la ruta no es un directorio
    [already-exists] ya existe
    [storage-full] el disco está lleno
    [read-only] el sistema de archivos es de solo lectura
    [invalid-data] los datos no son válidos
   *[interrupted] interrumpido
}

## Rangos de los ajustes de los patrones

must-be-whole-in-range = debe ser un número entero de { $lo } a { $hi }
must-be-duration-in-range = debe estar entre { $lo } y { $hi }
must-be-at-most = debe ser como mucho { $max }
must-be-a-rate = debe ser mayor que 0 y como mucho 1 (0.5 = 50 %)
breaker-window-size-type = se esperaba un número de llamadas de 1 a 100000 (window = "count") o una duración como "60s" (window = "time"), y hay { $found }
breaker-window-size-count = con window = "count", window_size es un número de llamadas (de 1 a 100000)
breaker-window-size-time = con window = "time", window_size es una duración como "60s"
breaker-half-open-calls-range = debe ser un número entero de 1 a 10000, o "all"
breaker-half-open-calls-type = se esperaba un número entero de 1 a 10000 (pruebas) o "all" (pasan todas las llamadas y decide el primer resultado), y hay { $found }
breaker-time-window-range = una ventana de tiempo debe durar de 100ms a 1h
breaker-lesson-kind = con semantics = "lesson" el breaker cuenta fallos seguidos, como la clase de la lección: kind debe ser "consecutive"
breaker-lesson-half-open = con semantics = "lesson" pasan todas las llamadas en HALF_OPEN, como en la clase de la lección; { $n } pruebas son cosa de resilience4j: quita half_open_calls o escribe "all"
breaker-not-a-rate = { $value } no es una tasa; debe ser mayor que 0 y como mucho 1 (0.5 = 50 %)
fallback-on-ok = un fallback responde a errores, no a ok; válidos: failed, timed_out, short_circuited, bulkhead_rejected, client_rejected
fallback-answer-shape = una respuesta tiene de 1 a { $max } caracteres en una sola línea, p. ej. "{ $example }"
backoff-delay-at-most = la espera del backoff debe ser como mucho 1h
backoff-linear-order = el backoff lineal necesita initial ({ $initial }) ≤ max ({ $max }) ≤ 1h
backoff-base-range = la `base` del backoff exponencial ({ $base }) debe estar entre 1 y 100
backoff-exponential-order = el backoff exponencial necesita min ({ $min }) ≤ max ({ $max }) ≤ 1h
retry-max-attempts-range = debe ser un número entero de 1 a 100 (contando el primer intento)
budget-max-tokens = max_tokens ({ $value }) debe estar entre 1 y 1000000
budget-token-ratio = token_ratio ({ $value }) debe ser mayor que 0 y como mucho max_tokens
retry-on-client-rejected = client_rejected ocurre antes de cualquier intento; válidos: ok, failed, timed_out, short_circuited, bulkhead_rejected

## Por qué cambió de estado un Circuit Breaker

reason-consecutive-failures = { $n ->
    [one] { $n } fallo seguido
   *[other] { $n } fallos seguidos
}
reason-over-calls = en las últimas { $n } llamadas
reason-over-time = en los últimos { $span } ({ $n ->
    [one] { $n } llamada
   *[other] { $n } llamadas
})
reason-failure-rate = tasa de fallos { $rate } % ≥ { $threshold } % { $over }
reason-slow-call-rate = tasa de llamadas lentas { $rate } % ≥ { $threshold } % (llamadas ≥ { $slow }) { $over }
reason-open-elapsed = { $from ->
    [last-failure] pasaron { $open_for } desde el último fallo
   *[opened] pasó el tiempo abierto ({ $open_for })
}; { $then ->
    [first-result] pasan todas las llamadas y decide el primer resultado
   *[probes] probando
}
reason-first-result-failed = el primer resultado falló
reason-first-result-succeeded = el primer resultado salió bien
reason-call-after-wait = llegó una llamada más de { $open_for } después del último fallo; pasan ella y todas las siguientes (la clase de la lección)
reason-success-closes = una llamada que sale bien lo cierra (la clase de la lección)
reason-reconfigured = reconfigurado ({ $what }): empieza cerrado, como un breaker nuevo
reason-probe-failed = falló la prueba
reason-probes-succeeded = { $n ->
    [one] la prueba salió bien
   *[other] { $n } pruebas salieron bien
}
reason-probe-failure-rate = tasa de fallos en las pruebas { $rate } % ≥ { $threshold } % en { $n } pruebas
reason-probe-slow-call-rate = tasa de llamadas lentas en las pruebas { $rate } % ≥ { $threshold } % en { $n } pruebas
reason-probes-healthy = tasa de fallos en las pruebas { $rate } % < { $threshold } % en { $n } pruebas
reason-forced-open = abierto a mano por el operador
reason-disabled = desactivado por el operador: deja pasar todas las llamadas
reason-back-to-normal = vuelto a la normalidad por el operador
