#!/usr/bin/env bash
# Measures the built page: wasm size before and after wasm-opt and gzipped, the gzipped data, and
# (Playwright, tests/e2e/measure.spec.ts) the time to the first map and to the mapped seed article
# (medians of five cold loads, from navigation start), re-map times, the pan frame time, the bytes
# the page downloads (as served, and gzipped in all) and the redraw of the 63-place bulletin at
# 1920×1080 × 2; it also rewrites the README's screenshots docs/bulletin-1280.png and
# docs/bulletin-390.png; and, over synthetic series of 50 and 500 reports
# (scripts/make_series.py), adding one more report and a step of the timeline's slider. Run
# scripts/build_web.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
raw="$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm/frontline.wasm"
size() { wc -c < "$1" | tr -d ' '; }
gz() { gzip -9 -n -c "$1" | wc -c | tr -d ' '; }
echo "wasm (cargo, profile wasm):      $(size "$raw") bytes"
cat "$CARGO_TARGET_DIR/web-wasm-sizes.txt"
echo "JS glue + page (gzipped):         $(( $(gz www/pkg/frontline.js) + $(gz www/app.js) + $(gz www/index.html) + $(gz www/style.css) )) bytes"
echo "gazetteer (gzipped, as served):   $(size www/pkg/gazetteer.geojson.gz) bytes"
echo "basemap (gzipped, as served):     $(size www/pkg/basemap.json.gz) bytes"
echo "all data (gzipped):               $(( $(size www/pkg/gazetteer.geojson.gz) + $(size www/pkg/basemap.json.gz) )) bytes"
series=$(mktemp -d)
trap 'rm -rf "$series"' EXIT
python3 scripts/make_series.py "$series/50" --count 50 > /dev/null
python3 scripts/make_series.py "$series/500" --count 500 > /dev/null
(cd tests/e2e && FRONTLINE_MEASURE=1 FRONTLINE_SERIES_50="$series/50" FRONTLINE_SERIES_500="$series/500" \
  npx playwright test measure.spec.ts)
# Everything the page downloaded (the files measure.spec.ts saw), each as a server that gzips
# would send it: the .gz files as they are, the others gzipped.
python3 - <<'PY'
import gzip, json
files = json.load(open("tests/e2e/test-results/measurements.json"))["files"]
total = 0
for path in sorted(files):
    body = open("www" + ("/index.html" if path == "/" else path), "rb").read()
    size = len(body) if path.endswith(".gz") else len(gzip.compress(body, 9, mtime=0))
    total += size
    print(f"  {path:32s} {size:>9} bytes gzipped")
print(f"everything the page downloads, gzipped: {total} bytes")
PY
