# Sourced by the HTTP benchmarks (http_bench.sh, index_cache_bench.sh,
# two_servers_bench.sh): one work folder, removed on exit with every server started in
# it, and the start of a server on a free loopback port. Needs $bin (the tollgate
# binary) and $db set before bench_serve.

bench_pids=()

# bench_work NAME: $work, a new folder, removed on exit (after bench_extra_cleanup, when
# the script defines it, e.g. to stop a PostgreSQL server).
bench_work() {
  work=$(mktemp -d "${TMPDIR:-/tmp}/tollgate-$1.XXXXXX")
  trap bench_cleanup EXIT
}

bench_cleanup() {
  local pid
  for pid in "${bench_pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  if declare -F bench_extra_cleanup >/dev/null; then bench_extra_cleanup; fi
  rm -rf "$work"
}

# bench_serve OUT [SERVE OPTIONS...]: `tollgate serve` on 127.0.0.1, any free port, its
# output in OUT; waits up to 60 s for it to listen, then sets $server_pid and $port.
bench_serve() {
  local out=$1
  shift
  bench_serve_command "$out" "$bin" --db "$db" serve --listen 127.0.0.1:0 "$@"
}

# bench_serve_command OUT COMMAND...: as bench_serve, for any server command that prints
# "listening on http://127.0.0.1:PORT" (the HTTP-layer spikes, bench/http_spike).
bench_serve_command() {
  local out=$1
  shift
  "$@" >"$out" 2>/dev/null &
  server_pid=$!
  bench_pids+=("$server_pid")
  for _ in $(seq 600); do
    grep -q "listening on" "$out" 2>/dev/null && break
    sleep 0.1
  done
  port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$out")
  [ -n "$port" ] || {
    echo "$(basename "$0"): the server did not start" >&2
    cat "$out" >&2
    exit 1
  }
}
