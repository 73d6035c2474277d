#!/usr/bin/env bash
# Whole-process throughput of `breakwater run` for two binaries, interleaved
# (best of N each, so a busy neighbour slows both alike): calls per second of
# wall time. Usage: benches/compare.sh OLD_BINARY [NEW_BINARY] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
old=$1
new=${2:-target/release/breakwater}
n=${3:-7}
for f in mmc-80 all-patterns moderate; do
  best_old=999; best_new=999; calls=0
  for _ in $(seq "$n"); do
    for which in old new; do
      bin=${!which}
      start=$(date +%s.%N)
      "$bin" run "benches/$f.toml" --json > /tmp/bw-compare.json
      t=$(python3 -c "import time;print(time.time()-$start)")
      calls=$(python3 -c "import json;print(json.load(open('/tmp/bw-compare.json'))['totals']['calls'])")
      if [ "$which" = old ]; then best_old=$(python3 -c "print(min($best_old,$t))"); else best_new=$(python3 -c "print(min($best_new,$t))"); fi
    done
  done
  python3 -c "print(f'$f: old {$calls/$best_old/1e6:.2f} M calls/s ({$best_old:.2f} s), new {$calls/$best_new/1e6:.2f} M calls/s ({$best_new:.2f} s): {$best_old/$best_new:.2f}x')"
done
