#!/usr/bin/env bash
# Renders a campaign's first view (the campaign and the postcode form) to HTML with the widget's
# own components, natively (Leptos's `ssr` feature; README, "Prerendered first view"):
#   scripts/prerender.sh [--campaign FILE] [--lang en|cy] [--layout full|compact] [--out FILE]
# Without --campaign: the built-in campaign (scripts/build.sh puts it in every release, in each
# language and layout); without --layout: the campaign's own.
# A campaign team hosts the file beside its campaign.json and names it in the tag:
#   <script src=".../embed.js" async data-campaign=".../campaign.json"
#     data-prerendered=".../campaign.en.html"></script>
# or pastes it into the full-HTML snippet (the demo page writes both).
set -euo pipefail
# (Relative paths are the caller's: cargo runs the program from here.)
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --campaign | --out) args+=("$1" "$(realpath -m -- "${2:?$1 needs a value}" 2>/dev/null)"); shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
cd "$(dirname "$0")/.."
# Without the widget's release flags (those are for its wasm only): a plain native build.
RUSTFLAGS="" cargo run --quiet -p campaign-widget --no-default-features --features ssr \
  --bin prerender -- "${args[@]}"
