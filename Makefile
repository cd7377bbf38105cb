# tidings: two commands do all set-up on a fresh machine.
#   make demo   creates .venv, installs, ingests the bundled sample into ./tidings.duckdb, prints a summary
#   make test   creates .venv, installs (with test extras and a headless browser), runs the tests
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= tidings.duckdb
SAMPLES := tidings/data/samples

.PHONY: install demo test test-all eval bench browser clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test,ray]'
	touch $@

demo: install
	$(BIN)/tidings ingest $(SAMPLES) --db $(DB)
	$(BIN)/tidings articles --db $(DB)
	-$(BIN)/tidings events --db $(DB) --limit 15

browser: install
	bash scripts/install_browser.sh

test: install browser
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/python -m pytest -q -m slow

bench: install
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache $(DB)
