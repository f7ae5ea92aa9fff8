# MotCua: build, test, run and benchmark. `make help` lists the targets.
# Written for a Debian 12 machine, run as root (apt-get is used as is; sudo when not root).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

SWIFT   ?= swift
SWIFTPM_FLAGS ?=
# Release executables link the Swift runtime statically: smaller resident footprint, faster start.
RELEASE_FLAGS ?= --static-swift-stdlib
PYTHON  ?= python3
VENV    ?= .venv
VENV_PY := $(VENV)/bin/python
REQUIREMENTS := Tests/interop/requirements.txt
VENV_STAMP   := $(VENV)/.motcua-requirements.sha256

APT_PACKAGES := libnghttp2-dev libprotobuf-c-dev protobuf-c-compiler protobuf-compiler libprotobuf-dev \
                zlib1g-dev libsqlite3-dev nghttp2-client python3-venv pkg-config

PYTEST_ARGS ?=
# make run: the suite on HOST, one port per server, one data directory (see scripts/run-suite.sh)
HOST            ?= 127.0.0.1
CATALOG_PORT    ?= 50051
SUBMISSION_PORT ?= 50052
STATISTICS_PORT ?= 50053
DATA_DIR        ?= data
LOG_LEVEL       ?= info
RUN_ARGS  ?=
# make run-interop: the gRPC interop test server
PORT      ?= 50051
SHARED    ?= ../shared
BENCH_PORT ?= 50090
BENCH_ARGS ?= --rounds 3
PEERS_WORK ?= /tmp/motcua-peers
export PEERS_WORK
BENCH_DIR := .build/bench

.PHONY: bench-runtime help deps deps-apt deps-python build test run run-interop bench bench-statistics generate interop-selfcheck clean distclean

help:
	@echo "make run                the suite: catalog-, submission-, statistics-server on $(HOST):$(CATALOG_PORT)/$(SUBMISSION_PORT)/$(STATISTICS_PORT),"
	@echo "                        data in $(DATA_DIR)/, the demo province loaded on first start; Ctrl-C stops it"
	@echo "make test               what CI runs: deps, proto check, swift build + swift test, Python interop tests"
	@echo "make deps               install missing Debian packages and the Python venv ($(VENV)); instant when done"
	@echo "make build              release build of every executable (the three servers, motcua, interop and bench tools)"
	@echo "make run-interop        the gRPC interop test server (health + reflection) on 127.0.0.1:$(PORT)"
	@echo "make bench              the runtime against peers ($(SHARED)/bench-peers; BENCH_ARGS='$(BENCH_ARGS)'), then bench-submission, bench-statistics"
	@echo "make bench-statistics   statistics: 10M generated dossiers, GetReport by commune, feed catch-up (Tests/bench/statistics-bench.sh; BENCH_STATISTICS_ARGS)"
	@echo "make generate           regenerate code from proto/ (proto/generate.sh)"
	@echo "make interop-selfcheck  the interop tests with the Python client/server standing in for the Swift ones"
	@echo "make clean | distclean  remove .build | also $(VENV)"
	@echo "variables: CATALOG_PORT SUBMISSION_PORT STATISTICS_PORT HOST DATA_DIR LOG_LEVEL RUN_ARGS (e.g. --no-demo) for run;"
	@echo "           PORT=$(PORT) SHARED=$(SHARED) BENCH_ARGS, PYTEST_ARGS (e.g. -k ping_pong), SWIFTPM_FLAGS (e.g. --scratch-path DIR)"

# ---------------------------------------------------------------------------------------------
# deps: apt-get only when a package is missing; the venv only when requirements.txt changed

deps: deps-apt deps-python

deps-apt:
	@missing=""; \
	for pkg in $(APT_PACKAGES); do \
	  dpkg -s "$$pkg" 2>/dev/null | grep -q '^Status: install ok installed' || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  sudo=""; [ "$$(id -u)" -eq 0 ] || sudo="sudo"; \
	  echo "deps: installing$$missing"; \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q; \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=300 $$missing; \
	fi

