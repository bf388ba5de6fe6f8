# eventwire: `make demo` runs the main job on the bundled example; `make test` runs the tests.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup demo test lint typecheck ci clean browser web-assets eval-gate train-attribution

$(BIN)/eventwire: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev,postgres,web,batch,e2e]"
	touch $@

setup: $(BIN)/eventwire

# Ingest the bundled example articles into an embedded SQLite store and list the events.
demo: setup
	EVENTWIRE_DB=sqlite:///$(CURDIR)/.eventwire-data/demo.db $(BIN)/eventwire ingest examples/news
	EVENTWIRE_DB=sqlite:///$(CURDIR)/.eventwire-data/demo.db $(BIN)/eventwire events

# Debian's chromium for the browser tests (never a downloaded browser); as root only.
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "chromium missing and not root: browser tests will be skipped" >&2; fi

# Dashboard front-end packages (basemap, Swagger UI) from npm into a gitignored folder.
web-assets:
	@if command -v npm >/dev/null; then \
	  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && \
	  rm -rf src/eventwire/web/static/vendor && mkdir -p src/eventwire/web/static/vendor/world-atlas \
	    src/eventwire/web/static/vendor/topojson-client src/eventwire/web/static/vendor/swagger-ui && \
	  cp node_modules/world-atlas/countries-110m.json node_modules/world-atlas/LICENSE \
	    src/eventwire/web/static/vendor/world-atlas/ && \
	  cp node_modules/topojson-client/dist/topojson-client.min.js node_modules/topojson-client/LICENSE \
	    src/eventwire/web/static/vendor/topojson-client/ && \
	  cp node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css \
	    node_modules/swagger-ui-dist/LICENSE src/eventwire/web/static/vendor/swagger-ui/; \
	else echo "npm missing: the map has no basemap and /docs no explorer" >&2; fi

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
	$(BIN)/eventwire train attribution $(TRAIN_DIR) --seed 0 \
	  $$( [ -d "$(DEV_DIR)" ] && echo --dev $(DEV_DIR) )

ci: lint typecheck test

clean:
	rm -rf $(VENV) .eventwire-data .pytest_cache .ruff_cache .mypy_cache
