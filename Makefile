# Outcomes Hub. `make build` and `make test` set everything up on a fresh Debian machine.
PYTHON ?= python3
# The plain-text extractions of the source documents, for `make provenance` and its test.
SEEDS ?= ../shared/seeds
VENV := .venv
BIN := $(VENV)/bin
BUILD_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig
# npm only where there is none: Debian's npm would clash with a Node.js installed from elsewhere.
TEST_DEBS := chromium poppler-utils zbar-tools default-jre-headless qpdf $(if $(shell command -v npm),,npm)

# The Nu HTML Checker for tests/test_site_html_valid.py: the npm package vnu-jar at a pinned version, checked
# against the jar's own hash (update both together). Its install script is not run: it would download a Java
# runtime, and Debian's (default-jre-headless) runs the jar.
VNU_VERSION := 26.9.27
VNU_SHA256 := 22f15dd39a33bed929d2a5c0cddf5946849a647eca9272bf4d5d00bc7e7a4d47
TOOLS := .tools
VNU_JAR := $(TOOLS)/node_modules/vnu-jar/build/dist/vnu.jar

# Installs the Debian packages in $(1) that are missing (as root, or through sudo).
define ensure_debs
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

.PHONY: build check serve test test-setup test-fast test-e2e lint format bench clean debs test-debs vnu offline provenance update-visuals
.DEFAULT_GOAL := build

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(BIN)/.installed-test: $(BIN)/.installed requirements-test.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

debs:
	$(call ensure_debs,$(BUILD_DEBS))

test-debs: debs
	$(call ensure_debs,$(TEST_DEBS))

# The site engine: mkdocs (default), properdocs, or zensical (installed on demand in its own environment).
ENGINE ?= mkdocs
ZENSICAL := .venv-zensical/bin/zensical

build: debs $(BIN)/.installed $(if $(filter zensical,$(ENGINE)),$(ZENSICAL))
	$(BIN)/python build.py build --engine $(ENGINE)

# Zensical 0.0.73 is the newest that installs from the index here (later ones need zensical-ui); it gets its own
# environment so that its pins never change what MkDocs builds.
$(ZENSICAL): requirements-zensical.txt
	$(PYTHON) -m venv .venv-zensical
	.venv-zensical/bin/pip install --quiet --disable-pip-version-check -r requirements-zensical.txt
	touch $@

vnu: $(TOOLS)/.installed-vnu-jar-$(VNU_VERSION)

$(TOOLS)/.installed-vnu-jar-$(VNU_VERSION): | test-debs
	npm install --prefix $(TOOLS) --ignore-scripts --save-exact --no-audit --no-fund --loglevel=error vnu-jar@$(VNU_VERSION)
	echo "$(VNU_SHA256)  $(VNU_JAR)" | sha256sum --check --quiet
	rm -f $(TOOLS)/.installed-vnu-jar-*
	touch $@

# The site as a zip that works from file:// (search included), for places with poor connections:
# Material's offline plugin, no instant navigation, and no directory URLs.
offline: build
	rm -rf .offline
	OFFLINE=true NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true \
	  $(BIN)/python -m mkdocs build --strict --quiet --site-dir .offline/outcomes-hub
	$(BIN)/python -m zipfile -c .offline/outcomes-hub.zip .offline/outcomes-hub
	@echo "Wrote .offline/outcomes-hub.zip: unzip it and open outcomes-hub/index.html."

check: $(BIN)/.installed
	$(BIN)/python build.py check

# Every source-worded string in content/ must be in the source texts: lists each one that is not.
provenance: $(BIN)/.installed
	$(BIN)/python build.py provenance --seeds $(SEEDS)

serve: debs $(BIN)/.installed
	$(BIN)/python build.py serve

lint: $(BIN)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(BIN)/.installed-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Tests come in two tiers (tests/conftest.py). The fast tier runs in-process unit tests only, in about a minute:
# no full build, no browser, no subprocess, no PDF printed. The end-to-end tier (marked e2e) builds the site and
# every PDF once and shares that build, and drives build.py, Chromium and WeasyPrint for real. `make test` sets
# everything up (side by side: the downloads wait on the network, not the processor), runs lint, then the fast
# tier (so a slip shows in a minute), then the end-to-end tier. Each tier runs in several processes
# (pytest-xdist), a test file to a process, so its module fixtures are made once: the fast tier in one process a
# core (each process collects every test first, so more would only add that), the end-to-end tier in two a core,
# since many of its tests wait on a browser or a build.
CORES := $(shell nproc 2>/dev/null || echo 2)
FAST_WORKERS ?= $(CORES)
TEST_WORKERS ?= $(shell echo $$(( $(CORES) * 2 )))
PYTEST := HUB_SEEDS=$(SEEDS) $(BIN)/python -m pytest --dist loadfile
test:
	$(MAKE) --no-print-directory -j4 test-setup
	$(MAKE) --no-print-directory lint
	$(PYTEST) -n $(FAST_WORKERS) -m "not e2e"
	$(PYTEST) -n $(TEST_WORKERS) -m e2e

test-setup: test-debs vnu $(BIN)/.installed-test $(ZENSICAL)

test-fast: debs $(BIN)/.installed-test
	$(PYTEST) -n $(FAST_WORKERS) -m "not e2e"

test-e2e: test-debs vnu $(BIN)/.installed-test $(ZENSICAL)
	$(PYTEST) -n $(TEST_WORKERS) -m e2e

# The pinned pictures of printed pages that tests/test_visuals.py compares with (tests/visuals/): drawn again
# from a fresh build of a copy of the project. Run it when a page is meant to change, and look at the pictures.
update-visuals: test-debs $(BIN)/.installed-test
	$(BIN)/python tests/visuals.py

# Timings as ratios in one run (never part of the tests); see docs/performance.md.
bench: test-debs $(BIN)/.installed-test
	$(BIN)/python tests/bench.py
	$(BIN)/python tests/bench_browser_pack.py site
	$(BIN)/python tests/bench_weight.py site

clean:
	rm -rf site .build .cache docs/pdf docs/assets/pack
