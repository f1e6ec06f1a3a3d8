#!/usr/bin/env bash
# Builds the release bundle into dist/: the widget (wasm, JS glue, CSS, loader, iframe page)
# and the campaign team's demo page with its editor.
set -euo pipefail
cd "$(dirname "$0")/.."
# Flags for the widget's release wasm only (not the tests, clippy or the demo's editor logic,
# which cargo caches separately as they are built with other flags):
# - `--cfg erase_components`: Leptos type-erases views and reactive closures, so the view code
#   is compiled once per output type instead of once per component and closure (-10.6 KB gzip).
WIDGET_RUSTFLAGS="--cfg erase_components"
RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }$WIDGET_RUSTFLAGS" \
  TRUNK_OFFLINE=true trunk build index.html --release --offline
# The JS glue that wasm-bindgen writes, minified (-2 KB gzip). Same file name: embed.js imports
# it. The targets are the oldest browsers that run the wasm (README), so that esbuild never
# writes newer syntax than they read.
esbuild dist/campaign-widget.js --minify --format=esm --target=chrome96,firefox79,safari15 \
  --log-level=warning --outfile=dist/campaign-widget.min.js
mv dist/campaign-widget.min.js dist/campaign-widget.js
# The loader ships to every partner page: drop its comments and indentation (it is written
# so that this is safe: no comment markers inside strings or regular expressions).
sed -E -e '/^[[:space:]]*(\/\*|\*|\/\/)/d' -e 's/^[[:space:]]+//' widget/js/embed.js > dist/embed.js
# The demo page's editor logic: the core compiled on its own (never shipped to partners).
cargo build --quiet --release -p campaign-demo --target wasm32-unknown-unknown
wasm-bindgen --target web --no-typescript --out-dir dist/demo/pkg \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/campaign_demo.wasm"
