# Tollgate: `make run` and `make test` are all a newcomer needs (see README.md).
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
DB ?= var/tollgate.db
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo
MAKEFLAGS += --no-print-directory

.PHONY: deps build run test bench eval clean format

deps:
	@scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# Until the server exists, the main job is a short CLI session on the bundled data.
run: build
	@scripts/demo.sh $(BUILD_DIR)/tollgate $(DB)

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) --timeout 600

bench: build
	@scripts/bench.sh $(BUILD_DIR)

eval: build
	@$(BUILD_DIR)/bench/tollgate_eval ../shared/data

format:
	@clang-format -i $$(git ls-files '*.cpp' '*.h')

clean:
	rm -rf $(BUILD_DIR)
