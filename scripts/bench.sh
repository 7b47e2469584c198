#!/usr/bin/env bash
# `make bench`: runs the screening, determination and licensing benchmarks of one build
# and prints a summary table.
#   scripts/bench.sh BUILD_DIR [screening_bench options, e.g. --large-names=0]
# LICENSING_APPLICATIONS (default 100000) sets how many applications the licensing
# benchmark fills each store with; it runs on SQLite and on a throwaway PostgreSQL
# server (scripts/pg-test-server.sh).
# Needs only what scripts/install-deps.sh installs (the simstring peer included) and
# the list files in ../shared/data/lists, which the executables read in place.
set -euo pipefail

build_dir=${1:-build}
shift || true
bench_dir="$build_dir/bench"

for exe in screening_bench batch_bench determination_bench licensing_bench; do
  if [ ! -x "$bench_dir/$exe" ]; then
    echo "bench.sh: $bench_dir/$exe is not built; run make build" >&2
    exit 1
  fi
done
if ! command -v simstring >/dev/null; then
  echo "bench.sh: simstring (package simstring-bin) is missing; run scripts/install-deps.sh" >&2
  exit 1
fi

summary=$(mktemp "${TMPDIR:-/tmp}/tollgate-bench-summary.XXXXXX")
licensing_dir=$(mktemp -d "${TMPDIR:-/tmp}/tollgate-bench-licensing.XXXXXX")
pg_server="$(dirname "$0")/pg-test-server.sh"
trap '"$pg_server" stop "$licensing_dir/pg" >/dev/null 2>&1 || true; rm -rf "$summary" "$licensing_dir"' EXIT
start=$SECONDS
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
echo "tollgate bench: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $cpu, commit $commit"

"$bench_dir/screening_bench" --summary="$summary" "$@"
echo
"$bench_dir/batch_bench" --summary="$summary"
echo
echo "== determination (rules::Engine, one thread; see BENCHMARKS.md, Determination) =="
"$bench_dir/determination_bench"

echo
applications=${LICENSING_APPLICATIONS:-100000}
echo "== licensing (Workflow transitions and the reports; see BENCHMARKS.md, Licensing) =="
"$bench_dir/licensing_bench" --db="$licensing_dir/licensing.db" --applications="$applications"
"$pg_server" start "$licensing_dir/pg" >/dev/null
"$bench_dir/licensing_bench" --db="$(cat "$licensing_dir/pg/url")" --applications="$applications"

echo
echo "== summary (targets from the benchmark brief; MISSED means not met in this run) =="
awk -F'\t' '
  BEGIN { printf "%-10s %-40s %-26s %-13s %s\n", "corpus", "figure", "value", "target", "" }
  { printf "%-10s %-40s %-26s %-13s %s\n", $1, $2, $3, ($4 == "-" ? "" : $4), ($5 == "-" ? "" : $5) }
' "$summary"
echo "make bench: $((SECONDS - start)) s"
