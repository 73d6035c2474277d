# Shared by the tmux end-to-end scripts (`source tests/e2e_lib.sh` after
# setting E2E, the script's name): failing with the screen, tmux itself, the
# release binary, a private tmux server with a scratch folder, and reading the
# screen and pressing keys in the session called `e2e`.

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
ROOT=$PWD

fail() {
    echo "$E2E: FAIL: $*" >&2
    if [ -n "${SOCK:-}" ]; then
        echo "---- screen ----" >&2
        tmux -L "$SOCK" capture-pane -p -t e2e >&2 2>/dev/null || true
        echo "----------------" >&2
    fi
    exit 1
}

if ! command -v tmux >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        apt-get install -y tmux >/dev/null 2>&1 || (apt-get update >/dev/null 2>&1 && apt-get install -y tmux >/dev/null 2>&1)
    fi
    command -v tmux >/dev/null 2>&1 || fail "tmux is not installed (apt-get install -y tmux)"
fi

# e2e_build [cargo build flags]: the release binary (and what else is asked).
e2e_build() {
    cargo build --release --quiet --bin breakwater "$@" || fail "cargo build --release failed"
    TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
    BIN=$TARGET/release/breakwater
    [ -x "$BIN" ] || fail "no binary at $BIN"
}

SOCK=breakwater-$E2E-$$
WORK=$(mktemp -d)
cleanup() {
    tmux -L "$SOCK" kill-server >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

screen() { tmux -L "$SOCK" capture-pane -p -t e2e; }
keys() { tmux -L "$SOCK" send-keys -t e2e "$@"; }
# wait_for PATTERN SECONDS: until the screen matches (grep -E).
wait_for() {
    local pattern=$1 limit=${2:-10} i=0
    while [ "$i" -lt $((limit * 10)) ]; do
        if screen | grep -Eq -- "$pattern"; then return 0; fi
        sleep 0.1
        i=$((i + 1))
    done
    fail "timed out after ${limit}s waiting for /$pattern/"
}
clock() { screen | grep -Eo 't=[0-9:.,]+' | head -n 1; }
