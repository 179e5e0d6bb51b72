# CV Tailor — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
APP_STAMP := $(VENV)/.installed-app
DEV_STAMP := $(VENV)/.installed-dev
CHROMIUM ?= /usr/bin/chromium
# Parallel test processes (pytest-xdist). The suite is bound by processor time: two processes per
# core keep both cores busy while a test waits on a worker, a server or the fake model, and each
# process more only adds its fixed costs (collection, apps, a render server, a browser): 11.1 min
# with four, 11.8 with three, 13.7 with eight (bench/TESTS.md, tenth round).
TEST_WORKERS ?= 4
BROWSER_WORKERS ?= 2
# Tests handed out one at a time, known long ones first (tests/conftest.py): no long test starts
# last and sets the run's tail (bench/TESTS.md).
PYTEST_SCHEDULE = --dist load --maxschedchunk 1
PYTEST_PARALLEL = -n $(TEST_WORKERS) $(PYTEST_SCHEDULE)
# Bytecode caches on: without them every test process and every server or worker the tests
# start compiles the app again, and pytest rewrites every test module's asserts again
# (~10 s of CPU per process; __pycache__/ is ignored by git).
unexport PYTHONDONTWRITEBYTECODE

.PHONY: run test test-all test-fast test-python test-browser test-sweeps lint format install install-dev document-deps browser-deps mail-deps test-tools bench-docx-pages bench eval-parse train-fields train-line-roles eval-tailor eval-match-api bench-tailor-fuzz eval-llm eval-llm-import eval-import-sim eval-letters eval-coach admin migrate clean screenshots

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(APP_STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(DEV_STAMP): pyproject.toml $(APP_STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

install: $(APP_STAMP)
install-dev: $(DEV_STAMP)

## Start everything (migrations, embedded Redis unless REDIS_URL, worker, web). Ctrl-C stops all.
run: install document-deps
	$(PY) -m app.launcher

migrate: install
	$(PY) -m app.cli migrate

## Promote an existing account: make admin EMAIL=you@example.com
admin: install
	@test -n "$(EMAIL)" || { echo "usage: make admin EMAIL=you@example.com"; exit 2; }
	$(PY) -m app.cli admin "$(EMAIL)"

## The whole suite: lint, then the Python and browser tests in one parallel run (a browser test
## mostly waits on Chromium or the server, so it shares the cores with the Python tests).
# Lint (about a minute of one core) runs beside the tests rather than before them; each one's
# output is shown whole when it ends.
test: install-dev document-deps browser-deps mail-deps test-tools
	$(MAKE) --no-print-directory -j2 --output-sync=target lint test-all

test-all: install-dev document-deps browser-deps mail-deps test-tools
	CHROMIUM=$(CHROMIUM) $(VENV)/bin/pytest -q $(PYTEST_PARALLEL) -m "not sweep"

## The long sweeps whose quick passes are in `make test`: the JSON API fuzzed (schemathesis) in
## full on SQLite and on PostgreSQL (TEST_DATABASE_URL), every hostile value in every path, query
## and form number, every model field attacked with each way of inventing a fact (1-3 min each,
## about 5 min in all on two cores); CI runs them beside `make test`.
test-sweeps: install-dev document-deps test-tools
	$(VENV)/bin/pytest -q $(PYTEST_PARALLEL) -m sweep

lint: install-dev
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy app jobs
	$(VENV)/bin/lint-imports

format: install-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test-python: install-dev document-deps test-tools
	$(VENV)/bin/pytest -m "not browser and not sweep" -q $(PYTEST_PARALLEL)

test-browser: install-dev document-deps browser-deps mail-deps test-tools
	CHROMIUM=$(CHROMIUM) $(VENV)/bin/pytest -m browser -q -n $(BROWSER_WORKERS) $(PYTEST_SCHEDULE)

## The quick loop while developing: unit and pure-core tests (no browser), about 2 min.
test-fast: install-dev document-deps test-tools
	$(VENV)/bin/pytest tests/unit -m "not browser" -q $(PYTEST_PARALLEL)

## Rewrite docs/screenshots/ from the browser tests (they only write to a temp folder otherwise).
screenshots: install-dev browser-deps
	UPDATE_SCREENSHOTS=1 CHROMIUM=$(CHROMIUM) $(VENV)/bin/pytest -m browser -q

## Debian's fonts the CV designs name (Latin, Greek, Cyrillic, symbols and emoji, CJK: a character
## no font has breaks a PDF's text layer), poppler's pdftotext, one of the readers the tests
## read every PDF back with, and Tesseract with its French and English models, which reads a
## scanned CV (a PDF without a text layer; app/lib/pdf_read/ocr.py), and FreeDict's French-English
## dictionaries, which trace a translated sentence back to its source (app/lib/matching/bilingual.py).
DOCUMENT_PACKAGES := fonts-liberation fonts-dejavu-core fonts-dejavu-extra fonts-symbola fonts-droid-fallback poppler-utils tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng dict-freedict-fra-eng dict-freedict-eng-fra
document-deps:
	@dpkg -s $(DOCUMENT_PACKAGES) >/dev/null 2>&1 || { \
	  echo "Installing Debian's fonts, poppler-utils, Tesseract (OCR) and the French-English dictionaries..."; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(DOCUMENT_PACKAGES); \
	  else sudo apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(DOCUMENT_PACKAGES); fi; }

## Debian's Chromium for Playwright (its own browser download is not available here).
browser-deps:
	@test -x $(CHROMIUM) || { \
	  echo "Installing Debian's chromium for the browser tests..."; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	  else sudo apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; fi; }

## Debian's Dovecot IMAP server: the mailbox tests start their own, unprivileged, on a loopback
## port (tests/fixtures/imap_server.py); the package's own service is not needed.
mail-deps:
	@test -x /usr/sbin/dovecot || { \
	  echo "Installing Debian's dovecot-imapd for the mailbox tests..."; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends dovecot-imapd; \
	  else sudo apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends dovecot-imapd; fi; }

## The checkers the tests run beside the app (tests/tools/package.json, pinned by its lock file):
## the Nu HTML checker (run with the machine's Java), axe-core (injected into the browser tests'
## pages), the JSON Resume schema and a JSON Resume theme. Install scripts are skipped: the Nu
## checker's would fetch a Java runtime of its own.
TEST_TOOLS_STAMP := tests/tools/node_modules/.installed
$(TEST_TOOLS_STAMP): tests/tools/package.json tests/tools/package-lock.json
	cd tests/tools && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@
test-tools: $(TEST_TOOLS_STAMP)

## The Word export converted by LibreOffice headless: as many pages as the PDF, ± 1; rewrites
## bench/DOCX_PAGES.md. Not in `make test`: Debian's LibreOffice Writer is a large install.
bench-docx-pages: install document-deps
	@command -v soffice >/dev/null 2>&1 || { \
	  echo "Installing Debian's LibreOffice Writer (headless) for the Word page check..."; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libreoffice-writer-nogui; \
	  else sudo apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libreoffice-writer-nogui; fi; }
	$(PY) -m bench.docx_pages

bench: install-dev
	$(PY) -m bench.run

## Score the import parsers on ../shared/corpus (real CVs and ads); rewrites bench/PARSING.md.
eval-parse: install
	$(PY) -m bench.parse_eval

## Retrain the learned parts of the CV reader on the corpus (../shared/corpus) and synthetic CVs:
## the experience-heading field labeller, then the line-role labeller (train-line-roles); prints
## training vs cross-validated accuracy (by person, by layout family) beside the rules'.
train-fields: install
	$(PY) -m bench.train_fields
	$(PY) -m bench.train_line_roles

## Train the experience line-role labeller on the corpus and the layout fuzzer's CVs; rewrites
## the "Line roles" section of bench/FIELD_LABELLER.md (train vs by person vs family-out).
train-line-roles: install
	$(PY) -m bench.train_line_roles

## Tailor corpus CVs to corpus ads offline, render, read back and measure; rewrites bench/TAILORING.md.
eval-tailor: install
	$(PY) -m bench.tailor_eval

## The match ledger as the JSON API answers it on the development pairs (boots the app; ~3 min):
## its quotes found in each CV's PDF by three text extractors, its requirements in the ad.
eval-match-api: install document-deps
	$(PY) -m bench.match_api_eval

## The contract of a sendable CV on 500 seeded synthetic (CV, offer) pairs, plus the same pairs with
## an import misread planted (one family each: bench/tailor_fuzz_misreads.py), tailored and
## rendered on 2 processes (a few minutes); rewrites bench/TAILOR_FUZZ.md.
bench-tailor-fuzz: install
	$(PY) -m bench.tailor_fuzz --count 500 --workers 2

## Tailor 3 corpus pairs with the real local model (../shared/tools/local-llm/serve.sh, several
## minutes per offer on a CPU; not part of `make test`); rewrites bench/LLM_EVAL.md.
eval-llm: install-dev
	$(PY) -m bench.llm_eval

## The CV import with the local model: the rules and the model merged entry by entry, beside each
## alone, on a fixed sample of corpus PDFs (minutes per CV; writes bench/LLM_IMPORT.md).
eval-llm-import: install
	$(PY) -m bench.llm_import_eval $(ARGS)

## The CV import through the app's path with simulated models (a perfect and a noisy reader of
## every corpus CV, served over HTTP by the fake OpenAI server): a few minutes, no model needed;
## writes its section of bench/LLM_IMPORT.md.
eval-import-sim: install
	$(PY) -m bench.llm_import_sim $(ARGS)

## Cover letters for 4 corpus pairs, offline and with the real local model (a few minutes per
## letter on a CPU; not part of `make test`); rewrites bench/LETTER_EVAL.md.
eval-letters: install-dev
	$(PY) -m bench.letter_eval

## A 30-second and a 3-minute pitch per language (English, French), offline and with the real
## local model, and one STAR coach conversation per language with the model (minutes per pitch
## on a CPU; not part of `make test`); rewrites bench/COACH_EVAL.md.
eval-coach: install-dev
	$(PY) -m bench.coach_eval $(ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

## The agent API over stdio, for an MCP client that starts it (README "Agent API (MCP)"): runs as
## the holder of the personal API token in CVTAILOR_MCP_TOKEN, on the running app's database
## and Redis. Standard output carries the protocol only: `make -s` keeps make's own lines off it.
.PHONY: mcp
mcp: install
	@$(PY) -m app.mcp
