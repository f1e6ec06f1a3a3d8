#!/usr/bin/env bash
# README command 1: installs what is missing, builds the release bundle and serves the demo
# page on http://127.0.0.1:${PORT:-8080}/ with a local fixture API at /fixture-api/ (no
# network needed). Stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
exec cargo run --quiet -p e2e --bin demo-server -- "${PORT:-8080}"
