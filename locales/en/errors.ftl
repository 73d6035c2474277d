# Error messages of the base vocabulary and the patterns: values of the wrong
# shape, names that do not exist, ranges. Values, keys and paths stay as typed.

## Names and lists

unknown-name = unknown { $what ->
    [key] key
    [pattern] pattern
    [service] service
    [distribution] distribution
    [backoff] backoff
    [language] language
    [metric] metric
    [kind] kind
   *[other] name
} `{ $name }`
unknown-name-near = { $unknown }; did you mean `{ $best }`? Valid: { $valid }
unknown-name-far = { $unknown }. Valid: { $valid }
list-either = { $a } or { $b }
list-one-of = one of { $list }
field-message = `{ $key }`: { $message }

## serde's and toml's messages, in our words

serde-invalid-type = invalid type: { $found }, expected { $expected }
serde-invalid-value = invalid value: { $found }, expected { $expected }
serde-invalid-length = invalid length { $len }, expected { $expected }
serde-unknown-variant = unknown variant `{ $name }`, expected { $valid }
serde-unknown-variant-none = unknown variant `{ $name }`, there are no variants
serde-unknown-field = unknown field `{ $name }`, expected { $valid }
serde-unknown-field-none = unknown field `{ $name }`, there are no fields
serde-missing-field = missing field `{ $name }`
serde-duplicate-field = duplicate field `{ $name }`
serde-wanted-name = expected a name in quotes or a table
serde-did-you-mean = { $message }; did you mean `{ $best }`?
serde-found = { $kind ->
    [boolean] boolean `{ $value }`
    [integer] integer `{ $value }`
    [float] number `{ $value }`
    [string] string { $value }
    [char] character `{ $value }`
    [datetime] date `{ $value }`
    [array] array
    [table] table
   *[other] { $value }
}
serde-expected-whole = a whole number from { $lo } to { $hi }
serde-expected-number = a number
serde-expected-bool = true or false
serde-expected-string = a string
serde-expected-array = an array
serde-expected-table = a table
toml-kind = { $kind ->
    [string] a string
    [integer] an integer
    [float] a decimal number
    [boolean] true or false
    [datetime] a date
    [array] an array
   *[table] a table
}
hint-decimal-comma = TOML uses a decimal point: write { $fixed }
hint-decimal-comma-after = { $message }; TOML uses a decimal point: write { $fixed }

## Durations and values that are a duration or a table

duration-invalid = "{ $text }" is not a duration; write a number and a unit: "250ms", "5s", "2m", "1h" (units ns, us, ms, s, m, h, d)
duration-too-long = duration "{ $text }" is too long
duration-expecting = a duration string such as "250ms", "5s" or "2m"
duration-bare-number = a bare number ({ $value }) has no unit; write a duration string such as "{ $value }s" or "{ $value }ms"
duration-bare-decimal = a bare number ({ $value }) has no unit; write a duration string such as "{ $value }s"
table-needs-tag = a { $what ->
    [distribution] distribution
    [backoff] backoff
   *[other] { $what }
} table needs `{ $tag }`, one of { $kinds }
duration-or-table = expected a duration such as "1s" or a table such as { $example }, found { $found }

## Texts by language (name, description, lesson, note)

text-type = expected a text: a string, or a table by language such as {"{"} en = "…", es = "…" {"}"}; found { $found }
text-language-not-string = the text in `{ $code }` must be a string, found { $found }

## Why a file could not be read or written

io-reason = { $kind ->
    [not-found] no such file or directory
    [permission-denied] permission denied
    [is-a-directory] it is a directory
    [not-a-directory] a part of the path is not a directory
    [already-exists] it already exists
    [storage-full] the disk is full
    [read-only] the file system is read-only
    [invalid-data] the data is not valid
   *[interrupted] interrupted
}

## Ranges of the patterns' settings

