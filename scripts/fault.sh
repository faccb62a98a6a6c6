#!/usr/bin/env bash
# Fault drill (docs/operations.md): stop PostgreSQL under load for ~10 s, check the site answers
# 200/503, refuses an editor's save cleanly and recovers by itself. scripts/fault.py does the
# work; this wrapper makes sure PostgreSQL is running again whatever happens to it.
#
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom scripts/fault.sh
set -u
cd "$(dirname "$0")/.."

restart_postgres() {
    local version
    version=$(ls /etc/postgresql | sort | tail -n 1)
    if ! pg_ctlcluster --skip-systemctl-redirect "$version" main status >/dev/null 2>&1; then
        echo "fault.sh: starting PostgreSQL again" >&2
        pg_ctlcluster --skip-systemctl-redirect "$version" main start
    fi
}
trap restart_postgres EXIT
trap 'exit 130' INT TERM

case "${DATABASE_URL:-}" in
    postgres://* | postgresql://*) ;;
    *) echo "DATABASE_URL=postgres://… is required (the drill stops PostgreSQL)." >&2; exit 2 ;;
esac
if ! command -v wrk >/dev/null; then
    apt-get install -y -qq wrk >/dev/null 2>&1 || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }
fi
PYTHON=${PYTHON:-.venv/bin/python}
"$PYTHON" -m scripts.fault
