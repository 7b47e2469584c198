# Tollgate: `make run` and `make test` are all a newcomer needs (see README.md).
#   make run      installs what building and running need, builds the `tollgate`
#                 binary only, and starts the server
#   make test     installs the rest (test, benchmark, browser, fuzzing tools), builds
#                 everything and runs every test
#   make unit     builds and runs only the unit tests (CTest label unit): no server,
#                 no PostgreSQL, no CLI process; seconds once built
#   make tidy     clang-tidy over src/ and apps/ (the ctest `tidy` CI runs)
#   make install PREFIX=/opt/tollgate   the binary and its data under PREFIX
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
DB ?= var/tollgate.db
PREFIX ?= /usr/local
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo
SHARED_DATA ?= ../shared/data
# WERROR=ON (CI) makes every compiler warning an error; DEBUG_INFO=OFF (CI) compiles
# without -g, a third quicker (BENCHMARKS.md "CI time").
WERROR ?= OFF
DEBUG_INFO ?= ON
MAKEFLAGS += --no-print-directory

.PHONY: deps deps-run build build-all configure-all run demo install test unit tidy bench \
	eval fuzz clean format need-shared

deps-run:
	@scripts/install-deps.sh run

deps:
	@scripts/install-deps.sh test

# The binary alone, without the tests and benchmarks (and what they need installed).
build: deps-run
	@cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS) -DTOLLGATE_BUILD_TESTS=OFF -DTOLLGATE_BUILD_BENCH=OFF >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS) --target tollgate_cli

# Everything: the binary, the tests, the benchmarks and the evaluation.
configure-all: deps
	@cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS) -DTOLLGATE_BUILD_TESTS=ON -DTOLLGATE_BUILD_BENCH=ON -DTOLLGATE_WERROR=$(WERROR) -DTOLLGATE_DEBUG_INFO=$(DEBUG_INFO) >/dev/null

build-all: configure-all
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# The server on the embedded SQLite default: the first start creates the database,
# loads the shipped extract and prints a one-time admin password. LISTEN=host:port.
LISTEN ?= 127.0.0.1:8080
run: build
	@$(BUILD_DIR)/tollgate --db $(DB) serve --listen $(LISTEN)

# A short CLI session on the bundled data.
demo: build
	@scripts/demo.sh $(BUILD_DIR)/tollgate $(DB)

# bin/tollgate and share/tollgate/ (data, web UI, API document, systemd unit) under
# PREFIX; the installed binary finds its data from its own location.
install: build
	@cmake --install $(BUILD_DIR) --prefix $(PREFIX)

test: build-all
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) --timeout 600

# Only what the unit tests need is built (the library, not the CLI binary).
unit: configure-all
	@cmake --build $(BUILD_DIR) -j $(JOBS) --target tollgate_unit_tests tollgate_bench_tests
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) -L unit

tidy: configure-all
	@scripts/tidy.sh $(BUILD_DIR) $(JOBS)

# The benchmarks and the evaluation read the official list files beside the clone.
need-shared:
	@test -d $(SHARED_DATA)/lists || { echo "make: $(SHARED_DATA)/lists is missing: the benchmarks and the evaluation need the official list files there (a clone with ../shared beside it, or SHARED_DATA=DIR)." >&2; exit 2; }

bench: need-shared build-all
	@scripts/bench.sh $(BUILD_DIR)

eval: need-shared build-all
	@$(BUILD_DIR)/bench/tollgate_eval $(SHARED_DATA)

# The libFuzzer targets of fuzz/, built with clang in build-fuzz (the sanitizers need
# their own build) and run briefly each: FUZZ_SECONDS per target, by default 64 s
# shared among them (at least 8 s each).
FUZZ_SECONDS ?=
fuzz: deps
	@JOBS=$(JOBS) scripts/fuzz.sh $(CURDIR)/build-fuzz $(FUZZ_SECONDS)

format:
	@clang-format -i $$(git ls-files '*.cpp' '*.h')

clean:
	rm -rf $(BUILD_DIR) build-fuzz
