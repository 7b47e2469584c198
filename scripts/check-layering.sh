#!/usr/bin/env bash
# ctest `layering_check`: the adapters sit on the library, never on each other (README
# "Architecture"). apps/server includes nothing from apps/cli, and the library (src/,
# include/) nothing from apps/: what two adapters share is a use case or a JSON form,
# and belongs in the library. Lists each offending include; exit 1 when there is one.
#   scripts/check-layering.sh [SOURCE_DIR]
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"
status=0
report() {  # $1: what is wrong, $2: the offending lines (grep -n)
  if [ -n "$2" ]; then
    echo "check-layering: $1:" >&2
    echo "$2" >&2
    status=1
  fi
}
# An include naming the CLI's folder, by a relative path or from the tree's root.
report "apps/server includes apps/cli (move what both use into src/ and include/tollgate/)" \
  "$(grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](\./)*(\.\./)*(apps/)?cli/' \
    apps/server --include='*.cpp' --include='*.h' || true)"
report "the library includes an adapter (apps/)" \
  "$(grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](\.\./)*(apps/|cli/|server/)' \
    src include --include='*.cpp' --include='*.h' || true)"
[ $status -eq 0 ] && echo "check-layering: apps/server and the library include no adapter"
exit $status
