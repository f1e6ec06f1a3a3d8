#!/usr/bin/env bash
# Writes a staged build of the widget (scripts/build.sh: its files under their plain names) into
# a release folder under content-hashed names, NAME.HASH.EXT (HASH: the first 10 hex digits of
# the file's SHA-256), bottom-up, so that a changed byte in any file changes its name and the
# name of every file that names it, up to the loader:
#   1. the wasm modules that the chunk loader (__wasm_split.js) fetches: their names, and their
#      Subresource Integrity hashes, go into the chunk loader;
#   2. wasm-bindgen's glue, bundled with that chunk loader by esbuild and minified (one module:
#      apart, the browser would find the second only after parsing the first, one more round
#      trip before the wasm download starts), and the main wasm module;
#   3. the CSS, the Welsh words and the prerendered first views;
#   4. the loader embed.js, which names those with their integrity hashes and keeps its name
#      (like the iframe page embed.html), and its pinned copy v/VERSION/embed.js, byte for byte
#      the same (it finds the files two folders up from there). esbuild minifies it with the target
#      ES2017: a classic script that must run, and say so, in browsers too old for the wasm.
# The esbuild targets are the oldest browsers that run the wasm (README, "Browsers").
# Usage: scripts/name-files.sh STAGE OUT   (OUT may hold other files already: the demo page)
set -euo pipefail
cd "$(dirname "$0")/.."
STAGE=$1 OUT=$2
VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' widget/Cargo.toml | head -n 1)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

# NAME.HASH.EXT of a file.
hashed() {
  local file=${1##*/}
  echo "${file%.*}.$(sha256sum "$1" | cut -c1-10).${file##*.}"
}
# Its Subresource Integrity value.
integrity() { echo "sha256-$(openssl dgst -sha256 -binary "$1" | openssl base64 -A)"; }
# Copies a file into OUT under its hashed name and prints that name.
publish() {
  local name
  name=$(hashed "$1")
  cp "$1" "$OUT/$name"
  echo "$name"
}

# 1. The chunks: the chunk loader fetches each with `fetch(new URL("./NAME", import.meta.url))`;
#    it fetches the hashed name instead, with the module's integrity.
cp "$STAGE/__wasm_split.js" "$WORK/__wasm_split.js"
lookup=""
for module in "$STAGE"/campaign-widget-*.wasm; do
  plain=${module##*/}
  name=$(publish "$module")
  # (The lookup's module is named in the loader too: it fetches it ahead when the supporter
  # uses the prerendered field before the wasm has arrived.)
  [ "$plain" = campaign-widget-lookup.wasm ] && lookup=$(printf ', lookup: ["%s", "%s"]' "$name" "$(integrity "$module")")
  fetch="fetch(new URL(\"./$plain\", import.meta.url))"
  grep -qF "$fetch" "$WORK/__wasm_split.js" ||
    { echo "name-files: __wasm_split.js does not load $plain with $fetch" >&2; exit 1; }
  sed -i "s|fetch(new URL(\"\./$plain\", import\.meta\.url))|fetch(new URL(\"./$name\", import.meta.url), { integrity: \"$(integrity "$module")\" })|" \
    "$WORK/__wasm_split.js"
done

# 2. The glue (with the chunk loader) and the main module.
cp "$STAGE/campaign-widget.js" "$WORK/campaign-widget.js"
esbuild "$WORK/campaign-widget.js" --bundle --minify --format=esm \
  --target=chrome96,firefox79,safari15 --log-level=warning --outfile="$WORK/glue/campaign-widget.js"
js=$(publish "$WORK/glue/campaign-widget.js")
wasm=$(publish "$STAGE/campaign-widget_bg.wasm")
# 3. The CSS, the Welsh words and the prerendered first views (prerender-LANG.html).
css=$(publish "$STAGE/widget.css")
cy=$(publish "$STAGE/cy.json")
views=""
for view in "$STAGE"/prerender-*.html; do
  key=${view##*/prerender-}
  views+=$(printf ', "view-%s": ["%s", "%s"]' "${key%.html}" "$(publish "$view")" "$(integrity "$view")")
done

# 4. The loader: its FILES line names this build's files, with their integrity (the glue's for
#    the modulepreload link that checks it before the loader import()s it).
files() {
  printf '  const FILES = { js: ["%s", "%s"], wasm: ["%s", "%s"], css: ["%s", "%s"], cy: ["%s", "%s"]%s };' \
    "$js" "$(integrity "$WORK/glue/campaign-widget.js")" "$wasm" "$(integrity "$STAGE/campaign-widget_bg.wasm")" \
    "$css" "$(integrity "$STAGE/widget.css")" "$cy" "$(integrity "$STAGE/cy.json")" "$views$lookup"
}
[ "$(grep -c '^  const FILES = ' "$STAGE/embed.js")" = 1 ] ||
  { echo "name-files: embed.js has no single FILES line to fill in" >&2; exit 1; }
awk -v line="$(files)" '/^  const FILES = /{ print line; next } { print }' "$STAGE/embed.js" >"$WORK/embed.js"
esbuild "$WORK/embed.js" --minify --target=es2017 --log-level=warning --outfile="$OUT/embed.js"
mkdir -p "$OUT/v/$VERSION"
cp "$OUT/embed.js" "$OUT/v/$VERSION/embed.js"
cp "$STAGE/embed.html" "$OUT/embed.html"
