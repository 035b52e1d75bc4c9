#!/usr/bin/env bash
# Builds the page into www/pkg: the wasm module (size profile `wasm`), its JavaScript glue
# (wasm-bindgen), wasm-opt -Oz with npm binaryen (never Debian's wasm-opt, which breaks the
# module), and the gazetteer (as scripts/web_gazetteer.py serves it) and basemap the page fetches,
# gzipped by libdeflate at its strongest level (8 % smaller than gzip -9). Run scripts/setup_web.sh
# first.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"

cargo build --lib --profile wasm --target wasm32-unknown-unknown --locked
wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm/frontline.wasm"
rm -rf www/pkg
wasm-bindgen --target web --no-typescript --out-dir www/pkg "$wasm"
before=$(wc -c < www/pkg/frontline_bg.wasm)
tests/e2e/node_modules/.bin/wasm-opt -Oz www/pkg/frontline_bg.wasm -o www/pkg/frontline_bg.wasm
after=$(wc -c < www/pkg/frontline_bg.wasm)
gzipped=$(gzip -9 -n -c www/pkg/frontline_bg.wasm | wc -c)
echo "wasm: $before bytes before wasm-opt, $after after, $gzipped gzipped" | tee "$CARGO_TARGET_DIR/web-wasm-sizes.txt"
python3 scripts/web_gazetteer.py data/gazetteer.geojson | libdeflate-gzip -12 -c > www/pkg/gazetteer.geojson.gz
libdeflate-gzip -12 -c < data/basemap.json > www/pkg/basemap.json.gz
echo "built www/ ($(du -sk www/pkg | cut -f1) KB in www/pkg)"
