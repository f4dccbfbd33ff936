#!/usr/bin/env bash
# Committed actions per second of the sandbox under wrk on loopback, beside the rate at which the
# same server answers GET /healthz in the same run (DESIGN.md section 8: at least 15,000 actions
# a second on 2 cores, and at least a quarter of the /healthz rate). Each round measures
# /healthz, then the actions twice on two slices of the interventions of their own: plain, and
# with an Idempotency-Key on every request as livectl sends them (which of the two goes first
# alternates). A ratio is taken within its round; the figures are the medians of the rounds,
# since one run of wrk on these machines swings by 10-20%.
# Usage: bench/sandbox.sh [seconds] [connections] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-32}
rounds=${3:-3}
threads=2

. bench/lib.sh
need_wrk
start_sandbox
a=$(agent bench-a)
b=$(agent bench-b)

# rate FILE: requests a second that were answered 2xx, from wrk's report.
rate() {
  local requests failed
  requests=$(grep -o '[0-9]* requests in' "$1" | grep -o '^[0-9]*')
  failed=$(grep -o 'Non-2xx or 3xx responses: [0-9]*' "$1" | grep -o '[0-9]*$' || echo 0)
  echo $(((requests - ${failed:-0}) / seconds))
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "== starting interventions (POST /v1/conversations) for 5 s"
wrk -t$threads -c$connections -d5s -s bench/lua/create.lua "$url" -- "$token" | tee "$work/create.txt"
total=$(queued)
# Two slices a round, so every run starts from queued interventions.
slice=$((total / (2 * rounds)))
echo "interventions queued: $total, $slice a slice"

# actions ROUND KEYED: the actions on the round's slice for plain (0) or keyed (1) requests.
actions() {
  local first=$(((2 * $1 + $2) * slice + 1))
  wrk -t$threads -c$connections -d${seconds}s -s bench/lua/actions.lua "$url" -- \
    "$token" "$slice" "$threads" "$a" "$b" "$first" "$2" >"$work/actions-$1-$2.txt"
}

printf '%-6s %10s %10s %10s %8s %8s\n' round /healthz plain keyed plain keyed
for r in $(seq 0 $((rounds - 1))); do
  wrk -t$threads -c$connections -d${seconds}s "$url/healthz" >"$work/healthz-$r.txt"
  if [ $((r % 2)) = 0 ]; then
    actions "$r" 0
    actions "$r" 1
  else
    actions "$r" 1
    actions "$r" 0
  fi
  h=$(rate "$work/healthz-$r.txt")
  p=$(rate "$work/actions-$r-0.txt")
  k=$(rate "$work/actions-$r-1.txt")
  printf '%-6s %10d %10d %10d %8s %8s\n' "$((r + 1))" "$h" "$p" "$k" "$(ratio "$p" "$h")" "$(ratio "$k" "$h")" |
    tee -a "$work/rounds.txt"
done
column() { awk -v c="$1" '{ print $c }' "$work/rounds.txt" | median; }
echo
printf '%-40s %10s %8s\n' "medians of $rounds rounds" "per second" "/healthz"
printf '%-40s %10d %8s\n' "GET /healthz" "$(column 2)" "1.00"
printf '%-40s %10d %8s\n' "committed actions" "$(column 3)" "$(column 5)"
printf '%-40s %10d %8s\n' "committed actions, Idempotency-Key each" "$(column 4)" "$(column 6)"
grep -h 'Socket errors' "$work"/*.txt || true
