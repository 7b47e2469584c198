#!/usr/bin/env bash
# `tollgate parties import` of a generated party master (issue 15, item 1): N parties
# (default 100,000) with made-up company names, one in 500 of them a name of the OFAC
# SDN list of 2024-05-01 (so that some hits are stored), screened against that list as
# of 2024-05-02 and stored with an audit record each, into a fresh SQLite file; then the
# same file again (every party unchanged: nothing screened or written), then with one
# party in ten changed (its address). Each import's wall and CPU time (user + system)
# and peak resident memory are GNU time's (/usr/bin/time -v); after the first import,
# build/bench/party_index_bench builds the party index of continuous screening from
# the stored master and reports its resident size (issue 15: 1,000,000 parties in
# <= 10 s on 2 cores, the party index <= 600 MiB).
#   bench/parties_import_bench.sh [BUILD_DIR] [N] [RUNS] [NAMES]   (default: build 100000 3 pools)
# RUNS 1: the first import only (and the party index). NAMES pools: two of 20 words and
# one of 8 suffixes (3,040 distinct names, so most parties repeat a name screened
# before); coined: a brand word coined from syllables before them, so that nearly
# every name is distinct, as in a real master.
# Needs ../shared/data/lists, python3 and GNU time.
set -euo pipefail

build=${1:-build}
count=${2:-100000}
runs=${3:-3}
names=${4:-pools}
bin="$build/tollgate"
sdn=../shared/data/lists/ofac_sdn_2024-05-01.csv
[ -x "$bin" ] || { echo "parties_import_bench.sh: $bin is not built" >&2; exit 1; }
[ -f "$sdn" ] || { echo "parties_import_bench.sh: $sdn is missing" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "parties_import_bench.sh: GNU time (/usr/bin/time) is missing" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/parties-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT
db="$work/bench.db"

python3 - "$sdn" "$count" "$work" "$names" <<'PY'
import csv, random, sys
sdn, count, work, names = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
listed = [row[1] for row in csv.reader(open(sdn, encoding="utf-8", errors="replace"))
          if len(row) > 2 and row[2].strip() == "-0-"][:400]
random.seed(15)
words = ["Global", "Trading", "Industrial", "Pacific", "Nordic", "Systems", "Logistics",
         "Precision", "Components", "Marine", "Aero", "Digital", "Energy", "Alpine",
         "Delta", "Harbor", "Summit", "Vertex", "Orion", "Atlas"]
suffixes = ["GmbH", "Ltd.", "LLC", "S.A.", "B.V.", "Co., Ltd.", "AG", "Inc."]
syllables = ["ka", "ro", "vex", "tal", "mi", "sor", "den", "qua", "lin", "bra", "tek", "nor",
             "zu", "fel", "gar", "pi", "ston", "hal", "vi", "dro", "mex", "ta", "ren", "col"]
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
                if names == "coined":
                    brand = "".join(random.choice(syllables) for _ in range(random.randint(2, 4)))
                    party = brand.capitalize() + " " + party
            address = f"{i} Main Street" + (" (moved)" if change and i % 10 == 0 else "")
            out.writerow([f"P{i:07d}", party, random.choice(countries), address, "entity"])
PY

"$bin" --db "$db" lists import "$sdn" --as-of 2024-05-01 --primary-only >/dev/null
"$bin" --db "$db" orgs add bench --name "Bench Exports" >/dev/null
echo "tollgate parties import bench: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores," \
  "load $(cut -d' ' -f1 /proc/loadavg), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)," \
  "$count parties ($names names)"
n=0
for run in "first import:parties.csv" "same file again:parties.csv" "one in ten changed:changed.csv"; do
  n=$((n + 1))
  [ "$n" -le "$runs" ] || break
  label=${run%%:*}
  file=$work/${run#*:}
  /usr/bin/time -v -o "$work/time" \
    "$bin" --db "$db" parties import "$file" --org bench --as-of 2024-05-02 >"$work/out" 2>"$work/err" ||
    { cat "$work/err" >&2; exit 1; }
  summary=$(head -1 "$work/out")
  read -r wall cpu rss < <(awk -F': ' '
    /User time/ { cpu += $2 } /System time/ { cpu += $2 }
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + p[i] }
    /Maximum resident/ { rss = $2 / 1024 }
    END { printf "%.2f %.2f %.0f\n", wall, cpu, rss }' "$work/time")
  printf '%s: %s s wall, %s s CPU, peak RSS %s MiB  (%s)\n' "$label" "$wall" "$cpu" "$rss" "${summary#*: }"
  if [ "$n" -eq 1 ] && [ -x "$build/bench/party_index_bench" ]; then
    "$build/bench/party_index_bench" --db="$db"
  fi
done
