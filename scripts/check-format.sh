#!/usr/bin/env bash
# ctest `format_check`: every C++ file of the tree is as clang-format writes it (the
# house style in .clang-format; `make format` rewrites them). Lists each file that
# differs and the first lines clang-format would change; exit 1 when any does.
#   scripts/check-format.sh [SOURCE_DIR]
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"
command -v clang-format >/dev/null || { echo "check-format: clang-format is not installed (scripts/install-deps.sh test)" >&2; exit 1; }
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.cpp' '*.h')
else
  mapfile -t files < <(find apps src include tests bench fuzz -name '*.cpp' -o -name '*.h' | grep -v node_modules)
fi
status=0
for f in "${files[@]}"; do
  [ -f "$f" ] || continue
  if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
    echo "check-format: $f is not formatted (make format); clang-format would change:" >&2
    clang-format "$f" | diff -u "$f" - | sed -n '3,14p' >&2 || true
    status=1
  fi
done
[ $status -eq 0 ] && echo "check-format: ${#files[@]} files formatted"
exit $status
