#!/usr/bin/env bash
# Predict, then run, in Spanish at 80×24 (issue 22): seed-lesson with
# --predict; the first question appears at its moment, before its answer (no
# «ejecución:» yet, the clock at the question's time); the class's answer is
# typed (letters and digits go to the answer: `q` does not quit there);
# `n` runs on until the reveal, which shows the prediction beside the run's
# answer, right or wrong, and the explanation; on quit the CSV has the row.
set -uo pipefail

E2E=e2e_predict_es
source "$(dirname "$0")/e2e_lib.sh"
echo "e2e_predict_es: building the release binary"
e2e_build

tmux -L "$SOCK" -f /dev/null new-session -d -s e2e -x 80 -y 24 -c "$WORK" \
    "env -i HOME=$WORK PATH=$PATH TERM=tmux-256color BREAKWATER_LANG=es bash --norc --noprofile" \
    || fail "cannot start tmux"
keys "PS1='e2e\$ '; clear" Enter
wait_for '^e2e\$' 5

keys "clear; $BIN seed-lesson --predict --predictions clase.csv --speed 50" Enter
wait_for 'pregunta 1 de [0-9]+' 30
s=$(screen)
echo "$s" | grep -q 'EN PAUSA' || fail "the dashboard does not pause at the question"
echo "$s" | grep -q 'ejecución:' && fail "the answer shows before the class answered"
title=$(echo "$s" | grep -Eo '[0-9]{2}:[0-9]{2},[0-9] · pregunta 1 de' | head -n 1)
at=${title%% ·*}
clock | grep -qF "t=$at" || fail "the clock ($(clock)) is not at the question's moment ($at)"

# `q` is a letter of the answer here, never quit; Backspace takes it back.
keys q
sleep 0.3
screen | grep -q '› q' || fail "q did not go to the answer"
keys BSpace
if screen | grep -q 'responde con un número'; then
    answer=40
    keys 4 0
else
    answer=b
    keys b
fi
sleep 0.3
screen | grep -qF "› $answer" || fail "the typed answer is not shown"
keys Enter
sleep 0.3
for _ in $(seq 1 30); do
    screen | grep -q 'ejecución:' && break
    keys n
    sleep 0.7
done
s=$(screen)
echo "$s" | grep -q 'ejecución:' || fail "no reveal after the question's window"
echo "$s" | grep -qE "clase: $answer\b" || fail "the reveal does not show the class's answer $answer"
echo "$s" | grep -qE '✓ acierto|✗ fallo' || fail "the reveal does not say right or wrong"
# The explanation follows the outcome (a line of words after it).
echo "$s" | sed -n '/ejecución:/,$p' | grep -qE '┃ [[:alpha:]¿¡]' || fail "no explanation under the reveal"

# Any key takes the reveal down; the next question may be asked at the same
# moment (Esc skips it, and never quits).
keys Escape
sleep 0.3
if screen | grep -q '› '; then
    keys Escape
    sleep 0.3
    screen | grep -q 'Lección semilla' || fail "Esc quit the dashboard"
fi
keys q
wait_for 'predicciones guardadas en' 10
[ -f "$WORK/clase.csv" ] || fail "no clase.csv"
head -n 1 "$WORK/clase.csv" | grep -qx 'time,question,prediction,answer,right' || fail "the CSV's header: $(head -n 1 "$WORK/clase.csv")"
grep -qE "^\"?$at\"?,.*,$answer,[^,]+,(yes|no)$" "$WORK/clase.csv" || fail "the CSV has no row for the question: $(cat "$WORK/clase.csv")"
echo "e2e_predict_es: ok"
