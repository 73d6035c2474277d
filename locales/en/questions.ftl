# Questions in scenario files (`[timeline.ask]`), as `check` and every command say them.
ask-text-blank = a question needs a `text` to ask
ask-over-range = a question's window `over` must be longer than 0 and end by the end of the run ({ $over } asked; { $left } are left after the question)
ask-choice-with-number = a choice question's answer is `choice = …` alone; `{ $key }` belongs to a numeric answer
ask-choice-missing = a question with `choices` needs `answer = {"{"} choice = 0 {"}"}` (from 0, or a letter: "a")
ask-choices-missing = `answer = {"{"} choice = … {"}"}` needs `choices = ["…", "…"]` (or `choices.en` and `choices.es`)
ask-answer-missing = a question's answer is computed by the run: `answer = {"{"} metric = "attempts", service = "payment", over = "60s", tolerance = 0.25 {"}"}`, or `answer = {"{"} choice = 1 {"}"}` with `choices`
ask-tolerance-range = `tolerance` is relative to the answer, from 0 to 10 (0.25 = within 25 %; counts are always allowed ±1)
ask-side-missing = in a comparison a question says whose number it asks for: `side = "a"`, `"b"` or `"b-a"` (B less A)
ask-side-alone = `side` is for a comparison's questions; this scenario has no `[variants]`
ask-over-missing = a numeric answer needs its window: `over = "60s"` (it starts at the question)
ask-choices-shape = `choices` is a list of 2 to { $max } texts, e.g. `choices = ["opens", "stays closed"]` or one list per language, `choices.en = [...]`
ask-choices-count = every language lists the same number of choices ({ $n } in the first)
ask-choice-range = `choice` is one of the { $n } choices: from 0 to { $n } less 1, or a letter from "a" to "{ $last }"
ask-in-variant = questions belong to the shared `[[timeline]]`, not to one side's; a comparison's question says `side = "a" | "b" | "b-a"` in its answer

# Predict mode in the dashboard.
key-toggle-predict = predict mode: ask before the run answers
key-answer-confirm = confirm the class's answer
key-answer-confirm-short = confirm
key-answer-erase = erase the last character of the answer
key-answer-cancel = no answer for this question (it is still answered at the end of its window)
key-answer-cancel-short = skip
key-answer-char = type the class's answer: a number, a letter, or hands per choice (a 12 b 5 c 3)
key-answer-char-short = answer
predict-on = predict mode on: { $ahead } questions ahead; the dashboard pauses at each before the run answers it
predict-off = predict mode off
predict-skipped = no prediction for this question; its answer still comes at the end of its window
predict-noted = noted · answer at { $until } (n)
predict-title = { $at } · question { $n } of { $of }
predict-hint-number = answer with a number: { $metric } over the next { $over }
predict-hint-choice = answer with a letter (a to { $last }), or hands per choice: a 12 b 5
predict-bad-number = that is not a number: type digits, e.g. 250 or 0.5
predict-bad-choice = type one letter from a to { $last }, or hands per choice: a 12 b 5
predict-none = no prediction
predict-not-asked = not asked
predict-right = ✓ right
predict-wrong = ✗ wrong
predict-outcome = class: { $said } · run: { $answer } · { $verdict }
predict-hands = { $hands } ({ $total } hands)
predict-summary-title = Predictions: every question
status-predictions-written = predictions written to { $path }
predict-summary-line = { $mark } { $n }. { $at } — class: { $said } · run: { $answer }
check-questions = { $n ->
    [one] { $n } question for the class (the dashboard asks it with --predict)
   *[other] { $n } questions for the class (the dashboard asks them with --predict)
}
predict-range = (right: { $low } to { $high })
