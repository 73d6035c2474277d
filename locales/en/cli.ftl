# The command line: --help, clap's errors, and the messages of the commands.
# Ids: cli-<command>-about, cli-<command>-<flag>, or cli-arg-<flag> when the
# flag means the same in every command; cli-<flag> for the program's own.

cli-about = A terminal laboratory for circuit breaker, retry, bulkhead and timeout
cli-help = Print help
cli-version = Print version
cli-heading-usage = Usage:
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-heading-commands = Commands
cli-value-command = COMMAND

cli-scenario = Scenario file or built-in name for the dashboard (default: seed-lesson)
cli-arg-speed = Start at this speed (0.1 … 1000)
cli-arg-record = Write the session (the scenario plus every live change) to FILE on quit (a comparison: FILE-a.toml and FILE-b.toml)
cli-arg-light = The light palette, for bright rooms and projectors

cli-arg-scenario = A scenario (file or built-in name)
cli-arg-seed = Use this seed instead of the scenario's (0 … 9223372036854775807)
cli-arg-no-color = No colours (as does the NO_COLOR environment variable)
cli-arg-set = A change at t = 0, before anything else (repeatable), e.g. --set services.payment.failure_rate=0.2
cli-arg-variant = For a scenario that declares [variants]: side a or b alone
cli-arg-lang = The language of every text: { $languages } (default: from BREAKWATER_LANG, LANGUAGE, LC_ALL, LC_MESSAGES, LANG)
cli-arg-json = One JSON object instead of the table
cli-arg-duration = Simulate this long instead of the scenario's duration (e.g. 10m)
cli-arg-quiet = No progress on stderr (neither the bar on a terminal nor the line every 10 s elsewhere)
cli-arg-progress = Progress as plain lines on stderr, one every 5 s, even on a terminal (for logs and CI)

