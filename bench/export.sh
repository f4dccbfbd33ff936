#!/usr/bin/env bash
# Exporting history: peak memory at about 100,000 and 1,000,000 records, and time beside curl
# fetching the same pages (DESIGN.md section 8: under 40 MiB, flat in size, within 1.5x of curl).
# Usage: bench/export.sh [interventions] [messages per conversation]
set -euo pipefail
cd "$(dirname "$0")/.."
interventions=${1:-100000}
messages=${2:-10}
. bench/lib.sh
start_sandbox
export LIVECTL_API_URL=$url LIVECTL_TOKEN=$token HOME=$work
until=2026-11-24T00:00:00Z
"$bin" seed --generate "interventions=$interventions,users=20000,days=30,messages=$messages,seed=42,until=$until"

measure() { # label, then livectl arguments
  local label=$1; shift
  /usr/bin/time -f '%e %M' -o "$work/time" "$bin" history --all "$@" --out "$work/out.ndjson" -q
  read -r secs kib <"$work/time"
  printf '%-28s %9d records  %6.2f s  peak %6.1f MiB\n' "$label" "$(wc -l <"$work/out.ndjson")" "$secs" "$(echo "$kib / 1024" | bc -l)"
}
measure "last 3 days" --since 2026-11-21T00:00:00Z
measure "all" 
livectl_s=$(cut -d' ' -f1 "$work/time")

# curl fetching the same pages, following next_cursor.
start=$(date +%s.%N)
cursor=""
pages=0
: >"$work/curl.json"
while :; do
  q="limit=1000"
  [ -n "$cursor" ] && q="$q&cursor=$cursor"
  curl -sf -H "Authorization: Bearer $token" "$url/v1/history?$q" >"$work/page.json"
  cat "$work/page.json" >>"$work/curl.json"
  pages=$((pages + 1))
  cursor=$(grep -o '"next_cursor":"[^"]*"' "$work/page.json" | cut -d'"' -f4 || true)
  [ -z "$cursor" ] && break
done
curl_s=$(echo "$(date +%s.%N) - $start" | bc -l)
printf '%-28s %9d pages    %6.2f s\n' "curl, same pages" "$pages" "$curl_s"
printf 'ratio livectl / curl: %.2f\n' "$(echo "$livectl_s / $curl_s" | bc -l)"
