#!/usr/bin/env bash
# The release: builds dist/ (scripts/build.sh: content-hashed files, the loader, its pinned copy
# v/VERSION/embed.js, manifest.json, _headers) and packs it into
# releases/campaign-widget-VERSION.tar.gz, the version being widget/Cargo.toml's
# (RELEASES=folder: elsewhere; scripts/test.sh uses a temporary one).
# A version is released once: its pinned loader is immutable (partners pin it with an integrity
# hash), so a second release of one version with other files is refused: bump the version.
# Deploying it: README "Hosting" (upload the hashed files first, the loader last; delete nothing
# for a week).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
VERSION=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' dist/manifest.json)
RELEASES=${RELEASES:-releases}
mkdir -p "$RELEASES"
kept="$RELEASES/campaign-widget-$VERSION.manifest.json"
pinned() { sed -n 's/^  "pinned": .*"integrity": "\([^"]*\)".*/\1/p' "$1"; }
if [ -f "$kept" ] && [ "$(pinned "$kept")" != "$(pinned dist/manifest.json)" ]; then
  echo "release: version $VERSION was released before with another loader (v/$VERSION/embed.js" >&2
  echo "release: is pinned by partners and must never change): raise the version in widget/Cargo.toml" >&2
  exit 1
fi
cp dist/manifest.json "$kept"
tarball="$RELEASES/campaign-widget-$VERSION.tar.gz"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 \
  --transform "s|^dist|campaign-widget-$VERSION|" -czf "$tarball" dist
echo "release: $tarball ($(wc -c <"$tarball") bytes), $(grep -c '^    {"path"' dist/manifest.json) files, manifest dist/manifest.json"
echo "release: to deploy (README \"Hosting\"): upload every file but embed.js and embed.html, then"
echo "release: those two; delete no earlier release's files for at least a week; serve _headers' rules"
echo "release: (a host that replaces the whole site on each deploy: deploy the folder scripts/site.sh makes)"
