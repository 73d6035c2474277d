#!/usr/bin/env bash
# Whole-process throughput and memory of `breakwater run`, as the bars are
# stated: calls per second of wall time for the process, and peak memory of a
# run 10× longer next to the shorter one's.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/breakwater
for f in mmc-80 all-patterns moderate; do
  for d in 1000s 10000s; do
    out=$( { /usr/bin/time -f "%e %M" "$bin" run "benches/$f.toml" --json --duration "$d" > /tmp/bw-bench.json; } 2>&1 )
    read -r wall rss <<<"$out"
    calls=$(python3 -c "import json;print(json.load(open('/tmp/bw-bench.json'))['totals']['calls'])")
    python3 -c "print(f'$f duration=$d: {$calls} calls, {$wall} s wall, {$calls/$wall/1e6:.2f} M calls/s (whole process), peak RSS {$rss} KB')"
  done
done
