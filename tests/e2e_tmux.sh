#!/usr/bin/env bash
# End-to-end check of the dashboard as a user sees it: start the release
# binary in tmux at 120×40, read the screen, press keys, quit, and check that
# the shell is usable again and the summary table was printed.
# Self-contained: builds what it needs and uses its own tmux server.
set -uo pipefail

E2E=e2e_tmux
source "$(dirname "$0")/e2e_lib.sh"
echo "e2e_tmux: building the release binary"
e2e_build --example panic_in_dashboard
PANIC_BIN=$TARGET/release/examples/panic_in_dashboard

# Not a terminal: exit 2 and point at `breakwater run`.
out=$("$BIN" </dev/null 2>&1 >/dev/null)
rc=$?
[ "$rc" = 2 ] || fail "with stdout not a terminal the exit status was $rc, expected 2"
echo "$out" | grep -q "breakwater run" || fail "the no-terminal message does not mention 'breakwater run': $out"


tmux -L "$SOCK" -f /dev/null new-session -d -s e2e -x 120 -y 40 -c "$WORK" \
    "env -i HOME=$WORK PATH=$PATH TERM=tmux-256color bash --norc --noprofile" \
    || fail "cannot start tmux"
keys "PS1='e2e\$ '; clear" Enter
wait_for '^e2e\$' 5

echo "e2e_tmux: starting the dashboard at 120x40"
keys "$BIN" Enter
wait_for 'Circuit Breaker' 10
for title in "Circuit Breaker" "Retry" "Bulkhead" "Timeout · Fallback" "Latency" "Throughput" "Events" "Parameters"; do
    screen | grep -q -- "$title" || fail "panel title '$title' is not on screen"
done
screen | grep -q "RUNNING" || fail "the header does not say RUNNING"

c1=$(clock); sleep 1.5; c2=$(clock)
[ -n "$c1" ] || fail "no virtual clock (t=…) in the header"
[ "$c1" != "$c2" ] || fail "the clock does not move while running ($c1)"

echo "e2e_tmux: pausing"
keys Space
wait_for 'PAUSED' 5
c1=$(clock); sleep 1.5; c2=$(clock)
[ "$c1" = "$c2" ] || fail "the clock moved while paused ($c1 -> $c2)"

echo "e2e_tmux: changing failure_rate with the right arrow"
screen | grep -q '◀ 0.001 ▶' || fail "the selected parameter does not show failure_rate 0.001"
keys Right
wait_for '◀ 0.005 ▶' 5
wait_for 'you user failure_rate 0.001.{1,2}→.{1,2}0.005' 5
keys Left
wait_for '◀ 0.001 ▶' 5

echo "e2e_tmux: help overlay"
keys '?'
wait_for 'Esc closes' 5
# It opens on the lesson, scrolls with the keys (saying the page) and its
# arrows change no parameter.
wait_for 'Payment is the troubled service' 5
wait_for 'page 1/' 5
keys PageDown
wait_for 'page 2/' 5
keys Down Up End
wait_for 'Keys' 5
keys Home
wait_for 'page 1/' 5
keys Escape
sleep 0.3
screen | grep -q 'Esc closes' && fail "Esc did not close the help"
wait_for '◀ 0.001 ▶' 5

echo "e2e_tmux: resize to 80x24 and back"
tmux -L "$SOCK" resize-window -t e2e -x 80 -y 24 2>/dev/null || true
sleep 0.5
if [ "$(tmux -L "$SOCK" display -p -t e2e '#{window_width}')" = 80 ]; then
    echo "e2e_tmux: at 80x24, then 60x15 (too small), then 120x40"
    wait_for 'Circuit Breaker' 5
    tmux -L "$SOCK" resize-window -t e2e -x 60 -y 15
    wait_for 'enlarge to 80×24' 5
    tmux -L "$SOCK" resize-window -t e2e -x 120 -y 40
    wait_for 'Parameters' 5
else
    echo "e2e_tmux: (this tmux cannot resize a detached window; resize not checked)"
fi

echo "e2e_tmux: quitting"
keys q
wait_for 'service +calls' 10
screen | grep -q 'Seed lesson · seed 7' || fail "the summary's first line is missing"
screen | grep -Eq '^payment ' || fail "the summary has no payment row"
wait_for '^e2e\$' 5

keys "stty -a | grep -Eo -- '-?icanon' | head -n1; echo shell-ok-\$((40+2))" Enter
wait_for 'shell-ok-42' 5
screen | grep -Eq '^icanon' || fail "the terminal is still in raw mode after quit"

echo "e2e_tmux: a panic inside the terminal guard"
keys "clear; $PANIC_BIN; stty -a | grep -Eo -- '-?icanon' | head -n1; echo panic-ok-\$((40+3))" Enter
wait_for 'panic-ok-43' 10
screen | grep -q 'deliberate panic' || fail "the panic message is not on the normal screen"
screen | grep -Eq '^icanon' || fail "the terminal is still in raw mode after a panic"

now_ms() { date +%s%3N; }
# The pid of the dashboard started from the shell in the pane.
dash_pid() { pgrep -n -f "^$BIN" ; }
# stty_sane: the shell's terminal is back in cooked mode with echo.
stty_sane() {
    local tag=$1
    keys "clear; stty -a | tr ' ' '\n' | grep -E -- '^-?(icanon|echo)\$' | tr '\n' ' '; echo; echo $tag-\$((40+1))" Enter
    wait_for "$tag-41" 5
    screen | grep -E -- '^icanon echo' >/dev/null || fail "the terminal is not sane ($tag): $(screen | head -n 3)"
}

