#!/usr/bin/env bash
# Builds the release into dist/: the widget (wasm modules, JS glue, CSS, Welsh words, under
# content-hashed names; the loader and iframe page under stable ones, and the loader's pinned
# copy v/VERSION/embed.js), the campaign team's demo page with its editor, manifest.json and
# the hosting rules _headers (scripts/name-files.sh). `scripts/release.sh` also packs it.
# (The development build is Trunk's: `trunk serve`, README "Developing".)
set -euo pipefail
cd "$(dirname "$0")/.."
# dist/ afresh: the demo page (index.html, the editor, example host pages) and the files that
# keep their names.
rm -rf dist
mkdir -p dist/demo
# (index.html without its lines for Trunk, the development build's, and naming the release's
# manifest, from which the demo page's editor takes the pinned snippet's integrity.)
MANIFEST_META='<meta name="campaign-widget-manifest" content="'
grep -qF "$MANIFEST_META\">" index.html || { echo "build: index.html has no $MANIFEST_META\">" >&2; exit 1; }
grep -v 'data-trunk' index.html | sed "s|$MANIFEST_META\">|${MANIFEST_META}manifest.json\">|" >dist/index.html
cp style/demo.css demo/favicon.svg widget/core/campaign.schema.json dist/
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
# - `--cfg widget_split` and the linker's relocations (`--emit-relocs`): two split points that
#   wasm-split-cli cuts out into modules of their own, so the first load carries only the
#   campaign and the postcode form: the lookup (requests, decoding, the MP card:
#   widget/src/components/found.rs), fetched on the postcode field's first keystroke, and the
#   letter step (form, templating, sending: components/letter.rs), fetched when a lookup starts.
# - std's `optimize_for_size` feature (-Zbuild-std-features): its smaller variants of the same
#   algorithms (integer formatting, UTF-8 counting, escapes, sorting), same results: -0.75 KB gzip.
WIDGET_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort"
WIDGET_RUSTFLAGS+=" --cfg widget_split -Clink-arg=--emit-relocs"
RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }$WIDGET_RUSTFLAGS" \
  RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
  cargo build --quiet --release -p campaign-widget --bin campaign-widget --target wasm32-unknown-unknown
WASM_OUT="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release"
WORK="${CARGO_TARGET_DIR:-target}/widget-split"
# This build's widget files under their plain names, before scripts/name-files.sh names them
# by their content.
STAGE="${CARGO_TARGET_DIR:-target}/widget-stage"
rm -rf "$WORK" "$STAGE"
mkdir -p "$STAGE"
# 1. Split: the main module (what the first load needs), one module per split point
#    (split_lookup.wasm, split_letter.wasm), a chunk_N.wasm for code that two split modules
#    share and the main module does not need, and __wasm_split.js, which fetches and links them
#    on demand into the main module's memory and function table (the main module imports it
#    as ./__wasm_split.js).
wasm-split-cli "$WASM_OUT/campaign-widget.wasm" "$WORK/split" --out-name campaign-widget
# 2. wasm-bindgen, on the main module only (the other modules call JavaScript through the main
#    module's functions). --keep-lld-exports keeps `__indirect_function_table`, which they
#    import.
wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$WORK/bindgen" \
  --out-name campaign-widget "$WORK/split/campaign-widget.wasm"
# 2b. The main module's imports from the glue renamed, in both files, from wasm-bindgen's
#     `__wbg_NAME_HASH` (16 hex digits each, which gzip cannot shrink) to "a", "b", …: -3 KB gzip.
node scripts/short-imports.mjs "$WORK/bindgen/campaign-widget_bg.wasm" "$WORK/bindgen/campaign-widget.js"
# 3. wasm-opt on each module. The wasm features are those embed.js checks for (README,
#    "Browsers"); mutable globals too: the split modules import the main module's stack pointer.
#    The `producers` custom section (compiler names: no browser reads it) is dropped; the
#    `target_features` one stays: test.sh reads the modules' wasm features from it. (Not
#    --low-memory-unused, -0.5 KB gzip: it assumes that nothing lives in the low 1 KB of
#    memory, which is the deep end of Rust's stack.)
WASM_OPT=(-Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue --strip-producers)
wasm-opt "${WASM_OPT[@]}" "$WORK/bindgen/campaign-widget_bg.wasm" -o "$STAGE/campaign-widget_bg.wasm"
# The other modules, renamed so that every file of the widget starts with campaign-widget
# (one CORS rule on a CDN covers them all): split_X.wasm -> campaign-widget-X.wasm,
# chunk_N.wasm -> campaign-widget-shared-N.wasm; __wasm_split.js loads them by the new names.
for split in lookup letter; do
  [ -f "$WORK/split/split_$split.wasm" ] ||
    { echo "build: wasm-split-cli wrote no split_$split.wasm" >&2; exit 1; }
