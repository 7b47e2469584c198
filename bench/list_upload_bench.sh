#!/usr/bin/env bash
# A list upload over HTTP as curl sends it (issue 13, item 5), against `lists import`
# of the same files: the OFAC SDN set of 2021-07 (primary, alias and address files,
# 3.5 MB) as one multipart request, and the 3.9 MB SDN file of 2024-05-01 as a raw body
# with curl's default Content-Type; each sent RUNS times with a new as_of, so each is
# stored (a new version, and the re-screening of the open applications: none here).
#   bench/list_upload_bench.sh [BUILD_DIR] [RUNS]   (default: build 5)
# Needs ../shared/data/lists and curl.
set -euo pipefail

build=${1:-build}
runs=${2:-5}
bin="$build/tollgate"
lists=../shared/data/lists
[ -x "$bin" ] || { echo "list_upload_bench.sh: $bin is not built" >&2; exit 1; }

source "$(dirname "$0")/bench_server.sh"
bench_work list-upload-bench
db="$work/bench.db"
"$bin" --db "$db" users add bench --role admin --by bench >/dev/null
token=$("$bin" --db "$db" tokens issue bench --name upload-bench)
bench_serve "$work/out" --threads 4 --rate-limit 0
base="http://127.0.0.1:$port/api/lists/import"

echo "tollgate list upload bench: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores," \
  "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
seconds() { sort -n | awk '{a[NR]=$1} END {printf "median %.3f s (min %.3f, max %.3f)", a[int((NR+1)/2)], a[1], a[NR]}'; }

for i in $(seq "$runs"); do
  curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" \
    -F "as_of=2021-07-$(printf %02d "$i")" -F "file=@$lists/ofac_sdn_2021-07.csv" \
    -F "file=@$lists/ofac_alt_2021-07.csv" -F "file=@$lists/ofac_add_2021-07.csv" "$base"
done | seconds | sed 's/^/multipart OFAC SDN set 2021-07 (3 files): /'
echo
for i in $(seq "$runs"); do
  curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" \
    --data-binary "@$lists/ofac_sdn_2024-05-01.csv" \
    "$base?as_of=2024-06-$(printf %02d "$i")&name=ofac_sdn_2024-05-01.csv&primary_only=true"
done | seconds | sed 's/^/raw body, curl default type, SDN 2024-05-01 (3.9 MB): /'
echo
for i in $(seq "$runs"); do
  rm -f "$work/cli.db"
  start=$(date +%s.%N)
  "$bin" --db "$work/cli.db" lists import "$lists/ofac_sdn_2021-07.csv" --as-of 2021-07-01 >/dev/null
  echo "$(date +%s.%N) - $start" | bc
done | seconds | sed 's/^/lists import of the same set, fresh database: /'
echo
