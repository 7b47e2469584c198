#!/usr/bin/env bash
# The server's memory as GET /api/screen is asked about dates with different lists in
# force (issue 11, item 8): each such date needs its own screening index. Eight shared
# list files are imported at eight dates (OFAC SDN and the UN list from the first, so
# every index holds some 65,000 names); one server per --index-cache-mb value is asked
# one query per date, and its resident memory (VmRSS) is read after each.
#   bench/index_cache_bench.sh [BUILD_DIR] [CACHE_MB ...]   (default: 256 100000)
# Needs ../shared/data/lists.
set -euo pipefail

build=${1:-build}
shift || true
caches=("$@")
[ ${#caches[@]} -gt 0 ] || caches=(256 100000)
bin="$build/tollgate"
lists=../shared/data/lists
[ -x "$bin" ] || { echo "index_cache_bench.sh: $bin is not built" >&2; exit 1; }

source "$(dirname "$0")/bench_server.sh"
bench_work index-cache-bench
db="$work/bench.db"

# --primary-only: the 2024 SDN files come without their alt and add files.
import() { "$bin" --db "$db" lists import "$lists/$1" --as-of "$2" --primary-only >/dev/null 2>&1; }
import ofac_sdn_2021-07.csv 2020-01-01
import un_consolidated_2026-02.xml 2020-01-01
import bis_dpl_2022-09.txt 2020-02-01
import state_isn_2019.csv 2020-03-01
import state_dtc_debarred_2018-01-24.csv 2020-04-01
import csl_sample_2019.csv 2020-05-01
import ofac_sdn_2024-05-01.csv 2020-06-01
import ofac_sdn_2024-05-03.csv 2020-07-01
import csl_sample_2025.csv 2020-08-01
"$bin" --db "$db" users add bench --role reviewer --by bench >/dev/null
token=$("$bin" --db "$db" tokens issue bench --name cache-bench)

rss() { awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }

echo "tollgate index cache bench: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores," \
  "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
for cache in "${caches[@]}"; do
  bench_serve "$work/out" --threads 4 --rate-limit 0 --index-cache-mb "$cache"
  line="--index-cache-mb $cache: started $(rss "$server_pid") MiB;"
  for month in 01 02 03 04 05 06 07 08; do
    curl -sf -H "Authorization: Bearer $token" \
      "http://127.0.0.1:$port/api/screen?name=Banco%20Nacional%20de%20Cuba&as_of=2020-$month-15" \
      >/dev/null
    line="$line $(rss "$server_pid")"
  done
  echo "$line MiB after each of 8 dates"
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
done
