#!/usr/bin/env bash
# Builds the release bundle (widget wasm, JS glue, CSS, demo page) into dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
TRUNK_OFFLINE=true trunk build index.html --release --offline
