#!/usr/bin/env bash
# End to end, as a student does it, in Spanish at 80×24: `breakwater
# exercise keep-checkout-alive` on a terminal opens the dashboard with the
# task on screen; `g` with nothing changed shows every goal missed; payment's
# Bulkhead and Timeout switched on live (Tab Tab 3 4) and `g` again shows
# every goal met; piped, the same command prints the task instead, and
# `grade` with the same two changes exits 0.
set -uo pipefail

E2E=e2e_exercise
source "$(dirname "$0")/e2e_lib.sh"
e2e_build

tmux -L "$SOCK" -f /dev/null new-session -d -s e2e -x 80 -y 24 -c "$WORK" \
    "env -i HOME=$WORK PATH=$PATH TERM=tmux-256color BREAKWATER_LANG=es $BIN exercise keep-checkout-alive --paused; echo \$? > $WORK/rc; sleep 30" \
    || fail "cannot start tmux"
wait_for 'Ejercicio: Mantén vivo el checkout' 10
wait_for 'pulsa g' 5
# One key at a time: Esc and a key right after it read as Alt+key.
press() { for k in "$@"; do keys "$k"; sleep 0.3; done; }
press Escape g
wait_for 'Todavía no: 3 de 3 objetivos' 30
[ "$(screen | grep -c '✗ no cumplido')" = 3 ] || fail "not three goals missed"
press Escape Tab Tab 3 4 g
wait_for 'Aprobado: se cumplen los 3 objetivos' 30
[ "$(screen | grep -c '✓ cumplido')" = 3 ] || fail "not three goals met"
press Escape q
i=0
while [ ! -s "$WORK/rc" ] && [ "$i" -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
[ "$(cat "$WORK/rc" 2>/dev/null)" = 0 ] || fail "exit code $(cat "$WORK/rc" 2>/dev/null), not 0"
echo "e2e_exercise: the task on screen, g grades the live changes (missed, then met)"

out=$(BREAKWATER_LANG=es "$BIN" exercise keep-checkout-alive | cat)
echo "$out" | grep -q '^Tarea$' || fail "piped, no task printed: $out"
BREAKWATER_LANG=es "$BIN" grade keep-checkout-alive \
    --set services.payment.bulkhead.enabled=true --set patterns.timeout.enabled=true >/dev/null
rc=$?
[ "$rc" = 0 ] || fail "grade exit $rc, not 0"
echo "e2e_exercise: piped, the task as text; grade with the same changes exits 0"
