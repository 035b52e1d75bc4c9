#!/usr/bin/env bash
# The accuracy table: builds the release binary, then scores `extract` on the project's own
# evaluation set (eval/) — each article and the total: settlement P/R/F1, status lenient and
# strict — and, when the lent evaluation kit is beside the project (../shared/eval), on its
# development set by halves. The scorer is tests/eval_corpus/score.rs (the kit's rules).
#
#   scripts/eval.sh           print the table
#   scripts/eval.sh --write   print it and rewrite eval/figures.json, the figures the
#                             regression test (tests/eval_corpus.rs) holds the engine to
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  "") ;;
  --write) export FRONTLINE_EVAL_WRITE=1 ;;
  *) echo "usage: scripts/eval.sh [--write]" >&2; exit 2 ;;
esac
cargo build --locked --release --quiet
cargo test --locked --release --quiet --test eval_corpus -- --ignored --exact table --nocapture \
  | grep -v -e '^running [0-9]* test' -e '^test result:' -e '^\.$' | cat -s | sed '1{/^$/d}'
