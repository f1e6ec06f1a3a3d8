#!/usr/bin/env bash
# Benchmark (not part of scripts/test.sh): bytes and time until the postcode field can be used,
# and from Find your MP to the MP card (a supporter who types, one who autofills and presses at
# once, one who presses the moment the field appears; fixture API from tests/fixtures/api), in
# headless Chromium with a fresh profile per run, served gzip -9 precompressed from 127.0.0.1,
# under three conditions: no throttling, 4x CPU, 4x CPU + slow 4G; then a returning visitor
# (warm cache, same release, short lifetimes run out): requests and bytes, with each folder's
# own hosting rules (_headers) or, without them, the short lifetime fixed names allow; then, under
# the three conditions, the host page's Cumulative Layout Shift while the widget loads, in an
# article (1280x900) with the snippet partners paste, with a blog's iframe snippet and, for a
# release with a prerendered view (prerender-en.<hash>.html in its manifest.json), with the
# widget's HTML in the page.
# Usage: scripts/bench.sh [--runs N] [--only PARTS] [--verbose] [--full-html] [--after-live] [--files] [--chromium PATH] [DIST [DIST2]]
#   (default: dist)
#   --runs N         page loads per folder, condition and supporter or host page (default 7)
#   --only PARTS     the parts to run, comma-separated: load (the field and the MP card),
#                    returning (the returning visitor), cls (the host page's layout shift);
#                    default all, e.g. --only cls
#   --verbose        each run's layout shifts (value@ms)
#   --after-live     the supporters act once the widget is live (its ready event), not once the
#                    field appears (a prerendered field appears before the wasm)
#   --full-html      the load part on a page that carries the widget's prerendered view (the
#                    full-HTML snippet), for a folder that has one (the other: the custom element)
#   --files          the files of the last run per folder, with their bytes
#   --chromium PATH  the browser (default /usr/bin/chromium)
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
    --runs | --chromium | --only) skip=1 ;;
    -*) ;;
    *) folders=$((folders + 1)) ;;
  esac
done
if [ "$folders" -eq 0 ]; then set -- "$@" dist; fi
exec node scripts/bench/bench.mjs "$@"
