# Lotse: `make demo` to try it, `make test` to run every check. Both are safe to re-run.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
LOTSE := $(BIN)/lotse
STAMP := $(VENV)/.installed

# The local PostgreSQL that scripts/start-postgres prepares. pytest creates and drops
# test_<name> in it, so test runs at the same time (two checkouts) need their own name:
# make test POSTGRES_URL=postgres://lotse:lotse@127.0.0.1:5432/lotse_other
POSTGRES_URL := postgres://lotse:lotse@127.0.0.1:5432/lotse
# Tests, checks and benchmarks keep their files here, never in the demo's data/.
TEST_DATA := $(CURDIR)/.test-data
BENCH_DATA := $(CURDIR)/.bench-data
# Extra arguments for pytest, e.g. make test PYTEST_ARGS="-k people -x"
PYTEST_ARGS ?=

.PHONY: help venv demo test check check-lint check-format check-django check-migrations \
	test-sqlite test-postgres messages bench clean

help:
	@echo "make demo    install, load the demo data and serve on http://127.0.0.1:8000"
	@echo "make test    install everything and run the suite on SQLite and PostgreSQL"
	@echo "make check   linters, Django checks, missing migrations, translations"
	@echo "make bench   benchmarks on SQLite and PostgreSQL"
	@echo "make clean   remove the virtualenv, test data and build files (keeps data/)"

# --- Python environment -------------------------------------------------------

$(VENV)/bin/python:
	python=$$(scripts/find-python) && "$$python" -m venv $(VENV)

# Reinstalls only when pyproject.toml changed.
$(STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $@

venv: $(STAMP)

# Compiles the project's .po files (not Django's or other packages' in .venv).
messages: venv
	@if find lotse -name '*.po' -print -quit | grep -q .; then \
		cd lotse && LOTSE_DATA_DIR=$${LOTSE_DATA_DIR:-$(CURDIR)/data} $(LOTSE) compilemessages; \
	else \
		echo "No .po files yet: no translations to compile."; \
	fi

# --- Demo ---------------------------------------------------------------------

demo: venv
	scripts/install-system-deps gettext libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core
	$(MAKE) --no-print-directory messages
	$(LOTSE) migrate --noinput
	$(LOTSE) collectstatic --noinput --verbosity 0
	$(LOTSE) seed-demo
	@echo "E-mails (registrations, reminders) are printed here instead of being sent."
	EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend $(LOTSE) runserver 127.0.0.1:8000

# --- Tests --------------------------------------------------------------------

# -k: one failing part does not hide the others; make still fails at the end.
test: venv
	scripts/install-system-deps
	scripts/start-postgres
	$(MAKE) --no-print-directory -k check test-sqlite test-postgres

# Runs every check even when an earlier one fails, then fails if any did.
check: venv
	$(MAKE) --no-print-directory -k check-lint check-format check-django check-migrations messages

check check-%: export LOTSE_DATA_DIR := $(TEST_DATA)

check-lint: venv
	$(BIN)/ruff check .

check-format: venv
	$(BIN)/ruff format --check .

check-django: venv
	$(LOTSE) check

check-migrations: venv
	$(LOTSE) makemigrations --check --dry-run

# pytest exits with 5 when it collected no tests; that fails the target too.
test-sqlite: export LOTSE_DATA_DIR := $(TEST_DATA)
test-sqlite: venv
	@echo "--- pytest on SQLite"
	env -u DATABASE_URL $(BIN)/pytest $(PYTEST_ARGS)

test-postgres: export LOTSE_DATA_DIR := $(TEST_DATA)
test-postgres: venv
	@echo "--- pytest on PostgreSQL"
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest $(PYTEST_ARGS)

# --- Benchmarks ---------------------------------------------------------------

bench: export LOTSE_DATA_DIR := $(BENCH_DATA)
bench: venv
	scripts/start-postgres
	env -u DATABASE_URL $(BIN)/python benchmarks/run.py --database sqlite
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/python benchmarks/run.py --database postgres

# --- Housekeeping -------------------------------------------------------------

clean:
	rm -rf $(VENV) $(TEST_DATA) $(BENCH_DATA) build *.egg-info .pytest_cache .ruff_cache
	find lotse benchmarks -name __pycache__ -type d -prune -exec rm -rf {} +
	find lotse -name '*.mo' -delete
