#!/usr/bin/env bash
# End-to-end check of key T (the trace menu) as a user sees it: the release
# binary in tmux at 80×24 and 120×40, in English and Spanish, seed-lesson
# paused at t = 0 with payment selected; for every kind of the menu, T, ↓ to
# it, Enter: the overlay's title names the kind and the screen shows a call
# (`call #` / `n.º`) or says why none (the end, or 10 minutes); Esc closes
# it and never quits; then call #126 typed as digits. Self-contained: builds
# the binary and uses its own tmux server.
set -uo pipefail

E2E=e2e_trace_menu
source "$(dirname "$0")/e2e_lib.sh"
e2e_build
BASE=$SOCK

# The kinds in menu order, as each language words them (the catalogue's
# trace-where-*), the start of the words being enough to find the title.
EN=("retried" "with an attempt cut" "timed out" "answered by the fallback" "short-circuited"
    "rejected by the bulkhead" "rejected by the caller" "hedged" "failed" "ok")
ES=("reintentada" "con un intento cortado" "agotada por tiempo" "respondida por el fallback"
    "cortocircuitada" "rechazada por el bulkhead" "rechazada por el pool" "cubierta" "fallida" "ok")

run_case() {
    local lang=$1 w=$2 h=$3
    local -n words=$4
    local title found none
    if [ "$lang" = es ]; then title="Traza · payment: "; found="n\.º [0-9]"; none="ninguna"; else
        title="Trace · payment: "; found="call #[0-9]"; none="none in the next|before the end"; fi
    echo "e2e_trace_menu: $lang at ${w}x$h"
    tmux -L "$SOCK" kill-server >/dev/null 2>&1 || true
    SOCK=$BASE-$lang-$w
    tmux -L "$SOCK" -f /dev/null new-session -d -s e2e -x "$w" -y "$h" -c "$WORK" \
        "env -i HOME=$WORK PATH=$PATH TERM=tmux-256color $BIN --paused --lang $lang" \
        || fail "cannot start tmux"
    wait_for 'Circuit Breaker' 10
    keys Tab Tab
    sleep 0.3
    local i=0
    for kind in "${words[@]}"; do
        keys T
        wait_for "${words[0]}" 5
        for _ in $(seq 1 "$i"); do keys Down; done
        keys Enter
        wait_for "$title$kind" 20
        screen | grep -Eq -- "$found|$none" || fail "$lang ${w}x$h: no call and no reason for '$kind'"
        keys Escape
        sleep 0.3
        screen | grep -q -- "$title" && fail "$lang ${w}x$h: Esc did not close the trace"
        screen | grep -q 'Circuit Breaker' || fail "$lang ${w}x$h: Esc quit the dashboard"
        i=$((i + 1))
    done
    # The menu's Esc closes it and never quits.
    keys T
    wait_for "${words[0]}" 5
    keys Escape
    sleep 0.3
    screen | grep -q -- "${words[1]}" && fail "$lang ${w}x$h: Esc did not close the menu"
    screen | grep -q 'Circuit Breaker' || fail "$lang ${w}x$h: Esc in the menu quit"
    # Call #126, typed.
    keys T 1 2 6 Enter
    if [ "$lang" = es ]; then wait_for "n\.º 126" 20; else wait_for "call #126 of payment" 20; fi
    keys Escape q
}

run_case en 80 24 EN
run_case en 120 40 EN
run_case es 80 24 ES
run_case es 120 40 ES
echo "e2e_trace_menu: ok"
