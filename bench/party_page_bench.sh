#!/usr/bin/env bash
# The Parties page with a large master (issue 15, item 7), in process: a new SQLite file
# (or PARTY_PAGE_BENCH_DB, a postgresql:// URL of an empty database) gets an
# organization, 100,000 alerts on its parties P0000001..P0040000 from
# alerts_paging_bench (so the open-alert filter has work), then PARTIES parties from
# party_page_bench, which times Store::ListPartyPage for each page shape beside the
# whole-master read it replaced.
#   bench/party_page_bench.sh [BUILD_DIR] [PARTIES] [REPEATS]   (default: build 100000 10)
# Needs ../shared/data/lists and the bench targets built.
set -euo pipefail

build=${1:-build}
parties=${2:-100000}
repeats=${3:-10}
bin="$build/tollgate"
for tool in "$bin" "$build/bench/alerts_paging_bench" "$build/bench/party_page_bench"; do
  [ -x "$tool" ] || { echo "party_page_bench.sh: $tool is not built" >&2; exit 1; }
done

source "$(dirname "$0")/bench_server.sh"
bench_work party-page
db=${PARTY_PAGE_BENCH_DB:-$work/bench.db}

"$bin" --db "$db" orgs add bench --name "Bench Exports" >/dev/null
"$build/bench/alerts_paging_bench" --db="$db" --alerts=100000 --repeats=1 >/dev/null
"$build/bench/party_page_bench" --db="$db" --parties="$parties" --repeats="$repeats"
