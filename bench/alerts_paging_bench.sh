#!/usr/bin/env bash
# The alert queue's pages with 100,000 alerts (issue 15), in process and over HTTP:
# build/bench/alerts_paging_bench fills one organization's queue through
# Store::WriteAlerts and times Store::ListAlerts for each page shape (first and deep
# pages, each filter, each sort); then a real `tollgate serve` on the same database is
# asked the same pages with GET /api/alerts by curl (one kept-alive connection per
# case, REPEATS requests; curl's time_total of each, so the client's view).
#   bench/alerts_paging_bench.sh [BUILD_DIR] [ALERTS] [REPEATS]   (default: build 100000 20)
# ALERTS_BENCH_DB: a postgresql:// URL of an empty database instead of a new SQLite file
# (scripts/pg-test-server.sh start build/pg-test prints one).
# Needs curl, ../shared/data/lists and the bench targets built.
set -euo pipefail

build=${1:-build}
count=${2:-100000}
repeats=${3:-20}
bin="$build/tollgate"
bench="$build/bench/alerts_paging_bench"
for tool in "$bin" "$bench"; do
  [ -x "$tool" ] || { echo "alerts_paging_bench.sh: $tool is not built" >&2; exit 1; }
done
command -v curl >/dev/null || { echo "alerts_paging_bench.sh: curl is missing" >&2; exit 1; }

source "$(dirname "$0")/bench_server.sh"
bench_work alerts-paging
db=${ALERTS_BENCH_DB:-$work/bench.db}

"$bin" --db "$db" orgs add bench --name "Bench Exports" >/dev/null
"$bin" --db "$db" users add analyst --role applicant --org bench --by bench >/dev/null
token=$("$bin" --db "$db" tokens issue analyst --name alerts-bench)

"$bench" --db="$db" --alerts="$count" --repeats="$repeats" --cases="$work/cases"

bench_serve "$work/out" --rate-limit 0
base="http://127.0.0.1:$port/api/alerts"
echo "GET /api/alerts through tollgate serve ($(storage=${db%%:*}; [ "$storage" = postgresql ] &&
  echo PostgreSQL || echo SQLite)), curl, $repeats requests a case; load average" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-56s %9s %9s %9s %9s\n' "case" "bytes" "p50 ms" "p99 ms" "max ms"
worst=0
while IFS=$'\t' read -r label query; do
  urls=()
  # Each URL with its own -o: curl pairs them one to one.
  for _ in $(seq "$repeats"); do urls+=(-o /dev/null "$base?$query"); done
  # One curl, one kept-alive connection: each request's own time, in seconds.
  times=$(curl -s --fail-with-body -H "Authorization: Bearer $token" \
    -w '%{time_total} %{size_download}\n' "${urls[@]}")
  read -r p50 p99 max bytes < <(sort -n <<<"$times" | awk '
    { t[NR] = $1 * 1000; b = $2 }
    END { i50 = int(0.5 * (NR - 1)) + 1; i99 = int(0.99 * (NR - 1)) + 1
          printf "%.2f %.2f %.2f %d\n", t[i50], t[i99], t[NR], b }')
  printf '%-56s %9s %9s %9s %9s\n' "$label" "$bytes" "$p50" "$p99" "$max"
  worst=$(awk -v a="$worst" -v b="$p50" 'BEGIN { print (b > a ? b : a) }')
done <"$work/cases"
echo "slowest case's median over HTTP: $worst ms (target <= 50 ms a request)"
