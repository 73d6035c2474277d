# The sweep: its errors, its progress and what it prints.
sweep-vary-form = expected PATH=LIST or PATH=FROM..TO:STEP, e.g. load.rate=20..90:10, patterns.retry.jitter=none,full or patterns.timeout.per_attempt=250ms..2s:250ms
sweep-vary-empty-value = `{ $spec }`: an empty value in the list; values are separated by commas, e.g. 1,2,5
sweep-range-needs-step = `{ $range }`: a range needs a step: FROM..TO:STEP, e.g. 20..90:10 (TO included)
sweep-range-kinds = `{ $range }`: FROM, TO and STEP are numbers (20..90:10, 0.1..0.5:0.1) or durations (250ms..2s:250ms)
sweep-range-step-positive = the STEP of FROM..TO:STEP must be above 0
sweep-range-descending = the range is descending (TO below FROM), so it is empty; write it from the smaller value up, e.g. 1..5:1
sweep-range-too-many = the range has { $n } values; a sweep has at most { $max } cells: use a larger STEP
sweep-vary-count = --vary is given { $n } times: a sweep varies one path (a line) or two (a map)
sweep-vary-same-path = --vary { $path }: the same path twice; list all its values in one --vary
sweep-too-many-cells = --vary: { $cells } cells, over the limit of { $max }: use larger steps, or split the sweep into several with narrower ranges
sweep-fixed-and-varied = --vary { $path }: the path is also given with --set; a path is either fixed or varied
sweep-cell-named = --vary: the cell { $sets }
sweep-shard-form = expected I/N with 0 ≤ I < N, e.g. 0/4 (cells 0, 4, 8, …)
sweep-seeds-past-max = --seeds { $seeds }: seeds { $first } … { $last } pass the largest seed, { $max }
sweep-unknown-service = --service { $name }: no such service. Valid: all, { $valid }
sweep-resume-and-csv = --resume FILE writes the new cells into FILE; leave out --csv
sweep-resume-too-big = --resume { $path }: the file is over { $max } bytes
sweep-resume-not-file = --resume { $path }: not a regular file; a sweep resumes from the CSV file it wrote (use --csv to write to a stream)
sweep-csv-header = { $at }: not this sweep's CSV: its first line should be `{ $header }`
sweep-csv-cut-row = { $at }: a row cut short (a run stopped while writing it), dropped: its cell runs again
sweep-csv-not-utf8 = { $at }: invalid bytes (not UTF-8 text); a sweep writes UTF-8, so this file was changed or is not a sweep CSV
sweep-csv-not-finite = { $at }: { $column } is `{ $have }`; a sweep writes only finite numbers
sweep-csv-other-sweep = { $at }: a row of another sweep: { $column } is `{ $have }`, this sweep's is `{ $want }`
sweep-cell-limit = seed { $seed }: stopped at { $at }: { $reason }
sweep-cell-memory = no memory could be reserved for its { $calls } calls in flight (estimated)
sweep-progress = { $done } cells · { $rate }/s · { $elapsed } · about { $eta } left
sweep-interrupted-kept = interrupted: { $done } of { $total } cells finished and are in { $file }; add --resume { $file } (instead of --csv) to run the rest
sweep-interrupted-lost = interrupted: { $done } of { $total } cells finished; without --csv FILE nothing was kept
sweep-side = side { $side }
sweep-of-grid = of { $total }
sweep-seeds-range = seeds { $first } … { $last } (mean and 95 % interval)
sweep-seed-one = seed { $seed }
sweep-heading = sweep · { $count ->
    [one] { $cells }{ $of } cell
   *[other] { $cells }{ $of } cells
} · { $seeds } · { $wall } s on { $threads ->
    [one] { $threads } thread
   *[other] { $threads } threads
}
sweep-metric-line = metric: { $name } — { $label } · service: { $service }
sweep-cell = cell
sweep-open-it = open it in the dashboard
sweep-limit-word = LIMIT
sweep-cell-limit-note = LIMIT in cell { $index }: { $reason }
sweep-mark-undefined = undefined (the run ended before its timeline)
sweep-mark-limit = stopped at a limit
sweep-cannot-start-threads = cannot start { $jobs } threads: { $reason }
sweep-jobs-lowered = { $jobs } cells at once instead of { $asked }: a cell may take up to { $cell } and { $available } is available ({ $source })
sweep-memory-refused = a cell may take up to { $cell } of memory and { $available } is available ({ $source }): not even one fits; lower the load, the latencies or the queues (fewer calls in flight)
memory-source-available = MemAvailable in /proc/meminfo
memory-source-cgroup = the cgroup's memory limit
memory-source-address-space = the address-space limit, ulimit -v
sweep-figure-no-value = no value
sweep-figure-written = figure written: { $paths }
metric-recovered = recovered (ok ÷ calls after the timeline)
