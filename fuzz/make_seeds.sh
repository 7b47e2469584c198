#!/usr/bin/env bash
# Seed corpora for the fuzz targets, written at build time from the real list files:
#   fuzz/make_seeds.sh SHARED_DATA HANDWRITTEN_SEEDS OUT
# OUT/<target>/ gets short, still well-formed extracts of each file (the fuzzer learns
# the shape from them; whole files would slow every run), then the hand-written seeds
# of HANDWRITTEN_SEEDS/<target>/. Nothing here is committed: the list files stay in
# ../shared/data.
set -euo pipefail
shared=$1/lists
handwritten=$2
out=$3

rm -rf "$out"
mkdir -p "$out"/list_reader_fuzz "$out"/ofac_set_fuzz "$out"/screen_fuzz
[ -d "$shared" ] || { echo "make_seeds: no list files in $shared" >&2; exit 1; }

# Each list reader, with format detection: the header and the first records.
for f in "$shared"/*.csv "$shared"/*.txt; do
  head -n 25 "$f" >"$out/list_reader_fuzz/$(basename "$f")"
done
# The UN XML: the first individual and the first entity, closed as the file closes.
for f in "$shared"/*.xml; do
  {
    sed -n '1,/<\/INDIVIDUAL>/p' "$f"
    printf '  </INDIVIDUALS>\n'
    sed -n '/<ENTITIES>/,/<\/ENTITY>/p' "$f"
    printf '  </ENTITIES>\n</CONSOLIDATED_LIST>\n'
  } >"$out/list_reader_fuzz/$(basename "$f")"
done

# The OFAC sets: a selector byte (S: sdn.csv, C: cons_prim.csv), then the primary, alias
# and address files separated by a form-feed line; the companions keep only the rows of
# the primary's entries, so the join is exercised.
ofac_set() {  # selector primary alt add name
  local primary_head
  primary_head=$(mktemp)
  head -n 30 "$2" >"$primary_head"
  {
    printf '%s' "$1"
    cat "$primary_head"
    printf '\n\f\n'
    awk -F, 'NR == FNR { ids[$1]; next } ($1 in ids)' "$primary_head" "$3"
    printf '\n\f\n'
    awk -F, 'NR == FNR { ids[$1]; next } ($1 in ids)' "$primary_head" "$4"
  } >"$out/ofac_set_fuzz/$5"
  rm -f "$primary_head"
}
ofac_set S "$shared/ofac_sdn_2021-07.csv" "$shared/ofac_alt_2021-07.csv" \
  "$shared/ofac_add_2021-07.csv" sdn_2021-07
ofac_set C "$shared/ofac_cons_prim_2025-12.csv" "$shared/ofac_cons_alt_2025-12.csv" \
  "$shared/ofac_cons_add_2025-12.csv" cons_2025-12

# Names to screen: listed names in Latin and original scripts.
n=0
{
  # awk, not head: head would stop sed early, and pipefail would take that as failure.
  sed -n 's/^[0-9]*,"\([^"]*\)".*/\1/p' "$shared/ofac_sdn_2024-05-01.csv" | awk 'NR <= 40'
  sed -n 's/.*<NAME_ORIGINAL_SCRIPT>\(.*\)<\/NAME_ORIGINAL_SCRIPT>.*/\1/p' \
    "$shared"/un_consolidated_*.xml | awk 'NR <= 40'
} | while IFS= read -r name; do
  n=$((n + 1))
  printf '%s' "$name" >"$out/screen_fuzz/name_$n"
done

# The general licenses the project ships (data/rules), one seed each.
mkdir -p "$out/general_license_fuzz"
rules=$(dirname "$0")/../data/rules/general_licenses.json
jq -c '.general_licenses[]' "$rules" | while IFS= read -r license; do
  n=$((n + 1))
  printf '%s' "$license" >"$out/general_license_fuzz/shipped_$n"
done

if [ -d "$handwritten" ]; then
  for dir in "$handwritten"/*/; do
    [ -d "$dir" ] || continue
    target=$(basename "$dir")
    mkdir -p "$out/$target"
    cp -R "$dir". "$out/$target/"
  done
fi
