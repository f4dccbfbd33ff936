#!/usr/bin/env bash
# livectl --version, and livectl list beside curl making the same request to a running sandbox
# (DESIGN.md section 8: --version under 5 ms, list within 2x of curl). Installs hyperfine.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v hyperfine >/dev/null; then
  echo "installing hyperfine" >&2
  apt-get update -qq >/dev/null && apt-get install -y -qq hyperfine >/dev/null
fi
cargo build --release --quiet
bin=$PWD/target/release/livectl
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin" sandbox serve --addr 127.0.0.1:0 --db "$work/bench.db" --seed demo 2>"$work/stderr" &
server=$!
for _ in $(seq 1 200); do
  url=$(grep -o 'http://[0-9.:]*' "$work/stderr" || true)
  [ -n "$url" ] && break
  sleep 0.05
done
[ -n "$url" ] || { echo "the sandbox did not start" >&2; exit 1; }
export LIVECTL_API_URL=$url
LIVECTL_TOKEN=$("$bin" sandbox token --db "$work/bench.db")
export LIVECTL_TOKEN
export HOME=$work XDG_CONFIG_HOME=$work/config
hyperfine -N --warmup 5 --runs 200 \
  "$bin --version" \
  "$bin list" \
  "curl -sf -H 'Authorization: Bearer $LIVECTL_TOKEN' $url/v1/interventions?state=queued,assigned&limit=100" \
  --export-markdown "$work/cli.md" | sed "s/$LIVECTL_TOKEN/<token>/g"
