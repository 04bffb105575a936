# Newsline: `make run` serves the timeline, `make test` runs the whole suite. Both set everything up first.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export DEBUG ?= 1

.PHONY: run test setup test-setup serve ingest bench-dates bench-timeline bench-news bench-pubdates-html bench-load bench-ingest bench-corroboration lock clean

run: setup ingest serve

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	touch $@

$(VENV)/.test-installed: requirements-test.txt $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-test.txt
	touch $@

setup: $(VENV)/.installed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0

ingest: setup
	$(BIN)/python manage.py ingest

serve:
	@echo "Newsline is at http://$(HOST):$(PORT)/ (Ctrl-C stops it)"
	$(BIN)/gunicorn newsline.wsgi --config newsline/gunicorn.conf.py --bind $(HOST):$(PORT)

test-setup: $(VENV)/.test-installed
	bash scripts/install-test-deps.sh

test: test-setup
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	bash scripts/run-tests.sh

bench-dates: $(VENV)/.test-installed
	$(BIN)/python benchmarks/bench_dates.py

bench-timeline: setup
	$(BIN)/python benchmarks/bench_timeline.py

bench-news: $(VENV)/.installed
	$(BIN)/python benchmarks/bench_news.py
	$(BIN)/python benchmarks/bench_news.py --html --sets news-dev

bench-pubdates-html: $(VENV)/.installed
	$(BIN)/python benchmarks/bench_pubdates_html.py --with-text-analysis

bench-load: $(VENV)/.installed
	$(BIN)/python benchmarks/bench_load.py

bench-ingest: $(VENV)/.installed
	$(BIN)/python benchmarks/bench_ingest.py

bench-corroboration: $(VENV)/.installed
	$(BIN)/python benchmarks/bench_corroboration.py

# Regenerate the hash-locked requirements after editing requirements*.in (needs pip-tools).
lock:
	$(BIN)/python -m pip install --quiet pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o requirements-test.txt requirements-test.in

clean:
	rm -rf $(VENV) staticfiles node_modules test-artifacts db.sqlite3 db.sqlite3-wal db.sqlite3-shm