cli-run-about = Run a scenario headless and print its summary
cli-run-timeseries = Write one CSV row per tick per service to FILE
cli-run-timeseries-max = The largest --timeseries file to write (e.g. 500MB, 4GiB; default 1GiB)
cli-arg-openmetrics = Write the run's metrics to FILE as OpenMetrics text (resilience4j's Prometheus names and breakwater_*), for promtool tsdb create-blocks-from openmetrics
cli-arg-metrics-step = Virtual time between two samples of --openmetrics (default: the scenario's tick; 1ms or more)
cli-arg-epoch = What virtual time 0 is in --openmetrics and --log: now, or UNIX seconds (default 1735689600, 2025-01-01T00:00:00Z, so the same seed gives the same file)
cli-arg-openmetrics-max = The largest --openmetrics file to write (e.g. 500MB, 4GiB; default 1GiB)
cli-trace-otlp = Also write the traced calls to FILE as OpenTelemetry spans in OTLP/JSON (a span per call, a child span per attempt, every step as an event)
cli-arg-otlp = Write every call (or a sample) to FILE as OpenTelemetry spans in OTLP/JSON: a span per call, a child span per attempt, the patterns' decisions as events
cli-arg-otlp-endpoint = After the run, send the spans to an OpenTelemetry collector's OTLP/HTTP receiver (e.g. http://127.0.0.1:4318; POST /v1/traces, JSON)
cli-arg-otlp-sample = The fraction of calls --otlp writes (more than 0, at most 1; default 1), chosen by a hash of each call's key, so the sample changes no result
cli-run-serve = Run in real time (×1, or --speed) and answer GET /metrics on --metrics-addr while it runs, for Prometheus to scrape
cli-run-speed = With --serve: simulated seconds per real second (0.1 … 1000; default 1)
cli-run-metrics-addr = With --serve: where GET /metrics answers (default 127.0.0.1:9464, loopback; another address only when given)
cli-arg-metrics-addr = Answer GET /metrics at ADDR (e.g. 127.0.0.1:9464) with the values on screen, for Prometheus to scrape
cli-arg-log = Write a JSON line to FILE for every breaker transition (with its reason), timeline entry, change and limit notice, stamped with virtual time

cli-check-about = Validate a scenario without running it
cli-list-about = List the built-in scenarios

cli-trace-about = Follow calls from arrival to final answer: every layer, attempt and wait
cli-trace-service = The service whose calls to follow (optional when there is one)
cli-trace-at = The first calls arriving at or after this time (e.g. 60s)
cli-trace-calls = How many calls to follow (1 … 1000)
cli-trace-call = Follow calls from call #N of the service on (its index among the service's calls, 0 first), instead of --at
cli-trace-where = Only the calls of this kind, the first --calls from the start, looking at most 10 minutes ahead: retried (more than one attempt), cut (an attempt cut by the timeout), timed_out, fallback (answered by the fallback), short_circuited, bulkhead_rejected, client_rejected, hedged (a copy sent), failed, ok
cli-trace-json = One JSON object instead of text

cli-compare-about = Two variants of a world under the same load, side by side: one scenario (its [variants], or --set-a/--set-b) or two files
cli-compare-a = A scenario (file or built-in name)
cli-compare-b = A second scenario to compare with the first (same services)
cli-compare-set = A change at t = 0 on both sides (repeatable)
cli-compare-set-a = A change at t = 0 on side A alone (repeatable)
cli-compare-set-b = A change at t = 0 on side B alone (repeatable)
cli-compare-json = One JSON object: {"{"} "a": {"{"}label, …run…{"}"}, "b": {"{"}…{"}"} {"}"}
cli-compare-no-tui = The headless table even on a terminal
cli-compare-seed = Use this seed on both sides (0 … 9223372036854775807)

cli-sweep-about = One run per cell of a grid of values (one or two varied paths), on all cores: a table, and a heat map or a line of one metric
cli-sweep-vary = A varied path and its values (once for a line, twice for a map): PATH=LIST (load.rate=20,50,80) or PATH=FROM..TO:STEP (TO included)
cli-sweep-metric = What each cell measures
cli-sweep-service = The service measured, or `all` (the totals; the default)
cli-sweep-seeds = Runs per cell, seeds S … S+N−1: the mean and a 95 % interval
cli-sweep-seed = The first seed (default: the scenario's)
cli-sweep-set = A fixed change at t = 0 in every cell (repeatable)
cli-sweep-variant = For a scenario that declares [variants]: sweep side a (default) or b
cli-sweep-jobs = Cells run at once (default: every core)
cli-sweep-json = One JSON object instead of the table and the chart
cli-sweep-csv = Write one row per cell to FILE as each cell finishes
cli-sweep-resume = Run only the cells missing from FILE (a CSV of this sweep), adding them to it
cli-sweep-shard = Run cells I, I+N, I+2N, … only (0 ≤ I < N), to split a sweep across machines; the shards' CSVs concatenate into the whole
cli-sweep-no-color = No colours in the heat map (as does the NO_COLOR environment variable)

cli-plot-about = Draw a run as one figure for a slide (SVG or PNG): stacked panels on one time axis; a comparison (two files, --set-a/--set-b, or declared variants) overlays A and B
cli-plot-a = A scenario (file or built-in name)
cli-plot-b = A second scenario to compare with the first (same services)
cli-plot-output = Write the figure to FILE; .svg or .png says which (repeatable; default: breakwater-<scenario>.svg and .png here)
cli-plot-size = Pixels, WIDTHxHEIGHT (default 1920x1080, a slide)
cli-plot-set = A change at t = 0 on every side (repeatable)
cli-plot-set-a = A change at t = 0 on side A alone (repeatable): draws a comparison
cli-plot-set-b = A change at t = 0 on side B alone (repeatable): draws a comparison
cli-plot-seed = Use this seed (on both sides) instead of the scenario's (0 … 9223372036854775807)

# clap's errors, in our words.
cli-error-unknown-argument = unexpected argument { $arg }
cli-error-unknown-command = no such command: { $command }
cli-error-needs-value = { $arg } needs a value
cli-error-invalid-value = { $arg } { $value }: not a valid value; valid: { $valid }
cli-error-bad-value = { $arg } { $value }: { $reason }
cli-error-conflict = { $arg } cannot be used with { $other }
cli-error-missing = missing: { $arg }
cli-error-unexpected = unexpected value { $value }
cli-error-did-you-mean = did you mean { $arg }?
cli-error-try-help = For more, try --help.

# The flags' values.
cli-bad-side = a side is `a` or `b`
cli-bad-calls = a number of calls from 1 to { $max }
cli-bad-call-index = a call's index: a whole number from 0
cli-bad-where = valid: { $valid }
cli-bad-duration = the duration must be above 0 and at most 7d
cli-bad-seed = a seed is a whole number from 0 to { $max }
cli-bad-speed = a speed is a number of times real time, from { $min } to { $max } (e.g. 10)
cli-seed-too-big = a seed is at most { $max } (2^63−1, the largest TOML integer, so recordings can store it)
cli-bad-size = `{ $value }`: a size such as 500MB, 1GiB or 1048576
cli-size-too-small = `{ $value }`: a size from 1 byte
cli-no-variants = --variant { $side }: { $scenario } declares no [variants]

# The commands' messages.
list-broken = broken: { $reason }
list-sides = side A: { $a } · side B: { $b }
check-ok = ok — "{ $name }", { $services ->
    [one] { $services } service
   *[other] { $services } services
}, { $changes ->
    [one] { $changes } timeline change
   *[other] { $changes } timeline changes
}, { $duration }
check-work = estimated: about { $calls } calls, { $attempts } attempts, { $events } events; roughly { $fastest } to { $slowest } of work on one core
timeseries-too-big = --timeseries: this run would write { $rows } rows ({ $ticks } ticks of { $tick } × { $services } services), at least { $size }; the limit is { $max } ({ $bytes } bytes). Raise it with --timeseries-max, or use a longer tick or a shorter --duration
openmetrics-too-big = --openmetrics: this run would write at least { $size } ({ $samples } samples of { $series } series); the limit is { $max } ({ $bytes } bytes). Raise it with --openmetrics-max, or use a longer --metrics-step or a shorter --duration
openmetrics-grew-too-big = --openmetrics: the file passed its limit of { $max } ({ $bytes } bytes) at { $at } of simulated time and was not written. Raise it with --openmetrics-max, or use a longer --metrics-step
otlp-sample-alone = --otlp-sample: give --otlp FILE or --otlp-endpoint URL too, for the sampled calls to go somewhere
otlp-endpoint-invalid = --otlp-endpoint { $value }: use http://HOST:PORT, an OpenTelemetry collector's OTLP/HTTP receiver (e.g. http://127.0.0.1:4318)
otlp-endpoint-failed = --otlp-endpoint { $url }: { $reason } ({ $sent } batches of spans sent before)
otlp-endpoint-silent = no answer within { $seconds } s
otlp-endpoint-status = the collector answered { $status }
otlp-sample-invalid = --otlp-sample { $value }: use a fraction of the calls, more than 0 and at most 1 (e.g. 0.01)
compare-metrics-addr-headless = --metrics-addr { $addr }: live metrics come from the split dashboard, which a headless comparison (--json, --no-tui, a metrics file, or no terminal) does not open; for a headless run answering scrapes, use run --serve
serve-cannot-listen = --metrics-addr { $addr }: cannot listen there: { $reason }
serve-listening = metrics at { $url }
metrics-step-too-small = --metrics-step { $step }: the file's timestamps count milliseconds; use 1ms or more
epoch-invalid = --epoch { $value }: use now, or a whole number of seconds since 1970-01-01 (0 … { $max })
needs-terminal = the dashboard needs a terminal, and stdout is not one.
    For a headless run that prints the summary: { $command }
terminal-error = terminal error: { $reason }
terminal-lost = the terminal was lost ({ $reason })
progress-simulated = { $percent }% of { $total } simulated
progress-pace = { $speed }× real time · about { $left } left
stopped-at = stopped at { $at } of simulated time: { $reason }
io-cannot-write = cannot write { $path }: { $reason }
io-cannot-write-stdout = cannot write to stdout: { $reason }
io-cannot-write-json = cannot write JSON: { $reason }
io-cannot-write-flag = { $flag } { $path }: cannot write: { $reason }
io-cannot-create-flag = { $flag } { $path }: cannot create: { $reason }
output-is-input = it is { $input }, which this command reads: write the output to another file
output-is-symlink = it is a symbolic link, not followed for an output: name the file itself
cli-default = default: { $value }
cli-possible = one of: { $values }
cli-error-command-after-scenario = { $command }: a command cannot follow { $other }; the command comes first (breakwater run SCENARIO)
cli-arg-paused = Open paused at t = 0 (space starts; n runs to the next timeline entry or breaker change)
cli-sweep-output = Also draw the map (or the line) to FILE; .svg or .png says which (repeatable)
cli-sweep-size = The figure's pixels, WIDTHxHEIGHT (default 1920x1080, a slide)
cli-arg-predict = Predict mode from the start: at each question of the scenario the dashboard pauses before the run answers it, the teacher types the class's answer, and the end of the question's window shows it beside the run's (`a` toggles it)
cli-arg-predictions = Write the class's predictions to FILE.csv on quit, one row per question asked (time, question, prediction, answer, right); turns predict mode on
