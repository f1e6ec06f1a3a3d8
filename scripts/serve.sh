#!/usr/bin/env bash
# README command 1: installs what is missing, builds the release bundle and serves the demo
# page on http://127.0.0.1:${PORT:-8080}/ (rebuilding when a source file changes).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
PORT="${PORT:-8080}"
echo "[serve] demo page: http://127.0.0.1:$PORT/"
TRUNK_OFFLINE=true exec trunk serve index.html --release --offline --address 127.0.0.1 --port "$PORT"
