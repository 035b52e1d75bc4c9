#!/usr/bin/env bash
# Every test of the project, as a user and CI run them: formatting, lints (native and wasm32),
# the native tests (core, map layer, CLI, property tests), then the browser tests
# (scripts/test_web.sh: wasm-bindgen tests in headless Chromium and Playwright against the
# built page; it installs what a fresh machine lacks).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --lib --target wasm32-unknown-unknown -- -D warnings
python3 scripts/build_gazetteer.py --check-folding
cargo test --locked --release
scripts/test_web.sh
