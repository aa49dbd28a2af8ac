# mentorrules: two commands do everything from a fresh clone with Python 3.11.
#   make demo   set up .venv, then evaluate the bundled example cases
#   make test   set up .venv, then ruff, the layers (import-linter), mypy --strict, pytest (100 % branch coverage), docs
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-dev
RUNSTAMP := $(VENV)/.installed

.PHONY: demo test lint imports typecheck pytest docs bench fuzz mutation clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUNSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@ $(RUNSTAMP)

demo: $(RUNSTAMP)
	$(BIN)/mentorrules demo

test: $(STAMP)
	$(MAKE) --no-print-directory lint imports typecheck pytest docs

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks docs
	$(BIN)/ruff format --check src tests benchmarks docs

imports: $(STAMP)
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	HYPOTHESIS_PROFILE=ci $(BIN)/python -m pytest -n auto --cov=mentorrules --cov-branch --cov-report=term-missing:skip-covered

# The docs need only the extra `docs` (`dev` includes it): a fresh `dev` install counts as one.
DOCSTAMP := $(VENV)/.installed-docs

$(DOCSTAMP): pyproject.toml | $(BIN)/python
	if [ ! $(STAMP) -nt pyproject.toml ]; then $(BIN)/python -m pip install --quiet -e ".[docs]"; fi
	touch $@ $(RUNSTAMP)

docs: $(DOCSTAMP)
	rm -rf docs/_build
	$(BIN)/sphinx-build -W -n --keep-going -q -b html docs docs/_build/html

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -r benchmarks/requirements-openfisca.txt
	$(BIN)/python benchmarks/run.py

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz MENTORRULES_EVERY_DATE=1 $(BIN)/python -m pytest -q -p no:randomly tests/property/test_load_case.py tests/property/test_check_fuzz.py tests/test_dates.py --no-cov

mutation: $(STAMP)
	$(BIN)/python benchmarks/mutation.py

clean:
	rm -rf $(VENV) docs/_build .pytest_cache .mypy_cache .ruff_cache .hypothesis .coverage* mutants
