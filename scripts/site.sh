#!/usr/bin/env bash
# For hosts that replace the whole site on each deploy (Netlify, Cloudflare Pages, GitHub Pages):
# one folder to deploy that holds the newest release and the content-hashed files of the
# releases before it, so that pages opened before the deploy (and loaders still cached) keep
# finding their own release's files after it (README "Hosting").
#   scripts/site.sh [--keep N] [--out DIR] [TARBALL...]
# Without TARBALLs: the newest N (default 3) of $RELEASES (default releases/), as
# scripts/release.sh writes them, by version. They are unpacked oldest first, so the names
# that stay the same from release to release (embed.js, embed.html, the demo page,
# manifest.json) are the newest's; every release's hashed files and pinned loader v/VERSION/
# are kept. _headers is the newest's, plus each older release's rules for its files that are
# kept for good (immutable) and that the newest does not name, so they are still served as
# immutable and, for wasm, as application/wasm. DIR (default $RELEASES/site) is made afresh.
set -euo pipefail
cd "$(dirname "$0")/.."
RELEASES=${RELEASES:-releases}
keep=3
out=""
tarballs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep=${2:?--keep takes a number}; shift 2 ;;
    --out) out=${2:?--out takes a folder}; shift 2 ;;
    -*) echo "site: unknown option $1 (scripts/site.sh [--keep N] [--out DIR] [TARBALL...])" >&2; exit 2 ;;
    *) tarballs+=("$1"); shift ;;
  esac
done
case "$keep" in '' | *[!0-9]* | 0) echo "site: --keep takes a whole number from 1" >&2; exit 2 ;; esac
out=${out:-$RELEASES/site}
if [ ${#tarballs[@]} -eq 0 ]; then
  mapfile -t tarballs < <(ls "$RELEASES"/campaign-widget-*.tar.gz 2>/dev/null | sort -V | tail -n "$keep")
else
  # (By the version in each file's name, wherever the files are.)
  mapfile -t tarballs < <(for t in "${tarballs[@]}"; do printf '%s|%s\n' "${t##*/}" "$t"; done |
    sort -V -t'|' -k1,1 | cut -d'|' -f2-)
fi
[ ${#tarballs[@]} -gt 0 ] || { echo "site: no release tarball in $RELEASES (scripts/release.sh makes one)" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out"
headers=$(mktemp -d)
trap 'rm -rf "$headers"' EXIT
n=0
for tarball in "${tarballs[@]}"; do
  n=$((n + 1))
  tar -xzf "$tarball" -C "$out" --strip-components=1
  [ -f "$out/_headers" ] || { echo "site: $tarball has no _headers" >&2; exit 1; }
  mv "$out/_headers" "$headers/$n"
done

# _headers: the newest's; then each older release's blocks (a path line, its indented header
# lines) that say immutable and whose path the file has not named yet, newest first.
cp "$headers/$n" "$out/_headers"
for ((i = n - 1; i >= 1; i--)); do
  awk -v from="${tarballs[$((i - 1))]##*/}" '
    NR == FNR { if ($0 ~ /^[^ \t#]/) named[$0] = 1; next }
    function flush() {
      if (path != "" && block ~ /immutable/ && !(path in named)) {
        if (!said++) print "# Kept from " from " (scripts/site.sh)"
        printf "%s", path "\n" block
        named[path] = 1
      }
      path = ""; block = ""
    }
    /^[^ \t#]/ { flush(); path = $0; next }
    /^[ \t]/ { if (path != "") block = block $0 "\n"; next }
    { flush() }
    END { flush() }
  ' "$out/_headers" "$headers/$i" >>"$out/_headers.more"
  cat "$out/_headers.more" >>"$out/_headers"
  rm "$out/_headers.more"
done
echo "site: $out holds ${tarballs[-1]##*/} and the hashed files of ${#tarballs[@]} release(s) in all;"
echo "site: deploy that folder whole (its _headers names every release's files)"
