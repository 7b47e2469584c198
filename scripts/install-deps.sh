#!/usr/bin/env bash
# Installs the Debian packages Tollgate needs, in two sets:
#   scripts/install-deps.sh run    what building and running the `tollgate` binary need
#                                  (`make run`, `make install`)
#   scripts/install-deps.sh test   that, and what the tests, the benchmarks, the
#                                  evaluation and the fuzzers need (`make test`)
# Idempotent: apt-get runs only when a package is missing; sudo only when not root.
set -euo pipefail

set_name=${1:-test}
case "$set_name" in
  run | test) ;;
  *)
    echo "install-deps: expected 'run' or 'test', not '$set_name'" >&2
    exit 2
    ;;
esac

packages=(
  build-essential cmake pkg-config make
  libicu-dev             # Unicode normalization, case folding, transliteration
  libpugixml-dev         # UN consolidated list XML
  nlohmann-json3-dev     # JSON (CSL JSON, CLI --json, stored entries)
  libcli11-dev           # command-line parsing
  libsqlite3-dev         # embedded default store
  libpq-dev              # PostgreSQL backend (its client library, libpq, at run time too)
  libcurl4-openssl-dev   # `lists update` downloads the official files
  libcpp-httplib-dev     # HTTP server
  libssl-dev             # SHA-256 of imported files, random tokens
  libgoogle-perftools-dev  # tcmalloc, the binary's allocator (CMakeLists.txt TOLLGATE_TCMALLOC)
)

if [ "$set_name" = test ]; then
  packages+=(
    git
    libgtest-dev libgmock-dev libbenchmark-dev
    postgresql             # the tests start a throwaway server
    simstring-bin          # the peer in the screening benchmark
    chromium               # the browser the web UI's end-to-end tests drive (tests/e2e)
    wrk                    # load on the HTTP server (bench/http_bench.sh)
    iproute2               # ss: the server's listen backlog (tests/server_listen_backlog_test.cpp)
    curl jq                # the README's curl lines (readme_commands), two_servers_bench.sh
    python3                # scripts/convert_ear.py, tests/readme_commands.py
    clang-14 libclang-rt-14-dev  # libFuzzer and the sanitizers (make fuzz, fuzz/)
    clang-format           # the house style, checked by ctest format_check
    clang-tidy-14          # the agreed checks (.clang-tidy), ctest tidy
    ccache                 # optional speed-up; CMake uses it when present
  )
  # Node and npm run the end-to-end tests' driver (playwright-core); a machine that has
  # them from elsewhere (e.g. a newer nodejs with npm inside) keeps its own.
  command -v node >/dev/null 2>&1 || packages+=(nodejs)
  command -v npm >/dev/null 2>&1 || packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps ($set_name): installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
