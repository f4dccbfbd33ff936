#!/usr/bin/env bash
# Committed actions per second of the sandbox, driven by wrk on loopback (DESIGN.md section 8:
# at least 3,000 a second on 2 cores). Usage: bench/sandbox.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-32}
threads=2

if ! command -v wrk >/dev/null; then
  echo "installing wrk" >&2
  apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null
fi
. bench/lib.sh
start_sandbox
auth="Authorization: Bearer $token"
agent() {
  curl -sf -H "$auth" -d "{\"key\":\"$1\",\"name\":\"$1\",\"email\":\"$1@bench.invalid\"}" "$url/v1/agents" |
    grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4
}
a=$(agent bench-a)
b=$(agent bench-b)

echo "== starting interventions (POST /v1/conversations) for 5 s"
wrk -t$threads -c$connections -d5s -s bench/lua/create.lua "$url" -- "$token" | tee "$work/create.txt"
total=$(curl -sf -H "$auth" "$url/v1/queues" | grep -o '"general":{"count":[0-9]*' | grep -o '[0-9]*$')
echo "interventions queued: $total"

echo "== actions (assign, reassign, return) for $seconds s, $connections connections"
wrk -t$threads -c$connections -d${seconds}s -s bench/lua/actions.lua "$url" -- "$token" "$total" "$threads" "$a" "$b" |
  tee "$work/actions.txt"
requests=$(grep -o '[0-9]* requests in' "$work/actions.txt" | grep -o '^[0-9]*')
failed=$(grep -o 'Non-2xx or 3xx responses: [0-9]*' "$work/actions.txt" | grep -o '[0-9]*$' || echo 0)
errors=$(grep -o 'Socket errors:.*' "$work/actions.txt" || true)
committed=$((requests - ${failed:-0}))
echo
echo "committed actions: $committed in ${seconds} s = $((committed / seconds)) per second (non-2xx: ${failed:-0}) ${errors}"
