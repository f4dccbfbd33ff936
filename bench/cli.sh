#!/usr/bin/env bash
# The binary a user installs (release, stripped: bar under 20 MB), livectl --version (bar: under
# 3 ms), and livectl list beside curl making the same request to a running sandbox (DESIGN.md
# section 8: within 2x of curl). Installs hyperfine.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v hyperfine >/dev/null; then
  echo "installing hyperfine" >&2
  apt-get update -qq >/dev/null && apt-get install -y -qq hyperfine >/dev/null
fi
. bench/lib.sh
printf 'release binary: %.1f MB (%d bytes)\n' "$(echo "$(stat -c %s "$bin") / 1000000" | bc -l)" "$(stat -c %s "$bin")"
start_sandbox --seed demo
export LIVECTL_API_URL=$url
export LIVECTL_TOKEN=$token
export HOME=$work XDG_CONFIG_HOME=$work/config
hyperfine -N --warmup 5 --runs 200 \
  "$bin --version" \
  "$bin list" \
  "curl -sf -H 'Authorization: Bearer $LIVECTL_TOKEN' $url/v1/interventions?state=queued,assigned&limit=100" \
  --export-markdown "$work/cli.md" | sed "s/$LIVECTL_TOKEN/<token>/g"
