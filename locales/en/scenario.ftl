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
syntax-duplicate-key-root = duplicate key `{ $key }` in document root
syntax-duplicate-key = duplicate key `{ $key }` in table `{ $table }`
syntax-dotted-key-not-table = dotted key `{ $key }` attempted to extend a value that is not a table
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
order-help = order lists retry, circuit_breaker, bulkhead and timeout, outermost first, each at most once
order-twice = `{ $pattern }` appears twice; { $help }

## Timeline and variants

timeline-too-long = at most { $max } timeline entries
timeline-after-end = at { $at } is after the end of the scenario ({ $duration })
timeline-entry-empty = a timeline entry needs `set = {"{"} "path" = value {"}"}`, a `note` or `pause = true`
timeline-over-not-number = `over` ramps numbers only; this value is not a number
timeline-over-range = `over` must be above 0 and within the scenario
variant-label-length = a label is 1 to 40 characters
