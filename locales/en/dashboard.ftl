# The dashboard: panel titles, labels, states and status messages.
# Pattern names stay as the lesson writes them (Circuit Breaker, Retry, Bulkhead, Timeout, Fallback).

panel-breaker = Circuit Breaker
panel-retries = Retry
panel-timeouts = Timeout · Fallback
panel-bulkhead = Bulkhead
panel-bulkhead-long = Bulkhead (pool saturation)
panel-latency = Latency ({ $service })
panel-latency-plain = Latency
panel-throughput = Throughput ({ $service })
panel-throughput-plain = Throughput
panel-parameters = Parameters ({ $service })
panel-parameters-editing = Parameters ({ $service }) editing
panel-parameters-plain = Parameters
panel-events = Events

pattern-off = off
path-all-services = all services { $rest }

screen-enlarge = enlarge to { $width }×{ $height }
screen-now = now { $width }×{ $height }
screen-q-quits = q quits

breaker-off-hint = pattern off (key 1 turns it on)
breaker-probe-in = probe in { $left }
breaker-open-timing = for { $time } · probe in { $left }
breaker-open-due = for { $time } · probe at the next call
breaker-probe-due = probe at the next call
breaker-half-open-timing = for { $time } · probing
breaker-probing = probing
breaker-for = for { $time }
breaker-no-transition = no transition yet

bulkhead-caller = caller
bulkhead-caller-short = caller { $busy }/{ $threads }
bulkhead-off-downstream = downstream { $busy }/{ $workers } busy, { $queued } queued
bulkhead-off-busy-queued = { $busy }/{ $workers } busy, { $queued } queued
bulkhead-off-busy = { $busy }/{ $workers } busy
bulkhead-full = FULL
bulkhead-queue = queue { $n }
bulkhead-threads = { $busy }/{ $threads } threads
bulkhead-waiting = { $n } waiting

retries-attempts-per-call = attempts/call
retries-att-call = att/call
retries-att-c = att/c
retries-throttled = throttled
retries-tokens = tokens { $now }/{ $max }
retries-tok = tok { $now }/{ $max }

timeouts-fallbacks = Σ fallbacks { $n }
timeouts-total = Σ attempts cut { $n }
timeouts-cut = cut

latency-waiting = waiting for the first second…
latency-reached = calls that reached it
latency-reached-short = reached
latency-none-reached = no call that reached { $service } finished in this window

outcome-ok = ok
outcome-failed = failed
outcome-timed-out = timed out
outcome-short-circuited = short-circ.
outcome-rejected = rejected
throughput-unit = calls/s

event-note = note
event-you = you
event-timeline = timeline
event-ramp = { $value } over { $over }
event-recording = recording
events-empty = nothing yet: breaker transitions, notes and your changes appear here
events-empty-compare = nothing yet: breaker transitions, notes and your changes appear here, per side

header-next = next { $at } · { $path } → { $value }
header-actual = actual { $speed }
header-seed = seed { $seed }
header-rec = REC
header-timeline-done = the timeline has no more changes

state-running = RUNNING
state-paused = PAUSED
state-ended = ENDED
state-limit = LIMIT
state-gloss-closed = normal
state-gloss-open = failing
state-gloss-half-open = probing
state-gloss-forced-open = forced
state-gloss-disabled = always closed

help-title = Help · ? or Esc closes
help-legend-breaker = breaker:
help-legend-calls = calls: ✓ ok  ✗ failed  ⧗ timed out  ↯ short-circuited  ⊗ rejected   ↻ retries   ▸ selected
help-legend-attempts = attempts: ⧖ cut off by the per-attempt timeout (Timeout panel; a call may still succeed on a retry)   Σ a total since t=0; /s a rate

status-stopped-at = stopped at { $at }: { $reason }
status-recording-to = recording to { $path }
status-recording-written = recording written to { $path }
status-recording-failed = cannot write the recording { $path }: { $reason }
save-names-taken = { $count } recordings of this name exist already
status-at-limit = { $field } is at its limit
status-cannot-read = { $path } cannot be read
status-restarted = restarted at t=0 with the same seed
status-editing-side = editing side { $side }
status-editing-side-label = editing side { $side }: { $label }
status-refused = refused: { $reason }
status-copied = copied { $field } = { $value } to side { $side }
status-language = language: English
status-zoomed-change = { $path } → { $value } (z shows every panel)
status-zoomed-selection = selected { $service } · { $field } (z shows every panel)
status-window = window: { $window }
window-last = last { $span }
window-whole = whole run
window-step = { $step }/mark

ended-end-of-input = end of input
ended-hung-up = the terminal hung up
variant-as-written = as written
# A side's derived label: the pattern (path) it turns on or off.
variant-on = { $what } on
variant-off = { $what } off
# A yes/no value (a table such as a retry budget counts as yes); a value that is absent.
parameters-yes = yes
parameters-no = no
parameters-unset = —

# The legend's explanations of every symbol and abbreviation on screen (issue 20).
help-legend-outcomes = ⧗ timed out: its Timeout answered first · ↯ short-circ. (short-circuited): the open Circuit Breaker answered at once · ⊗ rejected: a full Bulkhead or the caller's pool (client_rejected) turned it away
help-legend-retry = attempts/call, att/call, att/c: attempts per call, among the calls of the last 10 s that made one (never below 1) · ⊘ throttled: the retry budget allows no retry now · tok: the budget's tokens · ref.: attempts the service refused
help-legend-latency = Latency: p50 (the median) and p99 of the calls that reached the service, from arrival to answer; the instant answers of the Circuit Breaker, a Bulkhead and the caller's pool are left out (run --json reports both)
help-legend-screen = Δ: B − A in a comparison · ×N: the speed (actual ×N: the speed reached, when below it) · REC: recording · caller: the caller's threads, shared by every service · queue: calls waiting for a worker · FULL: every Bulkhead slot in use · /mark: the time each mark of a chart covers · …: a text cut short (z enlarges the focused panel)
help-screen-title = On screen
help-legend-counter = { $symbol } { $label }
help-legend-value = ◀ 0.5 ▶ the selected parameter's value, which ← and → change
