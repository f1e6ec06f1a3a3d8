#!/usr/bin/env bash
# Prints the compressed size of every file a browser downloads to show the widget, and fails
# when the first load exceeds the budget in size-budget.txt. A benchmark, not a timed test.
# Two groups: the first load (what a partner page downloads to show the widget and its
# postcode field) and the chunks fetched later (see scripts/build.sh): the lookup's code on the
# postcode field's first keystroke, the letter step's when a lookup starts, and any code those
# two share (campaign-widget-shared-N.wasm) with whichever of them comes first. Sizes are
# gzip -9, and Brotli -q 11 (what CDNs serve) where the `brotli` command exists (Debian
# package `brotli`); the budgets are gzip -9.
set -euo pipefail
cd "$(dirname "$0")/.."
DIST="${DIST:-dist}"
budget=$(grep -E '^total_gzip_bytes=' size-budget.txt | cut -d= -f2)
loader_budget=$(grep -E '^loader_gzip_bytes=' size-budget.txt | cut -d= -f2)
chunk_budget=$(grep -E '^later_chunks_gzip_bytes=' size-budget.txt | cut -d= -f2)

# Everything a partner page downloads for one widget before the supporter can type a postcode.
# (campaign-widget.js is wasm-bindgen's glue and the chunks' loader, bundled.)
first_load=("$DIST/campaign-widget_bg.wasm" "$DIST/campaign-widget.js" "$DIST/widget.css" "$DIST/embed.js")
# Fetched once the supporter types.
later=("$DIST"/campaign-widget-*.wasm)

has_brotli=false
command -v brotli >/dev/null 2>&1 && has_brotli=true
br_size() { if $has_brotli; then brotli -q 11 -c "$1" | wc -c; else echo -; fi; }

# Prints one row per file and sets `sum_gz` and `sum_br` for the group.
group() {
  sum_gz=0 sum_br=0
  for f in "$@"; do
    [ -f "$f" ] || { echo "size report: $f is missing (build first: scripts/build.sh)"; exit 1; }
    raw=$(wc -c <"$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    br=$(br_size "$f")
    sum_gz=$((sum_gz + gz))
    $has_brotli && sum_br=$((sum_br + br))
    [ "${f##*/}" = embed.js ] && loader=$gz
    printf '  %-32s %10d %10d %10s\n' "${f#"$DIST"/}" "$raw" "$gz" "$br"
  done
}
total_br() { if $has_brotli; then echo "$1"; else echo -; fi; }

printf '%-34s %10s %10s %10s\n' file raw gzip-9 brotli-11
echo "first load:"
group "${first_load[@]}"
first_gz=$sum_gz first_br=$sum_br
printf '%-34s %10s %10d %10s  (budget %d, %d%% used)\n' "first load total" "" "$first_gz" \
  "$(total_br "$first_br")" "$budget" $((first_gz * 100 / budget))
echo "later (fetched once the supporter types a postcode):"
group "${later[@]}"
later_gz=$sum_gz later_br=$sum_br
printf '%-34s %10s %10d %10s  (budget %d)\n' "later total" "" "$later_gz" \
  "$(total_br "$later_br")" "$chunk_budget"
printf '%-34s %10s %10d %10s\n' "everything" "" $((first_gz + later_gz)) \
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
if [ "$later_gz" -gt "$chunk_budget" ]; then
  echo "size report: the later chunks are over budget by $((later_gz - chunk_budget)) bytes"
  status=1
fi
exit $status
