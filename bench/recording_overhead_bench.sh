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
# file. Prints per line req/s, p50, p99 and the server process's CPU time a request (on
# PostgreSQL its own processes' are not counted); then each side's median and the ratios.
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

bench_screening_db recording-bench

# The spike lives in bench/http_spike/, not beside the data folder; 64 pool threads
# cover the kept-alive connections (one each).
bench_serve_command "$work/out" env TOLLGATE_DATA_DIR="$PWD" "$spike" "$db" 0 64
base="http://127.0.0.1:$port"

# The same requests as bench/http_bench.sh.
bench_screen_lua "$work/screen.lua"
bench_screen_lua "$work/screen-unrecorded.lua" /bench/screen-unrecorded
bench_check_lua "$work/check.lua"
bench_check_lua "$work/check-unrecorded.lua" /bench/check-unrecorded

echo "recording overhead: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores," \
  "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $( [[ $db == postgres* ]] &&
  echo PostgreSQL || echo SQLite), httplib spike 64 threads, wrk 2 threads $connections" \
  "connections ${seconds}s, $rounds rounds"
: >"$work/results"
# The server's CPU time so far (user + system, in clock ticks): what a request costs it
# holds better than req/s on a machine others load, and what recording adds to it is
# the part of the overhead that is work, the rest being waiting (for the commit).
server_ticks() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }
ticks_per_second=$(getconf CLK_TCK)
run() {
  local line before after
  before=$(server_ticks)
  line=$(bench_wrk "$1" -H "Authorization: Bearer $token" -s "$work/$2.lua" "$base")
  after=$(server_ticks)
  # label words, then req/s, p50, p99 (the words before "req/s" and after "p50", "p99"),
  # then the server's CPU microseconds a request
  line=$(awk -v ticks=$((after - before)) -v hz="$ticks_per_second" -v s="$seconds" \
    '{ for (i = 1; i <= NF; i++) if ($(i+1) == "req/s") rps = $i
       printf "%s   server cpu %.0f us/req\n", $0, ticks * 1e6 / hz / (rps * s) }' <<<"$line")
  echo "$line"
  awk '{ for (i = 1; i <= NF; i++) { if ($(i+1) == "req/s") { rps = $i; n = i - 1 }
           if ($i == "p50") p50 = $(i+1); if ($i == "p99") p99 = $(i+1)
           if ($i == "cpu") cpu = $(i+1) }
         label = $1; for (i = 2; i <= n; i++) label = label " " $i
         print label, rps, p50, p99, cpu }' <<<"$line" >>"$work/results"
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
    *label, rps, p50, p99, cpu = line.split()
    rows.setdefault(" ".join(label), []).append((float(rps), ms(p50), ms(p99), float(cpu)))
print("medians over the rounds, and recorded / unrecorded:")
for what in ("screen", "check"):
    rec, unrec = rows[what + " recorded"], rows[what + " unrecorded"]
    m = lambda side, k: statistics.median(r[k] for r in side)
    print(f"  {what:6} req/s {m(rec,0):9.0f} / {m(unrec,0):9.0f} = {m(rec,0)/m(unrec,0):.3f}   "
          f"p50 {m(rec,1):7.2f} / {m(unrec,1):7.2f} ms = {m(rec,1)/m(unrec,1):.3f}   "
          f"p99 {m(rec,2):7.2f} / {m(unrec,2):7.2f} ms = {m(rec,2)/m(unrec,2):.3f}   "
          f"server cpu {m(rec,3):5.0f} / {m(unrec,3):5.0f} us/req")
PY
