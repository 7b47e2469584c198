#!/bin/sh
# Re-runs scripts/convert_ear.py into a temporary directory and compares what it writes
# with the shipped data/rules files byte for byte; fails naming each file that differs.
# Usage: scripts/check_convert_ear.sh [EAR_DIR]   (default ../shared/data/ear)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
ear=${1:-$root/../shared/data/ear}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$root/scripts/convert_ear.py" "$ear" --out "$tmp"
status=0
for file in ccl.json country_chart.json; do
  if ! cmp -s "$tmp/$file" "$root/data/rules/$file"; then
    echo "data/rules/$file differs from what scripts/convert_ear.py writes from $ear:" \
         "run it again (or fix the converter)" >&2
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "data/rules/ccl.json and country_chart.json are what the converter writes"
exit "$status"
