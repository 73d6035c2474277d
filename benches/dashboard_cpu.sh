#!/usr/bin/env bash
# CPU use of the dashboard process over 30 s in a 120×40 tmux terminal, on
# seed-lesson at 1×, at 100× (a 2 h copy, so that it does not end) and paused.
# Reads utime+stime from /proc/<pid>/stat before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/breakwater
long=$(mktemp --suffix=.toml)
sed 's/^duration = .*/duration = "2h"/' scenarios/seed-lesson.toml > "$long"
tck=$(getconf CLK_TCK)
measure() { # label, pause?, args...
  local label=$1 pause=$2; shift 2
  tmux -L bwcpu kill-server 2>/dev/null || true
  tmux -L bwcpu -f /dev/null new-session -d -s c -x 120 -y 40 "exec $bin $*"
  sleep 2
  local pid; pid=$(tmux -L bwcpu display -p -t c '#{pane_pid}')
  if [ "$pause" = 1 ]; then tmux -L bwcpu send-keys -t c Space; sleep 1; fi
  local t0 t1; t0=$(awk '{print $14+$15}' "/proc/$pid/stat")
  sleep 30
  t1=$(awk '{print $14+$15}' "/proc/$pid/stat")
  python3 -c "print(f'$label: {($t1-$t0)/$tck:.2f} s of CPU in 30 s = {($t1-$t0)*100/$tck/30:.1f} % of a core')"
  tmux -L bwcpu send-keys -t c q; sleep 0.5; tmux -L bwcpu kill-server 2>/dev/null || true
}
measure "seed-lesson at 1x" 0 seed-lesson
measure "seed-lesson (2 h) at 100x" 0 "$long" --speed 100
measure "paused" 1 seed-lesson
rm -f "$long"
