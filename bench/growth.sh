#!/usr/bin/env bash
# Costs flat as data grows (DESIGN.md section 8, issue 12 item 4): queues, stuck, list --owner X
# --limit 50, show, the first page of history and the first event of watch, timed server side
# (curl against the endpoints the command calls) and end to end (the release livectl), on
# sandboxes seeded with each size of history. Bar: at the largest size each row within 2x of
# its time at the smallest.
#
# The history is `seed --generate` with open=0 (everything finished); the open work, the same
# OPEN interventions at every size, is a second generated set (open=100): a workspace's open
# interventions are bounded by its agents while its history grows, and `stuck` reads every open
# one by design. Each figure is the median of RUNS runs, in milliseconds.
# Usage: bench/growth.sh [sizes...]   (default: $SIZES, else 10000 100000 1000000)
#        RUNS=7 OPEN=1000 bench/growth.sh 10000 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || read -r -a sizes <<<"${SIZES:-10000 100000 1000000}"
runs=${RUNS:-11}
open=${OPEN:-1000}
until=2026-11-24T00:00:00Z
. bench/lib.sh

# median CMD...: runs CMD (which prints seconds) RUNS times after a warm-up; the median in ms.
median() {
  "$@" >/dev/null
  for _ in $(seq "$runs"); do "$@"; done |
    sort -g | awk 'NF { v[++n] = $1 } END { printf "%.2f", v[int((n + 1) / 2)] * 1000 }'
}

# get PATH: the server's time to answer it (curl's time_total, seconds); the body in $work/body.
get() {
  curl -sf -H "Authorization: Bearer $token" -o "$work/body" -w '%{time_total}' "$url$1"
}

# sum PATH...: the total of `get` over the paths (first pages only).
sum() {
  local total=0 path
  for path in "$@"; do
    total=$(echo "$total + $(get "$path")" | bc -l)
  done
  echo "$total"
}

# every PATH: the total of `get` over every page of PATH, following next_cursor as stuck does.
every() {
  local total=0 cursor=""
  while :; do
    total=$(echo "$total + $(get "$1${cursor:+&cursor=$cursor}")" | bc -l)
    cursor=$(jq -r '.next_cursor // empty' "$work/body")
    [ -n "$cursor" ] || break
  done
  echo "$total"
}

# wall CMD...: the wall time of CMD in seconds.
wall() {
  local s e
  s=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  e=$(date +%s%N)
  echo "$(((e - s) / 1000))e-6"
}

# A change to the open work, for the first event of a watch: the intervention $moving is
# assigned when queued and returned when assigned. `next_move` (outside the timing) reads which.
next_move() {
  local state
  state=$(curl -sf -H "Authorization: Bearer $token" "$url/v1/interventions/$moving" | jq -r .state)
  if [ "$state" = queued ]; then
    move_action=assign move_body="{\"agent\":\"$owner\"}"
  else
    move_action=return move_body='{}'
  fi
}
move() {
  curl -sf -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "$move_body" "$url/v1/interventions/$moving/$move_action"
}

# The first event of /v1/events resumed just before the newest event (server side), seconds.
first_event_server() {
  local s e
  s=$(date +%s%N)
  grep -m1 -q '^data:' < <(timeout 10 curl -sN -H "Authorization: Bearer $token" \
    "$url/v1/events?after=$((newest - 1))")
  e=$(date +%s%N)
  echo "$(((e - s) / 1000))e-6"
}

# From starting `livectl watch` to its first event, the change made as soon as it is watching.
first_event_cli() {
  local s e pid
  : >"$work/watch.out"
  : >"$work/watch.err"
  next_move
  s=$(date +%s%N)
  "$bin" watch -o json >"$work/watch.out" 2>"$work/watch.err" &
  pid=$!
  until grep -q watching "$work/watch.err"; do sleep 0.001; done
  move
  until [ -s "$work/watch.out" ]; do sleep 0.001; done
  e=$(date +%s%N)
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo "$(((e - s) / 1000))e-6"
}

