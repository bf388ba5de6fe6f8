# eventwire: `make demo` runs the main job on the bundled example; `make test` runs the tests.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup demo test lint typecheck ci clean browser web-assets outlines eval-gate train-attribution

$(BIN)/eventwire: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev,postgres,web,batch,e2e]"
	# the gazetteer's compact table, built once per machine from the installed GeoNames
	# data (about 10 s), so that no test or worker builds it while others wait
	$(BIN)/python -m eventwire.geo
	touch $@

setup: $(BIN)/eventwire

# Ingest the bundled example articles into an embedded SQLite store and list the events.
demo: setup
	EVENTWIRE_DB=sqlite:///$(CURDIR)/.eventwire-data/demo.db $(BIN)/eventwire ingest examples/news
	EVENTWIRE_DB=sqlite:///$(CURDIR)/.eventwire-data/demo.db $(BIN)/eventwire cluster
	EVENTWIRE_DB=sqlite:///$(CURDIR)/.eventwire-data/demo.db $(BIN)/eventwire events

# Debian's chromium for the browser tests (never a downloaded browser); as root only.
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "chromium missing and not root: browser tests will be skipped" >&2; fi

# Dashboard front-end packages (map, basemap, Swagger UI) from npm into a gitignored folder;
# the accessibility checker (axe-core) stays in node_modules for the browser tests.
VENDOR_DIR := src/eventwire/web/static/vendor
web-assets:
	@if command -v npm >/dev/null; then \
	  npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error && \
	  rm -rf $(VENDOR_DIR) && mkdir -p $(VENDOR_DIR)/world-atlas $(VENDOR_DIR)/topojson-client \
	    $(VENDOR_DIR)/swagger-ui $(VENDOR_DIR)/leaflet && \
	  cp node_modules/world-atlas/countries-50m.json node_modules/world-atlas/LICENSE \
	    $(VENDOR_DIR)/world-atlas/ && \
	  cp node_modules/topojson-client/dist/topojson-client.min.js node_modules/topojson-client/LICENSE \
	    $(VENDOR_DIR)/topojson-client/ && \
	  cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css \
	    node_modules/leaflet/LICENSE $(VENDOR_DIR)/leaflet/ && \
	  cp -r node_modules/leaflet/dist/images $(VENDOR_DIR)/leaflet/ && \
	  cp node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css \
	    node_modules/swagger-ui-dist/LICENSE $(VENDOR_DIR)/swagger-ui/; \
	else echo "npm missing: the map has no basemap and /docs no explorer" >&2; fi

# Rebuild the committed admin-1 outlines (static/geo/admin1-50m.json) from Natural Earth's
# 1:10m states and provinces (the devDependencies: about 100 MB); same input, same bytes.
outlines:
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	node scripts/build-admin1-outlines.js

# All tests; PostgreSQL store tests run against a throwaway local server.
test: setup browser web-assets
	scripts/pg-test-server.sh $(BIN)/pytest

lint: setup
	$(BIN)/ruff check src tests bench eval scripts

typecheck: setup
	$(BIN)/mypy

# Accuracy gate: score every public gold set found under EVAL_DIR, fail below the floors
# pinned in eval/baseline.json or when a gold file changed (see eval/README.md).
EVAL_DIR ?= ../shared/eval/dev
eval-gate: setup
	@if [ -d "$(EVAL_DIR)" ]; then $(BIN)/python -m eventwire.evaluate.gate $(EVAL_DIR); \
	else echo "$(EVAL_DIR) not present: accuracy gate not run" >&2; fi

# Train the attribution tagger on PolNeAR's train split (CPU, seed 0, about 10 min on two
# cores) into the package's weights folder; DEV, when present, is scored once at the end.
TRAIN_DIR ?= ../shared/train/polnear
DEV_DIR ?= ../shared/eval/dev/polnear
train-attribution: setup
	$(BIN)/eventwire train attribution $(TRAIN_DIR) --seed 0 --width 48 --depth 1 --window 1 \
	  $$( [ -d "$(DEV_DIR)" ] && echo --dev $(DEV_DIR) )
	$(BIN)/eventwire train attribution-cues $(TRAIN_DIR)
	$(BIN)/eventwire train attribution-sources $(TRAIN_DIR)

ci: lint typecheck test

clean:
	rm -rf $(VENV) .eventwire-data .pytest_cache .ruff_cache .mypy_cache
