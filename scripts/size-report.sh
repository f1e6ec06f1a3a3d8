#!/usr/bin/env bash
# Prints the compressed size of every file a browser downloads to show the widget, and fails
# when the first load exceeds the budget in size-budget.txt. A benchmark, not a timed test.
# Two groups: the first load (what a partner page downloads to show the widget and its
# postcode field) and the chunks fetched later (see scripts/build.sh): the lookup's code on the
# postcode field's first keystroke, the letter step's when a lookup starts, and any code those
# two share (campaign-widget-shared-N.wasm) with whichever of them comes first. Sizes are
# gzip -9, and Brotli -q 11 (what CDNs serve) where the `brotli` command exists (Debian
# package `brotli`); the budgets are gzip -9. Files and gzip sizes come from the release's
# manifest.json (scripts/manifest.sh), which names each content-hashed file by its plain name.
set -euo pipefail
cd "$(dirname "$0")/.."
DIST="${DIST:-dist}"
budget=$(grep -E '^total_gzip_bytes=' size-budget.txt | cut -d= -f2)
loader_budget=$(grep -E '^loader_gzip_bytes=' size-budget.txt | cut -d= -f2)
chunk_budget=$(grep -E '^later_chunks_gzip_bytes=' size-budget.txt | cut -d= -f2)
view_budget=$(grep -E '^first_view_gzip_bytes=' size-budget.txt | cut -d= -f2)

MANIFEST="$DIST/manifest.json"
[ -f "$MANIFEST" ] || { echo "size report: $MANIFEST is missing (build first: scripts/build.sh)"; exit 1; }
# The manifest's line for a plain name (a pattern: * for any characters).
entries() {
  local pattern
  pattern=$(sed 's/[.]/\\./g; s/[*]/[^"]*/g' <<<"$1")
  grep -E "\"name\": \"$pattern\"" "$MANIFEST" || true
}
# Everything a partner page downloads for one widget before the supporter can type a postcode.
# (campaign-widget.js is wasm-bindgen's glue and the chunks' loader, bundled.)
first_load=("campaign-widget_bg.wasm" "campaign-widget.js" "widget.css" "embed.js")
# Fetched once the supporter types.
later=("campaign-widget-*.wasm")

has_brotli=false
command -v brotli >/dev/null 2>&1 && has_brotli=true
br_size() { if $has_brotli; then brotli -q 11 -c "$1" | wc -c; else echo -; fi; }

# Prints one row per file (its name in the release) and sets `sum_gz` and `sum_br` for the group.
group() {
  sum_gz=0 sum_br=0
  for name in "$@"; do
    lines=$(entries "$name")
    [ -n "$lines" ] || { echo "size report: $MANIFEST lists no $name (build first: scripts/build.sh)"; exit 1; }
    while read -r line; do
      path=$(sed 's/.*"path": "\([^"]*\)".*/\1/' <<<"$line")
      raw=$(sed 's/.*"size": \([0-9]*\).*/\1/' <<<"$line")
      gz=$(sed 's/.*"gzip": \([0-9]*\).*/\1/' <<<"$line")
      br=$(br_size "$DIST/$path")
      sum_gz=$((sum_gz + gz))
      $has_brotli && sum_br=$((sum_br + br))
      [ "$path" = embed.js ] && loader=$gz
      printf '  %-38s %10d %10d %10s\n' "$path" "$raw" "$gz" "$br"
    done <<<"$lines"
  done
}
total_br() { if $has_brotli; then echo "$1"; else echo -; fi; }

printf '%-40s %10s %10s %10s\n' file raw gzip-9 brotli-11
echo "first load:"
group "${first_load[@]}"
first_gz=$sum_gz first_br=$sum_br
printf '%-40s %10s %10d %10s  (budget %d, %d%% used)\n' "first load total" "" "$first_gz" \
  "$(total_br "$first_br")" "$budget" $((first_gz * 100 / budget))
# The first view: what the supporter needs to see the campaign and use the postcode field
# (the loader, the stylesheet and the prerendered view; the wasm follows, and takes over).
echo "first view (the prerendered campaign and a working field, before the wasm):"
group "embed.js" "widget.css" "prerender-en.html"
view_gz=$sum_gz
printf '%-40s %10s %10d %10s  (budget %d)\n' "first view total" "" "$view_gz" \
  "$(total_br "$sum_br")" "$view_budget"
echo "later (fetched once the supporter types a postcode):"
group "${later[@]}"
later_gz=$sum_gz later_br=$sum_br
printf '%-40s %10s %10d %10s  (budget %d)\n' "later total" "" "$later_gz" \
  "$(total_br "$later_br")" "$chunk_budget"
printf '%-40s %10s %10d %10s\n' "everything" "" $((first_gz + later_gz)) \
  "$(total_br $((first_br + later_br)))"
$has_brotli || echo "(no brotli command: Brotli sizes not measured; Debian package brotli)"
status=0
if [ "$loader" -gt "$loader_budget" ]; then
  echo "size report: the loader embed.js is $loader bytes, over its budget of $loader_budget"
  status=1
fi
if [ "$first_gz" -gt "$budget" ]; then
  echo "size report: the first load is over budget by $((first_gz - budget)) bytes"
  status=1
fi
if [ "$view_gz" -gt "$view_budget" ]; then
  echo "size report: the first view is over budget by $((view_gz - view_budget)) bytes"
  status=1
fi
if [ "$later_gz" -gt "$chunk_budget" ]; then
  echo "size report: the later chunks are over budget by $((later_gz - chunk_budget)) bytes"
  status=1
fi
exit $status
