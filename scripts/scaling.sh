#!/usr/bin/env bash
# Times `frontline extract` (release build, whole process: start-up and gazetteer load
# included) on 1, 5 and 20 MB of concatenated articles and on an empty input, three runs each,
# and prints the median seconds and the MB/s of article text — to show that time grows linearly.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -q
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import glob, sys
arts = [open(f, encoding="utf-8").read() for f in ["www/examples/seed.txt"] + sorted(glob.glob("tests/fixtures/*.txt"))]
block = "\n\n".join(arts) + "\n\n"
for mb in (1, 5, 20):
    n = mb * 1_000_000
    text = (block * (n // len(block) + 1))[:n]
    text = text[: len(text.encode("utf-8")[:n].decode("utf-8", "ignore"))]
    open(f"{sys.argv[1]}/{mb}mb.txt", "w", encoding="utf-8").write(text)
open(f"{sys.argv[1]}/empty.txt", "w").close()
PY
printf '%-10s %12s %10s\n' input median_s MB/s
for f in empty 1mb 5mb 20mb; do
  times=()
  for _ in 1 2 3; do
    s=$(date +%s.%N)
    target/release/frontline extract "$dir/$f.txt" > /dev/null
    e=$(date +%s.%N)
    times+=("$(echo "$e - $s" | bc -l)")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -g | sed -n 2p)
  bytes=$(wc -c < "$dir/$f.txt")
  printf '%-10s %12.3f %10.1f\n' "$f" "$median" "$(echo "$bytes / 1000000 / $median" | bc -l)"
done
