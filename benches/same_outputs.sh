#!/usr/bin/env bash
# Whether two binaries give the same results, byte for byte: every built-in's
# `run --json` at its seed and at seed 3, its `--timeseries` CSV, 50 traced
# calls (`trace --json`), `compare --json`, the benchmark scenarios and a
# sweep; wall-clock figures left out. For a change that must not change a
# result (an engine or event-set speed-up). Exit 0 when all are the same.
# Usage: benches/same_outputs.sh OLD_BINARY [NEW_BINARY]
set -uo pipefail
cd "$(dirname "$0")/.."
old=$1
new=${2:-target/release/breakwater}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
outputs() {
  local b=$1 d=$2
  mkdir -p "$d"
  for s in $("$b" list | awk 'NF && $1 ~ /^[a-z0-9-]+$/ { print $1 }'); do
    "$b" check "$s" > /dev/null 2>&1 || continue
    "$b" run "$s" --json | grep -v wall_seconds > "$d/$s.json"
    "$b" run "$s" --seed 3 --timeseries "$d/$s.ts.csv" --json | grep -v wall_seconds > "$d/$s.s3.json"
    svc=$("$b" run "$s" --json | python3 -c "import json,sys; s=json.load(sys.stdin)['services']; print(list(s)[-1] if isinstance(s, dict) else s[-1]['name'])")
    "$b" trace "$s" --service "$svc" --at 90s --calls 50 --json > "$d/$s.trace.json" 2>&1
    "$b" compare "$s" --no-tui --json 2>/dev/null | grep -v wall_seconds > "$d/$s.cmp.json"
  done
  for f in mmc-80 moderate all-patterns scale-1e4; do
    "$b" run "benches/$f.toml" --duration 60s --json | grep -v wall_seconds > "$d/$f.json"
  done
  # The sweep's first line says how long it took.
  "$b" sweep retry-storm --vary 'patterns.retry.max_attempts=1,3' --vary 'load.rate=50,100' \
    --duration 60s 2>&1 | tail -n +2 > "$d/sweep.txt"
}
outputs "$old" "$work/old"
outputs "$new" "$work/new"
n=$(find "$work/new" -type f | wc -l)
if diff -r "$work/old" "$work/new"; then
  echo "same_outputs: $n outputs byte-identical"
else
  echo "same_outputs: the outputs differ (above)" >&2
  exit 1
fi
