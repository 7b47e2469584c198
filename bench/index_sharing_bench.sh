#!/usr/bin/env bash
# One index cache for screening and determinations (issue 14, item 2): the server's
# resident memory (VmRSS) at start, after one GET /api/screen and after one POST
# /api/check on the same date, with the lists of bench/http_bench.sh (OFAC SDN of
# 2024-05-03, the UN consolidated list, the shipped Entity List extract; some 65,000
# names). Before the change /api/check built a second index of the same lists in the
# determination engine; after it, the engine uses the one /api/screen built.
#   bench/index_sharing_bench.sh [BUILD_DIR ...]   (each holds a `tollgate` binary)
# Needs ../shared/data/lists.
set -euo pipefail

builds=("$@")
[ ${#builds[@]} -gt 0 ] || builds=(build)
lists=../shared/data/lists
source "$(dirname "$0")/bench_server.sh"
bench_work index-sharing-bench

rss() { awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }

echo "tollgate index sharing bench: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores," \
  "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
n=0
for build in "${builds[@]}"; do
  bin="$build/tollgate"
  [ -x "$bin" ] || { echo "index_sharing_bench.sh: $bin is not built" >&2; exit 1; }
  n=$((n + 1))
  db="$work/bench-$n.db"
  "$bin" --db "$db" lists import data/lists/huawei_entity_list_2019.csv --as-of 2019-05-16 >/dev/null
  "$bin" --db "$db" lists import "$lists/ofac_sdn_2024-05-03.csv" --as-of 2019-01-01 --primary-only >/dev/null 2>&1
  "$bin" --db "$db" lists import "$lists/un_consolidated_2026-02.xml" --as-of 2019-01-01 >/dev/null 2>&1
  # Oversight: may screen, check and read /metrics.
  "$bin" --db "$db" users add bench --role oversight --by bench >/dev/null
  token=$("$bin" --db "$db" tokens issue bench --name sharing-bench)
  bench_serve "$work/out-$n" --threads 4 --rate-limit 0
  auth="Authorization: Bearer $token"
  started=$(rss "$server_pid")
  curl -sf -H "$auth" "http://127.0.0.1:$port/api/screen?name=Huawei%20Technologies&as_of=2019-06-01" >/dev/null
  screened=$(rss "$server_pid")
  curl -sf -H "$auth" -H 'Content-Type: application/json' "http://127.0.0.1:$port/api/check" \
    -d '{"items":[{"eccn":"5D992.c"}],"destination":"CN","date":"2019-06-01","parties":[{"role":"end_user","name":"Huawei Technologies Co., Ltd."}]}' >/dev/null
  checked=$(rss "$server_pid")
  metrics=$(curl -sf -H "$auth" "http://127.0.0.1:$port/metrics" | grep -E '^tollgate_screening_index_(builds|cache_bytes)' | tr '\n' ' ' || true)
  echo "$build: VmRSS started $started MiB, after a screen $screened MiB, after a check $checked MiB; $metrics"
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
done
