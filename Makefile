# migrasi: every target sets up what it needs itself (a virtual env from the pinned lock).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: setup plan test lint unit bench schemas docs clean docs-img

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

## plan: validate and plan the shipped inventories into plans/current/, then write the worked
## example of a programme under way again (its plan, and its progress report against the plan in
## force when it began, kept frozen in $(EXAMPLE)/baseline).
EXAMPLE := examples/progress-2027-05
plan: $(STAMP)
	$(BIN)/migrasi validate inventories/
	$(BIN)/migrasi plan inventories/ --out plans/current
	$(BIN)/migrasi plan $(EXAMPLE)/inventories --out $(EXAMPLE)/plan
	$(BIN)/migrasi progress --baseline $(EXAMPLE)/baseline --plan $(EXAMPLE)/plan --format md --out $(EXAMPLE)/progress.md
	$(BIN)/migrasi progress --baseline $(EXAMPLE)/baseline --plan $(EXAMPLE)/plan --format json --out $(EXAMPLE)/progress.json

## test: lint, type check, layering check and every test.
test: lint unit

lint: $(STAMP)
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools
	$(BIN)/mypy src tests bench tools
	$(BIN)/lint-imports

unit: $(STAMP)
	$(BIN)/pytest

## bench: the benchmarks of bench/ (not part of test): scale (validate and plan against the parse
## floor, up to 30,000 systems), quality (heuristic against exact mode's proven bounds), what
## if (sensitivity on the shipped inventories against one plan of them) and stability (small
## edits re-planned fresh and with --keep), as Markdown on stdout and in bench/RESULTS.md.
bench: $(STAMP)
	set -o pipefail; { \
	  echo "# migrasi benchmark results (make bench)"; echo; \
	  $(BIN)/python bench/bench_scale.py; scale=$$?; echo; \
	  $(BIN)/python bench/bench_quality.py; quality=$$?; echo; \
	  $(BIN)/python bench/bench_whatif.py; whatif=$$?; echo; \
	  $(BIN)/python bench/bench_stability.py; stability=$$?; \
	  worst=$$(( scale > quality ? scale : quality )); \
	  worst=$$(( worst > whatif ? worst : whatif )); \
	  exit $$(( worst > stability ? worst : stability )); \
	} | tee bench/RESULTS.md

## schemas: regenerate the committed JSON Schemas from the models.
schemas: $(STAMP)
	$(BIN)/migrasi schema inventory > schemas/inventory.schema.json
	$(BIN)/migrasi schema datacenter > schemas/datacenter.schema.json
	$(BIN)/migrasi schema scenario > schemas/scenario.schema.json

## docs: rewrite the generated documents (docs/reference.md from the models, docs/codes.md from
## the table of codes); a test keeps them current.
docs: $(STAMP)
	$(BIN)/python tools/make_docs.py

## docs-img: render the pictures of docs/panduan-spreadsheet.md from the real template (needs
## LibreOffice's soffice and poppler-utils' pdftoppm).
docs-img: $(STAMP)
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python docs/img/render.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache

## fuzz: coverage-guided fuzzing (atheris) of the YAML loader, of validate + plan on mutated
## inventories and of import on mutated workbooks, for FUZZ_SECONDS (default 60); findings are
## saved to tests/fuzz_corpus/.
FUZZ_SECONDS ?= 60
.PHONY: fuzz
fuzz: $(STAMP)
	$(BIN)/python -m fuzz.run --seconds $(FUZZ_SECONDS)
