#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang (in their own build folder, so the
# main g++ build is untouched) and runs each briefly from its seed corpus:
#   scripts/fuzz.sh [BUILD_DIR] [SECONDS_PER_TARGET]
# (defaults: build-fuzz; 64 s shared among the targets, at least 8 s each, so that CI
# fuzzes for at least a minute in all)
# `make fuzz` and the ctest entry `fuzz` (label fuzz) run it. A finding fails the run;
# its input is kept as BUILD_DIR/findings/<target>-crash-<sha1>, to become a
# regression test in the ordinary suite. What each run adds to the corpus is thrown
# away: the seeds stay those of fuzz/make_seeds.sh.
# FUZZ_SEED fixes libFuzzer's random seed: the ctest entry (and so CI) uses 1, so that a
# run can be repeated; `make fuzz` leaves it unset and explores anew each time.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-fuzz}
seconds=${2:-}
jobs=${JOBS:-$(nproc)}
cxx=${FUZZ_CXX:-clang++-14}
command -v "$cxx" >/dev/null || cxx=clang++

CXX=$cxx cmake -S "$root/fuzz" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
nice -n 10 cmake --build "$build" -j "$jobs"

targets=("$build"/*_fuzz)
if [ -z "$seconds" ]; then
  seconds=$(((64 + ${#targets[@]} - 1) / ${#targets[@]}))
  [ "$seconds" -ge 8 ] || seconds=8
fi

mkdir -p "$build/findings"
seed_args=()
if [ -n "${FUZZ_SEED:-}" ]; then seed_args=(-seed="$FUZZ_SEED"); fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=()
start=$(date +%s)
for target in "${targets[@]}"; do
  name=$(basename "$target")
  seeds="$build/seeds/$name"
  mkdir -p "$work/$name" "$seeds"
  # -timeout: one input taking this long is a finding (a hang); -rss_limit_mb: so is
  # memory beyond this. Both far above what any input needs.
  if "$target" "${seed_args[@]}" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="$build/findings/$name-" "$work/$name" "$seeds" \
       >"$build/$name.log" 2>&1; then
    echo "fuzz: $name: $(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' \
      "$build/$name.log" | grep -o '[0-9]*$') runs in ${seconds}s, no finding"
  else
    failed+=("$name")
    echo "fuzz: $name: FINDING (log: $build/$name.log)" >&2
    grep -m5 -E 'ERROR|runtime error|terminate|Test unit written' "$build/$name.log" >&2 || true
  fi
done
echo "fuzz: $(( $(date +%s) - start ))s of fuzzing"
[ ${#failed[@]} -eq 0 ] || { echo "fuzz: findings in ${failed[*]}" >&2; exit 1; }
