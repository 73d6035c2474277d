#!/usr/bin/env bash
# Throughput and memory at scale: `breakwater run` on benches/scale-*.toml, open
# load with long latencies at about 90, 9,000, 90,000 and 900,000 calls in
# flight. For each binary (interleaved, best of N, so a busy neighbour slows
# them alike): calls per second of wall time and of CPU time (user + sys, less
# disturbed by a shared machine), and peak memory (max RSS). The calls/s at
# each size over the 90-in-flight figure shows what pending events cost.
# Usage: benches/scale.sh [N] [BINARY...]   (default: 3, target/release/breakwater)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-3}
shift || true
bins=("$@")
if [ ${#bins[@]} -eq 0 ]; then
  cargo build --release --quiet
  bins=(target/release/breakwater)
fi
out=$(mktemp)
trap 'rm -f "$out" "$out.json" "$out.err"' EXIT
printf '%-10s %-34s %10s %8s %8s %12s %12s %12s %10s\n' file binary calls wall_s cpu_s "Mcalls/s" "Mcalls/cpu_s" "vs_1e2_wall" "max_RSS_MB"
for f in scale-1e2 scale-1e4 scale-1e5 scale-1e6; do
  declare -A best_wall=() best_cpu=() rss=()
  for _ in $(seq "$n"); do
    for b in "${bins[@]}"; do
      /usr/bin/time -o "$out" -f "%e %U %S %M" "$b" run "benches/$f.toml" --json > "$out.json" 2> "$out.err"
      read -r wall user sys kb < "$out"
      cpu=$(python3 -c "print($user+$sys)")
      best_wall[$b]=$(python3 -c "print(min(${best_wall[$b]:-1e9}, $wall))")
      best_cpu[$b]=$(python3 -c "print(min(${best_cpu[$b]:-1e9}, $cpu))")
      rss[$b]=$kb
      calls=$(python3 -c "import json;print(json.load(open('$out.json'))['totals']['calls'])")
    done
  done
  for b in "${bins[@]}"; do
    rate=$(python3 -c "print($calls/${best_wall[$b]}/1e6)")
    [ "$f" = scale-1e2 ] && eval "base_${#b}_$(echo "$b" | md5sum | cut -c1-8)=$rate"
    base_var="base_${#b}_$(echo "$b" | md5sum | cut -c1-8)"
    python3 -c "print(f'%-10s %-34s %10d %8.2f %8.2f %12.2f %12.2f %11.2fx %10.0f' % ('$f', '$b'[-34:], $calls, ${best_wall[$b]}, ${best_cpu[$b]}, $rate, $calls/${best_cpu[$b]}/1e6, $rate/${!base_var}, ${rss[$b]}/1024))"
  done
  unset best_wall best_cpu rss
done
