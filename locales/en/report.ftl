# The headless reports: the run table, the comparison table, the measures.

table-heading = { $scenario } · seed { $seed } · { $simulated } s simulated in { $wall } s
table-service = service
table-calls = calls
table-ok = ok
table-failed = failed
table-timeout = timeout
table-short = short
table-bulkhead = bulkhd
table-client = client
table-fallback = fallbk
table-attempts-per-call = att/c
table-p50 = p50 ms
table-p99 = p99 ms
table-utilization = util
table-breaker = breaker
table-breaker-opened = { $state }, opened { $n }×
table-total = total: { $calls } calls, { $ok } ok, { $in_flight } in flight; latency p50 { $p50 } ms, p99 { $p99 } ms
table-legend = (timeout: timed_out, short: short_circuited, bulkhd: bulkhead_rejected, client: client_rejected, fallbk: fallbacks, att/c: attempts per call, util: downstream utilisation, breaker —: no breaker)

compare-heading = { $scenario } · compared · seed { $seed } · { $simulated } s simulated in { $wall } s
compare-calls = calls
compare-all-services = all services

metric-goodput = goodput (ok calls/s)
metric-ok-fraction = ok fraction (%)
metric-p50 = latency p50 (ms)
metric-p99 = latency p99 (ms)
metric-attempts-per-call = attempts per call
metric-breaker-opens = breaker opens
metric-timed-out-fraction = calls timed out (%)
metric-goodput-after = goodput after the timeline (ok calls/s)
compare-side-b-panicked = internal error: side B of the comparison panicked
metric-attempts = attempts (first tries and retries)
metric-downstream-attempts = attempts that reached the service
metric-retries = retries
metric-short-circuited = calls short-circuited by the breaker
metric-timed-out = calls timed out
metric-fallbacks = calls answered by the fallback
metric-bulkhead-rejected = calls rejected by the bulkhead
