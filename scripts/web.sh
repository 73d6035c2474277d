#!/usr/bin/env bash
# Builds the browser edition into a folder of static files (default
# web/dist): index.html, breakwater_web.js and breakwater_web_bg.wasm. Any
# web server serves it: `python3 -m http.server -d web/dist 8000`.
#
# Installs what it needs once: the wasm32-unknown-unknown target (rustup)
# and wasm-bindgen-cli at exactly the version of the wasm-bindgen crate in
# Cargo.lock (cargo install, into ~/.cargo/bin).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-web/dist}"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  echo "web.sh: installing wasm-bindgen-cli $want (was: ${have:-none})" >&2
  # Its own lock first; a registry without a version that lock names (a
  # yanked one, a mirror behind) gets the newest compatible instead.
  cargo install --locked --quiet wasm-bindgen-cli --version "$want" ||
    cargo install --quiet wasm-bindgen-cli --version "$want"
fi

cargo build -p breakwater-web --release --target wasm32-unknown-unknown
# A new folder, filled, then put in place: never a half-built site.
tmp="$out.tmp.$$"
rm -rf "$tmp"
mkdir -p "$tmp"
wasm-bindgen --target web --no-typescript --out-dir "$tmp" \
  target/wasm32-unknown-unknown/release/breakwater_web.wasm
cp web/index.html "$tmp/"
mkdir "$tmp/fonts"
cp web/fonts/*.woff2 web/fonts/OFL.txt "$tmp/fonts/"
rm -rf "$out"
mv "$tmp" "$out"
find "$out" -type f | sort | while read -r f; do
  printf '%-40s %9d bytes, %9d gzipped\n' "$f" "$(wc -c < "$f")" "$(gzip -9c "$f" | wc -c)"
done
echo "web.sh: built $out; serve it with: python3 -m http.server -d $out 8000"
