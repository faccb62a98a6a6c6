"""Fault drill: stop PostgreSQL under load and check the site degrades politely and recovers.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom scripts/fault.sh    (or make fault)

On a scratch database, newsroom_fault (created, migrated and filled with the demo content), it
serves the site with gunicorn and the production settings on 127.0.0.1, puts load on it, stops
PostgreSQL for DOWN_SECONDS, starts it again, and checks:

1. while the database is down, readers get 200 (page cache) or 503 (config.outage), never a 500
   or a dropped connection;
2. an editor's save fails with a clear message, and a transaction that was open when the
   database went away leaves nothing behind;
3. the site recovers by itself (/healthz?db=1 answers 200) without restarting gunicorn;
4. afterwards, 64 connections for 60 s get no 5xx.

Exit code 0 when every expectation holds, 1 otherwise, 3 when it refused to stop PostgreSQL
because other clients were using it. PostgreSQL is always started again (here and in fault.sh).
Stopping PostgreSQL breaks every client of this server for the drill's ~10 s: the script waits
until no other client is connected (FAULT_WAIT seconds, default 300; FAULT_FORCE=1 skips that).
"""

import collections
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .fault_load import Prober, get, parse_wrk, start_wrk, wrk_script
from .fault_log import log
from .fault_pg import (
    SCRATCH,
    admin_connect,
    ensure_started,
    pg_ctl,
    scratch_url,
    wait_until_alone,
)
from .serving import production_environment

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
DOWN_SECONDS = int(os.environ.get("FAULT_DOWN_SECONDS", "10"))
RECOVERY_TIMEOUT = 60
FINAL_CONNECTIONS = int(os.environ.get("FAULT_CONNECTIONS", "64"))
FINAL_SECONDS = int(os.environ.get("FAULT_SECONDS", "60"))
BYPASS = "sessionid=fault-drill-no-cache"  # a session cookie bypasses the page cache


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- The site ------------------------------------------------------------------------------------


def prepare(url, env):
    import psycopg

    with admin_connect(url) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [SCRATCH]).fetchone():
            conn.execute(f'CREATE DATABASE "{SCRATCH}"')
    for command in (
        ["manage.py", "migrate", "--noinput", "-v0"],
        ["manage.py", "load_demo"],
        ["manage.py", "collectstatic", "--noinput", "-v0"],
    ):
        subprocess.run([PYTHON, *command], cwd=ROOT, env=env, check=True, capture_output=True)
    with psycopg.connect(scratch_url(url)) as conn:
        rows = conn.execute(
            "SELECT url_path, depth FROM wagtailcore_page WHERE depth BETWEEN 2 AND 4 "
            "AND live ORDER BY depth, path"
        ).fetchall()
    home = next(path for path, depth in rows if depth == 2)
    pages = {depth: [path[len(home) - 1 :] for path, d in rows if d == depth] for depth in (3, 4)}
    return {"home": "/", "section": pages[3][0], "article": pages[4][0]}


def worker_pids(master):
    path = Path(f"/proc/{master}/task/{master}/children")
    return sorted(int(pid) for pid in path.read_text().split()) if path.exists() else []


# --- The editor ----------------------------------------------------------------------------------

EDITOR = """
import json, sys, django
django.setup()
from django.contrib.auth import get_user_model
from django.db import DatabaseError, transaction
from django.test import Client
from django.urls import reverse
from organisations.models import Body, Official

token = sys.argv[1]
user, _ = get_user_model().objects.get_or_create(
    username="fault-editor", defaults={"is_staff": True, "is_superuser": True}
)
client = Client(raise_request_exception=False)
client.force_login(user)
body = Body.objects.get(name="Tỉnh ủy")
url = reverse("wagtailsnippets_organisations_body:edit", args=[body.pk])
result = {"edit_page_before": client.get(url).status_code}
try:
    with transaction.atomic():
        Official.objects.create(full_name=f"Cán bộ thử lỗi {token}", slug=f"thu-loi-{token}")
        print("ready", flush=True)
        sys.stdin.readline()  # the database is down now
        Official.objects.create(full_name=f"Cán bộ thử lỗi {token} 2", slug=f"thu-loi-{token}-2")
    result["transaction"] = "committed"
except DatabaseError as exc:
    result["transaction"] = "rolled back"
    result["transaction_error"] = f"{type(exc).__name__}: {str(exc).strip().splitlines()[0]}"
data = {"name": f"Không được lưu {token}", "short_name": "", "slug": body.slug, "kind": body.kind}
response = client.post(url, data)
result["post_status"] = response.status_code
result["post_retry_after"] = response.get("Retry-After")
result["post_says_not_saved"] = "chưa được lưu" in response.content.decode()
print(json.dumps(result, ensure_ascii=False), flush=True)
"""


