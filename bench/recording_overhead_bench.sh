#!/usr/bin/env bash
# What storing every answer costs the client (issue 15, item 6: "storing never slows the
# answer path by more than 10%"). One server, one database, one run: wrk against
# GET /api/screen and POST /api/check (the real handlers: each answer waits for its
# record's group commit, history::GroupCommit) and against their peers
# /bench/screen-unrecorded and /bench/check-unrecorded (the same screening and
# determination, answered without storing; bench/http_spike/spike_routes.cpp), in
# alternating order, ROUNDS times. The server is the cpp-httplib spike (the real route
# table and ServerState behind the server's HTTP layer, without its guard and access
# log, which are the same for both sides): the real server has no way to turn the
# record off, nor should it (15 CFR 762.2(a)).
#   bench/recording_overhead_bench.sh [BUILD_DIR] [SECONDS] [CONNECTIONS] [ROUNDS]
# RECORDING_BENCH_DB: a postgresql:// URL of an empty database instead of a new SQLite
# file. Prints per line req/s, p50, p99; then each side's median and the ratios.
# Needs wrk, ../shared/data/lists and build/bench/http_spike/httplib_spike.
set -euo pipefail

build=${1:-build}
seconds=${2:-10}
connections=${3:-32}
rounds=${4:-3}
bin="$build/tollgate"
spike="$build/bench/http_spike/httplib_spike"
lists=../shared/data/lists
command -v wrk >/dev/null || { echo "recording_overhead_bench.sh: wrk is missing" >&2; exit 1; }
for tool in "$bin" "$spike"; do
  [ -x "$tool" ] || { echo "recording_overhead_bench.sh: $tool is not built" >&2; exit 1; }
done

source "$(dirname "$0")/bench_server.sh"
bench_work recording-bench
db=${RECORDING_BENCH_DB:-$work/bench.db}

"$bin" --db "$db" lists import data/lists/huawei_entity_list_2019.csv --as-of 2019-05-16 >/dev/null
"$bin" --db "$db" lists import "$lists/ofac_sdn_2024-05-03.csv" --as-of 2019-01-01 --primary-only >/dev/null 2>&1
"$bin" --db "$db" lists import "$lists/un_consolidated_2026-02.xml" --as-of 2019-01-01 >/dev/null 2>&1
"$bin" --db "$db" users add bench --role reviewer --by bench >/dev/null
token=$("$bin" --db "$db" tokens issue bench --name recording-bench)

# The spike lives in bench/http_spike/, not beside the data folder; 64 pool threads
# cover the kept-alive connections (one each).
bench_serve_command "$work/out" env TOLLGATE_DATA_DIR="$PWD" "$spike" "$db" 0 64
base="http://127.0.0.1:$port"

# The same requests as bench/http_bench.sh: names in rotation, a third listed or
# variants of listed names; six end users for the check.
for path in /api/screen /bench/screen-unrecorded; do
  cat >"$work/$(basename "$path").lua" <<LUA
local names = {"Huawei%20Technologies%20Company", "Hua%20Wei%20Technologies", "Contoso%20Bakery",
  "Banco%20Nacional%20de%20Cuba", "Acme%20Widgets%20GmbH", "Rosoboronexport",
  "Northwind%20Traders", "Mahan%20Air", "Fabrikam%20Incorporated", "Tailspin%20Toys",
  "Islamic%20Revolutionary%20Guard%20Corps", "Wide%20World%20Importers"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "$path?as_of=2019-06-01&name=" .. names[i % #names + 1])
end
LUA
done
for path in /api/check /bench/check-unrecorded; do
  cat >"$work/$(basename "$path").lua" <<LUA
local parties = {"Huawei Technologies Co., Ltd.", "Contoso Bakery", "Northwind Traders",
  "Mahan Air", "Fabrikam Incorporated", "Tailspin Toys"}
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  i = i + 1
  local body = '{"items":[{"eccn":"5D992.c"}],"destination":"CN","date":"2019-06-01",' ..
    '"parties":[{"role":"end_user","name":"' .. parties[i % #parties + 1] .. '"}]}'
  return wrk.format(nil, "$path", nil, body)
end
LUA
done

echo "recording overhead: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores," \
  "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $( [[ $db == postgres* ]] &&
  echo PostgreSQL || echo SQLite), httplib spike 64 threads, wrk 2 threads $connections" \
  "connections ${seconds}s, $rounds rounds"
: >"$work/results"
run() {
  local label=$1 script=$2
  local out rps p50 p99 errors
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Authorization: Bearer $token" \
    -s "$work/$script.lua" "$base")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" | tr '\n' ' ' || true)
  printf '%-28s %10s req/s   p50 %8s   p99 %8s   load %s   %s\n' "$label" "$rps" "$p50" "$p99" \
    "$(cut -d' ' -f1 /proc/loadavg)" "$errors"
  echo "$label $rps $p50 $p99" >>"$work/results"
}
for round in $(seq "$rounds"); do
  # Alternate which side goes first, so that a drift of the machine's load does not
  # favour one side.
  if ((round % 2)); then
    run "screen recorded" screen
    run "screen unrecorded" screen-unrecorded
    run "check recorded" check
    run "check unrecorded" check-unrecorded
  else
    run "screen unrecorded" screen-unrecorded
    run "screen recorded" screen
    run "check unrecorded" check-unrecorded
    run "check recorded" check
  fi
done

# wrk prints latencies with units (us, ms, s): in ms for the medians and ratios.
python3 - "$work/results" <<'PY'
import statistics, sys
def ms(text):
    for unit, scale in (("us", 1e-3), ("ms", 1.0), ("s", 1e3)):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * scale
    return float(text)
rows = {}
for line in open(sys.argv[1]):
    *label, rps, p50, p99 = line.split()
    rows.setdefault(" ".join(label), []).append((float(rps), ms(p50), ms(p99)))
print("medians over the rounds, and recorded / unrecorded:")
for what in ("screen", "check"):
    rec, unrec = rows[what + " recorded"], rows[what + " unrecorded"]
    m = lambda side, k: statistics.median(r[k] for r in side)
    print(f"  {what:6} req/s {m(rec,0):9.0f} / {m(unrec,0):9.0f} = {m(rec,0)/m(unrec,0):.3f}   "
          f"p50 {m(rec,1):7.2f} / {m(unrec,1):7.2f} ms = {m(rec,1)/m(unrec,1):.3f}   "
          f"p99 {m(rec,2):7.2f} / {m(unrec,2):7.2f} ms = {m(rec,2)/m(unrec,2):.3f}")
PY
