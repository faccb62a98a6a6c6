#!/usr/bin/env bash
# Lighthouse scores of the public pages, served as in production: gunicorn, whitenoise with
# compressed, hashed static files, DEBUG off, the production settings. The demo content goes into
# a throwaway SQLite database; nothing in the working tree changes except staticfiles/ (ignored)
# and the reports in lighthouse-results/ (ignored).
#
#   scripts/lighthouse.sh                 # the seed article, home, an official and a body
#   scripts/lighthouse.sh /xay-dung-dang/ # any paths
#
# Needs node/npm (Lighthouse comes from the npm registry, pinned below; 12.x runs on Node 18+)
# and Debian's chromium (apt-get install chromium). Never part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."

LIGHTHOUSE_VERSION="12.8.2"
PORT="${PORT:-8791}"
OUT="${OUT:-lighthouse-results}"
CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
PY=.venv/bin/python
SEED_ARTICLE="/xay-dung-dang/tong-ket-cong-tac-xay-dung-to-chuc-co-so-dang-va-doi-ngu-dang-vien/"

[ -x "$CHROME_PATH" ] || { echo "chromium missing at $CHROME_PATH (apt-get install chromium)" >&2; exit 1; }
command -v npx >/dev/null || { echo "npx missing (apt-get install npm)" >&2; exit 1; }

if [ "$#" -gt 0 ]; then
  PATHS=("$@")
else
  PATHS=("$SEED_ARTICLE" "/" "/nhan-vat/nguyen-khac-toan/" "/co-quan/tinh-uy/")
fi

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

export DJANGO_SETTINGS_MODULE=config.settings.production
export DATABASE_URL="sqlite:///$WORK/db.sqlite3"
export SECRET_KEY="lighthouse-run-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
export ALLOWED_HOSTS="localhost,127.0.0.1"
export SECURE_SSL_REDIRECT=0   # plain HTTP on this machine; production sits behind TLS
export CACHE_DIR="$WORK/cache"
unset REDIS_URL

echo "== preparing the demo site (throwaway database in $WORK)"
$PY manage.py migrate --noinput >/dev/null
$PY manage.py load_demo >/dev/null
# The canonical host of the Wagtail site is the one Lighthouse visits, as in production.
$PY manage.py shell --no-imports -c "from wagtail.models import Site; Site.objects.filter(is_default_site=True).update(hostname='localhost', port=$PORT)"
$PY manage.py collectstatic --noinput >/dev/null

if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "port $PORT is taken by another server: set PORT=…" >&2; exit 1
fi
echo "== serving on http://localhost:$PORT with gunicorn"
.venv/bin/gunicorn config.wsgi:application --bind "127.0.0.1:$PORT" --workers 2 \
  --access-logfile /dev/null >"$WORK/gunicorn.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 50); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/robots.txt" 2>/dev/null && break
  sleep 0.2
done

mkdir -p "$OUT"
status=0
for path in "${PATHS[@]}"; do
  name="$(echo "$path" | tr -c 'a-zA-Z0-9\n' '-' | sed 's/^-*//; s/-*$//')"
  name="${name:-home}"
  echo "== lighthouse http://localhost:$PORT$path"
  CHROME_PATH="$CHROME_PATH" npx --yes "lighthouse@$LIGHTHOUSE_VERSION" "http://localhost:$PORT$path" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
    --only-categories=performance,accessibility,best-practices,seo \
    --output=json --output=html --output-path="$OUT/$name" --quiet || { status=1; continue; }
  $PY - "$OUT/$name.report.json" <<'EOF' || status=1
import json, sys

report = json.load(open(sys.argv[1]))
scores = {key: round(cat["score"] * 100) for key, cat in report["categories"].items()}
print("   " + "  ".join(f"{key} {score}" for key, score in scores.items()))
for key, cat in report["categories"].items():
    for ref in cat["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            print(f"     {key}: {ref['id']} {audit['score']}: {audit['title']}")
sys.exit(0 if min(scores.values()) >= 95 else 1)
EOF
done
if [ "$status" -ne 0 ]; then echo "== server log"; tail -50 "$WORK/gunicorn.log"; fi
echo "== reports in $OUT/"
exit "$status"
