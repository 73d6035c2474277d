# A scenario file's errors: its syntax, its shape, its values, its timeline.
# Keys, values and change paths stay as typed.

## TOML syntax

syntax-error = TOML syntax error: { $message }
syntax-error-hint = TOML syntax error: { $message }; { $hint }
syntax-invalid = invalid { $what }
syntax-expected = expected { $list }
syntax-what = { $what ->
    [array] array
    [basic-string] basic string
    [binary-integer] binary integer
    [date-time] date-time
    [escape-sequence] escape sequence
    [floating-point-number] floating-point number
    [hexadecimal-integer] hexadecimal integer
    [inline-table] inline table
    [integer] integer
    [key] key
    [literal-string] literal string
    [multiline-basic-string] multiline basic string
    [multiline-literal-string] multiline literal string
    [octal-integer] octal integer
    [table-header] table header
    [time] time
    [time-offset] time offset
    [unicode-4-digit-hex-code] unicode 4-digit hex code
    [unicode-8-digit-hex-code] unicode 8-digit hex code
   *[string] string
}
syntax-token = { $token ->
    [newline] newline
    [digit] digit
    [leading-digit] leading digit
    [end-of-input] end of input
    [letters] letters
   *[numbers] numbers
}
list-or = { $list } or { $last }
list-comma = { $list }, { $item }
# Parts of one syntax error, one after the other.
syntax-parts = { $first }; { $rest }
syntax-duplicate-key-root = duplicate key `{ $key }` in document root
syntax-duplicate-key = duplicate key `{ $key }` in table `{ $table }`
syntax-dotted-key-not-table = dotted key `{ $key }` attempted to extend a value that is not a table
syntax-hint-services-typo = `[[service]]` is not a section: write `[[services]]` (each service starts with `[[services]]`, double brackets, plural)
syntax-hint-table-once = a table is written once: put every key of `[{ $key }]` under one header (only `[[services]]` and `[[timeline]]` repeat, with double brackets)
syntax-out-of-range = value is out of range
syntax-too-deep = too deeply nested
syntax-too-large = number too large
syntax-too-small = number too small
syntax-unexpected = unexpected `{ $text }`
syntax-unexpected-end = unexpected end of file
syntax-carriage-return = TOML syntax error: a carriage return (\r) that does not end a line; save the file with \n or \r\n line endings
syntax-hint-too-large = whole numbers go up to 9223372036854775807
syntax-hint-duration-quotes = a duration is a string with its unit in quotes, e.g. "10s" or "250ms"
syntax-hint-closing-quote = a "string" needs its closing quote on the same line
syntax-hint-value-forms = a value is a number, a "string", true or false, an [array] or an {"{"} inline = "table" {"}"}

## The file as a whole

file-too-big = the file is { $len } bytes; a scenario may be at most { $max } bytes
file-not-utf8 = the file is not UTF-8 text; save it as UTF-8
file-empty = the file has no settings; a scenario needs at least name = "...", duration = "5m", a [load] section and one [[services]] (see `breakwater list` for examples)
missing-key = missing `{ $key }`: { $which ->
    [name] every scenario and every service needs a name = "..."
    [duration] how long to simulate, e.g. duration = "5m"
    [load] add a [load] section, e.g. kind = "poisson", rate = 60
    [services] add at least one [[services]] with a name
    [at] each [[timeline]] entry needs at = "<time>", e.g. at = "60s"
   *[other] this key is required
}

## Top-level values, services, patterns

scenario-name-length = name must be 1 to 80 characters
scenario-duration-range = duration must be above 0 and at most 7d
scenario-tick-range = tick must be from 1ms to 60s
scenario-too-many-ticks = more than 10 million ticks; make the tick longer or the duration shorter
pattern-not-table = `{ $pattern }` must be a table, e.g. [patterns.{ $pattern }] or { $pattern } = {"{"} ... {"}"}
service-name-form = a service name is 1 to 32 letters, digits, '-' or '_' (it appears in change paths)
service-name-missing = missing `name`: every service needs a name = "..."
service-name-twice = two services are named `{ $name }`; names must be unique
order-help = order lists retry, circuit_breaker, bulkhead, hedging, timeout and fallback, outermost first, each at most once; a fallback not listed answers after everything, the caller's pool included
order-twice = `{ $pattern }` appears twice; { $help }

## Timeline and variants

timeline-too-long = at most { $max } timeline entries
timeline-after-end = at { $at } is after the end of the scenario ({ $duration })
timeline-entry-empty = a timeline entry needs `set = {"{"} "path" = value {"}"}`, a `note` or `pause = true`
timeline-over-not-number = `over` ramps numbers only; this value is not a number
timeline-over-range = `over` must be above 0 and within the scenario
variant-label-length = a label is 1 to 40 characters

## Values of the world (load, client, services)

