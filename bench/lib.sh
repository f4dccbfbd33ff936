# Shared by the benchmark scripts: a release build and a fresh sandbox on a free loopback port.
# Sets bin, work, url, token and server; removes everything on exit.

cargo build --release --quiet
bin=$PWD/target/release/livectl
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT

# start_sandbox [serve options...]: waits (with a deadline) until it prints its address.
start_sandbox() {
  # A previous server's address must not be read as this one's.
  : >"$work/stderr"
  "$bin" sandbox serve --addr 127.0.0.1:0 --db "$work/bench.db" "$@" 2>"$work/stderr" &
  server=$!
  url=""
  for _ in $(seq 1 600); do
    url=$(grep -o 'http://[0-9.:]*' "$work/stderr" || true)
    [ -n "$url" ] && break
    sleep 0.05
  done
  [ -n "$url" ] || { echo "the sandbox did not start" >&2; cat "$work/stderr" >&2; exit 1; }
  token=$("$bin" sandbox token --db "$work/bench.db")
}

# need_wrk: installs wrk when missing (the load generator of sandbox.sh, bulk.sh, action-cost.sh).
need_wrk() {
  command -v wrk >/dev/null && return
  echo "installing wrk" >&2
  apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null
}

# agent KEY: creates the agent KEY in the sandbox started by start_sandbox; prints its id.
agent() {
  curl -sf -H "Authorization: Bearer $token" \
    -d "{\"key\":\"$1\",\"name\":\"$1\",\"email\":\"$1@bench.invalid\"}" "$url/v1/agents" |
    grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4
}

# queued: how many interventions wait in the general queue of the sandbox (its kept counter).
queued() {
  curl -sf -H "Authorization: Bearer $token" "$url/v1/queues" |
    grep -o '"general":{"count":[0-9]*' | grep -o '[0-9]*$'
}
