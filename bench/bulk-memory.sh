#!/usr/bin/env bash
# Peak memory of bulk runs at 100,000 and 1,000,000 items (DESIGN.md section 8: a run of a
# million and its resume under 100 MiB): `cancel - --dry-run` on ids from stdin, a real run,
# a `--resume` of a run killed with -9 halfway, and a run chosen by filters (which plans while
# it sends). Peak RSS as /usr/bin/time reports it, for livectl alone (the sandbox runs apart).
# Each size gets a fresh sandbox seeded by `seed --generate ... open=100` with twice the items:
# the first half for the whole run, the second for the killed one and its resume; then as many
# again (another seed of the generator), all the run by filters selects.
# Usage: bench/bulk-memory.sh [items...]   (default: 100000 1000000; at most 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${*:-100000 1000000}
. bench/lib.sh

peak() { # label, file written by /usr/bin/time -f '%e %M'
  local secs kib
  read -r secs kib < <(tail -1 "$2")
  printf '%-44s %8.1f s   peak %7.1f MiB\n' "$1" "$secs" "$(echo "$kib / 1024" | bc -l)"
}

# wait_for FILE PATTERN SECONDS: polls until the file holds the pattern, with a deadline.
wait_for() {
  local deadline=$((SECONDS + $3))
  until grep -q "$2" "$1" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || { echo "timed out waiting for $2 in $1" >&2; exit 1; }
    sleep 0.2
  done
}

for n in $sizes; do
  [ -n "${server:-}" ] && { kill "$server"; wait "$server" 2>/dev/null || true; }
  rm -f "$work"/bench.db*
  start_sandbox
  export LIVECTL_API_URL=$url LIVECTL_TOKEN=$token HOME=$work XDG_STATE_HOME=$work/state
  echo "== $n items ($((2 * n)) open interventions generated, then $n more)"
  /usr/bin/time -f '%e %M' -o "$work/seed.time" \
    "$bin" seed --generate "interventions=$((2 * n)),users=$(( n / 10 + 1 )),days=1,messages=2,open=100,seed=1" -q
  peak "seed --generate (for reference)" "$work/seed.time"
  # A fresh database numbers interventions from 1 in the order they were generated.
  seq -f 'iv_%.0f' 1 "$n" >"$work/first"
  seq -f 'iv_%.0f' $((n + 1)) $((2 * n)) >"$work/second"

  /usr/bin/time -f '%e %M' -o "$work/t" "$bin" cancel - --dry-run -q <"$work/first" >/dev/null
  peak "cancel - --dry-run" "$work/t"

  /usr/bin/time -f '%e %M' -o "$work/t" "$bin" cancel - --yes -q --journal "$work/whole-$n.ndjson" \
    <"$work/first" >/dev/null
  peak "cancel - (a whole run)" "$work/t"

  journal=$work/killed-$n.ndjson
  /usr/bin/time -f '%e %M' -o "$work/killed.time" "$bin" cancel - --yes -q --journal "$journal" \
    <"$work/second" >/dev/null &
  timer=$!
  wait_for "$journal" "\"event\":\"start\",\"n\":$((n / 2))," 3600
  kill -9 $(ps -o pid= --ppid "$timer")
  wait "$timer" 2>/dev/null || true
  peak "cancel - (killed -9 halfway)" "$work/killed.time"

  /usr/bin/time -f '%e %M' -o "$work/t" "$bin" cancel --resume "$journal" --yes -q >/dev/null
  peak "cancel --resume (the other half)" "$work/t"

  # What is open now is a new generation, chosen by filters: planned while it is sent.
  "$bin" seed --generate "interventions=$n,users=$(( n / 10 + 1 )),days=1,messages=2,open=100,seed=2" -q
  /usr/bin/time -f '%e %M' -o "$work/t" "$bin" cancel --state open --yes -q \
    --journal "$work/filters-$n.ndjson" >/dev/null
  peak "cancel --state open (planned while sent)" "$work/t"

  done_lines=$(cat "$work/whole-$n.ndjson" "$journal" "$work/filters-$n.ndjson" | grep -c '"outcome":"done"')
  open=$("$bin" list --state open --limit 1 -o ids -q | wc -l)
  printf 'journals %s, %s and %s; items ended done: %s of %s; interventions still open: %s\n' \
    "$(du -h "$work/whole-$n.ndjson" | cut -f1)" "$(du -h "$journal" | cut -f1)" \
    "$(du -h "$work/filters-$n.ndjson" | cut -f1)" "$done_lines" "$((3 * n))" "$open"
done
