# migrasi: every target sets up what it needs itself (a virtual env from the pinned lock).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: setup plan test lint unit bench schemas clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

## plan: validate and plan the shipped inventories into plans/current/.
plan: $(STAMP)
	$(BIN)/migrasi validate inventories/
	$(BIN)/migrasi plan inventories/ --out plans/current

## test: lint, type check, layering check and every test.
test: lint unit

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy src tests bench
	$(BIN)/lint-imports

unit: $(STAMP)
	$(BIN)/pytest

## bench: the benchmarks of bench/ (not part of test).
bench: $(STAMP)
	$(BIN)/python bench/bench_validate.py

## schemas: regenerate the committed JSON Schemas from the models.
schemas: $(STAMP)
	$(BIN)/migrasi schema inventory > schemas/inventory.schema.json
	$(BIN)/migrasi schema datacenter > schemas/datacenter.schema.json

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