rows=("server: GET /v1/queues" "server: stuck (every open intervention)"
  "server: list --owner X --limit 50" "server: show (intervention, audit, conversation)"
  "server: history, first page" "server: watch, first event"
  "livectl queues" "livectl stuck" "livectl list --owner X --limit 50" "livectl show"
  "livectl history --all, first page" "livectl watch, first event")
declare -A figure
for n in "${sizes[@]}"; do
  rm -f "$work"/bench.db*
  start_sandbox
  export LIVECTL_API_URL=$url LIVECTL_TOKEN=$token HOME=$work XDG_CONFIG_HOME=$work/config
  s=$(date +%s)
  "$bin" seed -q --generate "interventions=$((n - open)),open=0,users=20000,days=30,seed=42,until=$until"
  "$bin" seed -q --generate "interventions=$open,open=100,users=20000,days=30,seed=7,until=$until"
  echo "seeded $n interventions ($open open) in $(($(date +%s) - s)) s" >&2
  # The sandbox's checkpointer still copies the end of the seeding into the database file for a
  # moment; a figure taken meanwhile is the copy's, not the size's. Wait (up to a minute) until
  # the file (its size and time of change) has not changed for a second.
  seen="" still=0
  for _ in $(seq 1 300); do
    now=$(stat -c '%s %y' "$work/bench.db")
    if [ "$now" = "$seen" ]; then still=$((still + 1)); else still=0; fi
    [ "$still" -ge 5 ] && break
    seen=$now
    sleep 0.2
  done
  # X: the agent with the most open interventions; the shown one is from the middle of the
  # history; the one that moves for watch is an open one in the general queue.
  curl -sf -H "Authorization: Bearer $token" "$url/v1/queues" >"$work/queues"
  owner=$(jq -r '.agents | max_by(.count) | .agent' "$work/queues")
  shown=iv_$((n / 2))
  cv=$(curl -sf -H "Authorization: Bearer $token" "$url/v1/interventions/$shown" | jq -r .conversation_id)
  moving=$(curl -sf -H "Authorization: Bearer $token" "$url/v1/interventions?state=queued&limit=1" | jq -r '.items[0].id')
  newest=$(curl -sf -H "Authorization: Bearer $token" "$url/v1/audit?intervention_id=$moving&limit=1000" | jq -r '.items[-1].seq')
  open_q='state=queued%2Cassigned'
  figure["0,$n"]=$(median sum /v1/queues)
  figure["1,$n"]=$(median every "/v1/interventions?$open_q&limit=1000")
  figure["2,$n"]=$(median sum "/v1/interventions?$open_q&owner=$owner&limit=50")
  figure["3,$n"]=$(median sum "/v1/interventions/$shown" "/v1/audit?intervention_id=$shown&limit=1000" "/v1/conversations/$cv")
  figure["4,$n"]=$(median sum "/v1/history?limit=1000")
  figure["5,$n"]=$(median first_event_server)
  figure["6,$n"]=$(median wall "$bin" queues)
  figure["7,$n"]=$(median wall "$bin" stuck)
  figure["8,$n"]=$(median wall "$bin" list --owner "$owner" --limit 50)
  figure["9,$n"]=$(median wall "$bin" show "$shown")
  figure["10,$n"]=$(median wall bash -c "'$bin' history --all | head -n 1000")
  figure["11,$n"]=$(median first_event_cli)
  kill "$server"
  wait "$server" 2>/dev/null || true
done

first=${sizes[0]}
last=${sizes[-1]}
printf '\n%-50s' "ms (median of $runs)"
for n in "${sizes[@]}"; do printf ' %10s' "$n"; done
printf ' %12s\n' "$last/$first"
for i in "${!rows[@]}"; do
  printf '%-50s' "${rows[$i]}"
  for n in "${sizes[@]}"; do printf ' %10s' "${figure[$i,$n]}"; done
  awk -v a="${figure[$i,$last]}" -v b="${figure[$i,$first]}" 'BEGIN { printf " %12.2f\n", a / b }'
done
