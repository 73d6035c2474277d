#!/usr/bin/env bash
# End to end, as a class sees it: seed-lesson in tmux at 80x24 and 120x40, in
# English and Spanish; `n` runs to each stop, and at every breaker stop the
# whole screen already shows the transition it stopped for: the banner, the
# Events panel's line at that time, and payment's state line. Every stop is
# printed, so a failure says where.
# Self-contained: builds what it needs and uses its own tmux server.
set -uo pipefail

E2E=e2e_n_stops
source "$(dirname "$0")/e2e_lib.sh"
e2e_build

# Presses n (which also takes the last stop's banner down; Esc would quit)
# and waits until the dashboard pauses at a later time than $1.
next_stop() {
    local before=$1 i=0
    keys n
    while [ "$i" -lt 200 ]; do
        sleep 0.1
        local now
        now=$(clock)
        if [ "$now" != "$before" ] && screen | head -n 1 | grep -Eq 'PAUSED|PAUSA'; then
            return 0
        fi
        i=$((i + 1))
    done
    fail "n did not stop after $before"
}

for lang in en es; do
    for size in 80x24 120x40; do
        w=${size%x*}
        h=${size#*x}
        # A fresh server per run (the last one may still be going away).
        tmux -L "$SOCK" kill-server >/dev/null 2>&1 || true
        started=no
        for _ in 1 2 3 4 5; do
            sleep 0.3
            if tmux -L "$SOCK" -f /dev/null new-session -d -x "$w" -y "$h" -s e2e -c "$WORK" \
                "BREAKWATER_LANG=$lang $BIN seed-lesson --paused; sleep 5" 2>/dev/null; then
                started=yes
                break
            fi
        done
        [ "$started" = yes ] || fail "tmux did not start"
        sleep 1
        screen | grep -q "Breakwater" || fail "no dashboard ($lang $size)"
        breaker_stops=0
        at=$(clock)
        for _ in $(seq 1 10); do
            next_stop "$at"
            at=$(clock)
            s=$(screen)
            # The banner's title: "MM:SS.s · Circuit Breaker" at a transition.
            # (on the banner's top border: the header's "next …" reads alike)
            title=$(echo "$s" | grep '┏' | grep -Eo '[0-9]{2}:[0-9]{2}[.,][0-9] · [A-Za-z ]+[a-z]' | head -n 1)
            [ -n "$title" ] || fail "no banner at $at ($lang $size)"
            echo "e2e_n_stops: $lang $size stop at ${at#t=}: $title"
            case "$title" in
            *"Circuit Breaker"*)
                when=${title%% ·*}
                to=$(echo "$s" | grep -Eo 'payment: [A-Z_]+ → [A-Z_]+' | head -n 1 | awk '{print $4}')
                [ -n "$to" ] || fail "the banner does not say the transition at $when ($lang $size)"
                # Events has the transition's own line, at its time.
                echo "$s" | grep -Eq "$when payment . $to" ||
                    fail "Events lacks '$when payment … $to' ($lang $size)"
                # payment's state line (the Circuit Breaker panel) is in the new state.
                echo "$s" | grep -Eq "payment +. $to " ||
                    fail "payment's state line is not $to at $when ($lang $size)"
                breaker_stops=$((breaker_stops + 1))
                ;;
            esac
        done
        [ "$breaker_stops" -ge 4 ] || fail "only $breaker_stops breaker stops in 10 ($lang $size)"
        keys q
        sleep 0.5
    done
done
echo "e2e_n_stops: ok"
