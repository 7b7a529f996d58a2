# sitrep: the commands a new machine needs. `make demo` and `make test` set everything up.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE := tests/data/gbnews-2022-03-02-kharkiv.txt
DEMO_DB := demo.duckdb
EVAL := ../shared/eval

.PHONY: setup demo test test-fast lint typecheck eval bench lock clean

$(STAMP): pyproject.toml requirements.lock
	@command -v $(PY) >/dev/null 2>&1 || { echo "need $(PY) on PATH"; exit 1; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --disable-pip-version-check -q --upgrade pip
	$(BIN)/pip install --disable-pip-version-check -q -r requirements.lock
	$(BIN)/pip install --disable-pip-version-check -q --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	rm -f $(DEMO_DB)
	$(BIN)/sitrep ingest $(SAMPLE) --db $(DEMO_DB) --published 2022-03-02
	$(BIN)/sitrep stats --db $(DEMO_DB)
	$(BIN)/sitrep extract $(SAMPLE) --published 2022-03-02 --format table
	$(BIN)/sitrep tally --db $(DEMO_DB)
	$(BIN)/sitrep contradictions --db $(DEMO_DB)

lint: setup
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: setup
	$(BIN)/mypy src/sitrep

test: setup lint typecheck
	$(BIN)/pytest -q -n 2 --dist loadfile

test-fast: setup
	$(BIN)/pytest -q -x -m "not slow and not browser and not evalgate"

# Re-run every evaluation and rewrite docs/benchmarks.md (add --bench for the speed figures).
eval: setup
	$(BIN)/sitrep benchmarks

bench: setup
	$(BIN)/sitrep bench --processes 2

# Re-pin after changing dependencies in pyproject.toml.
lock: setup
	$(BIN)/pip freeze --exclude-editable | grep -v "^sitrep" | sed -E "s/^([A-Za-z0-9_.-]+) @ file:.*\/\1-([^-]+)-.*/\1==\2/" > requirements.lock

clean:
	rm -rf $(VENV) $(DEMO_DB) .mypy_cache .ruff_cache .pytest_cache
