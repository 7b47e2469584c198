#!/usr/bin/env bash
# ctest `install_tree`: Tollgate runs from an installed tree alone (issue 13, item 6).
#   tests/install_tree.sh SOURCE_DIR BUILD_DIR
# Installs the build (`cmake --install`, as `make install PREFIX=...` does) into a new
# temporary prefix, then, with the source tree and the build folder hidden (an empty
# tmpfs mounted over them in a private mount namespace; `unshare -m` as root, else
# `unshare -rm`), the working directory elsewhere and TOLLGATE_DATA_DIR, TOLLGATE_RULES
# and TOLLGATE_DB unset, runs from PREFIX/bin/tollgate: `lists import` of the shipped
# extract, `check`, `applications submit`, and `serve` on a new database (the first
# start loads the extract and creates the administrator), asking /healthz, the web
# UI's index, /openapi.json and /api/screen with a token. It also checks that the
# binary's read-only data holds no path of the source tree or of the build.
# Fails (exit 1) naming the step; never skips: without a private mount namespace it
# runs the same steps with the tree visible and says so.
set -euo pipefail

source_dir=$(cd "${1:?SOURCE_DIR}" && pwd -P)
build_dir=$(cd "${2:?BUILD_DIR}" && pwd -P)

fail() {
  echo "install_tree: FAILED: $*" >&2
  exit 1
}

