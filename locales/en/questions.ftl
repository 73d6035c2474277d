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
