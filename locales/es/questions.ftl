# Preguntas en los ficheros de escenario (`[timeline.ask]`), como las dicen `check` y cada orden.
ask-text-blank = una pregunta necesita un `text` que preguntar
ask-over-range = la ventana `over` de una pregunta debe durar más de 0 y acabar antes del final de la ejecución ({ $over } pedidos; quedan { $left } tras la pregunta)
ask-choice-with-number = la respuesta de una pregunta de opciones es solo `choice = …`; `{ $key }` es de una respuesta numérica
ask-choice-missing = una pregunta con `choices` necesita `answer = {"{"} choice = 0 {"}"}` (desde 0, o una letra: "a")
ask-choices-missing = `answer = {"{"} choice = … {"}"}` necesita `choices = ["…", "…"]` (o `choices.en` y `choices.es`)
ask-answer-missing = la respuesta de una pregunta la calcula la ejecución: `answer = {"{"} metric = "attempts", service = "payment", over = "60s", tolerance = 0.25 {"}"}`, o `answer = {"{"} choice = 1 {"}"}` con `choices`
ask-tolerance-range = `tolerance` es relativa a la respuesta, de 0 a 10 (0.25 = a menos de un 25 %; en los recuentos siempre se admite ±1)
ask-side-missing = en una comparación la pregunta dice de qué lado es el número: `side = "a"`, `"b"` o `"b-a"` (B menos A)
ask-side-alone = `side` es para las preguntas de una comparación; este escenario no tiene `[variants]`
ask-over-missing = una respuesta numérica necesita su ventana: `over = "60s"` (empieza en la pregunta)
ask-choices-shape = `choices` es una lista de 2 a { $max } textos, p. ej. `choices = ["se abre", "sigue cerrado"]` o una lista por idioma, `choices.es = [...]`
ask-choices-count = todos los idiomas dan el mismo número de opciones ({ $n } en el primero)
ask-choice-range = `choice` es una de las { $n } opciones: de 0 a { $n } menos 1, o una letra de "a" a "{ $last }"
ask-in-variant = las preguntas van en el `[[timeline]]` compartido, no en el de un lado; la pregunta de una comparación dice `side = "a" | "b" | "b-a"` en su respuesta