work=$(mktemp -d "${TMPDIR:-/tmp}/tollgate-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
cmake --install "$build_dir" --prefix "$prefix" >"$work/install.log" 2>&1 ||
  fail "cmake --install $build_dir --prefix $prefix: $(cat "$work/install.log")"

for f in bin/tollgate share/tollgate/data/rules/catalog.json share/tollgate/data/criteria.json \
  share/tollgate/data/lists/huawei_entity_list_2019.csv share/tollgate/data/sources.json \
  share/tollgate/web/index.html share/tollgate/openapi.json share/tollgate/tollgate.service; do
  [ -e "$prefix/$f" ] || fail "the install lacks $f"
done

# No compiled-in source or build path: the strings the program uses live in .rodata
# (the debug information, which names the sources, is not read at run time).
objcopy -O binary --only-section=.rodata "$prefix/bin/tollgate" "$work/rodata" ||
  fail "objcopy cannot read the installed binary"
for dir in "$source_dir" "$build_dir"; do
  if grep -qaF "$dir/" "$work/rodata" || grep -qaF "\"$dir\"" "$work/rodata"; then
    fail "the installed binary holds the path $dir in its read-only data"
  fi
done

# The rest runs in a private mount namespace where the source tree and the build are
# empty folders (outside it nothing changes).
if [ "$(id -u)" -eq 0 ]; then
  namespace=(unshare -m --propagation private)
else
  namespace=(unshare -rm --propagation private)
fi
# A container without the right to make one (no CAP_SYS_ADMIN, no user namespaces)
# runs the same steps with the tree visible: the .rodata check above and the
# working directory elsewhere still show that nothing is found through the source
# path, and the test says which way it ran.
hide=1
if ! "${namespace[@]}" true 2>"$work/unshare.log"; then
  echo "install_tree: note: no private mount namespace here ($(cat "$work/unshare.log")); the source tree stays visible" >&2
  namespace=()
  hide=0
fi

cat >"$work/inside.sh" <<'INSIDE'
set -euo pipefail
source_dir=$1 build_dir=$2 prefix=$3 work=$4 hide=$5
fail() {
  echo "install_tree: FAILED: $*" >&2
  exit 1
}
if [ "$hide" = 1 ]; then
  mount -t tmpfs -o ro,size=1m hidden "$source_dir"
  case "$build_dir/" in "$source_dir"/*) ;; *) mount -t tmpfs -o ro,size=1m hidden "$build_dir" ;; esac
  [ -z "$(ls -A "$source_dir")" ] || fail "the source tree is still visible"
  [ ! -e "$build_dir/tollgate" ] || fail "the build is still visible"
fi

unset TOLLGATE_DATA_DIR TOLLGATE_RULES TOLLGATE_DB TOLLGATE_SOURCES
mkdir "$work/run"
cd "$work/run"
tg=$prefix/bin/tollgate
share=$prefix/share/tollgate

step() {
  local name=$1
  shift
  "$@" >"$work/out" 2>&1 || fail "$name: exit $?: $*
$(cat "$work/out")"
}
step "lists import" "$tg" --db cli.db lists import "$share/data/lists/huawei_entity_list_2019.csv" \
  --as-of 2019-05-16
step "check" "$tg" --db cli.db check --item 5D992.c --to CN --date 2019-05-17 \
  --party "ultimate_consignee=Huawei Technologies Co., Ltd." --exporter "Microsoft Corporation"
grep -q "LICENSE_REQUIRED" "$work/out" || fail "check: no LICENSE_REQUIRED (Entity List): $(cat "$work/out")"

step "orgs add" "$tg" --db cli.db orgs add microsoft --name "Microsoft Corporation"
step "users add" "$tg" --db cli.db users add msft-exports --role applicant --org microsoft
cp "$work/form.json" form.json  # examples/form.json, read before the source was hidden
step "applications submit" "$tg" --db cli.db applications submit form.json --as msft-exports \
  --date 2019-06-01
grep -q "D000001" "$work/out" || fail "applications submit: no control number: $(cat "$work/out")"

# Without its data the program says what it looked for and where (exit 4), whether the
# variable names a wrong folder or the binary sits where no data is beside it.
mkdir "$work/empty" "$work/moved"
status=0
TOLLGATE_DATA_DIR=$work/empty "$tg" --db cli.db check --item 5D992.c --to CN --date 2019-05-17 \
  --party "end_user=Huawei" >"$work/out" 2>&1 ||
  status=$?
[ "$status" -eq 4 ] && grep -qF "TOLLGATE_DATA_DIR=$work/empty holds no data/rules" "$work/out" ||
  fail "a wrong TOLLGATE_DATA_DIR: exit $status, expected 4 naming it: $(cat "$work/out")"
ln "$tg" "$work/moved/tollgate" 2>/dev/null || cp "$tg" "$work/moved/tollgate"
status=0
"$work/moved/tollgate" --db cli.db check --item 5D992.c --to CN --date 2019-05-17 \
  --party "end_user=Huawei" >"$work/out" 2>&1 || status=$?
[ "$status" -eq 4 ] && grep -qF "none of $work/share/tollgate, $work, " "$work/out" ||
  fail "a binary without data beside it: exit $status, expected 4 naming the folders: $(cat "$work/out")"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$tg" serve --db server.db --listen "127.0.0.1:$port" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
base=http://127.0.0.1:$port
for _ in $(seq 1 600); do
  curl -fsS "$base/healthz" >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || fail "serve exited at start: $(cat "$work/server.log")"
  sleep 0.2
done
curl -fsS "$base/healthz" >/dev/null || fail "serve: no answer on /healthz: $(cat "$work/server.log")"
curl -fsS "$base/" >"$work/index.html" || fail "serve: GET / failed"
cmp -s "$work/index.html" "$share/web/index.html" || fail "serve: GET / is not the installed web/index.html"
curl -fsS "$base/openapi.json" >"$work/openapi.json" || fail "serve: GET /openapi.json"
grep -q '"openapi"' "$work/openapi.json" || fail "serve: /openapi.json is no OpenAPI document"
token=$("$tg" --db server.db tokens issue admin --name install-test) ||
  fail "tokens issue admin (the first start's administrator): $token"
curl -fsS -H "Authorization: Bearer $token" \
  "$base/api/screen?name=Huawei%20Technologies%20Company&as_of=2019-06-01" >"$work/screen.json" ||
  fail "serve: GET /api/screen: $(cat "$work/screen.json")"
grep -q "Huawei" "$work/screen.json" ||
  fail "serve: /api/screen found no Huawei in the shipped extract: $(cat "$work/screen.json")"
kill $server
wait $server 2>/dev/null || true
trap - EXIT
echo "install_tree: check, applications submit and serve ran from $prefix alone"
INSIDE

# The application the test submits is the README's example (an input, not data the
# program needs).
cp "$source_dir/examples/form.json" "$work/form.json"
"${namespace[@]}" bash "$work/inside.sh" "$source_dir" "$build_dir" "$prefix" "$work" "$hide"
