#!/usr/bin/env bash
# End to end, as an impatient class does it: the dashboard always quits.
# A burst of 10,000 keys is read at once and `q` after it quits; `e` pressed
# 300 times while a figure is being drawn starts no second drawing (it says
# "already drawing"); `q` and SIGTERM during a drawing are answered at once,
# the figure abandoned (no file left, whole or half) and the exit code the
# signal's (143 for SIGTERM). Bounds are generous (a loaded CI machine): they
# catch "never" and "after the drawing", which is what went wrong before.
set -uo pipefail

E2E=e2e_quit
source "$(dirname "$0")/e2e_lib.sh"
e2e_build
BASE=$SOCK

start() { # start ARGS…: the dashboard in $WORK, its exit code to $WORK/rc
    rm -f "$WORK"/rc "$WORK"/*.svg "$WORK"/*.png
    tmux -L "$SOCK" kill-server >/dev/null 2>&1 || true
    RUNS=$((${RUNS:-0} + 1))
    SOCK=$BASE-$RUNS
    tmux -L "$SOCK" -f /dev/null new-session -d -s e2e -x 100 -y 30 -c "$WORK" \
        "env -i HOME=$WORK PATH=$PATH TERM=tmux-256color $BIN $*; echo \$? > $WORK/rc; sleep 30" \
        || fail "cannot start tmux"
    wait_for 'Circuit Breaker' 10
}
# exits_within SECONDS CODE: the dashboard ends in time with that exit code.
exits_within() {
    local i=0
    while [ ! -s "$WORK/rc" ] && [ "$i" -lt $(($1 * 20)) ]; do sleep 0.05; i=$((i + 1)); done
    [ -s "$WORK/rc" ] || fail "still running $1 s later"
    [ "$(cat "$WORK/rc")" = "$2" ] || fail "exit code $(cat "$WORK/rc"), not $2"
}
burst() { # burst KEY N
    python3 - "$SOCK" "$1" "$2" <<'PY'
import subprocess, sys
sock, key, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
while n > 0:
    k = min(n, 500)
    subprocess.run(["tmux", "-L", sock, "send-keys", "-t", "e2e"] + [key] * k, check=True)
    n -= k
PY
}
pid() { pgrep -f "^$BIN $1" | head -n 1; }

# 1. 10,000 arrow keys, then q.
start seed-lesson
burst Down 10000
keys q
exits_within 3 0
echo "e2e_quit: q after 10,000 keys quits"

# 2 and 3. A long session's figure (a re-run of 3,000 s at 6,000 calls/s:
# seconds of work), e pressed 300 times more, then q (or SIGTERM) while it
# is still drawing.
sed 's/^duration = "1000s"$/duration = "3000s"/' "$ROOT/benches/all-patterns.toml" > "$WORK/heavy.toml"
grep -q '^duration = "3000s"$' "$WORK/heavy.toml" || fail "benches/all-patterns.toml changed: no duration = 1000s"
for how in q TERM; do
    start "$WORK/heavy.toml --speed 1000"
    wait_for 'ENDED' 90
    keys e
    wait_for 'drawing the figure' 5
    burst e 300
    wait_for 'already drawing' 5
    p=$(pid "$WORK/heavy.toml")
    [ -n "$p" ] || fail "no process"
    threads=$(ls "/proc/$p/task" | wc -l)
    [ "$threads" -le 4 ] || fail "$threads threads: e queued more drawings"
    screen | grep -q 'drawing' || fail "the figure was already drawn: nothing to abandon"
    if [ "$how" = q ]; then keys q; code=0; else kill -TERM "$p"; code=143; fi
    exits_within 3 "$code"
    left=$(ls "$WORK" | grep -E '\.(svg|png)$' || true)
    [ -z "$left" ] || fail "files left by the abandoned figure: $left"
    echo "e2e_quit: $how during a drawing: exit $code, no file, $threads threads"
done
echo "e2e_quit: ok"
