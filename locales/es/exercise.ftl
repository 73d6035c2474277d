# Ejercicios (`breakwater exercise`, `breakwater grade`): el fichero, los cambios del estudiante, la nota.
cli-exercise-about = Un ejercicio: `list` para los incluidos; un nombre o un fichero muestra su tarea, el mundo del que parte, qué se puede cambiar y sus objetivos
cli-exercise-exercise = `list`, el nombre de un ejercicio incluido o un fichero de ejercicio
cli-grade-about = Corrige un ejercicio: ejecuta su escenario con su inicio y tus cambios, y mide cada objetivo (sale con 0 si se cumplen todos, 3 si falla alguno, 2 si se rechaza un cambio)
cli-grade-exercise = El nombre de un ejercicio incluido o un fichero de ejercicio
cli-grade-answer = Tus cambios en un fichero: set = {"{"} "services.payment.bulkhead.enabled" = true {"}"} (se aplican antes que --set)
cli-grade-json = Un objeto JSON para correctores automáticos: passed, cada objetivo con sus límites y su valor medido (fracciones 0–1, segundos), los cambios aplicados

## El fichero del ejercicio
exercise-missing-key = falta `{ $key }`: un ejercicio necesita name, scenario, task, may_change, max_changes y al menos un [[goals]] (mira `breakwater exercise list` para ver ejemplos)
exercise-no-such = no hay ningún ejercicio `{ $spec }`: no es un fichero ni un ejercicio incluido ({ $names })
exercise-no-such-near = no hay ningún ejercicio `{ $spec }`: no es un fichero; ¿querías decir `{ $best }`? Ejercicios incluidos: { $names }
exercise-no-scenario = no hay ningún escenario `{ $spec }`: ni un fichero junto al ejercicio ({ $path }) ni un escenario incluido ({ $names })
exercise-no-builtin-scenario = un ejercicio incluido nombra un escenario incluido; `{ $spec }` no lo es ({ $names })
exercise-name-length = name debe tener de 1 a 80 caracteres
exercise-task-blank = un ejercicio necesita una `task` que diga qué hacer
exercise-may-change-empty = `may_change` lista de 1 a { $max } patrones de ruta que el estudiante puede cambiar, p. ej. ["patterns.*.*", "services.*.bulkhead.*"] (`*` vale por un segmento)
exercise-may-change-form = `{ $pattern }` no es un patrón de ruta: segmentos de letras, dígitos, `_` y `-`, o `*` por un segmento cualquiera, unidos por puntos, p. ej. "services.*.bulkhead.*"
exercise-max-changes-range = `max_changes` cuenta las rutas distintas que el estudiante puede cambiar: de 1 a { $max }
exercise-goals-count = un ejercicio tiene de 1 a { $max } [[goals]], cada uno con service, metric, from, to y at_least o at_most
exercise-goal-window = la ventana de un objetivo va de `from` a un `to` posterior, antes del final de la ejecución ({ $duration }); se pidió de { $from } a { $to }
exercise-goal-bound-missing = un objetivo necesita `at_least` o `at_most` (o los dos)
exercise-goal-bounds-crossed = `at_least` es mayor que `at_most`: ningún valor cumple el objetivo
exercise-goal-fraction = `{ $metric }` es una fracción de 0 a 1 en un objetivo (0.99 es el 99 %), impriman lo que impriman las tablas
exercise-goal-duration = `{ $metric }` es una duración en un objetivo, p. ej. "6s" o "500ms"
exercise-goal-number = `{ $metric }` es un número mayor o igual que 0 en un objetivo

## Los cambios del estudiante
answer-no-such-file = no existe ese fichero de respuesta; escríbelo como set = {"{"} "services.payment.bulkhead.enabled" = true {"}"}
answer-missing-set = falta `{ $key }`: un fichero de respuesta da sus cambios como set = {"{"} "services.payment.bulkhead.enabled" = true {"}"}
exercise-change-named = { $source }: { $message }
exercise-change-not-allowed = `{ $path }` no se puede cambiar en este ejercicio; permite: { $allowed }
exercise-too-many-changes = { $n } rutas distintas cambiadas ({ $paths }); este ejercicio permite como mucho { $max }

## Lo que lee una persona
exercise-scenario = Escenario: { $scenario }
exercise-task = Tarea
exercise-start = Parte de (se aplica antes que tus cambios)
exercise-may-change = Puedes cambiar como mucho { $max ->
    [one] una ruta
   *[other] { $max } rutas distintas
} de estas (`*` vale por un segmento cualquiera)
exercise-goals = Objetivos
exercise-how-to-grade = Corrige una respuesta: breakwater grade { $exercise } --set RUTA=VALOR … (o un ANSWER.toml con set = {"{"} "RUTA" = VALOR {"}"})
exercise-all-services = todos los servicios
exercise-goal-line = { $service } · { $metric } · de { $from } a { $to }
exercise-bound-at-least = al menos { $value }
exercise-bound-at-most = como mucho { $value }
exercise-bound-between = de { $low } a { $high }
grade-header = { $name } · { $scenario } · semilla { $seed }
grade-changes = Tus cambios (después del inicio del ejercicio):
grade-no-changes = Sin cambios: el inicio del ejercicio tal cual.
grade-met = ✓ cumplido
grade-missed = ✗ no cumplido
grade-measured = medido { $value }
grade-passed = Aprobado: { $n ->
    [one] se cumple el objetivo
   *[other] se cumplen los { $n } objetivos
}.
grade-failed = Todavía no: { $missed } de { $n } objetivos sin cumplir.
exercise-goal-missing-key = falta `{ $key }`: cada [[goals]] necesita metric, from, to y at_least o at_most (service es "all" si no se nombra)

## En el panel
cli-exercise-text = Imprime el ejercicio como texto aunque sea en un terminal (allí, sin esto, se abre el panel con el ejercicio)
key-grade = corrige los objetivos del ejercicio con los ajustes en vivo (cuenta cada cambio hecho en vivo)
key-grade-short = corregir
exercise-title = Ejercicio: { $name }
exercise-press-g = Cambia ajustes en vivo y pulsa g: se corrige la ejecución desde el principio con tus cambios.
exercise-refused = Sin corregir: { $reason }
exercise-refused-short = Sin corregir: se rechaza un cambio en vivo (? muestra por qué)
exercise-live-change = cambio en vivo en { $at }
