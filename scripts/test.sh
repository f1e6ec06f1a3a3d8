#!/usr/bin/env bash
# README command 2: installs what is missing, then runs every test:
#   format and lints, native core tests, component tests in headless Chromium, the
#   development build (trunk build), the release (build, manifest, tarball), the size report
#   (fails over budget), a cross-engine subset of the end-to-end tests in Firefox ESR and
#   WebKitGTK, then every end-to-end test in headless Chromium.
# The last line it prints is the Chromium end-to-end test runner's summary.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --browser

export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/widget/webdriver.json"
export WASM_BINDGEN_TEST_TIMEOUT=60
WASM=wasm32-unknown-unknown

step() { printf '\n=== %s\n' "$1"; }

step "format"
cargo fmt --all -- --check

step "lint (clippy, warnings are errors)"
cargo clippy --quiet -p widget-core -p e2e --all-targets --features widget-core/schema -- -D warnings
cargo clippy --quiet -p campaign-widget -p campaign-demo --target "$WASM" --all-targets -- -D warnings

step "core: native unit tests, the serde differential test and the schema check"
# Feature `schema` (and with it `serde`): the derives that are the campaign's schema are
# compared with the small reader the wasm ships, and the published schema with the model.
cargo test -p widget-core --features schema

step "components: wasm-bindgen-test in headless Chromium"
cargo test -p campaign-widget --target "$WASM"

step "development build: trunk build (Trunk.toml: the demo page and the widget, unsplit, debug)"
trunk build --offline
for file in index.html embed.js embed.html campaign-widget.js campaign-widget_bg.wasm widget.css \
  cy.json demo/editor.js demo/pkg/campaign-demo.js demo/pkg/campaign-demo_bg.wasm; do
  [ -f "target/trunk-dist/$file" ] || { echo "trunk build wrote no target/trunk-dist/$file"; exit 1; }
done
if grep -q '<link data-trunk' target/trunk-dist/index.html; then
  echo "trunk build left data-trunk links in index.html"; exit 1
fi
echo "trunk build: target/trunk-dist/ holds the demo page and the widget"

step "release: dist/ (content-hashed files, manifest.json, _headers) and its tarball"
releases=$(mktemp -d)
RELEASES="$releases" scripts/release.sh
version=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' dist/manifest.json)
tar -tzf "$releases/campaign-widget-$version.tar.gz" | sed "s|^campaign-widget-$version/||" |
  grep -v -e '/$' -e '^$' | sort >"$releases/packed"
{ sed -n 's/^    {"path": "\([^"]*\)".*/\1/p' dist/manifest.json; echo manifest.json; } | sort >"$releases/listed"
diff -u "$releases/listed" "$releases/packed" ||
  { echo "the tarball does not hold exactly the files manifest.json lists"; exit 1; }
# A whole-site host's folder (scripts/site.sh): this release and an older one made from it
# (version 0.0.1, its main wasm under another hash, its own pinned loader): the newest's
# loader, every release's hashed files and pinned loaders, the older wasm's rule kept.
old="$releases/old/campaign-widget-0.0.1"
mkdir -p "$old"
tar -xzf "$releases/campaign-widget-$version.tar.gz" -C "$old" --strip-components=1
wasm=$(cd "$old" && ls campaign-widget_bg.*.wasm)
mv "$old/$wasm" "$old/campaign-widget_bg.0000000001.wasm"
mv "$old/v/$version" "$old/v/0.0.1"
echo "// the old loader" >>"$old/embed.js"
sed -i -e "s|^/$wasm\$|/campaign-widget_bg.0000000001.wasm|" -e "s|^/v/$version/|/v/0.0.1/|" "$old/_headers"
tar -czf "$releases/campaign-widget-0.0.1.tar.gz" -C "$releases/old" campaign-widget-0.0.1
RELEASES="$releases" scripts/site.sh --keep 2 --out "$releases/site" >/dev/null
cmp -s "$releases/site/embed.js" dist/embed.js || { echo "site.sh: embed.js is not the newest release's"; exit 1; }
for file in $(cat "$releases/listed") campaign-widget_bg.0000000001.wasm v/0.0.1/embed.js; do
  [ -f "$releases/site/$file" ] || { echo "site.sh: $file missing"; exit 1; }
done
grep -A2 -x "/campaign-widget_bg.0000000001.wasm" "$releases/site/_headers" | grep -q "immutable" &&
  grep -A2 -x "/campaign-widget_bg.0000000001.wasm" "$releases/site/_headers" | grep -q "application/wasm" &&
  grep -A1 -x "/v/0.0.1/embed.js" "$releases/site/_headers" | grep -q "immutable" &&
  [ "$(grep -c -x "/embed.js" "$releases/site/_headers")" = 1 ] ||
  { echo "site.sh: _headers does not keep the older release's rules (and only those)"; exit 1; }
echo "site.sh: the newest release and the older one's hashed files, with their rules"
rm -rf "$releases"

step "wasm features: none that the loader's feature check does not test"
# embed.js validates a tiny module using sign-ext, saturating float-to-int, bulk memory,
# reference types and multi-value before it fetches the bundle (older browsers get a
# WriteToThem link instead). A new feature in the build would slip past that check: fail here.
# (mutable-globals, bulk-memory-opt and call-indirect-overlong come with those, or before them.)
covered=" mutable-globals sign-ext nontrapping-float-to-int bulk-memory bulk-memory-opt reference-types call-indirect-overlong multivalue "
for module in dist/campaign-widget*.wasm; do
  for feature in $(wasm-opt --print-features "$module" 2>/dev/null | sed 's/^--enable-//'); do
    case "$covered" in
      *" $feature "*) ;;
      *) echo "$module uses the wasm feature $feature, which embed.js does not check for"; exit 1 ;;
    esac
  done
  echo "${module#dist/} covered: $(wasm-opt --print-features "$module" 2>/dev/null | sed 's/^--enable-//' | tr '\n' ' ')"
done

step "size report (gzip -9; Brotli -q 11 where brotli is installed)"
scripts/size-report.sh

# The e2e tests whose names hold "firefox" or "webkit" (tests/tests/engines.rs and the
# harness's own checks of those engines) run here, the rest in Chromium below.
step "end-to-end, other engines: the cross-engine subset in Firefox ESR and WebKitGTK"
printf '%s\n' "$(chromium --version 2>/dev/null)" "$(firefox-esr --version 2>/dev/null)" \
  "$(geckodriver --version | sed -n 1p)" \
  "WebKitGTK $(dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0) (WebKitWebDriver + MiniBrowser on Xvfb)"
cargo test -p e2e --tests -- --test-threads=2 firefox webkit

step "end-to-end: dist/ on 127.0.0.1 in headless Chromium"
cargo test -p e2e --tests -- --test-threads=2 --skip firefox --skip webkit
