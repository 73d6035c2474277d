#!/usr/bin/env bash
# A comparison reads at 80×24 in Spanish (issue 21): for the three lessons
# that compare, start the release binary in tmux at 80×24 with
# BREAKWATER_LANG=es, and check on the screen that both side labels are
# whole, every service has its row, and the parameter the sides set
# differently is listed and marked ≠; then quit.
set -uo pipefail

E2E=e2e_compare_es
source "$(dirname "$0")/e2e_lib.sh"
echo "e2e_compare_es: building the release binary"
e2e_build

tmux -L "$SOCK" -f /dev/null new-session -d -s e2e -x 80 -y 24 -c "$WORK" \
    "env -i HOME=$WORK PATH=$PATH TERM=tmux-256color BREAKWATER_LANG=es bash --norc --noprofile" \
    || fail "cannot start tmux"
keys "PS1='e2e\$ '; clear" Enter
wait_for '^e2e\$' 5

# scenario | label A | label B | services | the differing parameter's row
check() {
    local name=$1 a=$2 b=$3 services=$4 differs=$5
    echo "e2e_compare_es: $name"
    keys "clear; $BIN compare $name --paused" Enter
    wait_for 'Circuit Breaker' 10
    wait_for 'EN PAUSA' 5
    local s
    s=$(screen)
    echo "$s" | grep -qF -- "A $a " || fail "$name: side label A '$a' is not whole"
    echo "$s" | grep -qF -- "B $b" || fail "$name: side label B '$b' is not whole"
    echo "$s" | grep -q '…  B\|A [^ ]*…' && fail "$name: a side label is cut"
    for svc in $services; do
        # Its name whole in the Breaker panel (the first rows).
        echo "$s" | sed -n '3,8p' | grep -qE "[▸ ]$svc +A" || fail "$name: service '$svc' has no row"
    done
    echo "$s" | grep -E "$differs" | grep -q '≠' || fail "$name: the differing parameter /$differs/ is not listed with ≠"
    keys q
    wait_for '^e2e\$' 10
}

check retry-storm "reintentos ingenuos" "presupuesto de reintentos" "api" 'retry\.budget +A +— +B +sí'
check timeout-fallback "sin timeout" "timeout de 500 ms + fallback" "recommendations" 'timeout\.enabled +A +no +B +sí'
check bulkhead-isolation "pool compartido (sin bulkheads)" "bulkheads de 8 huecos" "user order payment" 'bulkhead\.enabled +A +no +B +sí'

echo "e2e_compare_es: ok"
