# The lesson on paper and on the screen (issue 20): `breakwater lesson` and
# the help's first page.

cli-lesson-about = Print a scenario's lesson and its phases (timeline notes) in the reader's language, for a handout
cli-lesson-scenario = A scenario (file or built-in name)
cli-lesson-json = One JSON object: name, description, lesson, phases [{"{"}at_s, note{"}"}] in the reader's language
lesson-cmd-lesson = Lesson
lesson-cmd-phases = { $n ->
    [0] Phases: none (no timeline entry has a note)
    [one] Phase
   *[other] Phases
}

help-page = page { $page }/{ $pages }
help-lesson-phases = Phases (▶ the one the clock is in)
help-lesson-no-phases = No phases: no timeline entry has a note.
help-keys-title = Keys

key-help-line = scroll the help down a line
key-help-line-short = scroll
key-help-line-up = scroll the help up a line
key-help-page = the help's next page
key-help-page-short = page
key-help-page-up = the help's previous page
key-help-top = the help's first page (the lesson)
key-help-ends-short = start/end
key-help-bottom = the help's last page
