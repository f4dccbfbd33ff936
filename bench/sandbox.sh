#!/usr/bin/env bash
# Committed actions per second of the sandbox under wrk on loopback, beside the rate at which the
# same server answers GET /healthz in the same run (DESIGN.md section 8: at least 15,000 actions
# a second on 2 cores, and at least a quarter of the /healthz rate). The actions run twice, on
# two disjoint halves of the interventions: plain, and with an Idempotency-Key on every request
# as livectl sends them. /healthz is measured before and after the actions; the ratio uses the
# mean of the two. Usage: bench/sandbox.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-32}
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

echo "== starting interventions (POST /v1/conversations) for 5 s"
wrk -t$threads -c$connections -d5s -s bench/lua/create.lua "$url" -- "$token" | tee "$work/create.txt"
total=$(queued)
half=$((total / 2))
echo "interventions queued: $total"

echo "== GET /healthz for $seconds s, $connections connections"
wrk -t$threads -c$connections -d${seconds}s "$url/healthz" | tee "$work/healthz1.txt"

echo "== actions (assign, reassign, return) for $seconds s, $connections connections"
wrk -t$threads -c$connections -d${seconds}s -s bench/lua/actions.lua "$url" -- \
  "$token" "$half" "$threads" "$a" "$b" 1 0 | tee "$work/actions.txt"

echo "== the same actions with an Idempotency-Key each, on the other half"
wrk -t$threads -c$connections -d${seconds}s -s bench/lua/actions.lua "$url" -- \
  "$token" "$half" "$threads" "$a" "$b" $((half + 1)) 1 | tee "$work/keyed.txt"

echo "== GET /healthz again"
wrk -t$threads -c$connections -d${seconds}s "$url/healthz" | tee "$work/healthz2.txt"

healthz=$((($(rate "$work/healthz1.txt") + $(rate "$work/healthz2.txt")) / 2))
actions=$(rate "$work/actions.txt")
keyed=$(rate "$work/keyed.txt")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo
printf '%-40s %10s %8s\n' "" "per second" "/healthz"
printf '%-40s %10d %8s\n' "GET /healthz (mean of before and after)" "$healthz" "1.00"
printf '%-40s %10d %8s\n' "committed actions" "$actions" "$(ratio "$actions" "$healthz")"
printf '%-40s %10d %8s\n' "committed actions, Idempotency-Key each" "$keyed" "$(ratio "$keyed" "$healthz")"
grep -h 'Socket errors' "$work"/*.txt || true
