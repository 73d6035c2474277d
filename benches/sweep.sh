#!/usr/bin/env bash
# A 10×10 sweep of retry-storm (load × max attempts, 20 simulated minutes
# per cell), wall time with --jobs 1
# and --jobs N (default: every core), best of R runs each, interleaved; and
# the speed-up. Usage: benches/sweep.sh [R]   (builds the release binary)
set -euo pipefail
cd "$(dirname "$0")/.."
R=${1:-3}
cargo build --release -q
BIN=target/release/breakwater
N=$(nproc)
ARGS=(sweep retry-storm --vary load.rate=10..100:10 --vary patterns.retry.max_attempts=1..10:1
      --metric goodput_after --duration 20m --json)
best() { sort -n | head -n1; }
one=(); many=()
for _ in $(seq "$R"); do
    s=$(date +%s.%N); "$BIN" "${ARGS[@]}" --jobs 1 >/dev/null; e=$(date +%s.%N)
    one+=("$(echo "$e - $s" | bc)")
    s=$(date +%s.%N); "$BIN" "${ARGS[@]}" --jobs "$N" >/dev/null; e=$(date +%s.%N)
    many+=("$(echo "$e - $s" | bc)")
done
b1=$(printf '%s\n' "${one[@]}" | best)
bn=$(printf '%s\n' "${many[@]}" | best)
printf '100 cells: --jobs 1 %.2f s, --jobs %d %.2f s, speed-up %.2f×\n' "$b1" "$N" "$bn" "$(echo "$b1 / $bn" | bc -l)"
