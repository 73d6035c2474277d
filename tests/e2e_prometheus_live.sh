#!/usr/bin/env bash
# The dashboard's live metrics read by a real Prometheus: seed-lesson runs in
# tmux with --metrics-addr on loopback; `n` stops at each breaker
# transition; at the stop where the screen shows payment OPEN (paused, so the
# values stay still) a Prometheus started on loopback scrapes the dashboard
# every second, and its HTTP API answers
# resilience4j_circuitbreaker_state{name="payment"} = 1 for `open` and 0 for
# `closed`, as on screen; then `n` to the stop where payment CLOSES again,
# and the API follows. Needs tmux and Debian's prometheus (.ci/run installs
# both), curl and python3. Prometheus and tmux are stopped on exit.
set -uo pipefail

E2E=e2e_prometheus_live
source "$(dirname "$0")/e2e_lib.sh"
for cmd in prometheus curl python3; do
    command -v "$cmd" >/dev/null 2>&1 || fail "$cmd is not installed"
done
e2e_build

PROM_PID=
cleanup_all() {
    if [ -n "$PROM_PID" ]; then
        kill "$PROM_PID" 2>/dev/null
        wait "$PROM_PID" 2>/dev/null
    fi
    cleanup
}
trap cleanup_all EXIT

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
DASH=$(free_port)
PROM=$(free_port)

tmux -L "$SOCK" -f /dev/null new-session -d -x 120 -y 40 -s e2e -c "$WORK" \
    "BREAKWATER_LANG=en $BIN seed-lesson --paused --metrics-addr 127.0.0.1:$DASH 2>$WORK/dash.err; sleep 5" ||
    fail "tmux did not start"
wait_for "Breakwater" 10
curl -fsS "http://127.0.0.1:$DASH/metrics" >/dev/null || fail "the dashboard does not answer on $DASH"

# n until the dashboard stops at payment's transition to $1; the screen then.
stop_at() {
    local want=$1 at
    for _ in $(seq 1 12); do
        at=$(clock)
        keys n
        for _ in $(seq 1 200); do
            sleep 0.1
            [ "$(clock)" != "$at" ] && screen | head -n 1 | grep -q PAUSED && break
        done
        if screen | grep -Eq "payment: [A-Z_]+ → $want"; then
            return 0
        fi
    done
    fail "no stop at payment → $want"
}

cat > "$WORK/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
scrape_configs:
  - job_name: breakwater
    static_configs:
      - targets: ["127.0.0.1:$DASH"]
EOF
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/data" \
    --web.listen-address="127.0.0.1:$PROM" > "$WORK/prometheus.log" 2>&1 &
PROM_PID=$!

# query PROMQL: the instant vector's first value now (or "none").
query() {
    curl -fsS "http://127.0.0.1:$PROM/api/v1/query" --data-urlencode "query=$1" |
        python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else "none")'
}
# until PROMQL VALUE: waits (up to 20 s) for Prometheus to answer VALUE.
until_answer() {
    local v=
    for _ in $(seq 1 100); do
        v=$(query "$1" 2>/dev/null) && [ "$v" = "$2" ] && return 0
        kill -0 "$PROM_PID" 2>/dev/null || { cat "$WORK/prometheus.log" >&2; fail "prometheus ended"; }
        sleep 0.2
    done
    fail "$1 is $v, not $2"
}
until_answer 'up{job="breakwater"}' 1

for want in OPEN CLOSED; do
    stop_at "$want"
    screen | grep -Eq "payment +. $want " || fail "payment's state line is not $want"
    state=$(echo "$want" | tr 'A-Z' 'a-z')
    other=$([ "$state" = open ] && echo closed || echo open)
    # A scrape after the stop is what the screen shows.
    until_answer "resilience4j_circuitbreaker_state{name=\"payment\",state=\"$state\"}" 1
    until_answer "resilience4j_circuitbreaker_state{name=\"payment\",state=\"$other\"}" 0
    echo "e2e_prometheus_live: screen payment $want at $(clock), Prometheus: state=\"$state\" 1"
done
keys q
echo "e2e_prometheus_live: ok"
