# Two commands from a fresh clone: `make run` and `make test`; `make public` for the public pages.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
WAREHOUSE := data/warehouse.duckdb
PUBLIC_WAREHOUSE := data/warehouse.public.duckdb

.PHONY: run public test lint format check-example bench clean

$(VENV)/.installed: requirements.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

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

test: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m pytest

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: $(VENV)/.installed-dev
	$(PY) -m bench.run

clean:
	rm -rf $(VENV) $(WAREHOUSE) $(PUBLIC_WAREHOUSE) .pytest_cache .ruff_cache