no-client-section-add = this scenario has no [client] section; add one with `threads` to change it
no-client-section = this scenario has no [client] section
load-rate-range = rate { $value } must be from 0 to { $max } calls per second
load-clients-range = clients must be from 0 to { $max }
client-threads-range = threads must be from 1 to { $max }
queue-range = queue must be from 0 to { $max }
no-services = a scenario needs at least one [[services]]
too-many-services = at most { $max } services
service-share-range = share { $value } must be a number from 0 (shares are relative weights)
service-workers-range = workers must be from 1 to { $max }, found { $value }
service-latency-factor-range = latency_factor { $value } must be from 0 to 10000
service-failure-rate-range = failure_rate { $value } is a probability: from 0 to 1
shares-zero = the services' shares add up to 0: no service would get a call
not-a-change-path = `{ $path }` is not a change path; valid: load.<field>, client.<field>, services.<name>.<field>, services.<name>.<pattern>.<field>, patterns.<pattern>.<field>
change-refused = { $path } = { $value }: { $message }
dist-at-most-a-day = `{ $name }` must be at most 1d
dist-uniform-order = uniform `min` ({ $min }) must not exceed `max` ({ $max })
dist-lognormal-p50 = lognormal `p50` must be above 0
dist-lognormal-order = lognormal `p99` ({ $p99 }) must be at least `p50` ({ $p50 })
dist-pareto-scale = pareto `scale` must be above 0
dist-pareto-shape = pareto `shape` ({ $shape }) must be a number above 0 and at most 100
dist-mixture-parts = a mixture needs `parts`: 1 to { $max } tables, each a `weight` and a distribution, e.g. { "{" } weight = 0.98, dist = "constant", value = "10ms" { "}" }
dist-mixture-weight = a mixture part's `weight` ({ $value }) must be a number above 0
dist-mixture-no-weight = each part of a mixture needs a `weight` (a number above 0; weights are normalised)
dist-mixture-nested = a mixture's part cannot be a mixture itself

## Limits: what a run may cost, and what would bring it back under

estimate-calls = about { $calls } calls expected; at most { $max } per run (shorten the duration or lower the load)
estimate-attempts = about { $attempts } attempts expected with retries; at most { $max } per run (lower max_attempts, add a retry budget, lengthen a timeout that cuts most attempts, shorten the duration or lower the load)
estimate-events = about { $events } events expected (calls, attempts, retries and timeouts); at most { $max } per run, about ten minutes of work (shorten the duration, lower the load or max_attempts, or lengthen a timeout that cuts most attempts)
change-too-many-calls = { $path } = { $value }: about { $calls } calls per simulated second; at most { $max }
change-too-many-attempts = { $path } = { $value }: about { $attempts } attempts per simulated second with retries; at most { $max }
limit-calls-per-second-closed = { $count } calls in the simulated second from { $from }, over the limit of { $max }: a closed loop of { $clients } clients with think { $think } starts a new call as soon as the last is answered, and refused, short-circuited or rejected calls are answered at once; give `think` a minimum, e.g. think = {"{"} dist = "uniform", min = "10ms", max = "100ms" {"}"}
limit-calls-per-second = { $count } calls in the simulated second from { $from }, over the limit of { $max }: load.rate is { $rate } calls/s; lower it
limit-attempts-per-second = { $count } attempts in the simulated second from { $from }, over the limit of { $max }: retries multiply the load (up to { $attempts } attempts per call); lower `max_attempts` or add a retry budget
limit-work-per-second = { $count } units of work (events and ramp steps) in the simulated second from { $from }, over the limit of { $max }: { $ramps } ramps are moving, each step checking { $services } services, with a tick of { $tick }; lengthen the tick, use fewer ramps or lower the load
limit-calls-per-run = { $count } calls by { $by }, over the limit of { $max } per run: shorten the duration or lower the load
limit-attempts-per-run = { $count } attempts by { $by }, over the limit of { $max } per run: retries the estimate could not see (refusals of a full queue, rejections of a bulkhead) multiply the load; lower `max_attempts`, add a retry budget or shorten the duration
limit-work-per-run = { $count } units of work (events and ramp steps) by { $by }, over the limit of { $max } per run (about ten minutes of work): shorten the duration or lower the load
limit-in-flight = { $max } calls in flight: the limit; new calls are refused as client_rejected
limit-memory = no memory for more than { $calls } calls in flight: lower the load, the latencies or the queues (fewer calls in flight), or run fewer cells at once (sweep --jobs)

## Finding the scenario, and --set

load-symlink-loop = a loop of symbolic links: the path never reaches a file
load-dangling-symlink = a symbolic link to a file that does not exist
load-cannot-read = cannot read: { $reason }
load-not-a-file = { $kind ->
    [directory] a directory
    [character-device] a character device
    [block-device] a block device
   *[socket] a socket
}, not a file; a scenario is a TOML file (or a built-in name)
load-too-big = the file is { $len } bytes; a scenario may be at most { $max } bytes (1 MiB)
load-over = the file is over { $max } bytes; a scenario may be at most { $max } bytes (1 MiB)
load-no-such = no such file, and no built-in scenario named `{ $spec }`. Built-ins: { $names }
load-no-such-near = no such file, and no built-in scenario named `{ $spec }`; did you mean `{ $best }`? Built-ins: { $names }
set-form = expected PATH=VALUE, e.g. services.payment.failure_rate=0.2
set-excess = { $flag }: with these values, { $message }
compare-services-differ = the two scenarios must have the same services, in the same order: { $a } has { $a_names }; { $b } has { $b_names }
compare-duration-excess = { $b } lasts { $b_duration }, { $a } { $a_duration }; both sides run for A's { $a_duration }, and then { $message } (give both files the same duration)
compare-duration-differs = note: { $b } lasts { $b_duration }, { $a } { $a_duration }; both sides run for A's { $a_duration } (--duration sets both)

# A --set argument refused: the flag, the argument, why.
set-named = { $flag } { $arg }: { $message }
