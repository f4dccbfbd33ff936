#!/usr/bin/env bash
# Seeding generated data (issue 12 item 5): time and peak client memory of
# `livectl seed --generate` into a fresh sandbox. Bars: 100,000 interventions in at most 10 s
# with at most 40 MiB of client RSS, flat as the count grows.
# Usage: bench/seed.sh [interventions...]   (default: 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
. bench/lib.sh
printf '%-14s %10s %12s\n' interventions seconds "peak MiB"
for n in "${sizes[@]}"; do
  rm -f "$work"/bench.db*
  start_sandbox
  /usr/bin/time -f '%e %M' -o "$work/time" env LIVECTL_API_URL="$url" LIVECTL_TOKEN="$token" HOME="$work" \
    "$bin" seed -q --generate "interventions=$n,users=20000,days=30,seed=42,until=2026-11-24T00:00:00Z"
  read -r secs kib <"$work/time"
  printf '%-14s %10.2f %12.1f\n' "$n" "$secs" "$(echo "$kib / 1024" | bc -l)"
  kill "$server"; wait "$server" 2>/dev/null || true
done
