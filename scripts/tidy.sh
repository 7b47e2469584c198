#!/usr/bin/env bash
# ctest `tidy` (label lint): clang-tidy with the checks of .clang-tidy over every
# translation unit of src/ and apps/ in BUILD_DIR's compile database (tests and
# benchmarks are not checked: BENCHMARKS.md "CI time" says why), JOBS at a time.
# Prints each finding; exit 1 when there is any (.clang-tidy makes every warning an
# error), 0 with the number of files checked otherwise.
#   scripts/tidy.sh BUILD_DIR [JOBS] [FILE...]
set -euo pipefail
build=$(cd "$1" && pwd)
jobs=${2:-2}
shift $(($# < 2 ? $# : 2))
src=$(cd "$(dirname "$0")/.." && pwd)
tidy=$(command -v clang-tidy || command -v clang-tidy-14 || true)
[ -n "$tidy" ] || { echo "tidy: clang-tidy is not installed (scripts/install-deps.sh test)" >&2; exit 1; }
db=$build/compile_commands.json
[ -f "$db" ] || { echo "tidy: $db is missing (configure with CMake first)" >&2; exit 1; }
if [ $# -gt 0 ]; then
  files=("$@")
else
  mapfile -t files < <(python3 -c '
import json, sys
src = sys.argv[2].rstrip("/") + "/"
for e in json.load(open(sys.argv[1])):
    f = e["file"]
    if f.startswith((src + "src/", src + "apps/")) and not f.endswith("_test.cpp"):
        print(f)' "$db" "$src" | sort -u)
fi
[ ${#files[@]} -gt 0 ] || { echo "tidy: no src/ or apps/ files in $db" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# Units found clean before with the same preprocessed text, flags, checks and
# clang-tidy are not checked again (scripts/tidy-cache.py; TIDY_CACHE=off checks all).
cache=${TIDY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tollgate-tidy}
all=${#files[@]}
if [ "$cache" != off ]; then
  # A failure here fails the check (set -e), never passes it with nothing checked.
  TIDY="$tidy" "$src/scripts/tidy-cache.py" misses "$build" "$cache" "$out/keys" "$jobs" \
    "${files[@]}" >"$out/misses"
  mapfile -t files <"$out/misses"
  echo "tidy: $((all - ${#files[@]})) of $all files unchanged since a clean check ($cache)"
fi
# One output file per translation unit, so that parallel runs do not interleave.
if [ ${#files[@]} -gt 0 ]; then
  printf '%s\n' "${files[@]}" | nl -ba -w1 -s' ' | xargs -P "$jobs" -L 1 sh -c \
    'n=$3 file=$4; "$0" -p "$1" --quiet "$file" >"$2/$n.out" 2>"$2/$n.err" || echo "$file" >"$2/failed.$n"' \
    "$tidy" "$build" "$out" || true
fi
if ls "$out"/failed.* >/dev/null 2>&1; then
  # A finding in a header is reported by every file that includes it: once is enough.
  cat "$out"/*.out | awk '/: (error|warning): /{ seen = ($0 in shown); shown[$0] = 1 } !seen' >&2
  echo "tidy: findings in $(cat "$out"/failed.* | wc -l) of $all files (see above; .clang-tidy, CONTRIBUTING.md)" >&2
  exit 1
fi
if [ "$cache" != off ] && [ ${#files[@]} -gt 0 ]; then
  "$src/scripts/tidy-cache.py" store "$cache" "$out/keys" "${files[@]}"
fi
echo "tidy: $all files, no findings"
