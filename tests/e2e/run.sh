#!/usr/bin/env bash
# End-to-end test of the web UI: starts the real `tollgate serve` on a fresh SQLite
# database on a random loopback port, reads the one-time admin password it prints,
# and drives Debian's headless Chromium through the scenario in scenario.mjs
# (playwright-core from npm). Screenshots go to the artifacts folder.
#
# Usage: tests/e2e/run.sh BUILD/tollgate [ARTIFACTS_DIR]
# Fails (never skips) when Chromium, Node, the npm packages or the server are missing
# or cannot start.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
bin=${1:?usage: run.sh PATH/TO/tollgate [ARTIFACTS_DIR]}
artifacts=${2:-$source_dir/build/e2e-artifacts}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

fail() {
  echo "e2e: FAILED: $*" >&2
  exit 1
}

[ -x "$bin" ] || fail "no tollgate binary at $bin (build it first)"
chromium=${CHROMIUM:-$(command -v chromium || true)}
[ -n "$chromium" ] && [ -x "$chromium" ] || fail "Chromium not found (scripts/install-deps.sh installs Debian's chromium)"
command -v node >/dev/null || fail "node not found (scripts/install-deps.sh installs nodejs)"

# The npm packages, exactly as locked; nothing is fetched when they are installed.
locked=$(node -e 'const l=require(process.argv[1]);console.log(l.packages["node_modules/playwright-core"].version)' "$here/package-lock.json")
installed=$(node -e 'try{console.log(require(process.argv[1]).version)}catch{console.log("none")}' "$here/node_modules/playwright-core/package.json")
if [ "$locked" != "$installed" ]; then
  command -v npm >/dev/null || fail "npm not found (scripts/install-deps.sh installs it)"
  echo "e2e: npm ci (playwright-core $locked)" >&2
  (cd "$here" && npm ci --no-audit --no-fund --prefer-offline >/dev/null) || fail "npm ci failed in $here"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/tollgate-e2e.XXXXXX")
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$artifacts"
rm -f "$artifacts"/*.png "$artifacts"/server.log

# A free port on loopback, chosen by the kernel.
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
url="http://127.0.0.1:$port"

# The server runs from the source tree so it serves web/ and finds data/.
(cd "$source_dir" && exec "$bin" --db "$work/tollgate.db" serve --listen "127.0.0.1:$port" \
  --web "$source_dir/web") \
  >"$work/server.log" 2>&1 &
server_pid=$!

ready=""
for _ in $(seq 1 300); do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    cp "$work/server.log" "$artifacts/server.log"
    cat "$work/server.log" >&2
    fail "tollgate serve exited before it was ready (log in $artifacts/server.log)"
  fi
  if node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "$url/readyz" 2>/dev/null; then
    ready=yes
    break
  fi
  sleep 0.2
done
[ -n "$ready" ] || { cp "$work/server.log" "$artifacts/server.log"; fail "tollgate serve not ready on $url after 60 s"; }

# The one-time admin credentials the first start prints ("  user:     admin",
# "  password: ...").
admin_user=$(sed -nE 's/^[[:space:]]*user:[[:space:]]+([^[:space:]]+).*/\1/p' "$work/server.log" | head -n1)
admin_password=$(sed -nE 's/^[[:space:]]*password:[[:space:]]+([^[:space:]]+).*/\1/p' "$work/server.log" | head -n1)
[ -n "$admin_password" ] || { cat "$work/server.log" >&2; fail "no one-time admin password in the server's output"; }

status=0
TOLLGATE_URL=$url ADMIN_USER=${admin_user:-admin} ADMIN_PASSWORD=$admin_password CHROMIUM=$chromium \
  ARTIFACTS=$artifacts SOURCE_DIR=$source_dir node "$here/scenario.mjs" || status=$?
cp "$work/server.log" "$artifacts/server.log"
[ "$status" -eq 0 ] || fail "the scenario failed (screenshots and server.log in $artifacts)"
echo "e2e: passed (screenshots in $artifacts)"