must-be-whole-in-range = must be a whole number from { $lo } to { $hi }
must-be-duration-in-range = must be from { $lo } to { $hi }
must-be-at-most = must be at most { $max }
must-be-a-rate = must be above 0 and at most 1 (0.5 = 50 %)
breaker-window-size-type = expected a number of calls from 1 to 100000 (window = "count") or a duration such as "60s" (window = "time"), found { $found }
breaker-window-size-count = with window = "count", window_size is a number of calls (1 to 100000)
breaker-window-size-time = with window = "time", window_size is a duration such as "60s"
breaker-half-open-calls-range = must be a whole number from 1 to 10000, or "all"
breaker-half-open-calls-type = expected a whole number from 1 to 10000 (probes) or "all" (every call passes, the first result decides), found { $found }
breaker-time-window-range = a time window must be from 100ms to 1h
breaker-lesson-kind = with semantics = "lesson" the breaker counts failures in a row, as the lesson's class does: kind must be "consecutive"
breaker-lesson-half-open = with semantics = "lesson" every call passes while HALF_OPEN, as in the lesson's class; { $n } probes are resilience4j's: leave half_open_calls out, or write "all"
breaker-not-a-rate = { $value } is not a rate; must be above 0 and at most 1 (0.5 = 50 %)
fallback-on-ok = a fallback answers errors, not ok; valid: failed, timed_out, short_circuited, bulkhead_rejected, client_rejected
fallback-answer-shape = an answer is 1 to { $max } characters on one line, e.g. "{ $example }"
backoff-delay-at-most = backoff delay must be at most 1h
backoff-linear-order = linear backoff needs initial ({ $initial }) ≤ max ({ $max }) ≤ 1h
backoff-base-range = exponential backoff `base` ({ $base }) must be from 1 to 100
backoff-exponential-order = exponential backoff needs min ({ $min }) ≤ max ({ $max }) ≤ 1h
retry-max-attempts-range = must be a whole number from 1 to 100 (counting the first attempt)
budget-max-tokens = max_tokens ({ $value }) must be from 1 to 1000000
budget-token-ratio = token_ratio ({ $value }) must be above 0 and at most max_tokens
retry-on-client-rejected = client_rejected happens before any attempt; valid: ok, failed, timed_out, short_circuited, bulkhead_rejected

## Why a circuit breaker changed state

reason-consecutive-failures = { $n ->
    [one] { $n } consecutive failure
   *[other] { $n } consecutive failures
}
reason-over-calls = over the last { $n } calls
reason-over-time = over the last { $span } ({ $n ->
    [one] { $n } call
   *[other] { $n } calls
})
reason-failure-rate = failure rate { $rate } % ≥ { $threshold } % { $over }
reason-slow-call-rate = slow-call rate { $rate } % ≥ { $threshold } % (calls ≥ { $slow }) { $over }
reason-open-elapsed = { $from ->
    [last-failure] { $open_for } since the last failure
   *[opened] open for { $open_for } elapsed
}; { $then ->
    [first-result] every call passes, the first result decides
   *[probes] probing
}
reason-first-result-failed = first result failed
reason-first-result-succeeded = first result succeeded
reason-call-after-wait = a call came more than { $open_for } after the last failure; it and every call after it pass (the lesson's class)
reason-success-closes = a success closes it (the lesson's class)
reason-reconfigured = reconfigured ({ $what }): starts closed, as a new breaker does
reason-probe-failed = probe failed
reason-probes-succeeded = { $n ->
    [one] probe succeeded
   *[other] { $n } probes succeeded
}
reason-probe-failure-rate = probe failure rate { $rate } % ≥ { $threshold } % over { $n } probes
reason-probe-slow-call-rate = probe slow-call rate { $rate } % ≥ { $threshold } % over { $n } probes
reason-probes-healthy = probe failure rate { $rate } % < { $threshold } % over { $n } probes
reason-forced-open = forced open by the operator
reason-disabled = disabled by the operator: lets all calls through
reason-back-to-normal = returned to normal by the operator
