#!/usr/bin/env bash
# 10,000 reassignments in one livectl bulk run against the sandbox, beside wrk sending the same
# 10,000 requests at the same concurrency, and beside xargs -P 8 curl (DESIGN.md section 8:
# within 1.25x of wrk, at least 10x faster than xargs and curl). Installs wrk.
# Usage: bench/bulk.sh [items] [concurrency...]
set -euo pipefail
cd "$(dirname "$0")/.."
items=${1:-10000}
shift || true
concurrencies=${*:-16}
if ! command -v wrk >/dev/null; then
  apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null
fi
. bench/lib.sh
start_sandbox
export LIVECTL_API_URL=$url LIVECTL_TOKEN=$token HOME=$work XDG_STATE_HOME=$work/state
auth="Authorization: Bearer $token"
mk() { curl -sf -H "$auth" -d "{\"key\":\"$1\",\"name\":\"$1\",\"email\":\"$1@bench.invalid\"}" "$url/v1/agents" >/dev/null; }
mk ana; mk bo
python3 bench/create.py "$url" "$token" "$items"
"$bin" assign --owner none --to ana --yes -q --concurrency 32
now() { date +%s.%N; }
report() { printf '%-40s %8.2f s  %8.0f/s\n' "$1" "$2" "$(echo "$items / $2" | bc -l)"; }

for c in $concurrencies; do
  start=$(now)
  "$bin" reassign --from ana --to bo --yes -q --concurrency "$c" >/dev/null
  livectl_s=$(echo "$(now) - $start" | bc -l)
  report "livectl reassign, concurrency $c" "$livectl_s"

  wrk -t2 -c"$c" -d"$(( ${livectl_s%.*} * 4 + 5 ))s" -s bench/lua/reassign.lua "$url" -- "$token" "$items" 2 ag_2 "wrk-$c-$RANDOM" >"$work/wrk.txt"
  grep '^wrk:' "$work/wrk.txt"
  wrk_s=$(grep -o 'in [0-9.]* s' "$work/wrk.txt" | grep -o '[0-9.]*')
  report "wrk, same requests, $c connections" "$wrk_s"
  printf 'ratio livectl / wrk: %.2f\n' "$(echo "$livectl_s / $wrk_s" | bc -l)"
done

"$bin" reassign --from ana --to bo --yes -q --concurrency 32 >/dev/null
start=$(now)
seq 1 "$items" | xargs -P 8 -I{} curl -sf -o /dev/null -H "$auth" -H 'Content-Type: application/json' \
  -d '{"agent":"ag_2"}' "$url/v1/interventions/iv_{}/reassign"
xargs_s=$(echo "$(now) - $start" | bc -l)
report "xargs -P 8 curl" "$xargs_s"
printf 'ratio xargs+curl / livectl (last run): %.1f\n' "$(echo "$xargs_s / $livectl_s" | bc -l)"
echo "reassigned events: $(curl -sf -H "$auth" "$url/v1/audit?action=reassigned&limit=1000" | grep -o '"seq"' | wc -l) (first page)"
