#!/usr/bin/env bash
# The browser tests, as .ci/run calls them on a fresh machine: installs what is missing
# (scripts/setup_web.sh), builds the page (scripts/build_web.sh), runs the wasm-bindgen tests in
# headless Chromium, then the Playwright end-to-end tests against the built, wasm-opt-ed www/.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
scripts/setup_web.sh
scripts/build_web.sh
CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}" \
  cargo test --target wasm32-unknown-unknown --locked --test web_app
(cd tests/e2e && npx playwright test)
