#!/usr/bin/env bash
# Runs a folder of articles through `frontline extract --jsonl` on Apache Spark (local mode, two
# workers: local[2]) with `rdd.pipe`, the way a corpus is run on a cluster; checks that every
# article came back and that the output equals a plain `frontline extract --jsonl` run over the
# same articles; prints the throughput of both (articles/s, MB/s of article text).
#
# It makes a throwaway venv with pyspark (Java 17 or later must be on the PATH) and a folder of
# JSON Lines from the project's own articles (eval/*.txt, www/examples/*.txt), repeated to
# $ARTICLES lines (default 5000). Where Java or pyspark cannot be had, it says so and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
articles="${ARTICLES:-5000}"

skip() {
  echo "spark_example: skipped: $1" >&2
  exit 0
}

command -v java >/dev/null || skip "no java on the PATH (Spark needs Java 17 or later)"
cargo build --release --locked -q
frontline="$(cd "$CARGO_TARGET_DIR/release" && pwd)/frontline"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv" || skip "python3 -m venv failed"
echo "installing pyspark in a throwaway venv…" >&2
"$work/venv/bin/pip" install -q pyspark >"$work/pip.log" 2>&1 ||
  skip "pip could not install pyspark: $(tail -n 1 "$work/pip.log")"

python3 - "$work/articles" "$articles" <<'PY'
import glob, json, os, sys
out, count = sys.argv[1], int(sys.argv[2])
paths = sorted(glob.glob("eval/*.txt")) + sorted(glob.glob("www/examples/*.txt"))
texts = [(os.path.basename(p), open(p, encoding="utf-8").read()) for p in paths]
os.makedirs(out)
parts = [open(f"{out}/part-{k:02}.jsonl", "w", encoding="utf-8") for k in range(4)]
for i in range(count):
    name, text = texts[i % len(texts)]
    article = {"id": f"{name}#{i}", "text": text}
    if i % 2:
        article["date"] = "2024-02-17"
    parts[i % len(parts)].write(json.dumps(article, ensure_ascii=False) + "\n")
for part in parts:
    part.close()
PY

PYSPARK_PYTHON="$work/venv/bin/python" "$work/venv/bin/python" - \
  "$frontline" "$work/articles" "$work/out" "$PWD/data/gazetteer.geojson" <<'PY'
import glob, json, subprocess, sys, time
from pyspark.sql import SparkSession

frontline, articles, out, gazetteer = sys.argv[1:]
inputs = sorted(glob.glob(f"{articles}/*.jsonl"))
sent = [json.loads(line) for path in inputs for line in open(path, encoding="utf-8")]
ids = [article["id"] for article in sent]
text_mb = sum(len(article["text"].encode("utf-8")) for article in sent) / 1e6

spark = (SparkSession.builder.master("local[2]").appName("frontline")
         .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
         .getOrCreate())
spark.sparkContext.setLogLevel("ERROR")


def through_spark(out):
    """The one-liner: every article of the folder through the CLI, one process a partition."""
    start = time.perf_counter()
    (spark.sparkContext.textFile(articles, minPartitions=4)
     .pipe(f"{frontline} extract --jsonl", env={"FRONTLINE_GAZETTEER": gazetteer}, checkCode=True)
     .saveAsTextFile(out))
    seconds = time.perf_counter() - start
    return seconds, [line for path in sorted(glob.glob(f"{out}/part-*"))
                     for line in open(path, encoding="utf-8").read().splitlines()]


# The first job also starts Spark's Python workers and warms the JVM; the second is the steady pace.
runs = [through_spark(f"{out}/cold"), through_spark(f"{out}/warm")]
spark.stop()

start = time.perf_counter()
cli = subprocess.run([frontline, "extract", "--jsonl"], check=True, capture_output=True,
                     input=b"".join(open(p, "rb").read() for p in inputs),
                     env={"FRONTLINE_GAZETTEER": gazetteer})
cli_s = time.perf_counter() - start
from_cli = cli.stdout.decode("utf-8").splitlines()

for _, from_spark in runs:
    came_back = [json.loads(line).get("id") for line in from_spark]
    assert sorted(came_back) == sorted(ids), "Spark lost, added or broke articles"
    assert sorted(from_spark) == sorted(from_cli), "Spark's lines differ from the plain CLI's"
print(f"{len(ids)} articles ({text_mb:.1f} MB of text), twice through Spark: every one came back, "
      "and Spark's output equals the plain CLI's line for line")
print(f"{'run':<40}{'seconds':>8}{'articles/s':>12}{'MB/s':>8}")
for run, s in [("Spark local[2], rdd.pipe, first job", runs[0][0]),
               ("Spark local[2], rdd.pipe, second job", runs[1][0]),
               ("plain CLI --jsonl, one process", cli_s)]:
    print(f"{run:<40}{s:>8.2f}{len(ids) / s:>12.0f}{text_mb / s:>8.1f}")
PY
