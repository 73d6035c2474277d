#!/usr/bin/env bash
# End-to-end checks of issue 26 that need a real terminal (tmux): a
# comparison's recording reserves both names together, `--record /dev/null`
# stays a sink, a hang-up says nothing in ratatui's English on stderr, and
# Ctrl-C or SIGTERM during `run --timeseries` leaves no hidden temporary.
# Self-contained: builds what it needs and uses its own tmux server.
set -uo pipefail

E2E=e2e_harden
source "$(dirname "$0")/e2e_lib.sh"
echo "e2e_harden: building the release binary"
e2e_build

tmux -L "$SOCK" -f /dev/null new-session -d -s e2e -x 120 -y 40 -c "$WORK" \
    "env -i HOME=$WORK PATH=$PATH TERM=tmux-256color bash --norc --noprofile" \
    || fail "cannot start tmux"
keys "unset HISTFILE; PS1='e2e\$ '; clear" Enter
wait_for '^e2e\$' 5

echo "e2e_harden: a comparison recording when cmp-a.toml exists goes to cmp-2-a.toml + cmp-2-b.toml"
echo "old A" >"$WORK/cmp-a.toml"
keys "clear; $BIN retry-storm --record cmp.toml; echo rc=\$?" Enter
wait_for 'RUNNING' 10
sleep 1
keys q
wait_for 'rc=' 10
screen | grep -q 'rc=0' || fail "the dashboard did not end with 0"
[ "$(cat "$WORK/cmp-a.toml")" = "old A" ] || fail "cmp-a.toml was changed"
[ -e "$WORK/cmp-b.toml" ] && fail "cmp-b.toml was written beside an old cmp-a.toml: compare would pair them"
[ -s "$WORK/cmp-2-a.toml" ] || fail "no cmp-2-a.toml"
[ -s "$WORK/cmp-2-b.toml" ] || fail "no cmp-2-b.toml"
"$BIN" compare "$WORK/cmp-2-a.toml" "$WORK/cmp-2-b.toml" --json >/dev/null \
    || fail "the pair does not compare"

echo "e2e_harden: --record /dev/null is a sink"
keys "clear; $BIN seed-lesson --record /dev/null; echo rc=\$?" Enter
wait_for 'RUNNING' 10
keys q
wait_for 'rc=' 10
screen | grep -q 'rc=0' || fail "--record /dev/null did not end with 0"
[ -c /dev/null ] || fail "/dev/null is no longer a device"
[ -e /dev/null-2 ] && fail "/dev/null-2 was written"
ls "$WORK" | grep -q 'null' && fail "a file named after /dev/null in $WORK"

echo "e2e_harden: a hang-up says nothing in English on stderr"
tmux -L "$SOCK" new-window -d -t e2e -n lost \
    "$BIN --lang es --seed 4343 2>$WORK/hangup.err" || fail "cannot open a second window"
sleep 1.5
tmux -L "$SOCK" kill-window -t e2e:lost
sleep 1
if grep -q "Failed to show the cursor" "$WORK/hangup.err"; then
    fail "ratatui's English on stderr: $(cat "$WORK/hangup.err")"
fi

# tmp_files: the hidden temporaries beside series.csv in $WORK.
tmp_files() { find "$WORK" -maxdepth 1 -name '.series.csv.*.tmp' | wc -l; }
# wait_tmp: until run --timeseries has its temporary open (it streams rows).
wait_tmp() {
    local i=0
    while [ "$(tmp_files)" -eq 0 ]; do
        [ "$i" -lt 100 ] || fail "no temporary beside series.csv after 10 s"
        sleep 0.1
        i=$((i + 1))
    done
}
LONG="$BIN run $ROOT/benches/all-patterns.toml --duration 20000s --timeseries series.csv --quiet"

echo "e2e_harden: Ctrl-C during run --timeseries removes the temporary, exit 130"
# The status on a line of its own: bash drops the rest of a line whose
# command a Ctrl-C ended.
keys "clear; $LONG" Enter
wait_tmp
sleep 0.3
keys C-c
wait_for '^e2e\$ *$' 10
keys "echo rc=\$?" Enter
wait_for 'rc=' 5
screen | grep -q 'rc=130' || fail "Ctrl-C did not end run with 130"
[ "$(tmp_files)" -eq 0 ] || fail "a temporary is left beside series.csv: $(ls -a "$WORK")"
[ -e "$WORK/series.csv" ] && fail "a cut series.csv was written"

echo "e2e_harden: SIGTERM and SIGHUP during run --timeseries remove it too (143, 129)"
for sig in TERM:143 HUP:129; do
    # In the background of the pane's shell, so its pid is known.
    keys "clear; $LONG & echo pid=\$!; wait \$!; echo rc=\$?" Enter
    wait_for 'pid=[0-9]+' 5
    run_pid=$(screen | grep -Eo 'pid=[0-9]+' | head -n 1 | cut -d= -f2)
    wait_tmp
    sleep 0.3
    kill -"${sig%%:*}" "$run_pid" || fail "no run to signal"
    wait_for 'rc=' 10
    screen | grep -q "rc=${sig##*:}" || fail "SIG${sig%%:*} did not end run with ${sig##*:}"
    [ "$(tmp_files)" -eq 0 ] || fail "SIG${sig%%:*} left a temporary beside series.csv"
    [ -e "$WORK/series.csv" ] && fail "SIG${sig%%:*}: a cut series.csv was written"
done

echo "e2e_harden: ok"
