#!/usr/bin/env bash
# Builds the release bundle into dist/: the widget (wasm, JS glue, CSS, loader, iframe page)
# and the campaign team's demo page with its editor.
set -euo pipefail
cd "$(dirname "$0")/.."
# Flags for the widget's release wasm only (not the tests, clippy or the demo's editor logic,
# which cargo caches separately as they are built with other flags):
# - `--cfg erase_components`: Leptos type-erases views and reactive closures, so the view code
#   is compiled once per output type instead of once per component and closure (-10.6 KB gzip).
# - std rebuilt with `-Cpanic=immediate-abort` (-Zbuild-std, from the rust-src component): a
#   panic is a bare wasm trap, with no formatting, no panic hook and no source locations (the
#   release profile already aborts on panic; what goes is the machinery to report it),
#   -17.7 KB gzip. These are unstable options: RUSTC_BOOTSTRAP=1 lets the stable toolchain
#   take them, here only. Rather that than a pinned nightly: one toolchain to install, and the
#   tests and clippy stay on stable. (CARGO_UNSTABLE_BUILD_STD is `-Zbuild-std` for the cargo
#   that trunk runs.)
WIDGET_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort"
RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }$WIDGET_RUSTFLAGS" \
  RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
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
