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

# El modo predecir del panel.
key-toggle-predict = modo predecir: preguntar antes de responder
key-answer-confirm = confirmar la respuesta de la clase
key-answer-confirm-short = confirmar
key-answer-erase = borrar el último carácter de la respuesta
key-answer-cancel = sin respuesta para esta pregunta (igualmente se responde al final de su ventana)
key-answer-cancel-short = saltar
key-answer-char = escribir la respuesta de la clase: un número, una letra o las manos por opción (a 12 b 5 c 3)
key-answer-char-short = responder
predict-on = modo predecir activado: quedan { $ahead } preguntas; el panel se detiene en cada una antes de que la ejecución la responda
predict-off = modo predecir desactivado
predict-skipped = sin predicción para esta pregunta; su respuesta llega igualmente al final de su ventana
predict-noted = anotada · respuesta en { $until } (n)
predict-title = { $at } · pregunta { $n } de { $of }
predict-hint-number = responde con un número: { $metric } en los próximos { $over }
predict-hint-choice = responde con una letra (de la a a la { $last }), o las manos por opción: a 12 b 5
predict-bad-number = eso no es un número: escribe cifras, p. ej. 250 o 0,5
predict-bad-choice = escribe una letra de la a a la { $last }, o las manos por opción: a 12 b 5
predict-none = sin predicción
predict-not-asked = no preguntada
predict-right = ✓ acierto
predict-wrong = ✗ fallo
predict-outcome = clase: { $said } · ejecución: { $answer } · { $verdict }
predict-hands = { $hands } ({ $total } manos)
predict-summary-title = Predicciones: todas las preguntas
status-predictions-written = predicciones guardadas en { $path }
predict-summary-line = { $mark } { $n }. { $at } — clase: { $said } · ejecución: { $answer }
check-questions = { $n ->
    [one] { $n } pregunta para la clase (el panel la hace con --predict)
   *[other] { $n } preguntas para la clase (el panel las hace con --predict)
}
predict-range = (acierto: de { $low } a { $high })