done
# A module that cannot be fetched (offline) is logged, and the widget says so itself: the log
# line carries our prefix, like every console message of ours (mount.rs, LOG_PREFIX).
grep -qF 'console.error(e);' "$WORK/split/__wasm_split.js" ||
  { echo "build: __wasm_split.js no longer logs a failed load as console.error(e)" >&2; exit 1; }
sed 's|console\.error(e);|console.error("[campaign-widget]", "a part of the widget could not be loaded:", e);|' \
  "$WORK/split/__wasm_split.js" > "$WORK/bindgen/__wasm_split.js"
for module in "$WORK"/split/*.wasm; do
  name=${module##*/}
  case "$name" in
    campaign-widget.wasm) continue ;;
    split_lookup.wasm | split_letter.wasm) shipped="campaign-widget-${name#split_}" ;;
    chunk_*.wasm) shipped="campaign-widget-shared-${name#chunk_}" ;;
    *) echo "build: wasm-split-cli wrote $name, which this script does not know" >&2; exit 1 ;;
  esac
  wasm-opt "${WASM_OPT[@]}" "$module" -o "$STAGE/$shipped"
  grep -qF "\"./$name\"" "$WORK/bindgen/__wasm_split.js" ||
    { echo "build: __wasm_split.js does not load ./$name by that name" >&2; exit 1; }
  sed -i "s|\"\./$name\"|\"./$shipped\"|" "$WORK/bindgen/__wasm_split.js"
done
# 4. The JS: wasm-bindgen's glue and the chunk loader. scripts/name-files.sh names the chunks
#    in the chunk loader by their content, then bundles the two with esbuild.
# (wasm-bindgen imports __wasm_split.js once per split module that the main module loads, and
# lists it as many times in the wasm's imports object, each time the same module: one is kept.)
awk '!/^ *"\.\/__wasm_split\.js": import[0-9]+,$/ || !seen++' "$WORK/bindgen/campaign-widget.js" \
  > "$STAGE/campaign-widget.js"
cp "$WORK/bindgen/__wasm_split.js" "$STAGE/"
# 5. The rest of the widget: its CSS, minified by esbuild (-0.8 KB gzip; no target, so esbuild
#    rewrites none of it for older browsers: its plain light colours come first and
#    `light-dark()` under `@supports`, README "Browsers"), the Welsh words, the loader and the
#    iframe page.
esbuild style/widget.css --minify --log-level=warning --outfile="$STAGE/widget.css"
cp widget/core/src/lang/cy.json widget/js/embed.js widget/js/embed.html "$STAGE/"
# The built-in campaign's first view, prerendered natively by the same components (the `ssr`
# feature; a debug build: it runs once), in each language and layout: the loader picks the
# widget's.
for lang in en cy; do
  scripts/prerender.sh --lang "$lang" --out "$STAGE/prerender-$lang.html"
  scripts/prerender.sh --lang "$lang" --layout compact --out "$STAGE/prerender-$lang-compact.html"
done
# 6. Into dist/: content-hashed names bottom-up, the loader that names them, the pinned loader.
scripts/name-files.sh "$STAGE" dist
# The demo page's editor logic: the core compiled on its own (never shipped to partners).
cargo build --quiet --release -p campaign-demo --target wasm32-unknown-unknown
wasm-bindgen --target web --no-typescript --out-dir dist/demo/pkg --out-name campaign-demo \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/campaign_demo.wasm"
# 7. What the release holds (every file, its size, gzip size and hash) and how to serve it.
scripts/manifest.sh dist
