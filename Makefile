# eventwire: `make demo` runs the main job on the bundled example; `make test` runs the tests.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup demo test lint typecheck ci clean

$(BIN)/eventwire: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev,postgres]"
	touch $@

setup: $(BIN)/eventwire

# Ingest the bundled example articles into an embedded SQLite store and list the events.
demo: setup
	EVENTWIRE_DB=sqlite:///$(CURDIR)/.eventwire-data/demo.db $(BIN)/eventwire ingest examples/news
	EVENTWIRE_DB=sqlite:///$(CURDIR)/.eventwire-data/demo.db $(BIN)/eventwire events

# All tests; PostgreSQL store tests run against a throwaway local server.
test: setup
	scripts/pg-test-server.sh $(BIN)/pytest

lint: setup
	$(BIN)/ruff check src tests bench

typecheck: setup
	$(BIN)/mypy

ci: lint typecheck test

clean:
	rm -rf $(VENV) .eventwire-data .pytest_cache .ruff_cache .mypy_cache
