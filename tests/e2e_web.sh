#!/usr/bin/env bash
# The browser edition end to end (issue 24): builds the site (scripts/web.sh),
# serves it on loopback with Python's http.server, as a teacher would, and
# runs tests/web/browser.mjs in headless Chromium (Debian's chromium, driven
# by playwright-core from npm). Needs: chromium, node and npm. WEB_SHOT=FILE.png
# and WEB_TIMINGS=FILE.json keep the screenshot and the timings.
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${SEED:-11}
out=$(mktemp -d)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  rm -rf "$out"
}
trap cleanup EXIT

bash scripts/web.sh "$out/site"
(cd tests/web && npm ci --no-fund --no-audit --silent)

# What the terminal says: the command, built as cargo test builds it.
cargo build --quiet --bin breakwater
target/debug/breakwater run seed-lesson --seed "$seed" --json > "$out/expected.json"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server --bind 127.0.0.1 --directory "$out/site" "$port" > "$out/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  python3 -c "import urllib.request as u; u.urlopen('http://127.0.0.1:$port/index.html', timeout=1)" \
    2>/dev/null && break
  sleep 0.1
done

node tests/web/browser.mjs "http://127.0.0.1:$port" "$out/expected.json" "$seed" \
  tests/snapshots/tui_screens__retry_storm_75s_80x24.snap "$out"
if [ -n "${WEB_SHOT:-}" ]; then
  cp "$out/web-1280x720.png" "$WEB_SHOT"
fi
if [ -n "${WEB_TIMINGS:-}" ]; then
  cp "$out/timings.json" "$WEB_TIMINGS"
fi
