#!/usr/bin/env bash
# Benchmark (not part of scripts/test.sh): bytes and time until the postcode field can be used,
# and from Find your MP to the MP card (a supporter who types, one who autofills and presses at
# once, one who presses the moment the field appears; fixture API from tests/fixtures/api), in
# headless Chromium with a fresh profile per run, served gzip -9 precompressed from 127.0.0.1,
# under three conditions: no throttling, 4x CPU, 4x CPU + slow 4G; then a returning visitor
# (warm cache, same release, short lifetimes run out): requests and bytes, with each folder's
# own hosting rules (_headers) or, without them, the short lifetime fixed names allow.
# Usage: scripts/bench.sh [--runs N] [--files] [DIST [DIST2]]   (default: dist; N: 7)
#   With two folders it compares them, alternating runs, e.g. a build of main against yours:
#   scripts/bench.sh /tmp/main-dist dist
# Needs Node and Chromium (scripts/setup.sh --browser installs Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
folders=0
skip=0
for arg in "$@"; do
  if [ "$skip" -eq 1 ]; then skip=0; continue; fi
  case "$arg" in
    --runs | --chromium) skip=1 ;;
    -*) ;;
    *) folders=$((folders + 1)) ;;
  esac
done
if [ "$folders" -eq 0 ]; then set -- "$@" dist; fi
exec node scripts/bench/bench.mjs "$@"
