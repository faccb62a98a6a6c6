"""PostgreSQL control for the fault drill: stop and start the local cluster, and wait until no
other client would be hurt by it."""

import os
import subprocess
import time

from .fault_log import log

SCRATCH = "newsroom_fault"


def cluster_version():
    return sorted(os.listdir("/etc/postgresql"))[-1]


def pg_ctl(action):
    command = ["pg_ctlcluster", "--skip-systemctl-redirect", cluster_version(), "main", action]
    if action == "stop":
        command += ["-m", "fast"]
    return subprocess.run(command, capture_output=True, text=True)


def pg_is_up():
    return pg_ctl("status").returncode == 0


def ensure_started():
    """Start PostgreSQL if it is not running: other engineers' tests depend on it."""
    if not pg_is_up():
        result = pg_ctl("start")
        log(f"PostgreSQL started again (exit {result.returncode}) {result.stderr.strip()}")


def scratch_url(url):
    base, _, _name = url.rpartition("/")
    return f"{base}/{SCRATCH}"


def admin_connect(url):
    import psycopg

    base, _, _name = url.rpartition("/")
    return psycopg.connect(f"{base}/postgres", autocommit=True)


def other_clients(url):
    """Databases and states of client sessions that are not this drill's."""
    with admin_connect(url) as conn:
        return conn.execute(
            "SELECT datname, state, application_name FROM pg_stat_activity "
            "WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() "
            "AND datname IS DISTINCT FROM %s",
            [SCRATCH],
        ).fetchall()


def wait_until_alone(url):
    if os.environ.get("FAULT_FORCE") == "1":
        return True
    deadline = time.monotonic() + int(os.environ.get("FAULT_WAIT", "300"))
    while True:
        others = other_clients(url)
        if not others:
            return True
        if time.monotonic() > deadline:
            log(f"other PostgreSQL clients still connected, not stopping it: {others}")
            return False
        log(f"waiting for other PostgreSQL clients to finish: {others}")
        time.sleep(5)