deps-python: deps-apt
	@want="$$(sha256sum $(REQUIREMENTS) | cut -d' ' -f1)"; \
	if [ -x "$(VENV_PY)" ] && [ "$$(cat $(VENV_STAMP) 2>/dev/null)" = "$$want" ]; then exit 0; fi; \
	if [ ! -x "$(VENV_PY)" ]; then \
	  echo "deps: creating $(VENV)"; rm -rf "$(VENV)"; $(PYTHON) -m venv "$(VENV)"; \
	fi; \
	echo "deps: pip install -r $(REQUIREMENTS)"; \
	"$(VENV_PY)" -m pip install --disable-pip-version-check -q -r $(REQUIREMENTS); \
	echo "$$want" > "$(VENV_STAMP)"

# ---------------------------------------------------------------------------------------------
# build: release executables (a first build takes minutes)

build: deps-apt
	$(SWIFT) build $(SWIFTPM_FLAGS) -c release $(RELEASE_FLAGS)
	@bin="$$($(SWIFT) build $(SWIFTPM_FLAGS) -c release $(RELEASE_FLAGS) --show-bin-path)"; \
	for product in interop-server interop-client greeter-server catalog-server submission-server statistics-server motcua; do \
	  [ -x "$$bin/$$product" ] || { echo "build: $$bin/$$product was not built" >&2; exit 1; }; \
	done; \
	echo "build: release executables in $$bin"

# ---------------------------------------------------------------------------------------------
# test: what CI runs (.ci/run). Runs every stage it can and fails if any stage failed.

test: deps
	@if [ -f proto/generate.sh ]; then \
	  echo "== proto/generate.sh --check"; \
	  if [ -x proto/generate.sh ]; then ./proto/generate.sh --check; else bash proto/generate.sh --check; fi; \
	else \
	  echo "== proto/generate.sh not present yet: no generated-code check"; \
	fi
	@echo "== swift build --build-tests"
	$(SWIFT) build $(SWIFTPM_FLAGS) --build-tests
	@failed=""; \
	echo "== swift test"; \
	$(SWIFT) test $(SWIFTPM_FLAGS) --skip-build || failed="$$failed swift-test"; \
	echo "== pytest Tests/interop"; \
	bin="$$($(SWIFT) build $(SWIFTPM_FLAGS) --show-bin-path)"; \
	rc=0; MOTCUA_BIN_DIR="$$bin" MOTCUA_CATALOG_IMPL=swift "$(VENV_PY)" -m pytest Tests/interop $(PYTEST_ARGS) || rc=$$?; \
	if [ "$$rc" -eq 5 ]; then echo "test: pytest collected no tests: that is a failure" >&2; fi; \
	[ "$$rc" -eq 0 ] || failed="$$failed pytest(exit $$rc)"; \
	if [ -n "$$failed" ]; then echo "test: FAILED:$$failed" >&2; exit 1; fi; \
	echo "test: all stages passed"

# The interop tests with interop_server.py / interop_client.py in place of the Swift binaries:
# checks the test logic itself (needs no Swift build).
interop-selfcheck: deps
	MOTCUA_INTEROP_IMPL=python "$(VENV_PY)" -m pytest Tests/interop $(PYTEST_ARGS)

# ---------------------------------------------------------------------------------------------
# run: the suite in the foreground until Ctrl-C (scripts/run-suite.sh: start, health, demo on first start, picture)

run: deps build
	@bin="$$($(SWIFT) build $(SWIFTPM_FLAGS) -c release $(RELEASE_FLAGS) --show-bin-path)"; \
	exec bash scripts/run-suite.sh --bin-dir "$$bin" --data-dir "$(DATA_DIR)" --host "$(HOST)" \
	  --catalog-port $(CATALOG_PORT) --submission-port $(SUBMISSION_PORT) --statistics-port $(STATISTICS_PORT) \
	  --log-level $(LOG_LEVEL) $(RUN_ARGS)

