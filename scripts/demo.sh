#!/usr/bin/env bash
# `make demo`: a short CLI session on the bundled extract (`make run` starts the server).
# Usage: scripts/demo.sh BUILD/tollgate DB
set -euo pipefail
bin=${1:?path to the tollgate binary}
db=${2:-var/tollgate.db}
export TOLLGATE_DB=$db

# Shows each command as it could be typed (arguments with spaces quoted), then runs it.
step() {
  local shown="" a
  for a in "$@"; do
    case "$a" in *" "*) shown+=" \"$a\"" ;; *) shown+=" $a" ;; esac
  done
  printf '\n\033[1m$%s\033[0m\n' "$shown"
  "$@"
}

if ! "$bin" lists status --json | grep -q '"feed": "csl"'; then
  # The extract is in force from the rule's effective date (84 FR 22961).
  step "$bin" lists import data/lists/huawei_entity_list_2019.csv --as-of 2019-05-16
fi
step "$bin" lists status
step "$bin" screen "Huawei Technologies Company" --as-of 2019-06-01
# Before the extract is in force nothing is screened: exit 10, not a "no match".
step "$bin" screen "Huawei Technologies Company" --as-of 2019-05-01 || echo "(exit $?)"
step "$bin" screen "HUAWEI TECH CO LTD" --country CN --as-of 2019-06-01 --limit 1
# Microsoft's mass-market software to Huawei the day after the listing (DOMAIN.md §3).
step "$bin" check --item 5D992.c --to CN --date 2019-05-17 \
  --party "ultimate_consignee=Huawei Technologies Co., Ltd." --exporter "Microsoft Corporation"

cat <<MSG

The database is $db. Try next:
  $bin screen "Hua Wei Technologies" --json
  $bin check --item 5D992.c --to CN --date 2019-06-01 --activity existing_handset_support --party "end_user=Huawei Technologies Co., Ltd."
  $bin lists import ../shared/data/lists/ofac_sdn_2024-05-01.csv --as-of 2024-05-01 --primary-only
  $bin lists import ../shared/data/lists/ofac_sdn_2024-05-03.csv --as-of 2024-05-03 --primary-only
  $bin lists diff SDN
  $bin screen --batch names.csv --out matches.csv      (names.csv: a header with name[,id,country])
  $bin --help
MSG
