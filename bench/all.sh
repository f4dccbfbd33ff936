#!/usr/bin/env bash
# Every benchmark of BENCHMARKS.md, one after the other, each comparison side by side in its own
# run. Takes about half an hour at the default sizes; FULL=1 adds the million-item sizes (an hour
# more). Needs wrk, hyperfine and python3 (the scripts install wrk and hyperfine when missing).
# Usage: bench/all.sh [> results.txt]
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(rustc --version)"
echo "== date: $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD)"
run() { echo; echo "== bench/$*"; "bench/$1" "${@:2}"; }
run cli.sh
run sandbox.sh
run bulk.sh 10000 16
run export.sh 100000 10 3
run seed.sh 10000 100000
if [ -n "${FULL:-}" ]; then
  run growth.sh
  run bulk-memory.sh 100000 1000000
else
  run growth.sh 10000 100000
  run bulk-memory.sh 100000
fi