# run-interop: the interop test server in the foreground until Ctrl-C

run-interop: deps build
	@bin="$$($(SWIFT) build $(SWIFTPM_FLAGS) -c release $(RELEASE_FLAGS) --show-bin-path)"; \
	echo "run-interop: interop-server (grpc.testing.TestService + grpc.health.v1 + reflection) on 127.0.0.1:$(PORT); Ctrl-C stops it"; \
	echo "run-interop: from another shell, for example:"; \
	echo "  $(VENV_PY) Tests/interop/interop_client.py --server_host 127.0.0.1 --server_port $(PORT) --test_case all"; \
	exec "$$bin/interop-server" --port $(PORT)

# ---------------------------------------------------------------------------------------------
# bench: greeter-server against the peers of $(SHARED)/bench-peers; the table goes to .build/bench/

# The runtime against its peers (greeter-server), then each service's own benchmark.
bench: bench-runtime bench-submission bench-statistics

bench-runtime: deps build
	bash $(SHARED)/bench-peers/setup.sh
	@mkdir -p $(BENCH_DIR); \
	bin="$$(realpath --relative-to=. "$$($(SWIFT) build $(SWIFTPM_FLAGS) -c release $(RELEASE_FLAGS) --show-bin-path)")"; \
	stamp="$$(date +%Y%m%d-%H%M%S)"; \
	before="$$(readlink $(PEERS_WORK)/results/latest 2>/dev/null || true)"; \
	rc=0; \
	bash $(SHARED)/bench-peers/compare.sh \
	  --target "$$bin/greeter-server --port $(BENCH_PORT)" --port $(BENCH_PORT) $(BENCH_ARGS) \
	  || rc=$$?; \
	after="$$(readlink $(PEERS_WORK)/results/latest 2>/dev/null || true)"; \
	table="$(PEERS_WORK)/results/latest/table.md"; \
	if [ -n "$$after" ] && [ "$$after" != "$$before" ] && [ -f "$$table" ]; then \
	  cp "$$table" "$(BENCH_DIR)/table-$$stamp.md"; cp "$$table" "$(BENCH_DIR)/latest.md"; \
	  echo "bench: table copied to $(BENCH_DIR)/table-$$stamp.md (and $(BENCH_DIR)/latest.md); full results in $(PEERS_WORK)/results/$$after"; \
	else \
	  echo "bench: no new results table (compare.sh exited $$rc)" >&2; \
	fi; \
	exit $$rc

# ---------------------------------------------------------------------------------------------
# bench-statistics: the statistics benchmark (issue 5); the output goes to .build/bench/statistics-latest.txt

BENCH_STATISTICS_ARGS ?=

bench-statistics: deps-apt
	SWIFT="$(SWIFT)" SWIFTPM_FLAGS="$(SWIFTPM_FLAGS)" bash Tests/bench/statistics-bench.sh $(BENCH_STATISTICS_ARGS)

# ---------------------------------------------------------------------------------------------

generate:
	@[ -f proto/generate.sh ] || { echo "generate: proto/generate.sh not found" >&2; exit 1; }
	@if [ -x proto/generate.sh ]; then ./proto/generate.sh; else bash proto/generate.sh; fi

clean:
	rm -rf .build
	find Tests/interop -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)

# ---------------------------------------------------------------------------------------------
# bench-submission: durable SubmitDossier throughput, 64 concurrent callers, release build (Tests/bench/submission_bench.sh)

BENCH_SUBMISSION_ARGS ?=

.PHONY: bench-submission
bench-submission: deps
	RELEASE_FLAGS="$(RELEASE_FLAGS)" bash Tests/bench/submission_bench.sh $(BENCH_SUBMISSION_ARGS)
