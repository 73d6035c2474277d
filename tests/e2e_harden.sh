#!/usr/bin/env bash
# End-to-end checks of issue 26 that need a real terminal (tmux): a
# comparison's recording reserves both names together, `--record /dev/null`
# stays a sink, and a hang-up says nothing in ratatui's English on stderr.
# Self-contained: builds what it needs and uses its own tmux server.
set -uo pipefail

E2E=e2e_harden
source "$(dirname "$0")/e2e_lib.sh"
echo "e2e_harden: building the release binary"
e2e_build

tmux -L "$SOCK" -f /dev/null new-session -d -s e2e -x 120 -y 40 -c "$WORK" \
    "env -i HOME=$WORK PATH=$PATH TERM=tmux-256color bash --norc --noprofile" \
    || fail "cannot start tmux"
keys "PS1='e2e\$ '; clear" Enter
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

echo "e2e_harden: ok"
