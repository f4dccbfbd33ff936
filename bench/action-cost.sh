#!/usr/bin/env bash
# Server CPU per committed action, plain and with an Idempotency-Key, from the sandbox's own
# per-thread CPU time (/proc) over a wrk run of each: the figure that says where a keyed
# action's cost goes (the writer thread, or the async threads) whatever the machine's noise does
# to rates. Usage: bench/action-cost.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-8}
connections=${2:-32}
. bench/lib.sh
need_wrk
start_sandbox
a=$(agent bench-a)
b=$(agent bench-b)
wrk -t2 -c"$connections" -d4s -s bench/lua/create.lua "$url" -- "$token" >/dev/null
total=$(queued)
half=$((total / 2))
writer=$(grep -l sandbox-writer /proc/"$server"/task/*/comm | head -1 | xargs dirname)
ticks() { awk '{ print $14 + $15 }' "$1/stat"; }
printf '%-8s %10s %12s %16s\n' "" "actions/s" "server µs" "of which writer"
for keyed in 0 1; do
  w0=$(ticks "$writer")
  p0=$(ticks /proc/"$server")
  n=$(wrk -t2 -c"$connections" -d"${seconds}s" -s bench/lua/actions.lua "$url" -- \
    "$token" "$half" 2 "$a" "$b" $((keyed * half + 1)) "$keyed" |
    grep -o '[0-9]* requests in' | grep -o '^[0-9]*')
  w1=$(ticks "$writer")
  p1=$(ticks /proc/"$server")
  hz=$(getconf CLK_TCK)
  printf '%-8s %10d %12.1f %16.1f\n' "$([ "$keyed" = 1 ] && echo keyed || echo plain)" \
    $((n / seconds)) "$(echo "($p1 - $p0) * 1000000 / $hz / $n" | bc -l)" \
    "$(echo "($w1 - $w0) * 1000000 / $hz / $n" | bc -l)"
done
