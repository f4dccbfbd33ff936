#!/usr/bin/env bash
# Exporting history (issue 12 item 3): time of `history --all` beside the fastest plain client of
# the same pages (bench/fetch_pages.py: one keep-alive connection, only the cursor parsed), and
# peak memory at about 100,000 and 1,000,000 records. Bars: within 1.1x of the baseline, peak at
# most 25 MiB and flat. Runs alternate livectl and the baseline, best of $rounds each.
# Usage: bench/export.sh [interventions] [messages per conversation] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
interventions=${1:-100000}
messages=${2:-10}
rounds=${3:-3}
. bench/lib.sh
start_sandbox
export LIVECTL_API_URL=$url LIVECTL_TOKEN=$token HOME=$work
until=2026-11-24T00:00:00Z
"$bin" seed -q --generate "interventions=$interventions,users=20000,days=30,messages=$messages,seed=42,until=$until"

# livectl LABEL ARGS...: seconds and peak KiB of one export into $work/out.ndjson.
livectl_run() {
  /usr/bin/time -f '%e %M' -o "$work/time" "$bin" history --all "$@" --out "$work/out.ndjson" -q
  cat "$work/time"
}
baseline_run() {
  local start end
  start=$(date +%s.%N)
  python3 bench/fetch_pages.py "$url" "$token" "/v1/history?limit=1000" "$work/pages.json" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
best() { sort -g | head -1; }

read -r _ small_kib < <(livectl_run --since 2026-11-21T00:00:00Z)
small=$(wc -l <"$work/out.ndjson")
: >"$work/l" ; : >"$work/b"
for _ in $(seq 1 "$rounds"); do
  livectl_run >>"$work/l"
  baseline_run >>"$work/b"
done
records=$(wc -l <"$work/out.ndjson")
l_s=$(cut -d' ' -f1 "$work/l" | best)
big_kib=$(cut -d' ' -f2 "$work/l" | sort -g | tail -1)
b_s=$(best <"$work/b")
printf 'records: %d (last 3 days) and %d (all)\n' "$small" "$records"
printf 'peak RSS of livectl: %.1f MiB at %d records, %.1f MiB at %d records\n' \
  "$(echo "$small_kib / 1024" | bc -l)" "$small" "$(echo "$big_kib / 1024" | bc -l)" "$records"
printf 'history --all:            %6.2f s (best of %d)\n' "$l_s" "$rounds"
printf 'keep-alive baseline:      %6.2f s (best of %d)\n' "$b_s" "$rounds"
printf 'ratio livectl / baseline: %.2f (bar: at most 1.10)\n' "$(echo "$l_s / $b_s" | bc -l)"
