# Tollgate: `make run` and `make test` are all a newcomer needs (see README.md).
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
DB ?= var/tollgate.db
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo
MAKEFLAGS += --no-print-directory

.PHONY: deps build run demo test bench eval fuzz clean format

deps:
	@scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# The server on the embedded SQLite default: the first start creates the database,
# loads the shipped extract and prints a one-time admin password. LISTEN=host:port.
LISTEN ?= 127.0.0.1:8080
run: build
	@$(BUILD_DIR)/tollgate --db $(DB) serve --listen $(LISTEN)

# A short CLI session on the bundled data.
demo: build
	@scripts/demo.sh $(BUILD_DIR)/tollgate $(DB)

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) --timeout 600

bench: build
	@scripts/bench.sh $(BUILD_DIR)

eval: build
	@$(BUILD_DIR)/bench/tollgate_eval ../shared/data

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
