#!/usr/bin/env bash
# Builds the release bundle (widget wasm, JS glue, CSS, loader, iframe page, demo page) into dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
TRUNK_OFFLINE=true trunk build index.html --release --offline
# The loader ships to every partner page: drop its comments and indentation (it is written
# so that this is safe: no comment markers inside strings or regular expressions).
sed -E -e '/^[[:space:]]*(\/\*|\*|\/\/)/d' -e 's/^[[:space:]]+//' widget/js/embed.js > dist/embed.js
