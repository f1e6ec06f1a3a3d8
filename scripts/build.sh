#!/usr/bin/env bash
# Builds the release bundle into dist/: the widget (wasm, JS glue, CSS, loader, iframe page)
# and the campaign team's demo page with its editor.
set -euo pipefail
cd "$(dirname "$0")/.."
TRUNK_OFFLINE=true trunk build index.html --release --offline
# The loader ships to every partner page: drop its comments and indentation (it is written
# so that this is safe: no comment markers inside strings or regular expressions).
sed -E -e '/^[[:space:]]*(\/\*|\*|\/\/)/d' -e 's/^[[:space:]]+//' widget/js/embed.js > dist/embed.js
# The demo page's editor logic: the core compiled on its own (never shipped to partners).
cargo build --quiet --release -p campaign-demo --target wasm32-unknown-unknown
wasm-bindgen --target web --no-typescript --out-dir dist/demo/pkg \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/campaign_demo.wasm"
