# Outcomes Hub. `make build` and `make test` set everything up on a fresh Debian machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
BUILD_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig
TEST_DEBS := chromium poppler-utils zbar-tools

# Installs the Debian packages in $(1) that are missing (as root, or through sudo).
define ensure_debs
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

.PHONY: build check serve test lint format bench clean debs test-debs offline
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

build: debs $(BIN)/.installed
	$(BIN)/python build.py build

# The site as a zip that works from file:// (search included), for places with poor connections:
# Material's offline plugin, no instant navigation, and no directory URLs.
offline: build
	rm -rf .offline
	OFFLINE=true HUB_INSTANT=off NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true \
	  $(BIN)/python -m mkdocs build --strict --quiet --site-dir .offline/outcomes-hub
	$(BIN)/python -m zipfile -c .offline/outcomes-hub.zip .offline/outcomes-hub
	@echo "Wrote .offline/outcomes-hub.zip: unzip it and open outcomes-hub/index.html."

check: $(BIN)/.installed
	$(BIN)/python build.py check

serve: debs $(BIN)/.installed
	$(BIN)/python build.py serve

lint: $(BIN)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/.installed-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: test-debs $(BIN)/.installed-test lint
	$(BIN)/python -m pytest

# Timings as ratios in one run (never part of the tests); see docs/performance.md.
bench: test-debs $(BIN)/.installed-test
	$(BIN)/python -m hub.bench
	$(BIN)/python tests/bench_browser_pack.py site

clean:
	rm -rf site .build .cache docs/pdf docs/assets/pack
