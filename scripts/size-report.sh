#!/usr/bin/env bash
# Prints the gzip -9 size of every file a browser downloads to show the widget, and fails
# when their total exceeds the budget in size-budget.txt. A benchmark, not a timed test.
set -euo pipefail
cd "$(dirname "$0")/.."
DIST="${DIST:-dist}"
budget=$(grep -E '^total_gzip_bytes=' size-budget.txt | cut -d= -f2)
loader_budget=$(grep -E '^loader_gzip_bytes=' size-budget.txt | cut -d= -f2)

# Everything a partner page downloads for one widget.
files=("$DIST/campaign-widget_bg.wasm" "$DIST/campaign-widget.js" "$DIST/widget.css" "$DIST/embed.js")

total=0
printf '%-32s %10s %10s\n' file raw gzip-9
for f in "${files[@]}"; do
  [ -f "$f" ] || { echo "size report: $f is missing (build first: scripts/build.sh)"; exit 1; }
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total=$((total + gz))
  [ "${f##*/}" = embed.js ] && loader=$gz
  printf '%-32s %10d %10d\n' "${f#"$DIST"/}" "$raw" "$gz"
done
printf '%-32s %10s %10d  (budget %d, %d%% used)\n' total "" "$total" "$budget" $((total * 100 / budget))
status=0
if [ "$loader" -gt "$loader_budget" ]; then
  echo "size report: the loader embed.js is $loader bytes, over its budget of $loader_budget"
  status=1
fi
if [ "$total" -gt "$budget" ]; then
  echo "size report: over budget by $((total - budget)) bytes"
  status=1
fi
exit $status
