#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL server for the test suite, on loopback, as an
# unprivileged user (initdb refuses root). CTest runs `start` before and `stop` after
# the tests that need it (see CMakeLists.txt); the connection URL is written to
# DIR/url. Usage: pg-test-server.sh start|stop DIR
set -euo pipefail
cmd=${1:?start or stop}
dir=${2:?state directory}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "pg-test-server: no PostgreSQL server binaries under /usr/lib/postgresql (run scripts/install-deps.sh)" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    if [ -f "$dir/data/postmaster.pid" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" stop -m immediate >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U tollgate --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # A free port: try a few at random; pg_ctl fails fast when one is taken.
    for _ in $(seq 1 20); do
      port=$((20000 + RANDOM % 40000))
      if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
           -o "-h 127.0.0.1 -p $port -k '' -F -c fsync=off -c full_page_writes=off -c max_connections=100" \
           start >/dev/null 2>&1; then
        echo "postgresql://tollgate@127.0.0.1:$port/postgres" >"$dir/url"
        chmod a+r "$dir/url"
        echo "pg-test-server: started on 127.0.0.1:$port"
        exit 0
      fi
    done
    echo "pg-test-server: could not start PostgreSQL; log:" >&2
    cat "$dir/server.log" >&2 || true
    exit 1
    ;;
  stop)
    if [ -d "$dir/data" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" stop -m immediate >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