def start_editor(env, token):
    editor_env = dict(env, ALLOWED_HOSTS="testserver,127.0.0.1")
    process = subprocess.Popen(
        [PYTHON, "-c", EDITOR, token],
        cwd=ROOT,
        env=editor_env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = process.stdout.readline().strip()
    if line != "ready":
        process.kill()
        raise RuntimeError(f"editor did not start: {line} {process.stderr.read()[-2000:]}")
    return process


def half_written(url, token):
    import psycopg

    with psycopg.connect(scratch_url(url)) as conn:
        officials = conn.execute(
            "SELECT count(*) FROM organisations_official WHERE slug LIKE %s", [f"thu-loi-{token}%"]
        ).fetchone()[0]
        bodies = conn.execute(
            "SELECT count(*) FROM organisations_body WHERE name = %s", [f"Không được lưu {token}"]
        ).fetchone()[0]
    return officials + bodies


# --- The drill -----------------------------------------------------------------------------------


class Checks:
    def __init__(self):
        self.results = []

    def expect(self, ok, what):
        self.results.append((bool(ok), what))
        log(f"{'PASS' if ok else 'FAIL'}: {what}")

    @property
    def ok(self):
        return all(ok for ok, _ in self.results)


def drill(url):
    checks = Checks()
    port = free_port()
    cache_dir = Path(tempfile.mkdtemp(prefix="newsroom-fault-cache-"))
    env = production_environment(scratch_url(url), cache_dir, port)
    server_log = cache_dir.with_name(cache_dir.name + "-gunicorn.log")
    log(f"scratch database {SCRATCH}: create, migrate, load_demo, collectstatic")
    urls = prepare(url, env)
    log(f"pages: {urls}")
    if not wait_until_alone(url):
        return 3
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{port}"]
        + ["--workers", "2", "--log-level", "warning", "--timeout", "30"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=server_log.open("w"),
        stderr=subprocess.STDOUT,
    )
    editor = None
    try:
        deadline = time.monotonic() + 30
        while get(port, "/healthz?db=1") != 200:
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not answer /healthz?db=1")
            time.sleep(0.3)
        workers_before = worker_pids(server.pid)
        log(f"gunicorn {server.pid} on 127.0.0.1:{port}, workers {workers_before}")
        token = secrets.token_hex(4)
        # The editor's first row drops the page cache (news.cache): fill it afterwards.
        editor = start_editor(env, token)
        log("editor: logged in, transaction open with one row written")
        for path in (urls["home"], urls["section"], urls["article"], "/tin-tuc/"):
            get(port, path)  # into the page cache

        targets = [
            ("home (cached)", urls["home"], None),
            ("article (cached)", urls["article"], None),
            ("section (uncached)", urls["section"], BYPASS),
            ("/healthz?db=1", "/healthz?db=1", None),
        ]
        work = tempfile.mkdtemp(prefix="newsroom-fault-")
        load_targets = [(p, c) for _, p, c in targets] + [("/tin-tuc/", None)]
        prober = Prober(port, targets)
        prober.start()
        during = start_wrk(port, wrk_script(load_targets, work), 16, DOWN_SECONDS + 25)
        time.sleep(3)

        if not wait_until_alone(url):
            prober.finish()
            during.kill()
            return 3
        prober.phase = "stopping"
        stopped = time.monotonic()
        result = pg_ctl("stop")
        prober.phase = "down"
        log(
            f"PostgreSQL stopped in {time.monotonic() - stopped:.1f} s "
            f"(exit {result.returncode}) {result.stderr.strip()}"
        )
        editor.stdin.write("go\n")
        editor.stdin.flush()
        try:
            out, err = editor.communicate(timeout=max(DOWN_SECONDS - 2, 3))
            editor_result = json.loads(out.strip().splitlines()[-1])
        except (subprocess.TimeoutExpired, ValueError, IndexError):
            editor.kill()
            out, err = editor.communicate()
            editor_result = {"error": (out + err)[-500:]}
        log(f"editor during the outage: {editor_result}")
        time.sleep(max(0.0, DOWN_SECONDS - (time.monotonic() - stopped)))

        prober.phase = "starting"
        starting = time.monotonic()
        result = pg_ctl("start")
        started = time.monotonic()
        prober.phase = "started"
        log(
            f"PostgreSQL start issued after {starting - stopped:.1f} s down, ready in "
            f"{started - starting:.1f} s (exit {result.returncode})"
        )
        recovered_after = None
        while time.monotonic() - started < RECOVERY_TIMEOUT:
            if get(port, "/healthz?db=1") == 200:
                recovered_after = time.monotonic() - started
                break
            time.sleep(0.2)
        prober.phase = "recovered"
        log(f"/healthz?db=1 is 200 again {recovered_after and round(recovered_after, 1)} s later")
        time.sleep(3)
        prober.finish()
        during_out, _ = during.communicate(timeout=60)
        during_load = parse_wrk(during_out)

        print()
        print("Status codes by phase (prober, 4 threads):")
        order = ["up", "stopping", "down", "starting", "started", "recovered"]
        for (phase, name), counter in sorted(
            prober.seen.items(), key=lambda item: (order.index(item[0][0]), item[0][1])
        ):
            print(f"  {phase:10} {name:20} {dict(counter)}")
        print(f"Load during the fault (wrk, 16 connections): {during_load}")
        print()

        down = collections.defaultdict(collections.Counter)  # per URL, summed over phases
        for (phase, name), counter in prober.seen.items():
            if phase in ("stopping", "down", "starting", "started"):
                down[name].update(counter)
        down_statuses = collections.Counter()
        for counter in down.values():
            down_statuses.update(counter)
        checks.expect(
            down_statuses and set(down_statuses) <= {200, 503},
            f"from stop to recovery, only 200 or 503 answers: {dict(down_statuses)}",
        )
        checks.expect(503 in down_statuses, "uncached requests got 503 while down")
        cached = down.get("home (cached)", {})
        checks.expect(
            set(cached) == {200}, f"the cached home page stayed 200 while down: {dict(cached)}"
        )
        checks.expect(
            not set(during_load["statuses"]) - {200, 503}
            and not during_load["errors"].get("connect"),
            f"load during the fault: only 200/503, no refused connections: {during_load}",
        )
        checks.expect(
            editor_result.get("transaction") == "rolled back"
            and editor_result.get("post_status") == 503
            and editor_result.get("post_says_not_saved"),
            "an editor's save fails with 503 'chưa được lưu' and the open transaction rolls back",
        )
        checks.expect(recovered_after is not None, "/healthz?db=1 recovered without a restart")
        leftover = half_written(url, token)
        checks.expect(leftover == 0, f"no half-written rows after recovery ({leftover} found)")
        workers_after = worker_pids(server.pid)
        checks.expect(
            server.poll() is None and workers_after == workers_before,
            f"same gunicorn master and workers (before {workers_before}, after {workers_after})",
        )

        lines = server_log.read_text(errors="replace").splitlines()
        tracebacks = sum("Traceback" in line for line in lines)
        log(f"gunicorn log {server_log}: {len(lines)} lines, {tracebacks} tracebacks")
        checks.expect(tracebacks == 0, "no traceback in gunicorn's log (503s are logged by name)")
        log(f"final load: {FINAL_CONNECTIONS} connections for {FINAL_SECONDS} s")
        final = start_wrk(port, wrk_script(load_targets, work), FINAL_CONNECTIONS, FINAL_SECONDS)
        final_out, _ = final.communicate(timeout=FINAL_SECONDS + 60)
        final_load = parse_wrk(final_out)
        print(final_out.strip())
        fivexx = sum(n for code, n in final_load["statuses"].items() if code >= 500)
        checks.expect(
            final_load["statuses"] and fivexx == 0,
            f"{FINAL_CONNECTIONS} connections for {FINAL_SECONDS} s after recovery: "
            f"no 5xx ({final_load['statuses']}, errors {final_load['errors']})",
        )
        shutil.rmtree(work, ignore_errors=True)
    finally:
        ensure_started()
        if editor is not None and editor.poll() is None:
            editor.kill()
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(cache_dir, ignore_errors=True)
    print()
    print("RESULT:", "all expectations met" if checks.ok else "SOME EXPECTATIONS FAILED")
    return 0 if checks.ok else 1


def main():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        print(
            "DATABASE_URL=postgres://… is required (the drill stops PostgreSQL).", file=sys.stderr
        )
        return 2
    if not shutil.which("wrk"):
        print("wrk is needed: apt-get install -y wrk", file=sys.stderr)
        return 2
    try:
        return drill(url)
    finally:
        ensure_started()


if __name__ == "__main__":
    sys.exit(main())
