# Two commands for a fresh machine with Python 3.11+ and make:
#   make book   build the whole book into _build/html (every chapter executed)
#   make test   lint, then every test: models, data, chapters, widgets, strict build, pages
# Both create .venv and install requirements-dev.txt the first time (or when it changes).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHELL  := /bin/bash
.SHELLFLAGS := -o pipefail -ec

.PHONY: book test lint format serve data-readme clean chapter student pdf bench

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed"'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

book: $(STAMP)
	@if ls chapters/*.ipynb >/dev/null 2>&1; then \
	  echo "chapters/ must hold MyST .md notebooks only; remove: $$(ls chapters/*.ipynb)"; exit 1; fi
	$(BIN)/jupyter-book build --all -n -W --keep-going .
	@echo "Book built: open $(CURDIR)/_build/html/index.html (or run: make serve)"

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

serve: book
	@echo "Serving on http://127.0.0.1:8000 (Ctrl-C to stop)"
	$(BIN)/python -m http.server --directory _build/html --bind 127.0.0.1 8000

data-readme: $(STAMP)
	$(BIN)/python -m aicap.data readme

# Student edition: the same book without solutions (exercises stay), in _build/student.
student: $(STAMP)
	AICAP_EDITION=student $(BIN)/jupyter-book build --all -n -W --keep-going --path-output _build/student .
	@echo "Student edition built: open $(CURDIR)/_build/student/_build/html/index.html"

# Printable PDFs of every chapter (or CH=<name>) in _build/pdf, via Debian's Chromium.
pdf: book
	$(BIN)/python scripts/print_pdf.py $(CH)

clean:
	rm -rf _build

# Build one chapter alone (fast check while writing): make chapter CH=creative_destruction
chapter: $(STAMP)
	@test -n "$(CH)" || (echo "usage: make chapter CH=<chapter file name without .md>"; exit 2)
	@mkdir -p _build/one-$(CH)
	@printf 'format: jb-book\nroot: index\nparts:\n  - caption: Chapters\n    numbered: true\n    chapters:\n      - file: chapters/$(CH)\n' > _build/one-$(CH)/_toc.yml
	$(BIN)/jupyter-book build -n -W --keep-going --toc _build/one-$(CH)/_toc.yml --path-output _build/one-$(CH) .
	@echo "Chapter built: open $(CURDIR)/_build/one-$(CH)/_build/html/chapters/$(CH).html"

# Measure build, chapter, widget, page-weight and Binder costs into BENCHMARKS.md (about 10 min;
# builds into /tmp, never _build). Options: make bench BENCH_ARGS="--quick --only widgets"
bench: $(STAMP)
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)
