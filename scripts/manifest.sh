#!/usr/bin/env bash
# Writes what a release folder holds and how to serve it (scripts/build.sh runs it on dist/):
# - DIST/_headers: the hosting rules, in the `_headers` format that Netlify, Cloudflare Pages
#   and other static hosts read (README "Hosting" gives the same rules for nginx and S3):
#   files with a content hash in their name (and the pinned loader v/VERSION/embed.js) are
#   cached for a year and never revalidated; the files that keep their names (the loader, the
#   iframe page, campaign files, the demo page) live 5 minutes and are then revalidated in the
#   background for an hour; every file is readable from other origins; wasm is application/wasm.
# - DIST/manifest.json: the version (widget/Cargo.toml), the pinned loader v/VERSION/embed.js
#   with its Subresource Integrity value (sha384, what the demo page's pinned snippet gives),
#   and every file, one a line, with its size, gzip -9 size, SHA-256 and plain name (a
#   content-hashed file's name without its hash).
# Usage: scripts/manifest.sh [DIST]   (default dist)
set -euo pipefail
cd "$(dirname "$0")/.."
DIST=${1:-dist}
VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' widget/Cargo.toml | head -n 1)
IMMUTABLE="public, max-age=31536000, immutable"
SHORT="public, max-age=300, stale-while-revalidate=3600"
# A content hash in a name: NAME.HASH.EXT, HASH being 10 hex digits (scripts/name-files.sh).
HASHED='\.[0-9a-f]{10}\.[a-z]+$'

# The release's files (but the manifest itself; the rules too, with `rules`).
files() {
  (cd "$DIST" && find . -type f ! -name manifest.json ${1:+! -name _headers} | sed 's|^\./||' | LC_ALL=C sort)
}

{
  echo "# Hosting rules for campaign-widget $VERSION (scripts/manifest.sh). Paths are from the"
  echo "# folder's root: hosted under a path, put it before each. README \"Hosting\" gives the"
  echo "# same rules for nginx and S3."
  echo "/*"
  echo "  Access-Control-Allow-Origin: *"
  echo "  X-Content-Type-Options: nosniff"
  # Each file gets exactly one Cache-Control (hosts join the values of rules that both match).
  files rules | while read -r path; do
    if [[ $path =~ $HASHED || $path == "v/$VERSION/embed.js" ]]; then
      printf '/%s\n  Cache-Control: %s\n' "$path" "$IMMUTABLE"
    else
      printf '/%s\n  Cache-Control: %s\n' "$path" "$SHORT"
    fi
    [[ $path == *.wasm ]] && printf '  Content-Type: application/wasm\n'
    # The demo page's own address, /, is its index.html.
    [[ $path == index.html ]] && printf '/\n  Cache-Control: %s\n' "$SHORT"
    true
  done
  echo "# Campaign files the campaign team uploads beside the widget: short-lived, like embed.js."
  printf '/campaign.json\n  Cache-Control: %s\n/campaigns/*\n  Cache-Control: %s\n' "$SHORT" "$SHORT"
} >"$DIST/_headers"

{
  pinned="v/$VERSION/embed.js"
  [ -f "$DIST/$pinned" ] || { echo "manifest: $DIST/$pinned is missing" >&2; exit 1; }
  printf '{\n  "name": "campaign-widget",\n  "version": "%s",\n' "$VERSION"
  printf '  "pinned": {"path": "%s", "integrity": "sha384-%s"},\n  "files": [\n' "$pinned" \
    "$(openssl dgst -sha384 -binary "$DIST/$pinned" | openssl base64 -A)"
  files | while read -r path; do
    [[ $path =~ ^[A-Za-z0-9._/-]+$ ]] || { echo "manifest: unexpected file name $path" >&2; exit 1; }
    f="$DIST/$path"
    name=$(sed -E 's/\.[0-9a-f]{10}(\.[a-z]+)$/\1/' <<<"$path")
    printf '    {"path": "%s", "name": "%s", "size": %d, "gzip": %d, "sha256": "%s"},\n' \
      "$path" "$name" "$(wc -c <"$f")" "$(gzip -9 -n -c "$f" | wc -c)" "$(sha256sum "$f" | cut -c1-64)"
  done | sed '$ s/,$//'
  printf '  ]\n}\n'
} >"$DIST/manifest.json"
