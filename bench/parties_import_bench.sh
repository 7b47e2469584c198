#!/usr/bin/env bash
# `tollgate parties import` of a generated party master (issue 15, item 1): N parties
# (default 100,000) with made-up company names, one in 500 of them a name of the OFAC
# SDN list of 2024-05-01 (so that some hits are stored), screened against that list as
# of 2024-05-02 and stored with an audit record each, into a fresh SQLite file; then the
# same file again (every party unchanged: nothing screened or written), then with one
# party in ten changed (its address).
#   bench/parties_import_bench.sh [BUILD_DIR] [N]   (default: build 100000)
# Needs ../shared/data/lists and python3.
set -euo pipefail

build=${1:-build}
count=${2:-100000}
bin="$build/tollgate"
sdn=../shared/data/lists/ofac_sdn_2024-05-01.csv
[ -x "$bin" ] || { echo "parties_import_bench.sh: $bin is not built" >&2; exit 1; }
[ -f "$sdn" ] || { echo "parties_import_bench.sh: $sdn is missing" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/parties-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT
db="$work/bench.db"

python3 - "$sdn" "$count" "$work" <<'PY'
import csv, random, sys
sdn, count, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
listed = [row[1] for row in csv.reader(open(sdn, encoding="utf-8", errors="replace"))
          if len(row) > 2 and row[2].strip() == "-0-"][:400]
random.seed(15)
words = ["Global", "Trading", "Industrial", "Pacific", "Nordic", "Systems", "Logistics",
         "Precision", "Components", "Marine", "Aero", "Digital", "Energy", "Alpine",
         "Delta", "Harbor", "Summit", "Vertex", "Orion", "Atlas"]
suffixes = ["GmbH", "Ltd.", "LLC", "S.A.", "B.V.", "Co., Ltd.", "AG", "Inc."]
countries = ["DE", "FR", "GB", "US", "JP", "KR", "IN", "BR", "CN", "AE", "SG", "NL"]
for name, change in (("parties.csv", False), ("changed.csv", True)):
    random.seed(15)
    with open(f"{work}/{name}", "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["external_id", "name", "country", "address", "type"])
        for i in range(count):
            if i % 500 == 0 and listed:
                party = listed[(i // 500) % len(listed)]
            else:
                party = " ".join(random.sample(words, 2)) + " " + random.choice(suffixes)
            address = f"{i} Main Street" + (" (moved)" if change and i % 10 == 0 else "")
            out.writerow([f"P{i:07d}", party, random.choice(countries), address, "entity"])
PY

"$bin" --db "$db" lists import "$sdn" --as-of 2024-05-01 --primary-only >/dev/null
"$bin" --db "$db" orgs add bench --name "Bench Exports" >/dev/null
echo "tollgate parties import bench: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores," \
  "load $(cut -d' ' -f1 /proc/loadavg), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)," \
  "$count parties"
for run in "first import:parties.csv" "same file again:parties.csv" "one in ten changed:changed.csv"; do
  label=${run%%:*}
  file=$work/${run#*:}
  start=$(date +%s.%N)
  "$bin" --db "$db" parties import "$file" --org bench --as-of 2024-05-02 >"$work/out" 2>"$work/err" ||
    { cat "$work/err" >&2; exit 1; }
  summary=$(head -1 "$work/out")
  end=$(date +%s.%N)
  printf '%s: %.2f s  (%s)\n' "$label" "$(echo "$end - $start" | bc)" "${summary#*: }"
done
