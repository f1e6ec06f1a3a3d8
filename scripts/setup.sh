#!/usr/bin/env bash
# Installs every tool the project needs, from crates.io, npm and Debian only.
# Idempotent: each step compares the installed version and skips when it matches.
# Usage: scripts/setup.sh [--browser]   (--browser also installs the browsers and their drivers:
#   Chromium + chromedriver, Firefox ESR + geckodriver, WebKitGTK's WebKitWebDriver + Xvfb)
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130
WASM_SPLIT_VERSION=0.2.4
GECKODRIVER_VERSION=0.37.1
BINARYEN_VERSION=132.0.0
ESBUILD_VERSION=0.28.2
TRUNK_VERSION=0.21.14

say() { printf '[setup] %s\n' "$*"; }
has_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q -- "$2"; }
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "wasm32 target: present"
else
  say "wasm32 target: installing"
  rustup target add wasm32-unknown-unknown
fi

# The standard library's source and the crates it depends on: scripts/build.sh recompiles std
# for the widget's wasm (fetched here, so that the build itself needs no network).
if rustup component list --installed | grep -qx 'rust-src'; then
  say "rust-src: present"
else
  say "rust-src: installing"
  rustup component add rust-src
fi
STD_MANIFEST="$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
if RUSTC_BOOTSTRAP=1 cargo fetch --quiet --locked --offline --manifest-path "$STD_MANIFEST" 2>/dev/null; then
  say "std's dependencies: present"
else
  say "std's dependencies: fetching from crates.io"
  RUSTC_BOOTSTRAP=1 cargo fetch --quiet --locked --manifest-path "$STD_MANIFEST"
fi

if has_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then
  say "wasm-bindgen-cli $WASM_BINDGEN_VERSION: present"
else
  say "wasm-bindgen-cli $WASM_BINDGEN_VERSION: installing (about 2 min)"
  # Not --locked: a locked dependency of the CLI is no longer on the registry.
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# wasm-split-cli (crate wasm_split_cli_support) cuts the widget's wasm into the first load and
# the letter step's chunk (scripts/build.sh). It has no --version: cargo's list of installed
# crates says which version is there. Its version must read what wasm_split_helpers (pinned in
# widget/Cargo.toml) writes.
if cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "wasm-split-cli $WASM_SPLIT_VERSION: present"
else
  say "wasm-split-cli $WASM_SPLIT_VERSION: installing (about 2.5 min)"
  cargo install --locked --force wasm_split_cli_support --version "$WASM_SPLIT_VERSION" \
    --features build-binary
fi

# wasm-opt must come from npm's binaryen: Debian's older one produces a blank page.
if has_version wasm-opt "version ${BINARYEN_VERSION%%.*}"; then
  say "wasm-opt ${BINARYEN_VERSION%%.*}: present"
else
  say "wasm-opt: installing binaryen@$BINARYEN_VERSION from npm"
  npm install -g --no-fund --no-audit "binaryen@$BINARYEN_VERSION" >/dev/null
fi

# esbuild minifies the widget's JS glue, its CSS and the loader in scripts/build.sh.
if has_version esbuild "^$ESBUILD_VERSION\$"; then
  say "esbuild $ESBUILD_VERSION: present"
else
  say "esbuild: installing esbuild@$ESBUILD_VERSION from npm"
  npm install -g --no-fund --no-audit "esbuild@$ESBUILD_VERSION" >/dev/null
fi

# Trunk: the development build with live reload (`trunk serve`, README "Developing"); the
# release build is scripts/build.sh. 0.22 needs a newer rustc than this project's. Trunk.toml
# pins the wasm-bindgen and wasm-opt versions installed above and runs offline, so Trunk uses
# them and never downloads its own.
if has_version trunk "^trunk $TRUNK_VERSION\$"; then
  say "trunk $TRUNK_VERSION: present"
else
  say "trunk $TRUNK_VERSION: installing from crates.io (about 5 min)"
  cargo install --locked --force trunk --version "$TRUNK_VERSION"
fi

if [ "${1:-}" = "--browser" ]; then
  # Test-only JavaScript (axe-core for accessibility checks), pinned in tests/package-lock.json.
  AXE_VERSION=$(sed -n 's/.*"axe-core": "\(.*\)".*/\1/p' tests/package.json)
  if grep -qs "\"version\": \"$AXE_VERSION\"" tests/node_modules/axe-core/package.json; then
    say "axe-core $AXE_VERSION: present"
  else
    say "axe-core $AXE_VERSION: installing from npm"
    (cd tests && npm ci --no-fund --no-audit >/dev/null)
  fi
  if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    say "chromium + chromedriver: present"
  else
    say "chromium + chromedriver: installing from Debian"
    sudo_if_needed apt-get update -qq
    DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  # The cross-engine end-to-end tests: Firefox ESR through geckodriver, WebKitGTK through
  # WebKitWebDriver (its MiniBrowser has no headless mode: it runs on an Xvfb display).
  if command -v firefox-esr >/dev/null 2>&1 && command -v WebKitWebDriver >/dev/null 2>&1 \
    && command -v Xvfb >/dev/null 2>&1 && command -v xvfb-run >/dev/null 2>&1; then
    say "firefox-esr + WebKitWebDriver + Xvfb: present"
  else
    say "firefox-esr + WebKitWebDriver + Xvfb: installing from Debian (about 40 s)"
    sudo_if_needed apt-get update -qq
    DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq --no-install-recommends \
      firefox-esr webkit2gtk-driver xvfb >/dev/null
  fi
  # The size report's Brotli -q 11 column (CDNs serve Brotli).
  if command -v brotli >/dev/null 2>&1; then
    say "brotli: present"
  else
    say "brotli: installing from Debian"
    sudo_if_needed apt-get update -qq
    DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq brotli >/dev/null
  fi
  if has_version geckodriver "geckodriver $GECKODRIVER_VERSION"; then
    say "geckodriver $GECKODRIVER_VERSION: present"
  else
    say "geckodriver $GECKODRIVER_VERSION: installing from crates.io (about 5 min)"
    cargo install --locked --force geckodriver --version "$GECKODRIVER_VERSION"
  fi
fi
say "done"
