#!/bin/sh
# Writes tests/golden/store_v8_sqlite.sql: a SQLite database as the storage code of main
# at 7a9fc17 (schema version 8, before the one storage layer of issue 14) wrote it,
# dumped as SQL text. storage_golden_test opens it with today's code. Run once, with a
# binary built from that commit:
#   tests/golden/make_store_v8.sh OLD_BUILD/tollgate > tests/golden/store_v8_sqlite.sql
set -eu
export TOLLGATE_DATA_DIR="$(cd "$(dirname "$0")/../.." && pwd)"
tollgate=$1
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/store.db"
t() { "$tollgate" --db "$db" "$@" > /dev/null; }
cd "$here"
t lists import data/lists/huawei_entity_list_2019.csv --as-of 2019-05-16
t lists import ../shared/data/lists/state_isn_2019.csv --as-of 2019-01-01
t check --item 5D992.c --to CN --date 2019-05-17 \
  --party "ultimate_consignee=Huawei Technologies Co., Ltd." --exporter "Microsoft Corporation" || true
t licenses add --number D000001 --holder "Microsoft Corporation" --to CN \
  --party "ultimate_consignee=Huawei Technologies Co., Ltd." --item 5D992.c \
  --valid-from 2019-11-20 --valid-until 2023-11-19
t orgs add microsoft --name "Microsoft Corporation"
t users add msft-exports --role applicant --org microsoft
t users add officer --role reviewer
t users add dod --role agency --agency defense
t applications submit examples/form.json --as msft-exports --date 2019-06-01
t applications transition D000001 register --as officer --date 2019-06-03
t applications transition D000001 refer --as officer --date 2019-06-10 --agency defense
t applications transition D000001 recommend --as dod --date 2019-06-20 \
  --recommendation approve --text "no military end use"
t applications transition D000001 approve --as officer --date 2019-11-20 \
  --criterion mass_market --text "mass-market software" --version 5
t licenses ship D0000001 --as msft-exports --date 2020-01-10 \
  --item 5D992.c --quantity 400 --value 39800 --party "ultimate_consignee=Huawei Technologies Co., Ltd."
t general-licenses list --as officer
t general-licenses extend huawei_tgl --window-id extension_6 --from 2020-08-14 \
  --to 2020-11-30 --citation "85 FR 51603" --as officer
t users add ops --role admin
t tokens issue ops --name nightly-report
t users disable msft-exports
sqlite3 "$db" .dump
