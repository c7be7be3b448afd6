#!/usr/bin/env bash
# Installs what building and testing need, and nothing that is already there.
# Idempotent and offline-safe: only package registries are used (crates.io, npm,
# Debian). Usage: scripts/setup.sh [--browser|--bench]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf 'setup: %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# trunk runs cargo with --offline, so the crates must be in the local cache first.
cargo fetch --quiet

# trunk 0.21.x (0.22 needs a newer rustc than this machine's).
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  say "installing trunk 0.21 (about 7 minutes on 2 cores)"
  cargo install trunk --version '~0.21' --locked
fi

# wasm-bindgen-cli at exactly the version Cargo.lock holds. No --locked: its lock
# names a webpki-roots release the registry does not serve.
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if [ -z "$want" ]; then
  echo "setup: Cargo.lock names no wasm-bindgen version" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $want"; then
  say "installing wasm-bindgen-cli $want (about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$want" --force
fi

# npm tooling: binaryen 132 (wasm-opt), playwright-core, @axe-core/playwright,
# datapackage (the Frictionless library that checks data/datapackage.json),
# exactly as package-lock.json pins them.
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm tooling from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi
if ! node_modules/.bin/wasm-opt --version | grep -q 'version 132'; then
  echo "setup: node_modules/.bin/wasm-opt is not binaryen 132" >&2
  exit 1
fi

# make bench only: d3-geo, topojson-client and Lighthouse, pinned by
# tests/bench/tools/package-lock.json, in .tools/bench (make test never needs them).
if [ "${1:-}" = "--bench" ] && { [ ! -d .tools/bench/node_modules/lighthouse ] || [ tests/bench/tools/package-lock.json -nt .tools/bench/node_modules/.package-lock.json ]; }; then
  say "installing the benchmark's tools into .tools/bench"
  mkdir -p .tools/bench
  cp tests/bench/tools/package.json tests/bench/tools/package-lock.json .tools/bench/
  (cd .tools/bench && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ "${1:-}" = "--bench" ] && ! command -v twiggy >/dev/null; then
  say "installing twiggy (where the wasm's bytes go; about 3 minutes)"
  cargo install twiggy --version 0.8.0 --locked
fi

# Every build needs it, not only the browser tests: the first paint is made by
# opening the built app (scripts/paint.mjs). Its chromedriver runs the component
# mount tests (`make mount`, through wasm-bindgen-test-runner). (--browser is still
# accepted.)
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Debian's chromium and chromium-driver (the build's first paint, the mount and browser tests)"
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi
say "ready"
