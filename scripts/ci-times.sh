#!/usr/bin/env bash
# Where CI's time goes (BENCHMARKS.md "CI time"): a cold configure and build in BUILD_DIR
# with no compiler cache (as on a fresh machine), target by target, recording each
# compile and link's CPU seconds (from /usr/bin/time in the launcher slot ccache would
# take) beside each target's wall time; then, with RUN_TESTS=1, ctest label by label.
# CPU seconds are what to compare between runs on a shared machine; wall time is what
# a lone 2-core CI machine would see only when nothing else runs.
#   scripts/ci-times.sh SOURCE_DIR BUILD_DIR [JOBS]
set -euo pipefail
src=$(cd "$1" && pwd)
build=$2
jobs=${3:-2}
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$build"
mkdir -p "$build"
build=$(cd "$build" && pwd)
log=$build/ci-times.log
launcher=$build/timed-launcher.sh
printf '#!/bin/sh\nexec /usr/bin/time -a -o %s -f "%%e %%U %%S %%C" "$@"\n' "$log" >"$launcher"
chmod +x "$launcher"

now() { date +%s.%N; }
phase() {  # phase NAME COMMAND...: wall seconds of one step
  local t0 t1
  t0=$(now)
  "${@:2}" >"$build/phase-$1.out" 2>&1 || { echo "ci-times: $1 failed, see $build/phase-$1.out" >&2; exit 1; }
  t1=$(now)
  printf '%-28s wall %7.1f s\n' "$1" "$(echo "$t1 - $t0" | bc)" | tee -a "$build/phases.txt"
}

phase configure cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTOLLGATE_WERROR=ON \
  -DCCACHE_PROGRAM="$launcher" -DCMAKE_CXX_LINKER_LAUNCHER="$launcher"
for target in ${TARGETS:-tollgate tollgate_server tollgate_cli tollgate_unit_tests tollgate_tests all}; do
  phase "build-$target" nice -n 10 cmake --build "$build" -j "$jobs" --target "$target"
done
# CPU seconds (user + system) per target, from the object or output path of each step.
python3 "$here/ci-times-report.py" "$log" | tee "$build/cpu.txt"

if [ "${RUN_TESTS:-0}" = 1 ]; then
  for label in unit integration e2e lint fuzz; do
    phase "ctest-$label" ctest --test-dir "$build" -L "^$label\$" -j "$jobs" --timeout 900
  done
fi
