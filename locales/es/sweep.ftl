# El barrido: sus errores, su progreso y lo que imprime.
sweep-vary-form = se esperaba RUTA=LISTA o RUTA=DESDE..HASTA:PASO, p. ej. load.rate=20..90:10, patterns.retry.jitter=none,full o patterns.timeout.per_attempt=250ms..2s:250ms
sweep-vary-empty-value = `{ $spec }`: un valor vacío en la lista; los valores van separados por comas, p. ej. 1,2,5
sweep-range-needs-step = `{ $range }`: un rango necesita un paso: DESDE..HASTA:PASO, p. ej. 20..90:10 (HASTA incluido)
sweep-range-kinds = `{ $range }`: DESDE, HASTA y PASO son números (20..90:10, 0.1..0.5:0.1) o duraciones (250ms..2s:250ms)
sweep-range-step-positive = el PASO de DESDE..HASTA:PASO debe ser mayor que 0
sweep-range-descending = el rango es descendente (HASTA menor que DESDE), así que está vacío; escríbelo del valor menor al mayor, p. ej. 1..5:1
sweep-range-too-many = el rango tiene { $n } valores; un barrido tiene como mucho { $max } celdas: usa un PASO mayor
sweep-vary-count = --vary aparece { $n } veces: un barrido varía una ruta (una línea) o dos (un mapa)
sweep-vary-same-path = --vary { $path }: la misma ruta dos veces; pon todos sus valores en un solo --vary
sweep-too-many-cells = --vary: { $cells } celdas, por encima del límite de { $max }: usa pasos mayores o divide el barrido en varios con rangos más estrechos
sweep-fixed-and-varied = --vary { $path }: la ruta también aparece en --set; una ruta es fija o variada, no ambas
sweep-cell-named = --vary: la celda { $sets }
sweep-shard-form = se esperaba I/N con 0 ≤ I < N, p. ej. 0/4 (celdas 0, 4, 8, …)
sweep-seeds-past-max = --seeds { $seeds }: las semillas { $first } … { $last } pasan de la mayor, { $max }
sweep-unknown-service = --service { $name }: no existe ese servicio. Valen: all, { $valid }
sweep-resume-too-big = --resume { $path }: el fichero pasa de { $max } bytes
sweep-resume-not-file = --resume { $path }: no es un archivo normal; un barrido se reanuda desde el CSV que escribió (usa --csv para escribir en un flujo)
sweep-resume-and-csv = --resume FICHERO escribe las celdas nuevas en FICHERO; quita --csv
sweep-csv-header = { $at }: no es el CSV de este barrido: su primera línea debería ser `{ $header }`
sweep-csv-cut-row = { $at }: una fila cortada (una ejecución se detuvo mientras la escribía), descartada: su celda se ejecuta de nuevo
sweep-csv-not-utf8 = { $at }: bytes no válidos (no es texto UTF-8); un barrido escribe UTF-8, así que este archivo se cambió o no es el CSV de un barrido
sweep-csv-not-finite = { $at }: { $column } es `{ $have }`; un barrido escribe solo números finitos
sweep-csv-other-sweep = { $at }: una fila de otro barrido: { $column } es `{ $have }`, y en este barrido es `{ $want }`
sweep-cell-limit = semilla { $seed }: detenida en { $at }: { $reason }
sweep-cell-memory = no se pudo reservar memoria para sus { $calls } llamadas en curso (estimadas)
sweep-progress = { $done } celdas · { $rate }/s · { $elapsed } · quedan unos { $eta }
sweep-interrupted-kept = interrumpido: { $done } de { $total } celdas terminadas, guardadas en { $file }; añade --resume { $file } (en lugar de --csv) para ejecutar el resto
sweep-interrupted-lost = interrumpido: { $done } de { $total } celdas terminadas; sin --csv FICHERO no se guardó nada
sweep-side = lado { $side }
sweep-of-grid = de { $total }
sweep-seeds-range = semillas { $first } … { $last } (media e intervalo del 95 %)
sweep-seed-one = semilla { $seed }
sweep-heading = barrido · { $count ->
    [one] { $cells }{ $of } celda
   *[other] { $cells }{ $of } celdas
} · { $seeds } · { $wall } s en { $threads ->
    [one] { $threads } hilo
   *[other] { $threads } hilos
}
sweep-metric-line = métrica: { $name } — { $label } · servicio: { $service }
sweep-cell = celda
sweep-open-it = ábrela en el panel
sweep-limit-word = LÍMITE
sweep-cell-limit-note = LÍMITE en la celda { $index }: { $reason }
sweep-mark-undefined = sin definir (la ejecución terminó antes que su guion)
sweep-mark-limit = detenida en un límite
sweep-cannot-start-threads = no se pueden arrancar { $jobs } hilos: { $reason }
sweep-jobs-lowered = { $jobs } celdas a la vez en lugar de { $asked }: una celda puede ocupar hasta { $cell } y hay { $available } disponibles ({ $source })
sweep-memory-refused = una celda puede ocupar hasta { $cell } de memoria y hay { $available } disponibles ({ $source }): no cabe ni una; baja la carga, las latencias o las colas (menos llamadas en curso)
memory-source-available = MemAvailable en /proc/meminfo
memory-source-cgroup = el límite de memoria del cgroup
memory-source-address-space = el límite del espacio de direcciones, ulimit -v
sweep-figure-no-value = sin valor
sweep-figure-written = figura escrita: { $paths }
metric-recovered = recuperado (ok ÷ llamadas tras el guion)
