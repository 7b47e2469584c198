#!/usr/bin/env bash
# Installs exactly the Debian packages Tollgate needs to build, test and benchmark.
# Idempotent: apt-get runs only when a package is missing; sudo only when not root.
set -euo pipefail

packages=(
  build-essential cmake pkg-config make git
  libicu-dev             # Unicode normalization, case folding, transliteration
  libpugixml-dev         # UN consolidated list XML
  nlohmann-json3-dev     # JSON (CSL JSON, CLI --json, stored entries)
  libcli11-dev           # command-line parsing
  libsqlite3-dev         # embedded default store
  libpq-dev postgresql   # PostgreSQL backend; the tests start a throwaway server
  libcurl4-openssl-dev   # `lists update` downloads the official files
  libcpp-httplib-dev     # HTTP server (tests serve list files locally)
  libssl-dev             # SHA-256 of imported files
  libgtest-dev libgmock-dev libbenchmark-dev
  simstring-bin          # the peer in the screening benchmark
  chromium               # the browser the web UI's end-to-end tests drive (tests/e2e)
  wrk                    # load on the HTTP server (bench/http_bench.sh)
  curl jq                # two servers on one database (bench/two_servers_bench.sh)
  python3                # scripts/convert_ear.py: the rules files from the regulation data
  clang-14 libclang-rt-14-dev  # libFuzzer and the sanitizers (make fuzz, fuzz/)
  ccache                 # optional speed-up; CMake uses it when present
)

missing=()
# Node and npm run the end-to-end tests' driver (playwright-core); a machine that has
# them from elsewhere (e.g. a newer nodejs with npm inside) keeps its own.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
