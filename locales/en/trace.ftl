# A traced call's story, in `breakwater trace` and the dashboard's trace overlay.
trace-outcome-ok = ok
trace-outcome-failed = failed
trace-outcome-timed-out = timed out
trace-outcome-short-circuited = short-circuited
trace-outcome-bulkhead-rejected = rejected by the bulkhead
trace-outcome-client-rejected = rejected by the caller's pool
trace-arrived = call #{ $index } of { $service } arrives
trace-caller-queued = every caller thread is busy: waits for one ({ $waiting } ahead)
trace-caller-granted = gets a caller thread after { $waited }
trace-caller-rejected = the caller's pool is full: rejected
trace-attempt = Retry: attempt { $n }
trace-breaker-probe = Circuit Breaker { $state }: let through as a probe
trace-breaker-let-through = Circuit Breaker { $state }: let through
trace-breaker-short-circuits = Circuit Breaker { $state }: short-circuits the call
trace-breaker-counts-failure = Circuit Breaker counts a failure
trace-breaker-counts-success = Circuit Breaker counts a success
trace-breaker-transition = { $counted } → { $from } to { $to } ({ $reason })
trace-bulkhead-slot = Bulkhead: takes a slot ({ $in_use } of { $max } in use)
trace-bulkhead-queued = Bulkhead full: waits for a slot, at most { $max_wait } ({ $waiting } ahead)
trace-bulkhead-admitted = Bulkhead: gets a slot after { $waited }
trace-bulkhead-rejected-at-once = Bulkhead full: rejected at once
trace-bulkhead-rejected-after = Bulkhead: no slot after { $waited }: rejected
trace-timeout-armed = Timeout: starts its { $after } clock
trace-sent-started = sent to { $service }: a worker starts on it
trace-sent-queued = sent to { $service }: waits in its queue ({ $ahead } ahead)
trace-sent-refused = sent to { $service }: refused (queue full or down)
trace-replied-ok = { $service } answers ok after { $took }
trace-replied-error = { $service } answers an error after { $took }
trace-timeout-fired = Timeout fires after { $after }: the call stops waiting
trace-attempt-ended = attempt { $n }: { $outcome } after { $took }
trace-backoff = Retry: waits { $wait } before attempt { $next }
trace-retry-stopped = Retry stops: { $reason }
trace-finished-fallback = Fallback answers instead ({ $outcome }) after { $latency }
trace-finished = answer: { $outcome } after { $latency }
trace-stop-succeeded = succeeded
trace-stop-disabled = Retry was turned off
trace-stop-not-retried = this outcome is not retried
trace-stop-exhausted = all { $max_attempts } attempts made
trace-stop-budget = the retry budget is spent
trace-stop-deadline = the next attempt would pass the deadline
trace-no-pattern = no pattern
trace-heading = { $service } · call #{ $index } · arrives at { $at } · { $layers }
trace-fallback-answer = the fallback's answer: { $answer }
trace-still-in-flight = still in flight when the run ended at { $end }
trace-unknown-service = --service { $name }: unknown service. Valid: { $valid }
trace-name-a-service = --service: { $scenario } has { $n } services; name one: { $valid }
trace-at-past-end = --at { $at }: at or after the end of the scenario ({ $end }); valid: from 0s to before { $end }
trace-cmd-heading = seed { $seed } · { $calls ->
    [one] { $calls } call
   *[other] { $calls } calls
} of { $service } from { $from }
trace-cmd-fewer = { $found } of { $calls ->
    [one] { $calls } call
   *[other] { $calls } calls
}: no more calls of { $service } arrived before the end ({ $end })
trace-overlay-title = Trace · the next call of { $service } · Esc closes
trace-overlay-none = no call of { $service } arrived before the end
trace-overlay-more = … { $n ->
    [one] { $n } more line
   *[other] { $n } more lines
} (breakwater trace shows the whole story)
# A step of a copy of the call a pattern started (a hedged attempt).
trace-fork = copy { $n }: { $step }
# `breakwater trace --where KIND` and the dashboard's trace menu (key T): what a call's story is.
trace-where-retried = retried
trace-where-cut = with an attempt cut by the timeout
trace-where-timed-out = timed out
trace-where-fallback = answered by the fallback
trace-where-short-circuited = short-circuited
trace-where-bulkhead-rejected = rejected by the bulkhead
trace-where-client-rejected = rejected by the caller's pool
trace-where-hedged = hedged (a copy sent)
trace-where-failed = failed
trace-where-ok = ok
trace-cmd-from-call = call #{ $index }
trace-cmd-heading-where = seed { $seed } · { $calls ->
    [one] the first call
   *[other] the first { $calls } calls
} of { $service } from { $from } · only: { $kind } (looking up to { $minutes } min ahead)
trace-cmd-where-none-window = no call of { $service } { $kind } from { $from } to { $until }: the search stops { $minutes } min past its start
trace-cmd-where-none-end = no call of { $service } { $kind } from { $from } to the end ({ $end })
trace-cmd-where-fewer-window = found { $found } of { $calls } ({ $kind }): the search stops { $minutes } min past its start, at { $until }
trace-cmd-where-fewer-end = found { $found } of { $calls } ({ $kind }): the scenario ends at { $end }
trace-menu-title = Trace the next call of { $service } that is…
trace-menu-call-empty = call #N (type its number)
trace-menu-call = call #{ $index }
trace-menu-note = Enter traces · looks up to { $minutes } min ahead · Esc closes
trace-overlay-title-kind = Trace · { $service }: { $kind } · Esc closes
trace-overlay-title-call = Trace · call #{ $index } of { $service } · Esc closes
trace-menu-none-window = none in the next { $minutes } min: no call of { $service } { $kind } (the search stops there)
trace-menu-none-end = no call of { $service } { $kind } before the end
trace-menu-none-budget = no call of { $service } { $kind } up to { $until } (the search stops there so that the dashboard answers; breakwater trace --where looks further)
trace-menu-passed = call #{ $index } of { $service } arrived before now (the next is #{ $next }); breakwater trace --call { $index } shows it
trace-menu-call-none-window = none in the next { $minutes } min: call #{ $index } of { $service } has not arrived by then
trace-menu-call-none-end = call #{ $index } of { $service } does not arrive before the end
trace-menu-call-none-budget = call #{ $index } of { $service } has not arrived by { $until } (the search stops there so that the dashboard answers)
