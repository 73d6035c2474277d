# Exercises (`breakwater exercise`, `breakwater grade`): the file, the student's changes, the grade.
cli-exercise-about = An exercise: `list` for the built-in ones; a name or file shows its task, the world it starts from, what may change and its goals
cli-exercise-exercise = `list`, a built-in exercise's name, or an exercise file
cli-grade-about = Grade an exercise: run its scenario with its start and your changes, and measure every goal (exit 0 all met, 3 one missed, 2 a change refused)
cli-grade-exercise = A built-in exercise's name or an exercise file
cli-grade-answer = Your changes as a file: set = {"{"} "services.payment.bulkhead.enabled" = true {"}"} (applied before --set)
cli-grade-json = One JSON object for autograders: passed, every goal with its bounds and measured value (fractions 0–1, seconds), the changes applied

## The exercise file
exercise-missing-key = missing `{ $key }`: an exercise needs name, scenario, task, may_change, max_changes and at least one [[goals]] (see `breakwater exercise list` for examples)
exercise-no-such = no exercise `{ $spec }`: not a file, nor a built-in exercise ({ $names })
exercise-no-such-near = no exercise `{ $spec }`: not a file; did you mean `{ $best }`? Built-in exercises: { $names }
exercise-no-scenario = no scenario `{ $spec }`: neither a file beside the exercise ({ $path }) nor a built-in scenario ({ $names })
exercise-no-builtin-scenario = a built-in exercise names a built-in scenario; `{ $spec }` is none ({ $names })
exercise-name-length = name must be 1 to 80 characters
exercise-task-blank = an exercise needs a `task` that says what to do
exercise-may-change-empty = `may_change` lists 1 to { $max } path patterns the student may change, e.g. ["patterns.*.*", "services.*.bulkhead.*"] (`*` matches one segment)
exercise-may-change-form = `{ $pattern }` is not a path pattern: segments of letters, digits, `_` and `-`, or `*` for any one segment, joined by dots, e.g. "services.*.bulkhead.*"
exercise-max-changes-range = `max_changes` counts distinct paths a student may change: from 1 to { $max }
exercise-goals-count = an exercise has 1 to { $max } [[goals]], each with service, metric, from, to and at_least or at_most
exercise-goal-window = a goal's window runs from `from` to a later `to`, by the end of the run ({ $duration }); { $from } to { $to } asked
exercise-goal-bound-missing = a goal needs `at_least` or `at_most` (or both)
exercise-goal-bounds-crossed = `at_least` is above `at_most`: no value meets the goal
exercise-goal-fraction = `{ $metric }` is a fraction from 0 to 1 in a goal (0.99 is 99 %), whatever the tables print
exercise-goal-duration = `{ $metric }` is a duration in a goal, e.g. "6s" or "500ms"
exercise-goal-number = `{ $metric }` is a number of 0 or more in a goal

## The student's changes
answer-no-such-file = no such answer file; write one as set = {"{"} "services.payment.bulkhead.enabled" = true {"}"}
answer-missing-set = missing `{ $key }`: an answer file says its changes as set = {"{"} "services.payment.bulkhead.enabled" = true {"}"}
exercise-change-named = { $source }: { $message }
exercise-change-not-allowed = `{ $path }` may not change in this exercise; it allows: { $allowed }
exercise-too-many-changes = { $n } distinct paths changed ({ $paths }); this exercise allows at most { $max }

## What a person reads
exercise-scenario = Scenario: { $scenario }
exercise-task = Task
exercise-start = Starts from (applied before your changes)
exercise-may-change = You may change at most { $max ->
    [one] one path
   *[other] { $max } distinct paths
} matching (`*` is any one segment)
exercise-goals = Goals
exercise-how-to-grade = Grade an answer: breakwater grade { $exercise } --set PATH=VALUE … (or an ANSWER.toml with set = {"{"} "PATH" = VALUE {"}"})
exercise-all-services = all services
exercise-goal-line = { $service } · { $metric } · { $from } to { $to }
exercise-bound-at-least = at least { $value }
exercise-bound-at-most = at most { $value }
exercise-bound-between = from { $low } to { $high }
grade-header = { $name } · { $scenario } · seed { $seed }
grade-changes = Your changes (after the exercise's start):
grade-no-changes = No changes: the exercise's start as it is.
grade-met = ✓ met
grade-missed = ✗ missed
grade-measured = measured { $value }
grade-passed = Passed: { $n ->
    [one] the goal holds
   *[other] all { $n } goals hold
}.
grade-failed = Not yet: { $missed } of { $n } goals missed.
exercise-goal-missing-key = missing `{ $key }`: each [[goals]] needs metric, from, to and at_least or at_most (service is "all" unless named)

## In the dashboard
cli-exercise-text = Print the exercise as text even on a terminal (there, without it, the dashboard opens on the exercise)
key-grade = grade the exercise's goals on the live settings (every change made live counts)
key-grade-short = grade
exercise-title = Exercise: { $name }
exercise-press-g = Change settings live, then press g: the run is graded from the start with your changes.
exercise-refused = Not graded: { $reason }
exercise-refused-short = Not graded: a live change is refused (? shows why)
exercise-live-change = live change at { $at }
