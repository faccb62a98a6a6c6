# Two commands for a newcomer: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha1sum requirements.txt | cut -c1-12)

.PHONY: install run test lint format bench eval backup restore fault clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py setup_roles
	$(PY) manage.py ensure_demo_admin
	@echo "Trang web: http://127.0.0.1:8000/  –  Quản trị: http://127.0.0.1:8000/admin/"
	@# Scheduled articles go live only if publish_scheduled runs: keep it running beside the
	@# server, and stop it when the server stops (docs/newsroom.md).
	$(PY) manage.py run_scheduler & scheduler=$$!; \
	trap 'kill $$scheduler 2>/dev/null; wait $$scheduler' EXIT; trap 'exit 130' INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:8000

test: install
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Load test with production settings (docs/performance.md). ARGS="--articles 100000" for scale;
# with DATABASE_URL=postgres://…/<name> it runs on a separate <name>_bench_<N>_v<version> database; the
# PostgreSQL figures in docs/performance.md use ARGS="--articles 100000 --connections 16".
bench: install
	@command -v wrk >/dev/null || (apt-get install -y -qq wrk >/dev/null 2>&1 || \
	  (echo "wrk is needed: apt-get install -y wrk" >&2; exit 1))
	$(PY) -m scripts.bench.run $(ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache

# Precision and recall of the importer on the sample articles (exit code 1 below 0.95).
eval: install
	$(PY) manage.py eval_import

# Database + media into backups/newsroom-<vendor>-<time>.tar.gz; restore overwrites both
# (docs/operations.md). Usage: make restore FILE=backups/newsroom-….tar.gz
backup: install
	$(PY) -m scripts.backup backup

restore: install
	@test -n "$(FILE)" || (echo "Usage: make restore FILE=backups/newsroom-….tar.gz" >&2; exit 2)
	$(PY) -m scripts.backup restore "$(FILE)" --yes

# Stops PostgreSQL for ~10 s under load and checks the site degrades and recovers (needs
# DATABASE_URL=postgres://…; docs/operations.md). Briefly breaks every PostgreSQL client here.
fault: install
	DATABASE_URL="$(DATABASE_URL)" scripts/fault.sh
