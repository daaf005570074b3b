# The two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
export CTIP_HOME ?= $(CURDIR)/var
PG_URL ?= postgres://ctip:ctip@127.0.0.1:5432/ctip

.PHONY: run test test-sqlite test-postgres venv venv-test system-deps postgres-start postgres-stop lint bench messages clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

venv: $(BIN)/python
	$(BIN)/pip install -q -e .

venv-test: $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'

## make run: set up and serve ctip on its embedded defaults (SQLite, DuckDB, demo data); the demo signs in with a
## password alone (CTIP_TWO_FACTOR=optional, unless set): production's default requires an authenticator app.
run: venv
	CTIP_TWO_FACTOR=$${CTIP_TWO_FACTOR:-optional} $(BIN)/ctip serve

## make test: set up and run the whole suite on SQLite, then the case-store tests on PostgreSQL.
test: venv-test system-deps
	@set -e; bash scripts/postgres.sh start; trap 'bash scripts/postgres.sh stop' EXIT; \
	$(MAKE) --no-print-directory test-sqlite; \
	$(MAKE) --no-print-directory test-postgres

test-sqlite:
	@echo "== tests on SQLite (whole suite) =="
	CTIP_HOME=$$(mktemp -d) $(BIN)/pytest -p no:cacheprovider

test-postgres:
	@echo "== tests on PostgreSQL (everything that touches the case store) =="
	CTIP_HOME=$$(mktemp -d) DATABASE_URL=$(PG_URL) $(BIN)/pytest -p no:cacheprovider -m 'django_db and not language_audit'

system-deps:
	@bash scripts/system-deps.sh

lint: venv-test
	$(BIN)/ruff check src tests bench

messages: venv-test
	$(BIN)/python scripts/compile_messages.py

bench: venv-test
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) var .pytest_cache
