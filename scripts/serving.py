"""The environment of the gunicorn server that the benchmark and the fault drill start: the
production settings, DEBUG off, plain HTTP on 127.0.0.1, a throwaway secret and cache folder."""

import os
import secrets
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def production_environment(database_url, cache_dir, port):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        DEBUG="0",
        DATABASE_URL=database_url,
        CACHE_DIR=str(cache_dir),
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}",
        PYTHONPATH=str(ROOT),
        LOG_LEVEL="ERROR",
    )
    return env
