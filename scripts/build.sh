#!/usr/bin/env bash
# Builds the release bundle into dist/: the widget (wasm, JS glue, CSS, loader, iframe page)
# and the campaign team's demo page with its editor.
set -euo pipefail
cd "$(dirname "$0")/.."
# dist/ afresh: the demo page (index.html, the editor, example host pages) and the widget's
# static files. (Trunk did this, and built the wasm, until the wasm had to be split between
# cargo and wasm-bindgen, a step Trunk has no place for; what it did for us is these copies.)
rm -rf dist
mkdir -p dist/demo
cp index.html style/demo.css demo/favicon.svg style/widget.css widget/js/embed.html \
  widget/core/campaign.schema.json widget/core/src/lang/cy.json dist/
cp -R demo/site/. dist/demo/

# The widget's release wasm. Flags for it only (not the tests, clippy or the demo's editor
# logic, which cargo caches separately as they are built with other flags):
# - `--cfg erase_components`: Leptos type-erases views and reactive closures, so the view code
#   is compiled once per output type instead of once per component and closure (-10.6 KB gzip).
# - std rebuilt with `-Cpanic=immediate-abort` (-Zbuild-std, from the rust-src component): a
#   panic is a bare wasm trap, with no formatting, no panic hook and no source locations (the
#   release profile already aborts on panic; what goes is the machinery to report it),
#   -17.7 KB gzip. These are unstable options: RUSTC_BOOTSTRAP=1 lets the stable toolchain
#   take them, here only. Rather that than a pinned nightly: one toolchain to install, and the
#   tests and clippy stay on stable. (CARGO_UNSTABLE_BUILD_STD is `-Zbuild-std`.)
# - `--cfg widget_split` and the linker's relocations (`--emit-relocs`): the letter step (form,
#   templating, sending) becomes a split point (widget/src/components/letter.rs) that
#   wasm-split-cli cuts out into a second module, fetched when a lookup starts. The first load
#   no longer carries it.
WIDGET_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort"
WIDGET_RUSTFLAGS+=" --cfg widget_split -Clink-arg=--emit-relocs"
RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }$WIDGET_RUSTFLAGS" \
  RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  cargo build --quiet --release -p campaign-widget --bin campaign-widget --target wasm32-unknown-unknown
WASM_OUT="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release"
WORK="${CARGO_TARGET_DIR:-target}/widget-split"
rm -rf "$WORK"
# 1. Split: the main module (what the first load needs), one module per split point
#    (split_letter.wasm) and __wasm_split.js, which fetches and links them on demand into the
#    main module's memory and function table (the main module imports it as ./__wasm_split.js).
wasm-split-cli "$WASM_OUT/campaign-widget.wasm" "$WORK/split" --out-name campaign-widget
# 2. wasm-bindgen, on the main module only (the chunk calls JavaScript through the main
#    module's functions). --keep-lld-exports keeps `__indirect_function_table`, which the chunk
#    imports.
wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$WORK/bindgen" \
  --out-name campaign-widget "$WORK/split/campaign-widget.wasm"
# 3. wasm-opt on each module. The wasm features are those embed.js checks for (README,
#    "Browsers"); mutable globals too: the chunk imports the main module's stack pointer.
WASM_OPT=(-Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
wasm-opt "${WASM_OPT[@]}" "$WORK/bindgen/campaign-widget_bg.wasm" -o dist/campaign-widget_bg.wasm
# File names all start with campaign-widget, so one CORS rule on a CDN covers every file.
wasm-opt "${WASM_OPT[@]}" "$WORK/split/split_letter.wasm" -o dist/campaign-widget-letter.wasm
chunks=$(cd "$WORK/split" && ls -- *.wasm | grep -vx -e campaign-widget.wasm -e split_letter.wasm || true)
if [ -n "$chunks" ]; then
  echo "build: wasm-split-cli wrote modules this script does not ship: $chunks" >&2
  exit 1
fi
# 4. The JS: wasm-bindgen's glue and the chunk loader, bundled into one module (they import
#    each other; apart, the browser would find the second only after parsing the first, one
#    more round trip before the wasm download starts: +150 ms on a slow 4G connection) and
#    minified (-2 KB gzip). The targets are the oldest browsers that run the wasm (README), so
#    that esbuild never writes newer syntax than they read. The chunk's name is fixed by
#    wasm-split-cli: renamed so that every file of the widget starts with campaign-widget.
grep -qF '"./split_letter.wasm"' "$WORK/split/__wasm_split.js" ||
  { echo "build: __wasm_split.js no longer loads ./split_letter.wasm" >&2; exit 1; }
sed 's|"\./split_letter\.wasm"|"./campaign-widget-letter.wasm"|' "$WORK/split/__wasm_split.js" \
  > "$WORK/bindgen/__wasm_split.js"
esbuild "$WORK/bindgen/campaign-widget.js" --bundle --minify --format=esm \
  --target=chrome96,firefox79,safari15 --log-level=warning --outfile=dist/campaign-widget.js
# The loader ships to every partner page: drop its comments and indentation (it is written
# so that this is safe: no comment markers inside strings or regular expressions).
sed -E -e '/^[[:space:]]*(\/\*|\*|\/\/)/d' -e 's/^[[:space:]]+//' widget/js/embed.js > dist/embed.js
# The demo page's editor logic: the core compiled on its own (never shipped to partners).
cargo build --quiet --release -p campaign-demo --target wasm32-unknown-unknown
wasm-bindgen --target web --no-typescript --out-dir dist/demo/pkg \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/campaign_demo.wasm"
