#!/usr/bin/env bash
# Installs what building and testing the page needs, skipping every step already done:
# the wasm32 target, Chromium, ChromeDriver and libdeflate-gzip (Debian), wasm-bindgen-cli at the
# version of Cargo.lock, and the npm tools of tests/e2e (Playwright, axe-core, binaryen's wasm-opt).
set -euo pipefail
cd "$(dirname "$0")/.."

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
   || ! command -v libdeflate-gzip >/dev/null; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver libdeflate-tools
fi

want=$(cargo metadata --format-version 1 --locked | python3 -c \
  'import json,sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "wasm-bindgen"))')
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  # Not --locked: the CLI's own lockfile wants crates the registry mirror may lack.
  cargo install wasm-bindgen-cli --version "=$want"
fi

if [ ! -x tests/e2e/node_modules/.bin/playwright ] || [ ! -x tests/e2e/node_modules/.bin/wasm-opt ] \
   || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi
