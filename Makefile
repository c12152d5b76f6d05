# Two commands from a fresh clone: `make run` and `make test`; `make public` for the public pages.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
WAREHOUSE := data/warehouse.duckdb
PUBLIC_WAREHOUSE := data/warehouse.public.duckdb

.PHONY: run public test test-fast lint format check-example bench bench-kolada clean

$(VENV)/.installed: requirements.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# axe-core for the accessibility tests (package.json); without npm those tests are skipped.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --silent && touch $@; \
	else echo "npm is missing: tests/test_accessibility.py will be skipped (apt-get install npm)"; fi

$(WAREHOUSE): | $(VENV)/.installed
	$(PY) -m etl build --example --db $(WAREHOUSE)

run: $(VENV)/.installed $(WAREHOUSE)
	$(VENV)/bin/streamlit run dashboard.py

# The example with its public warehouse beside it (every later build keeps that one in step).
$(PUBLIC_WAREHOUSE): | $(VENV)/.installed
	$(PY) -m etl build --example --public --db $(WAREHOUSE)

# The public pages, reading only the public warehouse.
public: $(VENV)/.installed $(PUBLIC_WAREHOUSE)
	ROD_TRAD_MODE=public $(VENV)/bin/streamlit run dashboard.py


# One worker per core; a module's tests that share one server or model stay on one worker
# (tests mark them with xdist_group).
PARALLEL := -n auto --dist loadgroup

test: $(VENV)/.installed-dev node_modules/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m pytest $(PARALLEL)

# The inner loop: no browser and no slow tests.
test-fast: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(PY) -m pytest $(PARALLEL) -m "not browser and not slow"

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: $(VENV)/.installed-dev
	$(PY) -m bench.run

# Fetch and build of 50 Kolada KPIs from the stand-in for Kolada (docs/performance.md).
bench-kolada: $(VENV)/.installed-dev
	$(PY) -m bench.kolada --base 34f12e8

clean:
	rm -rf $(VENV) $(WAREHOUSE) $(PUBLIC_WAREHOUSE) node_modules .pytest_cache .ruff_cache
