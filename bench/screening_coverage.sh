#!/bin/sh
# Line and branch coverage of the screening core (src/screening) under its own unit
# tests, the 21,000-name reference test among them: which size-dependent paths run.
#
#   bench/screening_coverage.sh BUILD_DIR [OUT_DIR]
#
# BUILD_DIR is an ordinary build (its libtollgate.a supplies the rest of the library);
# src/screening and its tests are compiled again with --coverage into OUT_DIR
# (default BUILD_DIR/screening-coverage), run, and summarized with gcov: one line per
# source file (lines and branches executed) in OUT_DIR/summary.txt, annotated sources
# (*.gcov) beside it. Compiling only the 18 files of src/screening again is quicker than
# a whole --coverage build of the project.
set -eu
build=$(cd "$1" && pwd)
out=${2:-$build/screening-coverage}
src=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
rm -f "$out"/*.o "$out"/*.gcda "$out"/*.gcno "$out"/*.gcov
cd "$out"
flags="-std=c++20 -O1 -g --coverage -I$src/include -I$src/src -isystem /usr/include/postgresql"
flags="$flags -I$build/generated/test_paths"  # test_paths.h: the tree and ../shared/data
files=$(cd "$src" && find src/screening -name '*.cpp' | sort)
objects=""
running=0
for file in $files; do
  object=$(echo "$file" | tr '/' '_' | sed 's/\.cpp$/.o/')
  c++ $flags -c "$src/$file" -o "$object" &  # two at a time: the machine has 2 cores
  objects="$objects $object"
  running=$((running + 1))
  if [ "$running" -ge 2 ]; then
    wait
    running=0
  fi
done
wait
# Objects first: the archive then lends only what the screening code does not define.
c++ --coverage -o screening_tests $objects "$build/libtollgate.a" \
  $(pkg-config --libs icu-uc icu-i18n libpq sqlite3 libcurl libcrypto pugixml) \
  -lgtest -lgtest_main -pthread
start=$(date +%s)
./screening_tests --gtest_brief=1
echo "tests took $(( $(date +%s) - start )) s"
# gcov of each screening object (not the tests), with branch counts.
for object in src_screening_*.o; do
  case "$object" in *_test.o) continue ;; esac
  gcov -b -o . "$object" > "$object.gcov.txt" 2>/dev/null || true
done
# Per object, every src/screening file it compiled (its source and the headers it
# inlines: mark_table.h and score_bound.h run inside candidates.cpp).
for object in src_screening_*.o; do
  case "$object" in *_test.o) continue ;; esac
  awk -v object="${object%.o}" '
    /^$/ { file = "" }  # a blank line ends a file (the totals of the object follow one)
    /^File / { file = ""; if ($0 ~ /src\/screening\//) { file = $2; gsub(/.*src\/screening\/|\047/, "", file) } next }
    file != "" && /^Lines executed/ { lines[file] = $0 }
    file != "" && /^Taken at least once/ { branches[file] = $0 }
    END { for (f in lines) printf "%-32s %-22s %s | branches: %s\n", object, f, lines[f], branches[f] }' \
    "$object.gcov.txt" | sort
done | tee summary.txt
