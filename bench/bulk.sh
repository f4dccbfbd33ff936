#!/usr/bin/env bash
# 10,000 reassignments in one livectl bulk run against the sandbox, side by side in one run with
# wrk sending the same 10,000 requests at the same concurrency (with and without the
# Idempotency-Key livectl always sends) and with xargs -P 8 curl. Bars (issue 12): livectl at
# least 0.9 of wrk's rate without keys, at least 25x xargs and curl. Installs wrk.
# Usage: bench/bulk.sh [items] [concurrency...]
set -euo pipefail
cd "$(dirname "$0")/.."
items=${1:-10000}
shift || true
concurrencies=${*:-16}
. bench/lib.sh
need_wrk
start_sandbox
export LIVECTL_API_URL=$url LIVECTL_TOKEN=$token HOME=$work XDG_STATE_HOME=$work/state
auth="Authorization: Bearer $token"
ana=$(agent ana)
bo=$(agent bo)
python3 bench/create.py "$url" "$token" "$items"
"$bin" assign --owner none --to ana --yes -q --concurrency 32
# Every measurement moves all items from one agent to the other.
holder=$ana
other() { if [ "$holder" = "$ana" ]; then echo "$bo"; else echo "$ana"; fi; }
now() { date +%s.%N; }
rate() { echo "$items / $1" | bc -l; }
report() { printf '%-44s %8.2f s  %8.0f/s\n' "$1" "$2" "$(rate "$2")"; }
wrk_run() { # keys|nokey concurrency -> seconds; moves everything to $(other) (the caller flips holder)
  local to
  to=$(other)
  wrk -t2 -c"$2" -d"$(( $(printf "%.0f" "$livectl_s") * 6 + 10 ))s" -s bench/lua/reassign.lua "$url" -- \
    "$token" "$items" 2 "$to" "wrk-$2-$RANDOM" "$1" >"$work/wrk.txt"
  grep -o 'in [0-9.]* s' "$work/wrk.txt" | grep -o '[0-9.]*'
}

for c in $concurrencies; do
  start=$(now)
  "$bin" reassign --from "$holder" --to "$(other)" --yes -q --concurrency "$c" >/dev/null
  livectl_s=$(echo "$(now) - $start" | bc -l)
  holder=$(other)
  report "livectl reassign, concurrency $c" "$livectl_s"
  keyed_s=$(wrk_run keys "$c")
  holder=$(other)
  report "wrk, same requests with keys, $c connections" "$keyed_s"
  plain_s=$(wrk_run nokey "$c")
  holder=$(other)
  report "wrk, plain requests (no key), $c connections" "$plain_s"
  printf 'livectl rate / wrk rate with keys:    %.2f\n' "$(echo "$keyed_s / $livectl_s" | bc -l)"
  printf 'livectl rate / wrk rate without keys: %.2f (bar: at least 0.90)\n' "$(echo "$plain_s / $livectl_s" | bc -l)"
done

to=$(other)
start=$(now)
seq 1 "$items" | xargs -P 8 -I{} curl -sf -o /dev/null -H "$auth" -H 'Content-Type: application/json' \
  -d "{\"agent\":\"$to\"}" "$url/v1/interventions/iv_{}/reassign"
xargs_s=$(echo "$(now) - $start" | bc -l)
report "xargs -P 8 curl" "$xargs_s"
printf 'livectl / xargs+curl speed: %.1fx (bar: at least 25x)\n' "$(echo "$xargs_s / $livectl_s" | bc -l)"