HEAVY=$ROOT/tests/scenarios/heavy.toml
echo "e2e_tmux: x1000 on a heavy scenario: the header tells the actual speed, q quits within a second"
keys "clear; $BIN $HEAVY --speed 1000" Enter
wait_for 'RUNNING' 10
wait_for 'actual ×' 10
t0=$(now_ms)
keys q
wait_for 'service +calls' 5
t1=$(now_ms)
[ $((t1 - t0)) -lt 1500 ] || fail "q took $((t1 - t0)) ms at ×1000 on the heavy scenario"
echo "e2e_tmux:   q answered in $((t1 - t0)) ms (screen polled every 100 ms)"
wait_for '^e2e\$' 5

echo "e2e_tmux: SIGTERM at x1000 on the heavy scenario ends it at once with status 143"
keys "clear; $BIN $HEAVY --speed 1000; echo rc=\$?" Enter
wait_for 'RUNNING' 10
sleep 1
t0=$(now_ms)
kill -TERM "$(dash_pid)" || fail "no dashboard process to signal"
wait_for 'rc=143' 5
t1=$(now_ms)
[ $((t1 - t0)) -lt 1500 ] || fail "SIGTERM took $((t1 - t0)) ms"
screen | grep -E 'service +calls' >/dev/null || fail "no summary after SIGTERM"
stty_sane term

echo "e2e_tmux: SIGTSTP, then fg: a working dashboard"
keys "clear; $BIN --speed 10" Enter
wait_for 'RUNNING' 10
kill -TSTP "$(dash_pid)" || fail "no dashboard process to signal"
wait_for 'Stopped' 5
stty_sane tstp
keys "clear; fg" Enter
wait_for 'Circuit Breaker' 5
c1=$(clock); sleep 1.5; c2=$(clock)
[ "$c1" != "$c2" ] || fail "the clock does not move after fg ($c1)"
keys Space
wait_for 'PAUSED' 5

echo "e2e_tmux: Ctrl-Z inside the dashboard, then fg"
keys C-z
wait_for 'Stopped' 5
stty_sane ctrlz
keys "clear; fg" Enter
wait_for 'PAUSED' 5
keys Space
wait_for 'RUNNING' 5
c1=$(clock); sleep 1.5; c2=$(clock)
[ "$c1" != "$c2" ] || fail "the clock does not move after Ctrl-Z and fg ($c1)"
keys q
wait_for 'service +calls' 5
wait_for '^e2e\$' 5

echo "e2e_tmux: in Spanish from LANG, paused, L switches to English live"
keys "clear; LANG=es_ES.UTF-8 $BIN --paused" Enter
wait_for 'EN PAUSA' 10
for title in "Circuit Breaker" "Latencia" "Caudal" "Eventos" "Parámetros"; do
    screen | grep -q -- "$title" || fail "Spanish panel title '$title' is not on screen"
done
keys n
wait_for 'Payment falla' 10
keys L
wait_for 'PAUSED' 5
screen | grep -q "Latency" || fail "L did not switch the panels to English"
keys q
wait_for 'service +calls' 5
wait_for '^e2e\$' 5

echo "e2e_tmux: SIGQUIT restores the terminal and exits 131"
keys "clear; $BIN; echo rc=\$?" Enter
wait_for 'RUNNING' 10
kill -QUIT "$(dash_pid)" || fail "no dashboard process to signal"
wait_for 'rc=131' 5
screen | grep -E 'service +calls' >/dev/null || fail "no summary after SIGQUIT"
stty_sane quit

echo "e2e_tmux: a lost terminal ends a paused dashboard that gets no SIGHUP"
# setsid: no controlling terminal, so killing the window sends it no SIGHUP,
# which is what ignoring SIGHUP amounts to; it must notice the hang-up itself.
tmux -L "$SOCK" new-window -d -t e2e -n lost "setsid -w $BIN --seed 4242" || fail "cannot open a second window"
sleep 1
tmux -L "$SOCK" send-keys -t e2e:lost Space
sleep 0.5
lost_pid=$(pgrep -n -f -- "^$BIN --seed 4242") || fail "the dashboard in the second window is not running"
tmux -L "$SOCK" kill-window -t e2e:lost
gone=""
for _ in $(seq 1 30); do
    if ! kill -0 "$lost_pid" 2>/dev/null; then gone=1; break; fi
    sleep 0.1
done
[ -n "$gone" ] || { kill "$lost_pid"; fail "the dashboard outlived its terminal by 3 s"; }

echo "e2e_tmux: a comparison opens at x1 and takes the dashboard's options"
keys "clear; $BIN compare seed-lesson --set-b patterns.bulkhead.enabled=false; echo rc=\$?" Enter
wait_for 'RUNNING' 10
screen | head -n 1 | grep -q '×1 ' || fail "the comparison did not open at ×1: $(screen | head -n 1)"
keys q
wait_for 'rc=0' 5
keys "clear; $BIN compare seed-lesson --set-b patterns.bulkhead.enabled=false --paused --speed 10 --light; echo rc=\$?" Enter
wait_for 'PAUSED' 10
screen | head -n 1 | grep -q '×10 ' || fail "--speed 10 not taken: $(screen | head -n 1)"
keys q
wait_for 'rc=0' 5

echo "e2e_tmux: ok"
