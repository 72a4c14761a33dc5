# Two commands for a fresh machine with Python 3.11+ and make:
#   make book   build the whole book into _build/html (every chapter executed), with its
#               Indonesian edition in _build/html/id
#   make test   lint, then every test: models, data, chapters, widgets, strict build, pages
# Both create .venv and install the lock file requirements-dev.txt (every package pinned, with
# hashes) the first time or when it changes, then the book's package from this checkout.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHELL  := /bin/bash
.SHELLFLAGS := -o pipefail -ec

.PHONY: book test lint format serve data-readme clean chapter student student-pdf pdf bench lock lab notebooks locale

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed"'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@

# Refresh the lock files from requirements.in / requirements-dev.in (the reader's and the
# authors' direct needs), with mybinder.org's base environment as constraints so Binder
# replaces as little as possible, except the packages the book needs at another version than
# that base (NOT_AS_BINDER: ipykernel 6, see requirements.in). Commit all four files.
NOT_AS_BINDER := ipykernel
UV_COMPILE = $(BIN)/uv pip compile --generate-hashes --universal --python-version 3.11 \
	--no-strip-extras -c $(VENV)/binder-constraints.txt --custom-compile-command "make lock" --quiet
lock: $(STAMP)
	grep -viE '^($(NOT_AS_BINDER))==' tests/repo2docker_base.txt > $(VENV)/binder-constraints.txt
	$(UV_COMPILE) requirements.in -o requirements.txt
	$(UV_COMPILE) requirements-dev.in -o requirements-dev.txt

# Sphinx re-reads only the pages whose sources changed, and aicap.sphinx_ext every page when the
# package, its self-check questions or the data change; `make clean book` builds from scratch
# (and shows again any warning of a page that has not changed since).
book: $(STAMP)
	@if ls chapters/*.ipynb >/dev/null 2>&1; then \
	  echo "chapters/ must hold MyST .md notebooks only; remove: $$(ls chapters/*.ipynb)"; exit 1; fi
	$(BIN)/jupyter-book build -n -W --keep-going .
	@mkdir -p _build/id
	$(BIN)/python -m aicap.i18n config id > _build/id/_config.yml
	$(BIN)/jupyter-book build -n -W --keep-going --config _build/id/_config.yml --path-output _build/id .
	rm -rf _build/html/id && cp -a _build/id/_build/html _build/html/id
	@echo "Book built: open $(CURDIR)/_build/html/index.html (or run: make serve);"
	@echo "its Indonesian edition is _build/html/id/index.html"

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

# The Indonesian edition (aicap.i18n), which `make book` builds into _build/html/id from the
# catalogues locale/id/LC_MESSAGES/*.po. After changing English text, `make locale` brings the
# catalogues up to date (new paragraphs untranslated, changed ones marked fuzzy: the edition
# shows their English until they are translated again); `python -m aicap.i18n status` counts
# what is left and `python -m aicap.i18n check` finds translations that lost a glued number.
locale: book
	@mkdir -p _build/extract
	$(BIN)/python -m aicap.i18n config en --execution-cache $(CURDIR)/_build/.jupyter_cache > _build/extract/_config.yml
	$(BIN)/jupyter-book build -n --builder custom --custom-builder gettext --config _build/extract/_config.yml --path-output _build/extract .
	rm -f _build/extract/_build/gettext/sphinx.pot  # the theme's strings: Sphinx's own catalogue has them
	$(BIN)/sphinx-intl update --pot-dir _build/extract/_build/gettext --locale-dir locale --language id --line-width -1
	$(BIN)/python -m aicap.i18n package || true  # the figures', tables' and self-checks' words
	$(BIN)/python -m aicap.i18n status

# Student edition: the same book without solutions or the instructor guide (exercises stay),
# in _build/student, in both languages (the Indonesian one in its id/ folder).
student: $(STAMP)
	@mkdir -p _build/student
	@grep -v "instructor_guide" _toc.yml > _build/student/_toc.yml
	AICAP_EDITION=student $(BIN)/jupyter-book build --all -n -W --keep-going --toc _build/student/_toc.yml --path-output _build/student .
	@mkdir -p _build/student/id
	$(BIN)/python -m aicap.i18n config id > _build/student/id/_config.yml
	AICAP_EDITION=student $(BIN)/jupyter-book build --all -n -W --keep-going --config _build/student/id/_config.yml --toc _build/student/_toc.yml --path-output _build/student/id .
	rm -rf _build/student/_build/html/id && cp -a _build/student/id/_build/html _build/student/_build/html/id
	@echo "Student edition built: open $(CURDIR)/_build/student/_build/html/index.html"

# Printable PDFs of every chapter (or CH=<name>) in _build/pdf, via Debian's Chromium; the
# Indonesian edition's in _build/pdf/id.
pdf: book
	$(BIN)/python scripts/print_pdf.py $(CH)
	$(BIN)/python scripts/print_pdf.py --site _build/html/id --out _build/pdf/id $(CH)
# The student edition's chapters (no solutions) in _build/student/pdf (and .../pdf/id).
student-pdf: student
	$(BIN)/python scripts/print_pdf.py --site _build/student/_build/html --out _build/student/pdf $(CH)
	$(BIN)/python scripts/print_pdf.py --site _build/student/_build/html/id --out _build/student/pdf/id $(CH)

clean:
	rm -rf _build

# Live notebooks on this machine: every chapter as a notebook (notebooks/, as Binder makes
# them), then JupyterLab on the first one.
notebooks: $(STAMP)
	$(BIN)/python -m aicap.notebooks . notebooks
lab: notebooks
	$(BIN)/jupyter lab notebooks/introduction.ipynb

# Build one chapter alone (fast check while writing): make chapter CH=creative_destruction
# Its explorable figures show their default drawing only (AICAP_STATES=skip): drawing every
# state takes minutes; `make book` draws them.
chapter: $(STAMP)
	@test -n "$(CH)" || (echo "usage: make chapter CH=<chapter file name without .md>"; exit 2)
	@mkdir -p _build/one-$(CH)
	@printf 'format: jb-book\nroot: index\nparts:\n  - caption: Chapters\n    numbered: true\n    chapters:\n      - file: chapters/$(CH)\n' > _build/one-$(CH)/_toc.yml
	AICAP_STATES=skip AICAP_ONE_CHAPTER=1 $(BIN)/jupyter-book build -n -W --keep-going --toc _build/one-$(CH)/_toc.yml --path-output _build/one-$(CH) .
	@echo "Chapter built: open $(CURDIR)/_build/one-$(CH)/_build/html/chapters/$(CH).html"

# Measure build, chapter, widget, page-weight and Binder costs into BENCHMARKS.md (about 10 min;
# builds into /tmp, never _build). Options: make bench BENCH_ARGS="--quick --only widgets"
bench: $(STAMP)
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)
