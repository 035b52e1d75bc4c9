#!/usr/bin/env bash
# The one command that sets everything up, builds the page and serves it on
# http://127.0.0.1:8080 (PORT=... to change the port). Stop it with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup_web.sh
scripts/build_web.sh
port="${PORT:-8080}"
echo "Frontline is served on http://127.0.0.1:$port/ — open it in a browser (Ctrl+C stops it)."
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory www
