# Ketenzicht: two commands a newcomer needs — `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Where the embedded database lives (the settings read the same variable).
export KETENZICHT_VAR_DIR ?= $(CURDIR)/var
POSTGRES_URL ?= $(or $(DATABASE_URL),postgres://postgres@127.0.0.1:5432/ketenzicht)
PYTEST_ARGS ?=

.PHONY: demo test test-sqlite test-postgres lint browser-deps venv schema bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

venv: $(BIN)/.installed

## make demo: a fresh embedded database with the Emmen demo, served on http://127.0.0.1:$(PORT)
## together with the job runner; one Ctrl-C stops both
demo: venv
	mkdir -p "$(KETENZICHT_VAR_DIR)"
	rm -f "$(KETENZICHT_VAR_DIR)"/ketenzicht.sqlite3 "$(KETENZICHT_VAR_DIR)"/ketenzicht.sqlite3-wal "$(KETENZICHT_VAR_DIR)"/ketenzicht.sqlite3-shm
	env -u DATABASE_URL $(BIN)/ketenzicht migrate --noinput
	env -u DATABASE_URL $(BIN)/ketenzicht loaddemo
	env -u DATABASE_URL $(BIN)/ketenzicht start --bind 127.0.0.1:$(PORT)

## make test: lint, the whole suite on SQLite, then again on PostgreSQL
test: lint test-sqlite test-postgres

lint: venv
	$(BIN)/ruff check src performance

browser-deps:
	@scripts/ensure-chromium

test-sqlite: venv browser-deps
	env -u DATABASE_URL $(BIN)/pytest $(PYTEST_ARGS)

test-postgres: venv browser-deps
	@scripts/ensure-postgres "$(POSTGRES_URL)"
	@scripts/ensure-redis "$${KETENZICHT_TEST_REDIS_URL:-redis://127.0.0.1:6379/0}"
	DATABASE_URL="$(POSTGRES_URL)" $(BIN)/pytest $(PYTEST_ARGS)

## make schema: regenerate the committed OpenAPI schema after an API change
schema: venv
	env -u DATABASE_URL $(BIN)/ketenzicht spectacular --validate --file src/ketenzicht/api/openapi.yaml

clean:
	rm -rf $(VENV) var

## make bench: benchmarks on PostgreSQL with a generated population (BENCH_HOUSEHOLDS=20000)
bench: venv
	@scripts/ensure-postgres "$(POSTGRES_URL)"
	$(BIN)/python performance/bench_foundation.py
	$(BIN)/python performance/bench_verwijsindex.py
	$(BIN)/python performance/bench_signals.py
	$(BIN)/python performance/bench_runtime.py
