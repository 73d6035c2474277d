#!/usr/bin/env bash
# `--openmetrics` read by the real tools: a 5-minute seed-lesson run's file
# is backfilled into a Prometheus TSDB by `promtool tsdb create-blocks-from
# openmetrics`, a Prometheus server started on loopback over that TSDB
# (retention long enough for the fixed epoch) answers PromQL through its
# HTTP API, and the answers are those the same run's JSON report and time
# series imply: the payment breaker OPEN when the CSV says so and CLOSED
# when it says so, open for as long as the report says, and the last
# counters equal to the report's. Needs Debian's `prometheus` package
# (.ci/run installs it), curl and python3. The server it started is stopped
# on exit, whatever happens.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN=${CARGO_TARGET_DIR:-$ROOT/target}/release/breakwater
fail() { echo "e2e_prometheus: FAIL: $*" >&2; exit 1; }
say() { echo "e2e_prometheus: $*"; }

for cmd in promtool prometheus curl python3; do
    command -v "$cmd" >/dev/null 2>&1 || fail "$cmd is not installed"
done
cargo build --release --quiet --bin breakwater || fail "cargo build --release failed"
[ -x "$BIN" ] || fail "no binary at $BIN"

W=$(mktemp -d /tmp/breakwater-prom-XXXXXX)
PROM_PID=
cleanup() {
    if [ -n "$PROM_PID" ]; then
        kill "$PROM_PID" 2>/dev/null
        wait "$PROM_PID" 2>/dev/null
    fi
    rm -rf "$W"
}
trap cleanup EXIT

EPOCH=1735689600
say "a 5-minute seed-lesson run, with its report, time series and metrics"
"$BIN" run seed-lesson --json --timeseries "$W/lesson.csv" --openmetrics "$W/lesson.om" \
    > "$W/lesson.json" || fail "breakwater run"
[ "$(tail -n 1 "$W/lesson.om")" = "# EOF" ] || fail "the file does not end with # EOF"

say "promtool tsdb create-blocks-from openmetrics"
promtool tsdb create-blocks-from openmetrics "$W/lesson.om" "$W/data" > "$W/promtool.log" 2>&1 \
    || { cat "$W/promtool.log" >&2; fail "promtool refused the file"; }

# A free port on loopback.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
cat > "$W/prometheus.yml" <<EOF
global:
  scrape_interval: 1m
EOF
say "prometheus on 127.0.0.1:$PORT over that TSDB"
prometheus --config.file="$W/prometheus.yml" --storage.tsdb.path="$W/data" \
    --storage.tsdb.retention.time=100y --web.listen-address="127.0.0.1:$PORT" \
    > "$W/prometheus.log" 2>&1 &
PROM_PID=$!
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$PORT/-/ready" >/dev/null 2>&1 && break
    kill -0 "$PROM_PID" 2>/dev/null || { cat "$W/prometheus.log" >&2; fail "prometheus ended"; }
    sleep 0.2
done
curl -fsS "http://127.0.0.1:$PORT/-/ready" >/dev/null 2>&1 || fail "prometheus never got ready"

# query PROMQL UNIX_TIME: the instant vector's first value (or "none").
query() {
    curl -fsS "http://127.0.0.1:$PORT/api/v1/query" --data-urlencode "query=$1" \
        --data-urlencode "time=$2" |
        python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else "none")'
}

# From the run's own CSV: the first tick the payment breaker was open all
# through, and one after it closed for good.
read -r OPEN_AT CLOSED_AT < <(python3 - "$W/lesson.csv" <<'EOF'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["service"] == "payment"]
opened = next(r["t_s"] for r in rows if r["breaker_states"] == "open")
last_open = max(i for i, r in enumerate(rows) if "open" in r["breaker_states"].split("|"))
closed = next(r["t_s"] for r in rows[last_open + 1:] if r["breaker_states"] == "closed")
print(opened, closed)
EOF
)
[ -n "$OPEN_AT" ] && [ -n "$CLOSED_AT" ] || fail "the CSV shows no opening and closing"
at() { python3 -c "print(f'{$EPOCH + float(\"$1\"):.3f}')"; }
STATE='resilience4j_circuitbreaker_state{name="payment",state="open"}'

v=$(query "$STATE" "$(at "$OPEN_AT")")
[ "$v" = 1 ] || fail "$STATE at t=$OPEN_AT s is $v, the CSV says open"
say "$STATE = 1 at t=$OPEN_AT s, as the time series says"
v=$(query "$STATE" "$(at "$CLOSED_AT")")
[ "$v" = 0 ] || fail "$STATE at t=$CLOSED_AT s is $v, the CSV says closed"
say "$STATE = 0 at t=$CLOSED_AT s, as the time series says"

# Open time: the open samples (one per 100 ms tick) against the report's
# open_seconds, within two ticks per opening.
END=$(at 300)
v=$(query "sum_over_time(${STATE}[301s]) * 0.1" "$END")
python3 - "$W/lesson.json" "$v" <<'EOF' || fail "open time from PromQL differs from the report"
import json, sys
b = json.load(open(sys.argv[1]))["services"]["payment"]["breaker"]
got = float(sys.argv[2])
assert b["opened"] > 0, b
assert abs(got - b["open_seconds"]) <= 0.2 * b["opened"] + 0.2, (got, b)
print(f"e2e_prometheus: open {got:.1f} s by PromQL, {b['open_seconds']:.1f} s by the report")
EOF

# The last counters are the report's.
for o in ok failed timed_out short_circuited; do
    v=$(query "breakwater_calls_total{service=\"payment\",outcome=\"$o\"}" "$END")
    want=$(python3 -c "import json; print(json.load(open('$W/lesson.json'))['services']['payment']['$o'])")
    [ "$v" = "$want" ] || fail "breakwater_calls_total payment $o: $v by PromQL, $want in the report"
done
v=$(query 'increase(resilience4j_circuitbreaker_not_permitted_calls_total{name="payment"}[301s]) > 0' "$END")
[ "$v" != none ] || fail "no short-circuited call counted by resilience4j_circuitbreaker_not_permitted_calls_total"
say "PromQL answers what the report says"

# Every query of the Grafana dashboard in the repository evaluates, and
# finds series.
python3 - "$ROOT/examples/grafana/breakwater-resilience4j.json" > "$W/exprs" <<'EOF'
import json, sys
for p in json.load(open(sys.argv[1]))["panels"]:
    for t in p["targets"]:
        print(t["expr"].replace("$service", ".*"))
EOF
n=0
while IFS= read -r expr; do
    v=$(query "$expr" "$(at 200)") || fail "the dashboard's query failed: $expr"
    [ "$v" != none ] || fail "the dashboard's query found nothing: $expr"
    n=$((n + 1))
done < "$W/exprs"
say "the Grafana dashboard's $n queries evaluate and find series"
