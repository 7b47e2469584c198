#!/usr/bin/env bash
# Issue 13: a failed login must not tell whether the user name exists, by its answer
# or by its time. Starts `tollgate serve` on a fresh SQLite file with N users holding
# passwords, then sends N wrong-password logins for existing names and N for unknown
# names, alternating, each from its own loopback address (127.0.0.X, so the back-off
# of one address never answers 429 early), once with the existing name first in each
# pair and once with the unknown name first. Prints the status counts and the mean
# time of each kind per order.
#
# Usage: bench/login_timing_bench.sh BUILD_DIR [N=10]
set -euo pipefail
bin=$1/tollgate
n=${2:-10}
source "$(dirname "$0")/bench_server.sh"
bench_work login-timing
db=$work/t.db
for i in $(seq 1 "$n"); do
  "$bin" --db "$db" users add "u$i" --role reviewer --by bench >/dev/null
  "$bin" --db "$db" users set-password "u$i" --by bench >/dev/null
done
bench_serve "$work/server.out"
login() {  # ADDRESS USER: "STATUS SECONDS"
  curl -s --interface "$1" -o /dev/null -w '%{http_code} %{time_total}\n' \
    -H 'Content-Type: application/json' -d "{\"user\":\"$2\",\"password\":\"not the password\"}" \
    "http://127.0.0.1:$port/api/login"
}
for order in known-first unknown-first; do
  base=$([ "$order" = known-first ] && echo 10 || echo 130)
  for i in $(seq 1 "$n"); do
    if [ "$order" = known-first ]; then
      echo "known $(login "127.0.0.$((base + i))" "u$i")"
      echo "unknown $(login "127.0.0.$((base + 60 + i))" "ghost$i")"
    else
      echo "unknown $(login "127.0.0.$((base + i))" "ghost-$order-$i")"
      echo "known $(login "127.0.0.$((base + 60 + i))" "u$i")"
    fi
  done | awk -v order="$order" '{s[$1] += $3; n[$1]++; c[$1 " HTTP " $2]++}
    END {for (k in s) printf "%s %s: mean %.3f s over %d\n", order, k, s[k] / n[k], n[k];
         for (k in c) printf "%s %s: %d\n", order, k, c[k]}' | sort
done
