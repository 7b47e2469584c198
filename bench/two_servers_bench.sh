#!/usr/bin/env bash
# Two `tollgate serve` processes on one PostgreSQL database under concurrent transitions
# (issue 5, "load and scale"): the path past one machine is several stateless servers on
# one database, so the same step sent to both at once must be taken exactly once.
#
# A throwaway PostgreSQL server (scripts/pg-test-server.sh) holds the store. N
# applications are filed, alternating between the servers; then every application's
# `register` step is sent to both servers at the same moment, with the version each
# client read (optimistic concurrency), P applications at a time. Afterwards: exactly N
# steps taken and N refused with 409 (no lost or doubled update), every timeline has its
# two entries, and the audit chain verifies.
#   bench/two_servers_bench.sh [BUILD_DIR] [APPLICATIONS] [PARALLEL]
# Needs curl and jq (scripts/install-deps.sh) and the postgresql package.
set -euo pipefail

build=${1:-build}
applications=${2:-300}
parallel=${3:-8}
bin="$(cd "$(dirname "$build/tollgate")" && pwd)/tollgate"
for tool in curl jq; do
  command -v "$tool" >/dev/null || { echo "two_servers_bench.sh: $tool is missing (scripts/install-deps.sh)" >&2; exit 1; }
done
[ -x "$bin" ] || { echo "two_servers_bench.sh: $bin is not built" >&2; exit 1; }

source "$(dirname "$0")/bench_server.sh"
bench_extra_cleanup() { scripts/pg-test-server.sh stop "$work/pg" >/dev/null 2>&1 || true; }
bench_work two-servers
chmod 755 "$work"  # the PostgreSQL server runs as the postgres user when we are root

scripts/pg-test-server.sh start "$work/pg" >/dev/null
db=$(cat "$work/pg/url")
cli() { "$bin" --db "$db" "$@"; }
cli orgs add microsoft --name 'Microsoft Corporation' --by bench >/dev/null
cli users add msft --role applicant --org microsoft --by bench >/dev/null
cli users add officer --role reviewer --by bench >/dev/null
cli users add auditor --role oversight --by bench >/dev/null
applicant=$(cli tokens issue msft --name bench | head -n 1)
officer=$(cli tokens issue officer --name bench | head -n 1)
auditor=$(cli tokens issue auditor --name bench | head -n 1)

ports=()
for name in a b; do
  bench_serve "$work/$name.out" --threads 16 --rate-limit 0
  ports+=("$port")
done

form='{"applicant": {"name": "Microsoft Corporation", "address": "One Microsoft Way, Redmond, WA", "country": "US"},
  "contact": {"name": "Export Desk", "email": "exports@example.com"},
  "purchaser": {"name": "Huawei Technologies Co., Ltd.", "country": "CN"},
  "ultimate_consignee": {"name": "Huawei Technologies Co., Ltd.", "country": "CN"},
  "end_use": "Operating systems installed on laptops sold to the public", "destination": "CN",
  "items": [{"eccn": "5D992.c", "description": "Windows licenses, mass-market",
             "quantity": 1000, "unit_price_cents": 9950, "value_usd": 99500}]}'

started=$(date +%s.%N)
for i in $(seq "$applications"); do
  port=${ports[$((i % 2))]}
  curl -sf -H "Authorization: Bearer $applicant" -H 'Content-Type: application/json' \
    -d "$form" "http://127.0.0.1:$port/api/applications" |
    jq -r '[.application.control_number, .application.version] | @tsv'
done >"$work/filed"
filed_at=$(date +%s.%N)
[ "$(wc -l <"$work/filed")" -eq "$applications" ] || { echo "two_servers_bench.sh: not every application was filed" >&2; exit 1; }

# One job per application: the same step to both servers at once; prints both statuses.
race() {
  local acn=$1 version=$2 step
  step=$(jq -cn --argjson v "$version" '{event: {event: "register"}, expected_version: $v}')
  for port in "${ports[@]}"; do
    curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $officer" \
      -H 'Content-Type: application/json' -d "$step" \
      "http://127.0.0.1:$port/api/applications/$acn/transitions" &
  done
  wait
}
export -f race
export officer
export ports_list="${ports[*]}"
raced_at=$(date +%s.%N)
# shellcheck disable=SC2016
xargs -P "$parallel" -L 1 bash -c 'ports=($ports_list); race "$0" "$1"' <"$work/filed" >"$work/statuses"
done_at=$(date +%s.%N)

taken=$(grep -c '^200$' "$work/statuses" || true)
conflicts=$(grep -c '^409$' "$work/statuses" || true)
other=$(grep -vc '^\(200\|409\)$' "$work/statuses" || true)
short=0
while read -r acn _; do
  entries=$(curl -sf -H "Authorization: Bearer $officer" \
    "http://127.0.0.1:${ports[0]}/api/applications/$acn/timeline" | jq '.timeline | length')
  [ "$entries" -eq 2 ] || short=$((short + 1))
done <"$work/filed"
verified=$(curl -sf -H "Authorization: Bearer $auditor" "http://127.0.0.1:${ports[1]}/api/audit/verify" | jq '.ok')

rate() { echo "$1 $2 $3" | awk '{ printf "%.0f", $1 / ($3 - $2) }'; }
echo "tollgate two-servers bench: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), PostgreSQL, $applications applications, $parallel at a time"
echo "filed (alternating servers)      $(rate "$applications" "$started" "$filed_at") applications/s"
echo "raced register steps (2 per app) $(rate $((applications * 2)) "$raced_at" "$done_at") requests/s"
echo "taken $taken, refused 409 $conflicts, other $other; timelines not of 2 entries: $short; audit chain ok: $verified"
[ "$taken" -eq "$applications" ] && [ "$conflicts" -eq "$applications" ] && [ "$other" -eq 0 ] &&
  [ "$short" -eq 0 ] && [ "$verified" = true ] || { echo "two_servers_bench.sh: LOST OR DOUBLED UPDATE" >&2; exit 1; }
