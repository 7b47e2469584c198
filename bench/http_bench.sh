#!/usr/bin/env bash
# The HTTP server under load: wrk against GET /api/screen and POST /api/check on
# loopback, with GET /healthz (no authentication, no work) in the same run as the
# floor the HTTP layer alone sets. The server (SQLite, rate limit off) screens the
# OFAC SDN list of 2024-05-03, the UN consolidated list and the shipped Entity List
# extract; every request carries a bearer token (one indexed lookup in the store).
#   bench/http_bench.sh [BUILD_DIR] [SECONDS] [CONNECTIONS] [SERVER_THREADS] [LAYER]
# LAYER: serve (the real `tollgate serve`, the default), or one of the HTTP-layer
# spikes of issue 14 on the same database and route table (bench/http_spike):
# httplib (plain cpp-httplib) or beast (Boost.Beast event loop, SERVER_THREADS loop
# threads). Each line carries the load average at its end: the machine is shared.
# Needs wrk (scripts/install-deps.sh) and ../shared/data/lists.
set -euo pipefail

build=${1:-build}
seconds=${2:-10}
connections=${3:-32}
threads=${4:-64}
layer=${5:-serve}
bin="$build/tollgate"
lists=../shared/data/lists
command -v wrk >/dev/null || { echo "http_bench.sh: wrk is missing (scripts/install-deps.sh)" >&2; exit 1; }
[ -x "$bin" ] || { echo "http_bench.sh: $bin is not built" >&2; exit 1; }

source "$(dirname "$0")/bench_server.sh"
bench_work http-bench
# HTTP_BENCH_DB: another database (a postgresql:// URL of an empty database) instead of
# a new SQLite file.
db=${HTTP_BENCH_DB:-$work/bench.db}

bench_screening_db http-bench

case $layer in
serve) bench_serve "$work/out" --threads "$threads" --rate-limit 0 ;;
httplib | beast)
  spike="$build/bench/http_spike/${layer}_spike"
  [ -x "$spike" ] || { echo "http_bench.sh: $spike is not built" >&2; exit 1; }
  # The spikes live in bench/http_spike/, not beside the data folder.
  bench_serve_command "$work/out" env TOLLGATE_DATA_DIR="$PWD" "$spike" "$db" 0 "$threads"
  ;;
*) echo "http_bench.sh: LAYER is serve, httplib or beast, not $layer" >&2; exit 2 ;;
esac
base="http://127.0.0.1:$port"

bench_screen_lua "$work/screen.lua"
bench_check_lua "$work/check.lua"

echo "tollgate http bench: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores," \
  "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)," \
  "layer $layer, server threads $threads, wrk 2 threads $connections connections ${seconds}s"
auth="Authorization: Bearer $token"
bench_wrk "GET /healthz" "$base/healthz"
bench_wrk "GET /api/screen" -H "$auth" -s "$work/screen.lua" "$base"
bench_wrk "POST /api/check" -H "$auth" -s "$work/check.lua" "$base"
