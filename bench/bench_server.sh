# Sourced by the HTTP benchmarks (http_bench.sh, index_cache_bench.sh,
# two_servers_bench.sh, recording_overhead_bench.sh, alerts_paging_bench.sh): one work folder, removed on exit with every server started in
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

# bench_screening_db TOKEN_NAME: $db with what the screening benches serve (the shipped
# Entity List extract, OFAC's SDN of 2024-05-03 and the UN list, from $lists) and a
# reviewer "bench" whose token is left in $token.
bench_screening_db() {
  "$bin" --db "$db" lists import data/lists/huawei_entity_list_2019.csv --as-of 2019-05-16 >/dev/null
  "$bin" --db "$db" lists import "$lists/ofac_sdn_2024-05-03.csv" --as-of 2019-01-01 --primary-only >/dev/null 2>&1
  "$bin" --db "$db" lists import "$lists/un_consolidated_2026-02.xml" --as-of 2019-01-01 >/dev/null 2>&1
  "$bin" --db "$db" users add bench --role reviewer --by bench >/dev/null
  token=$("$bin" --db "$db" tokens issue bench --name "$1")
}

# bench_screen_lua FILE [PATH]: a wrk script of GET PATH (default /api/screen) with
# names in rotation, so no answer is served twice in a row; a third are listed names or
# variants of them, the rest are not listed.
bench_screen_lua() {
  local path=${2:-/api/screen}
  cat >"$1" <<LUA
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
}

# bench_check_lua FILE [PATH]: a wrk script of POST PATH (default /api/check), one
# 5D992.c item to CN, six end users in rotation.
bench_check_lua() {
  local path=${2:-/api/check}
  cat >"$1" <<LUA
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
}

# bench_wrk LABEL WRK_ARGS...: one wrk run ($connections connections, $seconds s, 2
# threads), printed as one line: req/s, p50, p99, the load average at its end, errors.
bench_wrk() {
  local label=$1
  shift
  local out rps p50 p99 errors
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" | tr '\n' ' ' || true)
  printf '%-28s %10s req/s   p50 %8s   p99 %8s   load %s   %s\n' "$label" "$rps" "$p50" "$p99" \
    "$(cut -d' ' -f1 /proc/loadavg)" "$errors"
}
